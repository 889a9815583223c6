CREATE TABLE "body_session_bodies" (
	"session_id" uuid NOT NULL,
	"body_code" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "body_session_bodies_session_id_body_code_pk" PRIMARY KEY("session_id","body_code")
);
--> statement-breakpoint
CREATE TABLE "body_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" integer NOT NULL,
	"resumed_part" integer DEFAULT 0 NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"venue" text DEFAULT '' NOT NULL,
	"format" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"agenda_adopted_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "body_sessions_format_check" CHECK ("body_sessions"."format" in ('in-person', 'online', 'hybrid')),
	CONSTRAINT "body_sessions_status_check" CHECK ("body_sessions"."status" in ('planned', 'registration', 'closed', 'held')),
	CONSTRAINT "body_sessions_dates_check" CHECK ("body_sessions"."end_date" >= "body_sessions"."start_date" and "body_sessions"."number" >= 1 and "body_sessions"."resumed_part" >= 0)
);
--> statement-breakpoint
CREATE TABLE "governing_bodies" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"series" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_agenda_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"parent_id" uuid,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_document_files" (
	"document_id" uuid NOT NULL,
	"language" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_document_files_document_id_language_pk" PRIMARY KEY("document_id","language"),
	CONSTRAINT "session_document_files_language_check" CHECK ("session_document_files"."language" in ('ar', 'zh', 'en', 'fr', 'ru', 'es'))
);
--> statement-breakpoint
CREATE TABLE "session_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"symbol" text NOT NULL,
	"series" text NOT NULL,
	"title" text NOT NULL,
	"distributed_on" date,
	"distribution" text NOT NULL,
	"role" text DEFAULT 'other' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_documents_distribution_check" CHECK ("session_documents"."distribution" in ('general', 'limited', 'restricted', 'crp'))
);
--> statement-breakpoint
CREATE TABLE "session_meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"room" text DEFAULT '' NOT NULL,
	"bodies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "session_meetings_times_check" CHECK ("session_meetings"."ends_at" > "session_meetings"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "session_report_objections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"circulated_version" integer NOT NULL,
	"state_iso3" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"objected_by" text NOT NULL,
	"objected_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_report_versions" (
	"session_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"text" text NOT NULL,
	"author" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_report_versions_session_id_version_pk" PRIMARY KEY("session_id","version")
);
--> statement-breakpoint
CREATE TABLE "session_reports" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"circulated_version" integer,
	"circulated_at" timestamp with time zone,
	"silence_deadline" timestamp with time zone,
	"adopted_on" date,
	"adoption_mode" text,
	"locked_at" timestamp with time zone,
	CONSTRAINT "session_reports_status_check" CHECK ("session_reports"."status" in ('draft', 'circulated', 'amended', 'adopted', 'locked')),
	CONSTRAINT "session_reports_mode_check" CHECK ("session_reports"."adoption_mode" is null or "session_reports"."adoption_mode" in ('meeting', 'silence'))
);
--> statement-breakpoint
ALTER TABLE "body_session_bodies" ADD CONSTRAINT "body_session_bodies_session_id_body_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."body_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "body_session_bodies" ADD CONSTRAINT "body_session_bodies_body_code_governing_bodies_code_fk" FOREIGN KEY ("body_code") REFERENCES "public"."governing_bodies"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_agenda_items" ADD CONSTRAINT "session_agenda_items_session_id_body_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."body_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_document_files" ADD CONSTRAINT "session_document_files_document_id_session_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."session_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_documents" ADD CONSTRAINT "session_documents_session_id_body_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."body_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_meetings" ADD CONSTRAINT "session_meetings_session_id_body_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."body_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_report_objections" ADD CONSTRAINT "session_report_objections_session_id_body_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."body_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_report_objections" ADD CONSTRAINT "session_report_objections_state_iso3_parties_iso3_fk" FOREIGN KEY ("state_iso3") REFERENCES "public"."parties"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_report_versions" ADD CONSTRAINT "session_report_versions_session_id_body_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."body_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_reports" ADD CONSTRAINT "session_reports_session_id_body_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."body_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "body_session_bodies_body_idx" ON "body_session_bodies" USING btree ("body_code");--> statement-breakpoint
CREATE INDEX "body_sessions_start_idx" ON "body_sessions" USING btree ("start_date");--> statement-breakpoint
CREATE INDEX "session_agenda_items_session_idx" ON "session_agenda_items" USING btree ("session_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "session_documents_symbol_idx" ON "session_documents" USING btree ("symbol");--> statement-breakpoint
CREATE INDEX "session_documents_session_idx" ON "session_documents" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "session_meetings_session_idx" ON "session_meetings" USING btree ("session_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "session_report_objections_once_idx" ON "session_report_objections" USING btree ("session_id","circulated_version","state_iso3");