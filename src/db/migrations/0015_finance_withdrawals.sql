ALTER TABLE "finance_contributions" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "finance_contributions" ADD COLUMN "withdrawn_by" text;--> statement-breakpoint
ALTER TABLE "finance_contributions" ADD COLUMN "withdrawal_reason" text;--> statement-breakpoint
ALTER TABLE "finance_expenditures" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "finance_expenditures" ADD COLUMN "withdrawn_by" text;--> statement-breakpoint
ALTER TABLE "finance_expenditures" ADD COLUMN "withdrawal_reason" text;--> statement-breakpoint
ALTER TABLE "finance_requirements" ADD COLUMN "withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "finance_requirements" ADD COLUMN "withdrawn_by" text;--> statement-breakpoint
ALTER TABLE "finance_requirements" ADD COLUMN "withdrawal_reason" text;