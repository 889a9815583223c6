/**
 * Milestones that were recorded and then withdrawn (a review that went back a stage). The
 * withdrawn milestone leaves review_milestones, so the stage is derived as before, and lands
 * here with its original date and the day it stopped counting: "as at" statistics count a
 * milestone between its date and its withdrawal (docs/ANALYTICS.md, "Progress").
 */
import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { reviews } from './reviews.ts';

export const reviewMilestoneWithdrawals = pgTable(
  'review_milestone_withdrawals',
  {
    id: uuid('id').primaryKey(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    kind: text('kind').notNull(),
    /** The date the milestone had while it was recorded. */
    milestoneDate: date('milestone_date', { mode: 'string' }).notNull(),
    dialogueType: text('dialogue_type'),
    /** First day on which the milestone no longer counts. */
    withdrawnOn: date('withdrawn_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('review_milestone_withdrawals_review_idx').on(t.reviewId),
    check('review_milestone_withdrawals_order_check', sql`${t.withdrawnOn} >= ${t.milestoneDate}`),
  ],
);
