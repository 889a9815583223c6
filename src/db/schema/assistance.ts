/**
 * Technical-assistance needs recorded outside a report (imported from the secretariat's
 * spreadsheets) and the secretariat's corrections of the classifier (docs: "Technical-
 * assistance needs"). Needs in reports stay in report_needs; the statistics count both.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cycles, parties } from './reference.ts';

/**
 * One need of one State under one article in one cycle, kept against (State, cycle) rather
 * than a review, since needs are also recorded for States whose review is not in Open IRM.
 */
export const assistanceNeeds = pgTable(
  'assistance_needs',
  {
    id: uuid('id').primaryKey(),
    cycleNumber: integer('cycle_number')
      .notNull()
      .references(() => cycles.number),
    stateIso3: text('state_iso3')
      .notNull()
      .references(() => parties.iso3),
    article: integer('article').notNull(),
    description: text('description').notNull(),
    /** Stored type ids (ASSISTANCE_TYPES), at least one. */
    types: jsonb('types').$type<string[]>().notNull(),
    /** given: the file named the types; classified: the classifier did, awaiting review; confirmed: the secretariat checked them. */
    status: text('status').notNull(),
    /** What the classifier said, kept for the review queue: [{ type, confidence }]. */
    suggested: jsonb('suggested').$type<{ type: string; confidence: number }[]>(),
    source: text('source').notNull().default('import'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('assistance_needs_cycle_idx').on(t.cycleNumber, t.stateIso3, t.article),
    index('assistance_needs_status_idx').on(t.status),
    check('assistance_needs_status_check', sql`${t.status} in ('given', 'classified', 'confirmed')`),
    check('assistance_needs_types_check', sql`jsonb_typeof(${t.types}) = 'array' and jsonb_array_length(${t.types}) > 0`),
  ],
);

/** Every correction or confirmation of types for a text: training examples the classifier learns from. */
export const assistanceCorrections = pgTable(
  'assistance_corrections',
  {
    id: uuid('id').primaryKey(),
    needId: uuid('need_id').references(() => assistanceNeeds.id),
    text: text('text').notNull(),
    types: jsonb('types').$type<string[]>().notNull(),
    /** The classifier's answer at the time, to measure how often it is corrected. */
    suggested: jsonb('suggested').$type<{ type: string; confidence: number }[]>(),
    correctedBy: text('corrected_by').notNull(),
    correctedAt: timestamp('corrected_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('assistance_corrections_at_idx').on(t.correctedAt)],
);
