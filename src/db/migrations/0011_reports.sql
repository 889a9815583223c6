CREATE TABLE "executive_summaries" (
	"review_id" uuid PRIMARY KEY NOT NULL,
	"symbol" text DEFAULT '' NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finalised_at" timestamp with time zone,
	"finalised_by" text
);
--> statement-breakpoint
CREATE TABLE "publication_consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"review_id" uuid NOT NULL,
	"documents" jsonb NOT NULL,
	"languages" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"review_id" uuid NOT NULL,
	"document" text NOT NULL,
	"language" text NOT NULL,
	"version" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"snapshot" jsonb NOT NULL,
	"published_by" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publications_document_check" CHECK ("publications"."document" in ('report', 'summary', 'checklist')),
	CONSTRAINT "publications_language_check" CHECK ("publications"."language" in ('ar', 'zh', 'en', 'fr', 'ru', 'es'))
);
--> statement-breakpoint
CREATE TABLE "report_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"review_id" uuid NOT NULL,
	"article" integer NOT NULL,
	"side" text NOT NULL,
	"author" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_comments_side_check" CHECK ("report_comments"."side" in ('secretariat', 'reviewing', 'under-review'))
);
--> statement-breakpoint
CREATE TABLE "report_good_practices" (
	"review_id" uuid NOT NULL,
	"article" integer NOT NULL,
	"sequence" integer NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "report_good_practices_review_id_article_sequence_pk" PRIMARY KEY("review_id","article","sequence")
);
--> statement-breakpoint
CREATE TABLE "report_needs" (
	"review_id" uuid NOT NULL,
	"article" integer NOT NULL,
	"sequence" integer NOT NULL,
	"type" text NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "report_needs_review_id_article_sequence_pk" PRIMARY KEY("review_id","article","sequence")
);
--> statement-breakpoint
CREATE TABLE "report_recommendations" (
	"review_id" uuid NOT NULL,
	"article" integer NOT NULL,
	"sequence" integer NOT NULL,
	"reference" text NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "report_recommendations_review_id_article_sequence_pk" PRIMARY KEY("review_id","article","sequence")
);
--> statement-breakpoint
CREATE TABLE "report_section_versions" (
	"review_id" uuid NOT NULL,
	"article" integer NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"author" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_section_versions_review_id_article_version_pk" PRIMARY KEY("review_id","article","version")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"review_id" uuid PRIMARY KEY NOT NULL,
	"shared_at" timestamp with time zone,
	"shared_by" text,
	"agreement" jsonb,
	"finalised_at" timestamp with time zone,
	"finalised_by" text
);
--> statement-breakpoint
CREATE TABLE "summary_language_versions" (
	"review_id" uuid NOT NULL,
	"language" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"text" text NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "summary_language_versions_review_id_language_version_pk" PRIMARY KEY("review_id","language","version"),
	CONSTRAINT "summary_language_versions_status_check" CHECK ("summary_language_versions"."status" in ('pending', 'in_translation', 'final')),
	CONSTRAINT "summary_language_versions_language_check" CHECK ("summary_language_versions"."language" in ('ar', 'zh', 'en', 'fr', 'ru', 'es'))
);
--> statement-breakpoint
ALTER TABLE "executive_summaries" ADD CONSTRAINT "executive_summaries_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_consents" ADD CONSTRAINT "publication_consents_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_comments" ADD CONSTRAINT "report_comments_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_good_practices" ADD CONSTRAINT "report_good_practices_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_needs" ADD CONSTRAINT "report_needs_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_recommendations" ADD CONSTRAINT "report_recommendations_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_section_versions" ADD CONSTRAINT "report_section_versions_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summary_language_versions" ADD CONSTRAINT "summary_language_versions_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "publications_review_idx" ON "publications" USING btree ("review_id");--> statement-breakpoint
CREATE INDEX "report_comments_section_idx" ON "report_comments" USING btree ("review_id","article");--> statement-breakpoint
CREATE INDEX "report_needs_type_idx" ON "report_needs" USING btree ("type");--> statement-breakpoint
CREATE INDEX "report_recommendations_article_idx" ON "report_recommendations" USING btree ("article");--> statement-breakpoint
-- A publication is part of the public record: a correction is a new row, never a change.
CREATE OR REPLACE FUNCTION publications_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'publication % is immutable: publish a correction instead', OLD.id
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER publications_immutable
  BEFORE UPDATE OR DELETE ON publications
  FOR EACH ROW EXECUTE FUNCTION publications_refuse_change();
