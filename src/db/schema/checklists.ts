/**
 * The self-assessment checklist: one answer per provision of the review's chapters, each
 * with a version so two people never overwrite each other, and the submissions that lock
 * what the reviewers see.
 */
import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { reviews } from './reviews.ts';

export const checklistAnswers = pgTable(
  'checklist_answers',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    provisionId: text('provision_id').notNull(),
    /** Structured format only (first cycle): yes / partially / no. */
    compliance: text('compliance'),
    text: text('text').notNull().default(''),
    /** Technical-assistance needs: types from the standard list and/or free text. */
    assistanceNeeds: jsonb('assistance_needs').$type<{ types: string[]; text: string }>().notNull().default({ types: [], text: '' }),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.reviewId, t.provisionId] }),
    check('checklist_answers_compliance_check', sql`${t.compliance} is null or ${t.compliance} in ('yes', 'partially', 'no')`),
  ],
);

export const checklistSubmissions = pgTable(
  'checklist_submissions',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    number: integer('number').notNull(),
    submittedBy: text('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** submitted by the focal point, or made when a reply in the desk review updated an answer. */
    reason: text('reason').notNull().default('submitted'),
    /** The answers as submitted: what the reviewers see until the next submission. */
    answers: jsonb('answers').$type<Record<string, unknown>[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.number] })],
);

/** Every saved version of every answer, so versions can be compared and nothing typed is lost. */
export const checklistAnswerVersions = pgTable(
  'checklist_answer_versions',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    provisionId: text('provision_id').notNull(),
    version: integer('version').notNull(),
    compliance: text('compliance'),
    text: text('text').notNull(),
    assistanceNeeds: jsonb('assistance_needs').$type<{ types: string[]; text: string }>().notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** checklist: typed in the checklist; desk-review: given as an answer to a reviewer's question. */
    source: text('source').notNull().default('checklist'),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.provisionId, t.version] }), check('checklist_answer_versions_source_check', sql`${t.source} in ('checklist', 'desk-review', 'import')`)],
);
