/**
 * The desk review: comment threads on provisions of the submitted checklist (questions,
 * requests for more information, preliminary observations) and their replies.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { reviews } from './reviews.ts';

export const reviewThreads = pgTable(
  'review_threads',
  {
    id: uuid('id').primaryKey(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    provisionId: text('provision_id').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** Side of the latest message, kept with the thread so "whose turn" needs no ordering of timestamps. */
    lastSide: text('last_side').notNull().default(''),
    resolvedBy: text('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    check('review_threads_kind_check', sql`${t.kind} in ('question', 'request', 'observation')`),
    check('review_threads_status_check', sql`${t.status} in ('open', 'resolved')`),
    index('review_threads_review_idx').on(t.reviewId),
  ],
);

export const threadMessages = pgTable(
  'thread_messages',
  {
    id: uuid('id').primaryKey(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => reviewThreads.id),
    author: text('author').notNull(),
    /** Whose voice: the secretariat, a reviewing State (its code) or the State under review. */
    side: text('side').notNull(),
    body: text('body').notNull(),
    /** When the State under review's reply was also added to its checklist answer: the answer version it made. */
    answerVersion: integer('answer_version'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('thread_messages_thread_idx').on(t.threadId)],
);
