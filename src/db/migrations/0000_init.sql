CREATE TABLE "accessions" (
	"party_iso3" text PRIMARY KEY NOT NULL,
	"effective_on" date,
	"precision" text NOT NULL,
	"source" text NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accessions_precision_check" CHECK ("accessions"."precision" in ('day', 'year', 'unknown')),
	CONSTRAINT "accessions_date_check" CHECK (("accessions"."precision" = 'unknown') = ("accessions"."effective_on" is null))
);
--> statement-breakpoint
CREATE TABLE "articles" (
	"instrument_code" text NOT NULL,
	"number" integer NOT NULL,
	"chapter_number" text NOT NULL,
	"title" text NOT NULL,
	CONSTRAINT "articles_instrument_code_number_pk" PRIMARY KEY("instrument_code","number")
);
--> statement-breakpoint
CREATE TABLE "chapters" (
	"instrument_code" text NOT NULL,
	"number" text NOT NULL,
	"ordinal" integer NOT NULL,
	"title" text NOT NULL,
	CONSTRAINT "chapters_instrument_code_number_pk" PRIMARY KEY("instrument_code","number")
);
--> statement-breakpoint
CREATE TABLE "cohort_members" (
	"cycle_number" integer NOT NULL,
	"year" integer NOT NULL,
	"party_iso3" text NOT NULL,
	CONSTRAINT "cohort_members_cycle_number_party_iso3_pk" PRIMARY KEY("cycle_number","party_iso3")
);
--> statement-breakpoint
CREATE TABLE "cohorts" (
	"cycle_number" integer NOT NULL,
	"year" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohorts_cycle_number_year_pk" PRIMARY KEY("cycle_number","year")
);
--> statement-breakpoint
CREATE TABLE "cycles" (
	"number" integer PRIMARY KEY NOT NULL,
	"mechanism_id" text NOT NULL,
	"title" text NOT NULL,
	"chapters" jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"extended_to" date,
	"years" integer NOT NULL,
	"first_year" integer NOT NULL,
	CONSTRAINT "cycles_years_check" CHECK ("cycles"."years" between 1 and 20)
);
--> statement-breakpoint
CREATE TABLE "mechanisms" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"instrument_code" text NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parties" (
	"iso3" text PRIMARY KEY NOT NULL,
	"iso2" text,
	"name_un" text NOT NULL,
	"name_common" text NOT NULL,
	"names" jsonb NOT NULL,
	"regional_group" text,
	"kind" text DEFAULT 'state' NOT NULL,
	"is_un_member" boolean NOT NULL,
	CONSTRAINT "parties_iso3_check" CHECK ("parties"."iso3" ~ '^[A-Z]{3}$'),
	CONSTRAINT "parties_kind_check" CHECK ("parties"."kind" in ('state', 'reio')),
	CONSTRAINT "parties_group_check" CHECK ("parties"."regional_group" is null or "parties"."regional_group" in ('african', 'asia-pacific', 'eastern-european', 'latin-american-caribbean', 'western-european-other'))
);
--> statement-breakpoint
CREATE TABLE "provisions" (
	"instrument_code" text NOT NULL,
	"id" text NOT NULL,
	"article_number" integer NOT NULL,
	"ordinal" integer NOT NULL,
	"label" text NOT NULL,
	"part" text NOT NULL,
	"paragraph" integer,
	"subparagraph" text,
	"obligation" text NOT NULL,
	"items" jsonb,
	"note" text,
	CONSTRAINT "provisions_instrument_code_id_pk" PRIMARY KEY("instrument_code","id"),
	CONSTRAINT "provisions_part_check" CHECK ("provisions"."part" in ('article', 'paragraph', 'subparagraph', 'chapeau')),
	CONSTRAINT "provisions_obligation_check" CHECK ("provisions"."obligation" in ('mandatory', 'consider', 'optional', 'definition'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"state_iso3" text,
	"password_hash" text,
	"oidc_issuer" text,
	"oidc_subject" text,
	"is_disabled" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('secretariat', 'focal-point', 'expert', 'delegate')),
	CONSTRAINT "users_email_lower_check" CHECK ("users"."email" = lower("users"."email")),
	CONSTRAINT "users_state_role_check" CHECK (("users"."role" in ('focal-point', 'expert')) = ("users"."state_iso3" is not null) or "users"."role" = 'delegate')
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" text,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"resource_type" text,
	"resource_id" text,
	"details" jsonb,
	"ip" text,
	"request_id" text
);
--> statement-breakpoint
ALTER TABLE "accessions" ADD CONSTRAINT "accessions_party_iso3_parties_iso3_fk" FOREIGN KEY ("party_iso3") REFERENCES "public"."parties"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_instrument_code_chapter_number_chapters_instrument_code_number_fk" FOREIGN KEY ("instrument_code","chapter_number") REFERENCES "public"."chapters"("instrument_code","number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_members" ADD CONSTRAINT "cohort_members_party_iso3_parties_iso3_fk" FOREIGN KEY ("party_iso3") REFERENCES "public"."parties"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_members" ADD CONSTRAINT "cohort_members_cycle_number_year_cohorts_cycle_number_year_fk" FOREIGN KEY ("cycle_number","year") REFERENCES "public"."cohorts"("cycle_number","year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohorts" ADD CONSTRAINT "cohorts_cycle_number_cycles_number_fk" FOREIGN KEY ("cycle_number") REFERENCES "public"."cycles"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycles" ADD CONSTRAINT "cycles_mechanism_id_mechanisms_id_fk" FOREIGN KEY ("mechanism_id") REFERENCES "public"."mechanisms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisions" ADD CONSTRAINT "provisions_instrument_code_article_number_articles_instrument_code_number_fk" FOREIGN KEY ("instrument_code","article_number") REFERENCES "public"."articles"("instrument_code","number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_state_iso3_parties_iso3_fk" FOREIGN KEY ("state_iso3") REFERENCES "public"."parties"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cohort_members_year_party" ON "cohort_members" USING btree ("cycle_number","year","party_iso3");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "users_oidc_unique" ON "users" USING btree ("oidc_issuer","oidc_subject");--> statement-breakpoint
CREATE INDEX "audit_events_resource_idx" ON "audit_events" USING btree ("resource_type","resource_id");--> statement-breakpoint
CREATE INDEX "audit_events_occurred_idx" ON "audit_events" USING btree ("occurred_at");