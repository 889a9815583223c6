CREATE TABLE "assistance_corrections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"need_id" uuid,
	"text" text NOT NULL,
	"types" jsonb NOT NULL,
	"suggested" jsonb,
	"corrected_by" text NOT NULL,
	"corrected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assistance_needs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cycle_number" integer NOT NULL,
	"state_iso3" text NOT NULL,
	"article" integer NOT NULL,
	"description" text NOT NULL,
	"types" jsonb NOT NULL,
	"status" text NOT NULL,
	"suggested" jsonb,
	"source" text DEFAULT 'import' NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "assistance_needs_status_check" CHECK ("assistance_needs"."status" in ('given', 'classified', 'confirmed')),
	CONSTRAINT "assistance_needs_types_check" CHECK (jsonb_typeof("assistance_needs"."types") = 'array' and jsonb_array_length("assistance_needs"."types") > 0)
);
--> statement-breakpoint
ALTER TABLE "assistance_corrections" ADD CONSTRAINT "assistance_corrections_need_id_assistance_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."assistance_needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_needs" ADD CONSTRAINT "assistance_needs_cycle_number_cycles_number_fk" FOREIGN KEY ("cycle_number") REFERENCES "public"."cycles"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistance_needs" ADD CONSTRAINT "assistance_needs_state_iso3_parties_iso3_fk" FOREIGN KEY ("state_iso3") REFERENCES "public"."parties"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assistance_corrections_at_idx" ON "assistance_corrections" USING btree ("corrected_at");--> statement-breakpoint
CREATE INDEX "assistance_needs_cycle_idx" ON "assistance_needs" USING btree ("cycle_number","state_iso3","article");--> statement-breakpoint
CREATE INDEX "assistance_needs_status_idx" ON "assistance_needs" USING btree ("status");