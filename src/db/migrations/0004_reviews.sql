CREATE TABLE "review_extensions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"review_id" uuid NOT NULL,
	"milestone" text NOT NULL,
	"new_due_date" date NOT NULL,
	"reason" text NOT NULL,
	"agreed_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_milestones" (
	"review_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"dialogue_type" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_milestones_review_id_kind_pk" PRIMARY KEY("review_id","kind"),
	CONSTRAINT "review_milestones_dialogue_check" CHECK ("review_milestones"."dialogue_type" is null or "review_milestones"."dialogue_type" in ('country_visit', 'joint_meeting', 'virtual_visit'))
);
--> statement-breakpoint
CREATE TABLE "review_pauses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"review_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"reason" text NOT NULL,
	"recorded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cycle_number" integer NOT NULL,
	"state_iso3" text NOT NULL,
	"cohort_year" integer NOT NULL,
	"reviewer1_iso3" text NOT NULL,
	"reviewer2_iso3" text NOT NULL,
	"reviewers_source" text NOT NULL,
	"consent_to_publish_report" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_source_check" CHECK ("reviews"."reviewers_source" in ('draw', 'manual', 'import')),
	CONSTRAINT "reviews_distinct_reviewers_check" CHECK ("reviews"."reviewer1_iso3" <> "reviews"."reviewer2_iso3" and "reviews"."reviewer1_iso3" <> "reviews"."state_iso3" and "reviews"."reviewer2_iso3" <> "reviews"."state_iso3")
);
--> statement-breakpoint
ALTER TABLE "review_extensions" ADD CONSTRAINT "review_extensions_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_milestones" ADD CONSTRAINT "review_milestones_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_pauses" ADD CONSTRAINT "review_pauses_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_cycle_number_cycles_number_fk" FOREIGN KEY ("cycle_number") REFERENCES "public"."cycles"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_state_iso3_parties_iso3_fk" FOREIGN KEY ("state_iso3") REFERENCES "public"."parties"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer1_iso3_parties_iso3_fk" FOREIGN KEY ("reviewer1_iso3") REFERENCES "public"."parties"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer2_iso3_parties_iso3_fk" FOREIGN KEY ("reviewer2_iso3") REFERENCES "public"."parties"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_extensions_review_idx" ON "review_extensions" USING btree ("review_id");--> statement-breakpoint
CREATE INDEX "review_pauses_review_idx" ON "review_pauses" USING btree ("review_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_cycle_state_unique" ON "reviews" USING btree ("cycle_number","state_iso3");