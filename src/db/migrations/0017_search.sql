-- Recommendation search (issue 6): full-text indexes over the report's items and trigram
-- similarity of State names. The items are written in the report's original language
-- (English), so the english configuration stems them; the query uses the same one.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "report_recommendations_fts_idx" ON "report_recommendations" USING gin (to_tsvector('english'::regconfig, "text"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "report_good_practices_fts_idx" ON "report_good_practices" USING gin (to_tsvector('english'::regconfig, "text"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "report_needs_fts_idx" ON "report_needs" USING gin (to_tsvector('english'::regconfig, "text"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "parties_name_un_trgm_idx" ON "parties" USING gin ("name_un" gin_trgm_ops);
