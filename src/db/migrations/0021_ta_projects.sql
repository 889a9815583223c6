CREATE TABLE "ta_allocations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"contribution_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ta_allocations_amount_check" CHECK ("ta_allocations"."amount_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "ta_expenditures" (
	"expenditure_id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ta_need_recommendations" (
	"need_key" text NOT NULL,
	"reference" text NOT NULL,
	"state_iso3" text NOT NULL,
	"linked_by" text NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ta_need_recommendations_need_key_reference_pk" PRIMARY KEY("need_key","reference")
);
--> statement-breakpoint
CREATE TABLE "ta_project_needs" (
	"project_id" uuid NOT NULL,
	"need_key" text NOT NULL,
	"state_iso3" text NOT NULL,
	CONSTRAINT "ta_project_needs_project_id_need_key_pk" PRIMARY KEY("project_id","need_key")
);
--> statement-breakpoint
CREATE TABLE "ta_projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"provider_kind" text NOT NULL,
	"provider_name" text NOT NULL,
	"state_iso3" text NOT NULL,
	"status" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"results" text DEFAULT '' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "ta_projects_status_check" CHECK ("ta_projects"."status" in ('offered', 'agreed', 'under-way', 'delivered')),
	CONSTRAINT "ta_projects_provider_check" CHECK ("ta_projects"."provider_kind" in ('unodc', 'un-entity', 'bilateral-donor', 'regional-body', 'initiative', 'other'))
);
--> statement-breakpoint
ALTER TABLE "ta_allocations" ADD CONSTRAINT "ta_allocations_project_id_ta_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."ta_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ta_allocations" ADD CONSTRAINT "ta_allocations_contribution_id_finance_contributions_id_fk" FOREIGN KEY ("contribution_id") REFERENCES "public"."finance_contributions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ta_expenditures" ADD CONSTRAINT "ta_expenditures_expenditure_id_finance_expenditures_id_fk" FOREIGN KEY ("expenditure_id") REFERENCES "public"."finance_expenditures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ta_expenditures" ADD CONSTRAINT "ta_expenditures_project_id_ta_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."ta_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ta_project_needs" ADD CONSTRAINT "ta_project_needs_project_id_ta_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."ta_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ta_projects" ADD CONSTRAINT "ta_projects_state_iso3_parties_iso3_fk" FOREIGN KEY ("state_iso3") REFERENCES "public"."parties"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ta_allocations_contribution_idx" ON "ta_allocations" USING btree ("contribution_id");--> statement-breakpoint
CREATE INDEX "ta_allocations_project_idx" ON "ta_allocations" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "ta_expenditures_project_idx" ON "ta_expenditures" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "ta_project_needs_need_idx" ON "ta_project_needs" USING btree ("need_key");--> statement-breakpoint
CREATE INDEX "ta_projects_state_idx" ON "ta_projects" USING btree ("state_iso3");