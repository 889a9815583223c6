CREATE TABLE "finance_contributions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"donor_iso3" text,
	"donor_name" text,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"currency" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"earmarking" text NOT NULL,
	"activity" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finance_contributions_donor_check" CHECK (("finance_contributions"."donor_iso3" is null) <> ("finance_contributions"."donor_name" is null)),
	CONSTRAINT "finance_contributions_kind_check" CHECK ("finance_contributions"."kind" in ('cash', 'in-kind')),
	CONSTRAINT "finance_contributions_amount_check" CHECK ("finance_contributions"."amount_minor" > 0),
	CONSTRAINT "finance_contributions_currency_check" CHECK ("finance_contributions"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "finance_expenditures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cycle" integer NOT NULL,
	"category" text NOT NULL,
	"date" date NOT NULL,
	"currency" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finance_expenditures_amount_check" CHECK ("finance_expenditures"."amount_minor" > 0),
	CONSTRAINT "finance_expenditures_currency_check" CHECK ("finance_expenditures"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "finance_posts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"grade" text NOT NULL,
	"title" text NOT NULL,
	"regular_budget" boolean NOT NULL,
	"vacant_from" date,
	"vacant_to" date,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance_rates" (
	"currency" text NOT NULL,
	"valid_from" date NOT NULL,
	"per_usd" numeric(22, 10) NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finance_rates_currency_valid_from_pk" PRIMARY KEY("currency","valid_from"),
	CONSTRAINT "finance_rates_positive_check" CHECK ("finance_rates"."per_usd" > 0)
);
--> statement-breakpoint
CREATE TABLE "finance_receipts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"contribution_id" uuid NOT NULL,
	"date" date NOT NULL,
	"amount_minor" bigint NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finance_receipts_amount_check" CHECK ("finance_receipts"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "finance_requirements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cycle" integer NOT NULL,
	"year" integer NOT NULL,
	"currency" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finance_requirements_amount_check" CHECK ("finance_requirements"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "finance_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"visit_cost_minor" bigint,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "finance_contributions" ADD CONSTRAINT "finance_contributions_donor_iso3_parties_iso3_fk" FOREIGN KEY ("donor_iso3") REFERENCES "public"."parties"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_receipts" ADD CONSTRAINT "finance_receipts_contribution_id_finance_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."finance_contributions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "finance_contributions_donor_idx" ON "finance_contributions" USING btree ("donor_iso3");--> statement-breakpoint
CREATE INDEX "finance_receipts_contribution_idx" ON "finance_receipts" USING btree ("contribution_id");