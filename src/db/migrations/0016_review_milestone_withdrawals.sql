CREATE TABLE "review_milestone_withdrawals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"review_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"milestone_date" date NOT NULL,
	"dialogue_type" text,
	"withdrawn_on" date NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_milestone_withdrawals_order_check" CHECK ("review_milestone_withdrawals"."withdrawn_on" >= "review_milestone_withdrawals"."milestone_date")
);
--> statement-breakpoint
ALTER TABLE "review_milestone_withdrawals" ADD CONSTRAINT "review_milestone_withdrawals_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_milestone_withdrawals_review_idx" ON "review_milestone_withdrawals" USING btree ("review_id");