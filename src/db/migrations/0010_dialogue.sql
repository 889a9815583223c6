CREATE TABLE "dialogue_participants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"review_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"side" text NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"email" text,
	"attended" boolean
);
--> statement-breakpoint
CREATE TABLE "dialogue_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"review_id" uuid NOT NULL,
	"title" text NOT NULL,
	"topic" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"notes_version" integer DEFAULT 0 NOT NULL,
	"notes_updated_by" text,
	"notes_updated_at" timestamp with time zone,
	CONSTRAINT "dialogue_sessions_order_check" CHECK ("dialogue_sessions"."ends_at" > "dialogue_sessions"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "dialogues" (
	"review_id" uuid PRIMARY KEY NOT NULL,
	"form" text NOT NULL,
	"time_zone" text NOT NULL,
	"start_date" date,
	"end_date" date,
	"location" text DEFAULT '' NOT NULL,
	"stakeholders_agreed" boolean DEFAULT false NOT NULL,
	"interpretation_languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dialogues_form_check" CHECK ("dialogues"."form" in ('country_visit', 'joint_meeting', 'virtual_visit')),
	CONSTRAINT "dialogues_dates_check" CHECK (("dialogues"."start_date" is null) = ("dialogues"."end_date" is null) and ("dialogues"."start_date" is null or "dialogues"."end_date" >= "dialogues"."start_date"))
);
--> statement-breakpoint
ALTER TABLE "dialogue_participants" ADD CONSTRAINT "dialogue_participants_review_id_dialogues_review_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."dialogues"("review_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogue_sessions" ADD CONSTRAINT "dialogue_sessions_review_id_dialogues_review_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."dialogues"("review_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogues" ADD CONSTRAINT "dialogues_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dialogue_participants_review_idx" ON "dialogue_participants" USING btree ("review_id");--> statement-breakpoint
CREATE INDEX "dialogue_sessions_review_idx" ON "dialogue_sessions" USING btree ("review_id");