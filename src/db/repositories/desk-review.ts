/**
 * @module desk-review repository
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { reviewThreads, threadMessages } from '../schema/desk-review.ts';

export type ThreadRow = typeof reviewThreads.$inferSelect;

export async function listThreads(db: DbOrTx, reviewId: string) {
  const threads = await db.select().from(reviewThreads).where(eq(reviewThreads.reviewId, reviewId)).orderBy(asc(reviewThreads.createdAt));
  const ids = threads.map((t) => t.id);
  const messages = ids.length === 0 ? [] : await db.select().from(threadMessages).where(inArray(threadMessages.threadId, ids)).orderBy(asc(threadMessages.createdAt));
  return threads.map((thread) => ({ thread, messages: messages.filter((m) => m.threadId === thread.id) }));
}

export async function findThread(db: DbOrTx, reviewId: string, threadId: string): Promise<ThreadRow | undefined> {
  return (await db.select().from(reviewThreads).where(and(eq(reviewThreads.id, threadId), eq(reviewThreads.reviewId, reviewId))).limit(1))[0];
}

export async function insertThread(db: DbOrTx, row: typeof reviewThreads.$inferInsert): Promise<void> {
  await db.insert(reviewThreads).values(row);
}

export async function insertMessage(db: DbOrTx, row: typeof threadMessages.$inferInsert): Promise<void> {
  await db.insert(threadMessages).values(row);
  await db.update(reviewThreads).set({ lastSide: row.side }).where(eq(reviewThreads.id, row.threadId));
}

export async function setThreadStatus(db: DbOrTx, threadId: string, status: 'open' | 'resolved', by: string | null): Promise<void> {
  await db
    .update(reviewThreads)
    .set({ status, resolvedBy: status === 'resolved' ? by : null, resolvedAt: status === 'resolved' ? new Date() : null })
    .where(eq(reviewThreads.id, threadId));
}

/** Open threads with the side of their last message: who is expected to answer next. */
export async function listOpenThreadsWithLastSide(db: DbOrTx, reviewIds: string[]) {
  if (reviewIds.length === 0) return [];
  return db
    .select({ id: reviewThreads.id, reviewId: reviewThreads.reviewId, provisionId: reviewThreads.provisionId, kind: reviewThreads.kind, createdAt: reviewThreads.createdAt, lastSide: reviewThreads.lastSide })
    .from(reviewThreads)
    .where(and(eq(reviewThreads.status, 'open'), inArray(reviewThreads.reviewId, reviewIds)));
}
