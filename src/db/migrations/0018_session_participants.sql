CREATE TABLE "session_delegations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"party_iso3" text,
	"observer_name" text,
	"category" text,
	"sort_as" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "session_delegations_kind_check" CHECK ("session_delegations"."kind" in ('party', 'signatory', 'reio', 'observer')),
	CONSTRAINT "session_delegations_shape_check" CHECK (("session_delegations"."kind" = 'observer' and "session_delegations"."party_iso3" is null and "session_delegations"."observer_name" is not null and "session_delegations"."category" in ('secretariat-unit', 'un-body', 'specialized-agency', 'pni-institute', 'igo', 'standing-observer', 'ngo')) or ("session_delegations"."kind" <> 'observer' and "session_delegations"."party_iso3" is not null and "session_delegations"."observer_name" is null and "session_delegations"."category" is null))
);
--> statement-breakpoint
CREATE TABLE "session_registrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"delegation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'registered' NOT NULL,
	"registered_by" text NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"attended_at" timestamp with time zone,
	"connected_at" timestamp with time zone,
	"attendance_recorded_by" text,
	CONSTRAINT "session_registrations_status_check" CHECK ("session_registrations"."status" in ('registered', 'approved', 'attended', 'rejected', 'withdrawn')),
	CONSTRAINT "session_registrations_attended_check" CHECK ("session_registrations"."status" <> 'attended' or "session_registrations"."attended_at" is not null or "session_registrations"."connected_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "session_delegations" ADD CONSTRAINT "session_delegations_session_id_body_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."body_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_delegations" ADD CONSTRAINT "session_delegations_party_iso3_parties_iso3_fk" FOREIGN KEY ("party_iso3") REFERENCES "public"."parties"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_registrations" ADD CONSTRAINT "session_registrations_session_id_body_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."body_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_registrations" ADD CONSTRAINT "session_registrations_delegation_id_session_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."session_delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "session_delegations_state_idx" ON "session_delegations" USING btree ("session_id","party_iso3") WHERE "session_delegations"."party_iso3" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "session_delegations_observer_idx" ON "session_delegations" USING btree ("session_id",lower("observer_name")) WHERE "session_delegations"."observer_name" is not null;--> statement-breakpoint
CREATE INDEX "session_registrations_session_idx" ON "session_registrations" USING btree ("session_id","delegation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "session_registrations_email_idx" ON "session_registrations" USING btree ("session_id","email") WHERE "session_registrations"."email" <> '';