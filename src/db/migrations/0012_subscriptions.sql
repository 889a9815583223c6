CREATE TABLE "subscription_unsubscribe_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"subscription_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text,
	"country" text,
	"language" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone NOT NULL,
	"confirm_sent_at" timestamp with time zone,
	"base_url" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	CONSTRAINT "subscriptions_status_check" CHECK ("subscriptions"."status" in ('pending', 'confirmed', 'unsubscribed')),
	CONSTRAINT "subscriptions_language_check" CHECK ("subscriptions"."language" in ('ar', 'zh', 'en', 'fr', 'ru', 'es')),
	CONSTRAINT "subscriptions_email_check" CHECK ("subscriptions"."status" = 'unsubscribed' or "subscriptions"."email" is not null)
);
--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "headers" jsonb;--> statement-breakpoint
ALTER TABLE "subscription_unsubscribe_tokens" ADD CONSTRAINT "subscription_unsubscribe_tokens_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_country_parties_iso3_fk" FOREIGN KEY ("country") REFERENCES "public"."parties"("iso3") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subscription_unsubscribe_tokens_subscription_idx" ON "subscription_unsubscribe_tokens" USING btree ("subscription_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_live_unique" ON "subscriptions" USING btree ("email",coalesce("country", '*')) WHERE "subscriptions"."status" in ('pending', 'confirmed');--> statement-breakpoint
CREATE UNIQUE INDEX "subscriptions_confirm_token_unique" ON "subscriptions" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "subscriptions_status_country_idx" ON "subscriptions" USING btree ("status","country");