CREATE TABLE "checklist_answers" (
	"review_id" uuid NOT NULL,
	"provision_id" text NOT NULL,
	"compliance" text,
	"text" text DEFAULT '' NOT NULL,
	"assistance_needs" jsonb DEFAULT '{"types":[],"text":""}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checklist_answers_review_id_provision_id_pk" PRIMARY KEY("review_id","provision_id"),
	CONSTRAINT "checklist_answers_compliance_check" CHECK ("checklist_answers"."compliance" is null or "checklist_answers"."compliance" in ('yes', 'partially', 'no'))
);
--> statement-breakpoint
CREATE TABLE "checklist_submissions" (
	"review_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"submitted_by" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answers" jsonb NOT NULL,
	CONSTRAINT "checklist_submissions_review_id_number_pk" PRIMARY KEY("review_id","number")
);
--> statement-breakpoint
ALTER TABLE "checklist_answers" ADD CONSTRAINT "checklist_answers_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_submissions" ADD CONSTRAINT "checklist_submissions_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;