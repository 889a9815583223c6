CREATE TABLE "need_cells" (
	"cycle_number" integer NOT NULL,
	"state_iso3" text NOT NULL,
	"article" integer NOT NULL,
	"type" text NOT NULL,
	"n" integer NOT NULL,
	"needs" integer NOT NULL,
	CONSTRAINT "need_cells_cycle_number_state_iso3_article_type_pk" PRIMARY KEY("cycle_number","state_iso3","article","type")
);
--> statement-breakpoint
-- The cells of one State in one cycle, recomputed from the sources: needs of a finalised
-- report (a draft's needs still change) and needs recorded from elsewhere, one row per type.
CREATE OR REPLACE FUNCTION refresh_need_cells(target_cycle integer, target_state text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM need_cells WHERE cycle_number = target_cycle AND state_iso3 = target_state;
  INSERT INTO need_cells (cycle_number, state_iso3, article, type, n, needs)
  SELECT target_cycle, target_state, x.article, x.type, count(*), sum(x.first)
  FROM (
    SELECT n.article, n.type, 1 AS first
      FROM report_needs n JOIN reviews r ON r.id = n.review_id JOIN reports p ON p.review_id = n.review_id
     WHERE r.cycle_number = target_cycle AND r.state_iso3 = target_state AND p.finalised_at IS NOT NULL
    UNION ALL
    SELECT a.article, t.type, CASE WHEN t.ord = 1 THEN 1 ELSE 0 END
      FROM assistance_needs a CROSS JOIN LATERAL jsonb_array_elements_text(a.types) WITH ORDINALITY AS t(type, ord)
     WHERE a.cycle_number = target_cycle AND a.state_iso3 = target_state
  ) x
  GROUP BY x.article, x.type;
END $$;--> statement-breakpoint
-- Statement-level: a 100,000-row import recomputes each (cycle, State) it touched once.
-- Transition tables: changed_new for INSERT and UPDATE, changed_old for UPDATE and DELETE
-- (plpgsql plans a statement when it first runs it, so the branch of another event is never planned).
CREATE OR REPLACE FUNCTION need_cells_after_review_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM refresh_need_cells(k.cycle_number, k.state_iso3)
       FROM (SELECT DISTINCT r.cycle_number, r.state_iso3 FROM reviews r WHERE r.id IN (SELECT review_id FROM changed_new)) k;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM refresh_need_cells(k.cycle_number, k.state_iso3)
       FROM (SELECT DISTINCT r.cycle_number, r.state_iso3 FROM reviews r WHERE r.id IN (SELECT review_id FROM changed_old)) k;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION need_cells_after_recorded_needs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM refresh_need_cells(k.cycle_number, k.state_iso3) FROM (SELECT DISTINCT cycle_number, state_iso3 FROM changed_new) k;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM refresh_need_cells(k.cycle_number, k.state_iso3) FROM (SELECT DISTINCT cycle_number, state_iso3 FROM changed_old) k;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER report_needs_cells_insert AFTER INSERT ON report_needs REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION need_cells_after_review_rows();--> statement-breakpoint
CREATE TRIGGER report_needs_cells_update AFTER UPDATE ON report_needs REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION need_cells_after_review_rows();--> statement-breakpoint
CREATE TRIGGER report_needs_cells_delete AFTER DELETE ON report_needs REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION need_cells_after_review_rows();--> statement-breakpoint
CREATE TRIGGER reports_cells_insert AFTER INSERT ON reports REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION need_cells_after_review_rows();--> statement-breakpoint
CREATE TRIGGER reports_cells_update AFTER UPDATE ON reports REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION need_cells_after_review_rows();--> statement-breakpoint
CREATE TRIGGER reports_cells_delete AFTER DELETE ON reports REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION need_cells_after_review_rows();--> statement-breakpoint
CREATE TRIGGER assistance_needs_cells_insert AFTER INSERT ON assistance_needs REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION need_cells_after_recorded_needs();--> statement-breakpoint
CREATE TRIGGER assistance_needs_cells_update AFTER UPDATE ON assistance_needs REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION need_cells_after_recorded_needs();--> statement-breakpoint
CREATE TRIGGER assistance_needs_cells_delete AFTER DELETE ON assistance_needs REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION need_cells_after_recorded_needs();--> statement-breakpoint
-- Every cell from scratch: fills the table for the data already there.
CREATE OR REPLACE FUNCTION rebuild_need_cells() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM need_cells;
  PERFORM refresh_need_cells(k.cycle_number, k.state_iso3)
     FROM (SELECT r.cycle_number, r.state_iso3 FROM reviews r JOIN report_needs n ON n.review_id = r.id
           UNION SELECT cycle_number, state_iso3 FROM assistance_needs) k;
END $$;--> statement-breakpoint
SELECT rebuild_need_cells();
