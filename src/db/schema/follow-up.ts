/**
 * Follow-up of recommendations (docs/FOLLOW-UP.md): rounds per review, the State's
 * self-reports with their evidence, the assessments, and the national action plan. Every
 * history is append-only: a correction is a new version row, never an UPDATE of the old one
 * (only a round's closing is written onto its row). A recommendation is named by its
 * review, article and sequence, as in `report_recommendations`, which is not referenced by
 * a foreign key because its rows are rewritten while a report is drafted; follow-up only
 * starts once the report is finalised, and the stable reference is copied for display.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LinkEvidence, StatisticEvidence } from '../../domain/follow-up/records.ts';
import type { RecommendationKey } from '../../domain/follow-up/statuses.ts';
import { reviews } from './reviews.ts';

const STATUS_CHECK = `('implemented', 'partly-implemented', 'not-implemented', 'no-longer-applicable')`;

export const followUpRounds = pgTable(
  'follow_up_rounds',
  {
    id: uuid('id').primaryKey(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    number: integer('number').notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    openedBy: text('opened_by').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    closedOn: date('closed_on', { mode: 'string' }),
    closedBy: text('closed_by'),
  },
  (t) => [uniqueIndex('follow_up_rounds_number_unique').on(t.reviewId, t.number), check('follow_up_rounds_dates_check', sql`${t.dueOn} >= ${t.opensOn}`)],
);

/** Files cited as evidence; the bytes are in the file store, as for checklist attachments. */
export const followUpEvidenceFiles = pgTable('follow_up_evidence_files', {
  id: uuid('id').primaryKey(),
  reviewId: uuid('review_id')
    .notNull()
    .references(() => reviews.id),
  filename: text('filename').notNull(),
  contentType: text('content_type').notNull(),
  sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  storageKey: text('storage_key').notNull(),
  uploadedBy: text('uploaded_by').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const followUpSelfReports = pgTable(
  'follow_up_self_reports',
  {
    id: uuid('id').primaryKey(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    roundId: uuid('round_id')
      .notNull()
      .references(() => followUpRounds.id),
    article: integer('article').notNull(),
    sequence: integer('sequence').notNull(),
    reference: text('reference').notNull(),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    narrative: text('narrative').notNull(),
    links: jsonb('links').$type<LinkEvidence[]>().notNull(),
    statistics: jsonb('statistics').$type<StatisticEvidence[]>().notNull(),
    documents: jsonb('documents').$type<string[]>().notNull(),
    author: text('author').notNull(),
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('follow_up_self_reports_version_unique').on(t.roundId, t.article, t.sequence, t.version),
    index('follow_up_self_reports_review_idx').on(t.reviewId),
    check('follow_up_self_reports_status_check', sql.raw(`status in ${STATUS_CHECK}`)),
  ],
);

export const followUpAssessments = pgTable(
  'follow_up_assessments',
  {
    id: uuid('id').primaryKey(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    roundId: uuid('round_id')
      .notNull()
      .references(() => followUpRounds.id),
    article: integer('article').notNull(),
    sequence: integer('sequence').notNull(),
    version: integer('version').notNull(),
    /** The self-report version assessed. */
    selfReportId: uuid('self_report_id')
      .notNull()
      .references(() => followUpSelfReports.id),
    status: text('status').notNull(),
    note: text('note').notNull(),
    assessedOn: date('assessed_on', { mode: 'string' }).notNull(),
    /** secretariat or reviewing: who assessed. */
    side: text('side').notNull(),
    assessor: text('assessor').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('follow_up_assessments_version_unique').on(t.roundId, t.article, t.sequence, t.version),
    index('follow_up_assessments_review_idx').on(t.reviewId),
    check('follow_up_assessments_status_check', sql.raw(`status in ${STATUS_CHECK}`)),
    check('follow_up_assessments_side_check', sql`${t.side} in ('secretariat', 'reviewing')`),
  ],
);

/** One row per version of an action of the national action plan; the highest version is current. */
export const followUpActions = pgTable(
  'follow_up_actions',
  {
    id: uuid('id').notNull(),
    version: integer('version').notNull(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    title: text('title').notNull(),
    ownerInstitution: text('owner_institution').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    indicators: jsonb('indicators').$type<string[]>().notNull(),
    recommendations: jsonb('recommendations').$type<RecommendationKey[]>().notNull(),
    author: text('author').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('follow_up_actions_version_unique').on(t.id, t.version), index('follow_up_actions_review_idx').on(t.reviewId)],
);

export const followUpActionProgress = pgTable(
  'follow_up_action_progress',
  {
    id: uuid('id').primaryKey(),
    actionId: uuid('action_id').notNull(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    percent: integer('percent'),
    status: text('status').notNull(),
    note: text('note').notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    author: text('author').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('follow_up_action_progress_action_idx').on(t.actionId),
    check('follow_up_action_progress_percent_check', sql`${t.percent} is null or (${t.percent} between 0 and 100)`),
    check('follow_up_action_progress_status_check', sql`${t.status} in ('not-started', 'on-track', 'delayed', 'completed')`),
  ],
);
