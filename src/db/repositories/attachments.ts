/**
 * @module attachments repository
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { attachments } from '../schema/attachments.ts';

export type AttachmentRow = typeof attachments.$inferSelect;

export async function insertAttachment(db: DbOrTx, row: typeof attachments.$inferInsert): Promise<AttachmentRow> {
  return (await db.insert(attachments).values(row).returning())[0]!;
}

/** The attachments of a review's working answers (removed ones left out), oldest first. */
export async function listCurrentAttachments(db: DbOrTx, reviewId: string): Promise<AttachmentRow[]> {
  return db
    .select()
    .from(attachments)
    .where(and(eq(attachments.reviewId, reviewId), isNull(attachments.removedAt)))
    .orderBy(asc(attachments.uploadedAt), asc(attachments.id));
}

export async function listAttachmentsByIds(db: DbOrTx, reviewId: string, ids: string[]): Promise<AttachmentRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(attachments)
    .where(and(eq(attachments.reviewId, reviewId), inArray(attachments.id, ids)));
}

export async function findAttachment(db: DbOrTx, reviewId: string, id: string): Promise<AttachmentRow | undefined> {
  return (await db.select().from(attachments).where(and(eq(attachments.reviewId, reviewId), eq(attachments.id, id))).limit(1))[0];
}

/** Marks an attachment removed from the working answer; undefined when it was already removed. */
export async function markAttachmentRemoved(db: DbOrTx, reviewId: string, id: string, removedBy: string): Promise<AttachmentRow | undefined> {
  return (
    await db
      .update(attachments)
      .set({ removedBy, removedAt: new Date() })
      .where(and(eq(attachments.reviewId, reviewId), eq(attachments.id, id), isNull(attachments.removedAt)))
      .returning()
  )[0];
}
