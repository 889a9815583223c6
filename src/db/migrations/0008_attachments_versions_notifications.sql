CREATE TABLE "checklist_answer_versions" (
	"review_id" uuid NOT NULL,
	"provision_id" text NOT NULL,
	"version" integer NOT NULL,
	"compliance" text,
	"text" text NOT NULL,
	"assistance_needs" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"source" text DEFAULT 'checklist' NOT NULL,
	CONSTRAINT "checklist_answer_versions_review_id_provision_id_version_pk" PRIMARY KEY("review_id","provision_id","version"),
	CONSTRAINT "checklist_answer_versions_source_check" CHECK ("checklist_answer_versions"."source" in ('checklist', 'desk-review', 'import'))
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"review_id" uuid NOT NULL,
	"provision_id" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_by" text,
	"removed_at" timestamp with time zone,
	CONSTRAINT "attachments_size_check" CHECK ("attachments"."size_bytes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"email" text NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"link" text NOT NULL,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"email_status" text DEFAULT 'pending' NOT NULL,
	"emailed_at" timestamp with time zone,
	"email_error" text,
	CONSTRAINT "notifications_email_status_check" CHECK ("notifications"."email_status" in ('pending', 'sent', 'failed', 'outbox'))
);
--> statement-breakpoint
ALTER TABLE "checklist_answer_versions" ADD CONSTRAINT "checklist_answer_versions_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_review_idx" ON "attachments" USING btree ("review_id","provision_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_pending_idx" ON "notifications" USING btree ("email_status");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_unique" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
-- Answers saved before versions were kept start their history at their current version.
INSERT INTO "checklist_answer_versions" ("review_id", "provision_id", "version", "compliance", "text", "assistance_needs", "updated_by", "updated_at", "source")
SELECT "review_id", "provision_id", "version", "compliance", "text", "assistance_needs", "updated_by", "updated_at", 'checklist' FROM "checklist_answers";
