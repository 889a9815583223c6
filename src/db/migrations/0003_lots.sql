CREATE TABLE "draw_exclusions" (
	"cycle_number" integer NOT NULL,
	"year" integer NOT NULL,
	"party_iso3" text NOT NULL,
	"reason" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "draw_exclusions_cycle_number_year_party_iso3_pk" PRIMARY KEY("cycle_number","year","party_iso3")
);
--> statement-breakpoint
CREATE TABLE "draws" (
	"id" uuid PRIMARY KEY NOT NULL,
	"mechanism_id" text NOT NULL,
	"cycle_number" integer NOT NULL,
	"year" integer,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"commitment" text NOT NULL,
	"secret" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"public_entropy" text,
	"record" jsonb,
	"redraw_of" uuid,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"drawn_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "draws_kind_check" CHECK ("draws"."kind" in ('cohorts', 'reviewers', 'redraw')),
	CONSTRAINT "draws_status_check" CHECK ("draws"."status" in ('committed', 'drawn', 'published', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "redraw_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cycle_number" integer NOT NULL,
	"under_review_iso3" text NOT NULL,
	"slot" integer NOT NULL,
	"reason" text,
	"exceptional_decision" text,
	"status" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"draw_id" uuid,
	CONSTRAINT "redraw_requests_status_check" CHECK ("redraw_requests"."status" in ('queued', 'drawn', 'withdrawn')),
	CONSTRAINT "redraw_requests_slot_check" CHECK ("redraw_requests"."slot" in (0, 1))
);
--> statement-breakpoint
CREATE TABLE "reviewer_assignments" (
	"cycle_number" integer NOT NULL,
	"year" integer NOT NULL,
	"under_review_iso3" text NOT NULL,
	"slot" integer NOT NULL,
	"reviewer_iso3" text NOT NULL,
	"draw_id" uuid NOT NULL,
	CONSTRAINT "reviewer_assignments_cycle_number_under_review_iso3_slot_pk" PRIMARY KEY("cycle_number","under_review_iso3","slot"),
	CONSTRAINT "reviewer_assignments_slot_check" CHECK ("reviewer_assignments"."slot" in (0, 1))
);
--> statement-breakpoint
ALTER TABLE "draw_exclusions" ADD CONSTRAINT "draw_exclusions_cycle_number_cycles_number_fk" FOREIGN KEY ("cycle_number") REFERENCES "public"."cycles"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draw_exclusions" ADD CONSTRAINT "draw_exclusions_party_iso3_parties_iso3_fk" FOREIGN KEY ("party_iso3") REFERENCES "public"."parties"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draws" ADD CONSTRAINT "draws_cycle_number_cycles_number_fk" FOREIGN KEY ("cycle_number") REFERENCES "public"."cycles"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redraw_requests" ADD CONSTRAINT "redraw_requests_under_review_iso3_parties_iso3_fk" FOREIGN KEY ("under_review_iso3") REFERENCES "public"."parties"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "redraw_requests" ADD CONSTRAINT "redraw_requests_draw_id_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviewer_assignments" ADD CONSTRAINT "reviewer_assignments_cycle_number_cycles_number_fk" FOREIGN KEY ("cycle_number") REFERENCES "public"."cycles"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviewer_assignments" ADD CONSTRAINT "reviewer_assignments_under_review_iso3_parties_iso3_fk" FOREIGN KEY ("under_review_iso3") REFERENCES "public"."parties"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviewer_assignments" ADD CONSTRAINT "reviewer_assignments_reviewer_iso3_parties_iso3_fk" FOREIGN KEY ("reviewer_iso3") REFERENCES "public"."parties"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviewer_assignments" ADD CONSTRAINT "reviewer_assignments_draw_id_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."draws"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "draws_cycle_idx" ON "draws" USING btree ("cycle_number","year");--> statement-breakpoint
CREATE UNIQUE INDEX "redraw_requests_one_queued" ON "redraw_requests" USING btree ("cycle_number","under_review_iso3","slot") WHERE "redraw_requests"."status" = 'queued';--> statement-breakpoint
CREATE INDEX "reviewer_assignments_reviewer_idx" ON "reviewer_assignments" USING btree ("cycle_number","reviewer_iso3");--> statement-breakpoint
-- A published draw is part of the public record: it can never change or disappear.
-- A correction is a new redraw, recorded as its own draw.
CREATE OR REPLACE FUNCTION draws_refuse_change_when_published() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'draw % is published and cannot be changed', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER draws_published_immutable
  BEFORE UPDATE OR DELETE ON draws
  FOR EACH ROW EXECUTE FUNCTION draws_refuse_change_when_published();
