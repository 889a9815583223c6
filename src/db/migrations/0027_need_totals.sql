CREATE TABLE "need_states" (
	"cycle_number" integer NOT NULL,
	"state_iso3" text NOT NULL,
	"articles" integer[] NOT NULL,
	"types" text[] NOT NULL,
	CONSTRAINT "need_states_cycle_number_state_iso3_pk" PRIMARY KEY("cycle_number","state_iso3")
);
--> statement-breakpoint
CREATE TABLE "need_totals" (
	"cycle_number" integer NOT NULL,
	"article" integer NOT NULL,
	"type" text NOT NULL,
	"n" integer NOT NULL,
	"needs" integer NOT NULL,
	CONSTRAINT "need_totals_cycle_number_article_type_pk" PRIMARY KEY("cycle_number","article","type")
);
--> statement-breakpoint
-- The cells of the given (cycle, State) pairs, recomputed from the sources (as in 0026), and with
-- them their rows of need_states and the cycles' need_totals, by difference: the old cells are
-- subtracted, the new ones added, in one statement each however many States a statement touched
-- (updating need_totals per State left a 100,000-row import with ~900,000 dead versions of a
-- table of a few hundred rows). Differences stay exact only if no other transaction changes
-- the same tables in between, so this takes a lock that other writers of needs wait for until
-- this transaction commits (writes of needs are rare: a finalisation, an import).
DROP FUNCTION refresh_need_cells(integer, text);--> statement-breakpoint
-- The pairs come as two arrays of the same length, each pair once.
CREATE FUNCTION refresh_need_cells(target_cycles integer[], target_states text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7263002);
  INSERT INTO need_totals AS t (cycle_number, article, type, n, needs)
    SELECT c.cycle_number, c.article, c.type, -sum(c.n), -sum(c.needs)
      FROM need_cells c JOIN unnest(target_cycles, target_states) AS k(cycle_number, state_iso3) USING (cycle_number, state_iso3)
     GROUP BY 1, 2, 3
    ON CONFLICT (cycle_number, article, type) DO UPDATE SET n = t.n + excluded.n, needs = t.needs + excluded.needs;
  DELETE FROM need_cells c USING unnest(target_cycles, target_states) AS k(cycle_number, state_iso3) WHERE c.cycle_number = k.cycle_number AND c.state_iso3 = k.state_iso3;
  INSERT INTO need_cells (cycle_number, state_iso3, article, type, n, needs)
  SELECT x.cycle_number, x.state_iso3, x.article, x.type, count(*), sum(x.first)
  FROM (
    SELECT r.cycle_number, r.state_iso3, n.article, n.type, 1 AS first
      FROM report_needs n JOIN reviews r ON r.id = n.review_id JOIN reports p ON p.review_id = n.review_id
      JOIN unnest(target_cycles, target_states) AS k(cycle_number, state_iso3) ON k.cycle_number = r.cycle_number AND k.state_iso3 = r.state_iso3
     WHERE p.finalised_at IS NOT NULL
    UNION ALL
    SELECT a.cycle_number, a.state_iso3, a.article, t.type, CASE WHEN t.ord = 1 THEN 1 ELSE 0 END
      FROM assistance_needs a JOIN unnest(target_cycles, target_states) AS k(cycle_number, state_iso3) ON k.cycle_number = a.cycle_number AND k.state_iso3 = a.state_iso3
     CROSS JOIN LATERAL jsonb_array_elements_text(a.types) WITH ORDINALITY AS t(type, ord)
  ) x
  GROUP BY 1, 2, 3, 4;
  INSERT INTO need_totals AS t (cycle_number, article, type, n, needs)
    SELECT c.cycle_number, c.article, c.type, sum(c.n), sum(c.needs)
      FROM need_cells c JOIN unnest(target_cycles, target_states) AS k(cycle_number, state_iso3) USING (cycle_number, state_iso3)
     GROUP BY 1, 2, 3
    ON CONFLICT (cycle_number, article, type) DO UPDATE SET n = t.n + excluded.n, needs = t.needs + excluded.needs;
  DELETE FROM need_totals WHERE n = 0 AND cycle_number IN (SELECT unnest(target_cycles));
  DELETE FROM need_states s USING unnest(target_cycles, target_states) AS k(cycle_number, state_iso3) WHERE s.cycle_number = k.cycle_number AND s.state_iso3 = k.state_iso3;
  INSERT INTO need_states (cycle_number, state_iso3, articles, types)
    SELECT c.cycle_number, c.state_iso3, array_agg(DISTINCT c.article ORDER BY c.article), array_agg(DISTINCT c.type ORDER BY c.type)
      FROM need_cells c JOIN unnest(target_cycles, target_states) AS k(cycle_number, state_iso3) USING (cycle_number, state_iso3)
     GROUP BY 1, 2;
END $$;--> statement-breakpoint
-- As in 0026, with all the (cycle, State)s of a statement refreshed together, and an UPDATE
-- refreshing the union of those of its old and new rows (0026 refreshed an unmoved State twice).
CREATE OR REPLACE FUNCTION need_cells_after_review_rows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cycles integer[];
  states text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(r.cycle_number), array_agg(r.state_iso3) INTO cycles, states
      FROM reviews r WHERE r.id IN (SELECT review_id FROM changed_new);
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(r.cycle_number), array_agg(r.state_iso3) INTO cycles, states
      FROM reviews r WHERE r.id IN (SELECT review_id FROM changed_new UNION SELECT review_id FROM changed_old);
  ELSE
    SELECT array_agg(r.cycle_number), array_agg(r.state_iso3) INTO cycles, states
      FROM reviews r WHERE r.id IN (SELECT review_id FROM changed_old);
  END IF;
  IF cycles IS NOT NULL THEN
    PERFORM refresh_need_cells(cycles, states);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION need_cells_after_recorded_needs() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cycles integer[];
  states text[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(cycle_number), array_agg(state_iso3) INTO cycles, states FROM (SELECT DISTINCT cycle_number, state_iso3 FROM changed_new) k;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(cycle_number), array_agg(state_iso3) INTO cycles, states
      FROM (SELECT cycle_number, state_iso3 FROM changed_new UNION SELECT cycle_number, state_iso3 FROM changed_old) k;
  ELSE
    SELECT array_agg(cycle_number), array_agg(state_iso3) INTO cycles, states FROM (SELECT DISTINCT cycle_number, state_iso3 FROM changed_old) k;
  END IF;
  IF cycles IS NOT NULL THEN
    PERFORM refresh_need_cells(cycles, states);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
-- Every derived row from scratch: fills the new tables for the data already there.
CREATE OR REPLACE FUNCTION rebuild_need_cells() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7263002);
  DELETE FROM need_cells;
  DELETE FROM need_totals;
  DELETE FROM need_states;
  PERFORM refresh_need_cells(array_agg(k.cycle_number), array_agg(k.state_iso3))
     FROM (SELECT r.cycle_number, r.state_iso3 FROM reviews r JOIN report_needs n ON n.review_id = r.id
           UNION SELECT cycle_number, state_iso3 FROM assistance_needs) k;
END $$;--> statement-breakpoint
SELECT rebuild_need_cells();
