CREATE TABLE "follow_up_action_progress" (
	"id" uuid PRIMARY KEY NOT NULL,
	"action_id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"percent" integer,
	"status" text NOT NULL,
	"note" text NOT NULL,
	"reported_on" date NOT NULL,
	"author" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_up_action_progress_percent_check" CHECK ("follow_up_action_progress"."percent" is null or ("follow_up_action_progress"."percent" between 0 and 100)),
	CONSTRAINT "follow_up_action_progress_status_check" CHECK ("follow_up_action_progress"."status" in ('not-started', 'on-track', 'delayed', 'completed'))
);
--> statement-breakpoint
CREATE TABLE "follow_up_actions" (
	"id" uuid NOT NULL,
	"version" integer NOT NULL,
	"review_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_institution" text NOT NULL,
	"deadline" date NOT NULL,
	"indicators" jsonb NOT NULL,
	"recommendations" jsonb NOT NULL,
	"author" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_up_assessments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"review_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"article" integer NOT NULL,
	"sequence" integer NOT NULL,
	"version" integer NOT NULL,
	"self_report_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note" text NOT NULL,
	"assessed_on" date NOT NULL,
	"side" text NOT NULL,
	"assessor" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_up_assessments_status_check" CHECK (status in ('implemented', 'partly-implemented', 'not-implemented', 'no-longer-applicable')),
	CONSTRAINT "follow_up_assessments_side_check" CHECK ("follow_up_assessments"."side" in ('secretariat', 'reviewing'))
);
--> statement-breakpoint
CREATE TABLE "follow_up_evidence_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"review_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_up_rounds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"review_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"opens_on" date NOT NULL,
	"due_on" date NOT NULL,
	"opened_by" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_on" date,
	"closed_by" text,
	CONSTRAINT "follow_up_rounds_dates_check" CHECK ("follow_up_rounds"."due_on" >= "follow_up_rounds"."opens_on")
);
--> statement-breakpoint
CREATE TABLE "follow_up_self_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"review_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"article" integer NOT NULL,
	"sequence" integer NOT NULL,
	"reference" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"narrative" text NOT NULL,
	"links" jsonb NOT NULL,
	"statistics" jsonb NOT NULL,
	"documents" jsonb NOT NULL,
	"author" text NOT NULL,
	"submitted_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_up_self_reports_status_check" CHECK (status in ('implemented', 'partly-implemented', 'not-implemented', 'no-longer-applicable'))
);
--> statement-breakpoint
ALTER TABLE "follow_up_action_progress" ADD CONSTRAINT "follow_up_action_progress_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_actions" ADD CONSTRAINT "follow_up_actions_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_assessments" ADD CONSTRAINT "follow_up_assessments_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_assessments" ADD CONSTRAINT "follow_up_assessments_round_id_follow_up_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."follow_up_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_assessments" ADD CONSTRAINT "follow_up_assessments_self_report_id_follow_up_self_reports_id_fk" FOREIGN KEY ("self_report_id") REFERENCES "public"."follow_up_self_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_evidence_files" ADD CONSTRAINT "follow_up_evidence_files_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_rounds" ADD CONSTRAINT "follow_up_rounds_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_self_reports" ADD CONSTRAINT "follow_up_self_reports_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_self_reports" ADD CONSTRAINT "follow_up_self_reports_round_id_follow_up_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."follow_up_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_up_action_progress_action_idx" ON "follow_up_action_progress" USING btree ("action_id");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_actions_version_unique" ON "follow_up_actions" USING btree ("id","version");--> statement-breakpoint
CREATE INDEX "follow_up_actions_review_idx" ON "follow_up_actions" USING btree ("review_id");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_assessments_version_unique" ON "follow_up_assessments" USING btree ("round_id","article","sequence","version");--> statement-breakpoint
CREATE INDEX "follow_up_assessments_review_idx" ON "follow_up_assessments" USING btree ("review_id");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_rounds_number_unique" ON "follow_up_rounds" USING btree ("review_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_self_reports_version_unique" ON "follow_up_self_reports" USING btree ("round_id","article","sequence","version");--> statement-breakpoint
CREATE INDEX "follow_up_self_reports_review_idx" ON "follow_up_self_reports" USING btree ("review_id");