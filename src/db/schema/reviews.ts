/**
 * Country reviews: one per (State under review, cycle). Only dated facts are stored —
 * milestones, pauses, extensions; the stage is derived from them in the domain.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cycles, parties } from './reference.ts';

export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey(),
    cycleNumber: integer('cycle_number')
      .notNull()
      .references(() => cycles.number),
    stateIso3: text('state_iso3')
      .notNull()
      .references(() => parties.iso3),
    cohortYear: integer('cohort_year').notNull(),
    reviewer1Iso3: text('reviewer1_iso3')
      .notNull()
      .references(() => parties.iso3),
    reviewer2Iso3: text('reviewer2_iso3')
      .notNull()
      .references(() => parties.iso3),
    /** Where the reviewers came from: a published draw, the secretariat by hand, or an import. */
    reviewersSource: text('reviewers_source').notNull(),
    consentToPublishReport: boolean('consent_to_publish_report').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reviews_cycle_state_unique').on(t.cycleNumber, t.stateIso3),
    check('reviews_source_check', sql`${t.reviewersSource} in ('draw', 'manual', 'import')`),
    check('reviews_distinct_reviewers_check', sql`${t.reviewer1Iso3} <> ${t.reviewer2Iso3} and ${t.reviewer1Iso3} <> ${t.stateIso3} and ${t.reviewer2Iso3} <> ${t.stateIso3}`),
  ],
);

export const reviewMilestones = pgTable(
  'review_milestones',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    kind: text('kind').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    dialogueType: text('dialogue_type'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.reviewId, t.kind] }),
    check('review_milestones_dialogue_check', sql`${t.dialogueType} is null or ${t.dialogueType} in ('country_visit', 'joint_meeting', 'virtual_visit')`),
  ],
);

export const reviewPauses = pgTable(
  'review_pauses',
  {
    id: uuid('id').primaryKey(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    reason: text('reason').notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [index('review_pauses_review_idx').on(t.reviewId)],
);

export const reviewExtensions = pgTable(
  'review_extensions',
  {
    id: uuid('id').primaryKey(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    milestone: text('milestone').notNull(),
    newDueDate: date('new_due_date', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    agreedBy: text('agreed_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('review_extensions_review_idx').on(t.reviewId)],
);
