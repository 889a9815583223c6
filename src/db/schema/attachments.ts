/**
 * Files attached to checklist answers (laws, cases, statistics). The bytes live in the
 * configured file store (local disk or S3-compatible); the database keeps what is needed to
 * list, check and serve them.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { reviews } from './reviews.ts';

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    provisionId: text('provision_id').notNull(),
    /** The name the uploader's file had, for display and download only (never a path). */
    filename: text('filename').notNull(),
    /** Detected from the bytes, not taken from the browser. */
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    /** Key of the bytes in the file store. */
    storageKey: text('storage_key').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** Removed from the working answer; kept, because a submitted version may still cite it. */
    removedBy: text('removed_by'),
    removedAt: timestamp('removed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('attachments_review_idx').on(t.reviewId, t.provisionId), check('attachments_size_check', sql`${t.sizeBytes} >= 0`)],
);
