/**
 * The drawing of lots: each draw with its commitment, frozen inputs and published record;
 * exclusions from the reviewer pool; the resulting reviewer assignments; and redraw
 * requests queued for the next meeting.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cycles, parties } from './reference.ts';

export const draws = pgTable(
  'draws',
  {
    id: uuid('id').primaryKey(),
    mechanismId: text('mechanism_id').notNull(),
    cycleNumber: integer('cycle_number')
      .notNull()
      .references(() => cycles.number),
    /** Cohort year; null for the draw of cohorts (which States in which year). */
    year: integer('year'),
    kind: text('kind').notNull(),
    /** committed → drawn → published; a committed draw may be cancelled. */
    status: text('status').notNull(),
    commitment: text('commitment').notNull(),
    /** Kept by the secretariat until the draw is run; revealed in the record afterwards. */
    secret: text('secret').notNull(),
    /** The inputs frozen when the commitment was published (JSON). */
    inputs: jsonb('inputs').$type<Record<string, unknown>>().notNull(),
    publicEntropy: text('public_entropy'),
    /** The full verifiable record once drawn. */
    record: jsonb('record').$type<Record<string, unknown>>(),
    /** For a redraw: the published draw whose slot it repeats. */
    redrawOf: uuid('redraw_of'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    drawnAt: timestamp('drawn_at', { withTimezone: true, mode: 'date' }),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('draws_kind_check', sql`${t.kind} in ('cohorts', 'reviewers', 'redraw')`),
    check('draws_status_check', sql`${t.status} in ('committed', 'drawn', 'published', 'cancelled')`),
    index('draws_cycle_idx').on(t.cycleNumber, t.year),
  ],
);

/** States removed from the reviewer pool of one cycle year, with the recorded reason. */
export const drawExclusions = pgTable(
  'draw_exclusions',
  {
    cycleNumber: integer('cycle_number')
      .notNull()
      .references(() => cycles.number),
    year: integer('year').notNull(),
    partyIso3: text('party_iso3')
      .notNull()
      .references(() => parties.iso3),
    reason: text('reason').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cycleNumber, t.year, t.partyIso3] })],
);

/** Who reviews whom, as published. Slot 0 is the same-group reviewer. A redraw replaces one row. */
export const reviewerAssignments = pgTable(
  'reviewer_assignments',
  {
    cycleNumber: integer('cycle_number')
      .notNull()
      .references(() => cycles.number),
    year: integer('year').notNull(),
    underReviewIso3: text('under_review_iso3')
      .notNull()
      .references(() => parties.iso3),
    slot: integer('slot').notNull(),
    reviewerIso3: text('reviewer_iso3')
      .notNull()
      .references(() => parties.iso3),
    drawId: uuid('draw_id')
      .notNull()
      .references(() => draws.id),
  },
  (t) => [
    primaryKey({ columns: [t.cycleNumber, t.underReviewIso3, t.slot] }),
    check('reviewer_assignments_slot_check', sql`${t.slot} in (0, 1)`),
    index('reviewer_assignments_reviewer_idx').on(t.cycleNumber, t.reviewerIso3),
  ],
);

export const redrawRequests = pgTable(
  'redraw_requests',
  {
    id: uuid('id').primaryKey(),
    cycleNumber: integer('cycle_number').notNull(),
    underReviewIso3: text('under_review_iso3')
      .notNull()
      .references(() => parties.iso3),
    slot: integer('slot').notNull(),
    reason: text('reason'),
    /** Needed when the State has already used its redraws (terms of reference: at most twice). */
    exceptionalDecision: text('exceptional_decision'),
    status: text('status').notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    drawId: uuid('draw_id').references(() => draws.id),
  },
  (t) => [
    check('redraw_requests_status_check', sql`${t.status} in ('queued', 'drawn', 'withdrawn')`),
    check('redraw_requests_slot_check', sql`${t.slot} in (0, 1)`),
    uniqueIndex('redraw_requests_one_queued').on(t.cycleNumber, t.underReviewIso3, t.slot).where(sql`${t.status} = 'queued'`),
  ],
);
