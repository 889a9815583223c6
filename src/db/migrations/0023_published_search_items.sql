CREATE TABLE "published_search_items" (
	"review_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"need_type" text,
	"article" integer NOT NULL,
	"sequence" integer NOT NULL,
	"reference" text,
	"text" text NOT NULL,
	CONSTRAINT "published_search_items_review_id_kind_article_sequence_pk" PRIMARY KEY("review_id","kind","article","sequence")
);
--> statement-breakpoint
ALTER TABLE "published_search_items" ADD CONSTRAINT "published_search_items_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "published_search_items_fts_idx" ON "published_search_items" USING gin (to_tsvector('english'::regconfig, "text"));--> statement-breakpoint
-- A review's searchable published items are those of its latest published report (the rule of
-- published-material.ts); rebuilt whole on every publication of a report, whatever the order
-- in which publications arrive (a restore inserts them in any order).
CREATE OR REPLACE FUNCTION refresh_published_search_items(target uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM published_search_items WHERE review_id = target;
  INSERT INTO published_search_items (review_id, kind, need_type, article, sequence, reference, text)
  SELECT target, i.kind, i.need_type, (s.value ->> 'article')::int, i.seq,
         -- A recommendation keeps the reference it was published with; its place otherwise.
         CASE WHEN i.kind = 'recommendation'
              THEN coalesce(i.reference, concat_ws('/', latest.snapshot ->> 'cycle', latest.snapshot ->> 'iso3', s.value ->> 'article', i.seq)) END,
         i.text
  FROM (
    SELECT snapshot FROM publications
    WHERE review_id = target AND document = 'report'
    ORDER BY version DESC, published_at DESC LIMIT 1
  ) latest
  CROSS JOIN LATERAL jsonb_array_elements(coalesce(latest.snapshot -> 'sections', '[]'::jsonb)) s
  CROSS JOIN LATERAL (
    SELECT 'recommendation' AS kind, NULL::text AS need_type, r.ord::int AS seq, r.value ->> 'reference' AS reference, r.value ->> 'text' AS text
      FROM jsonb_array_elements(coalesce(s.value -> 'content' -> 'recommendations', '[]'::jsonb)) WITH ORDINALITY r(value, ord)
    UNION ALL
    SELECT 'good-practice', NULL, g.ord::int, NULL, g.value ->> 'text'
      FROM jsonb_array_elements(coalesce(s.value -> 'content' -> 'goodPractices', '[]'::jsonb)) WITH ORDINALITY g(value, ord)
    UNION ALL
    SELECT 'need', n.value ->> 'type', n.ord::int, NULL, n.value ->> 'text'
      FROM jsonb_array_elements(coalesce(s.value -> 'content' -> 'needs', '[]'::jsonb)) WITH ORDINALITY n(value, ord)
  ) i
  WHERE i.text IS NOT NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION published_search_items_on_publication() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.document = 'report' THEN
    PERFORM refresh_published_search_items(NEW.review_id);
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER publications_refresh_search_items AFTER INSERT ON publications
  FOR EACH ROW EXECUTE FUNCTION published_search_items_on_publication();--> statement-breakpoint
SELECT refresh_published_search_items(review_id) FROM (SELECT DISTINCT review_id FROM publications WHERE document = 'report') published;
