/**
 * @module need-cells schema
 * Technical-assistance needs counted per (cycle, State, article, type): derived data for the
 * needs breakdown (docs/ANALYTICS.md). Statement-level triggers (migration 0026) on
 * report_needs, reports and assistance_needs recompute the cells of every (cycle, State) a
 * statement touched, so a single save and a 100,000-row import both leave it exact, and a
 * restore of those tables rebuilds it. At 100× scale the breakdown then reads ~200,000 cells
 * instead of unnesting ~290,000 (need, type) rows with a distinct sort (bench:needs).
 */
import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const needCellRows = pgTable(
  'need_cells',
  {
    cycleNumber: integer('cycle_number').notNull(),
    stateIso3: text('state_iso3').notNull(),
    article: integer('article').notNull(),
    type: text('type').notNull(),
    /** Rows of (need, type): a need with three types counts in three cells. */
    n: integer('n').notNull(),
    /** Needs whose first type is this one: summing it over types counts each need once. */
    needs: integer('needs').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cycleNumber, t.stateIso3, t.article, t.type] })],
);

/**
 * need_cells summed over the States of a cycle, per (article, type): what the breakdown counts.
 * Kept by differences in refresh_need_cells (migration 0027), under a lock that lets one
 * transaction at a time change the derived needs tables, so the sums stay exact.
 */
export const needTotalRows = pgTable(
  'need_totals',
  {
    cycleNumber: integer('cycle_number').notNull(),
    article: integer('article').notNull(),
    type: text('type').notNull(),
    n: integer('n').notNull(),
    needs: integer('needs').notNull(),
  },
  (t) => [primaryKey({ columns: [t.cycleNumber, t.article, t.type] })],
);

/**
 * Per (cycle, State) the articles and types of its cells: which States are behind each figure,
 * in one row per State rather than one per cell (migration 0027).
 */
export const needStateRows = pgTable(
  'need_states',
  {
    cycleNumber: integer('cycle_number').notNull(),
    stateIso3: text('state_iso3').notNull(),
    articles: integer('articles').array().notNull(),
    types: text('types').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.cycleNumber, t.stateIso3] })],
);
