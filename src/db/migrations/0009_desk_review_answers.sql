ALTER TABLE "checklist_submissions" ADD COLUMN "reason" text DEFAULT 'submitted' NOT NULL;--> statement-breakpoint
ALTER TABLE "thread_messages" ADD COLUMN "answer_version" integer;