/**
 * @module reviews repository
 * Reads reviews with their dated facts in a few set queries (no per-review round trips)
 * and writes them back.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DialogueType, MilestoneKind } from '../../domain/reviews/milestones.ts';
import type { Review } from '../../domain/reviews/review.ts';
import type { DbOrTx } from '../client.ts';
import { reviewExtensions, reviewMilestones, reviewPauses, reviews } from '../schema/reviews.ts';

export type ReviewRow = typeof reviews.$inferSelect;
export interface StoredReview {
  row: ReviewRow;
  review: Review;
}

export async function loadReviews(db: DbOrTx, filter: { cycleNumber?: number; ids?: string[] } = {}): Promise<StoredReview[]> {
  const conditions = [
    filter.cycleNumber === undefined ? undefined : eq(reviews.cycleNumber, filter.cycleNumber),
    filter.ids === undefined ? undefined : inArray(reviews.id, filter.ids.length > 0 ? filter.ids : ['00000000-0000-0000-0000-000000000000']),
  ].filter((c) => c !== undefined);
  const rows = await db
    .select()
    .from(reviews)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(reviews.cycleNumber), asc(reviews.stateIso3));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const milestones = await db.select().from(reviewMilestones).where(inArray(reviewMilestones.reviewId, ids));
  const pauses = await db.select().from(reviewPauses).where(inArray(reviewPauses.reviewId, ids)).orderBy(asc(reviewPauses.fromDate));
  const extensions = await db.select().from(reviewExtensions).where(inArray(reviewExtensions.reviewId, ids)).orderBy(asc(reviewExtensions.recordedAt));
  const by = <T extends { reviewId: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of list) map.set(item.reviewId, [...(map.get(item.reviewId) ?? []), item]);
    return map;
  };
  const milestonesOf = by(milestones);
  const pausesOf = by(pauses);
  const extensionsOf = by(extensions);
  return rows.map((row) => ({
    row,
    review: {
      stateUnderReview: row.stateIso3,
      cycle: row.cycleNumber,
      cohortYear: row.cohortYear,
      reviewers: [row.reviewer1Iso3, row.reviewer2Iso3] as const,
      consentToPublishReport: row.consentToPublishReport,
      milestones: (milestonesOf.get(row.id) ?? []).map((m) => ({
        kind: m.kind as MilestoneKind,
        date: m.date,
        ...(m.dialogueType ? { dialogueType: m.dialogueType as DialogueType } : {}),
      })),
      pauses: (pausesOf.get(row.id) ?? []).map((p) => ({ from: p.fromDate, to: p.toDate, reason: p.reason })),
      extensions: (extensionsOf.get(row.id) ?? []).map((e) => ({ milestone: e.milestone as MilestoneKind, newDueDate: e.newDueDate, reason: e.reason, agreedBy: e.agreedBy })),
    },
  }));
}

/** Every review's id, cycle and State, in the order of the public lists: the keys to read them in pages. */
export async function listReviewKeys(db: DbOrTx): Promise<{ id: string; cycle: number; iso3: string }[]> {
  return db.select({ id: reviews.id, cycle: reviews.cycleNumber, iso3: reviews.stateIso3 }).from(reviews).orderBy(asc(reviews.cycleNumber), asc(reviews.stateIso3));
}

export async function findReviewByState(db: DbOrTx, cycleNumber: number, stateIso3: string): Promise<ReviewRow | undefined> {
  return (await db.select().from(reviews).where(and(eq(reviews.cycleNumber, cycleNumber), eq(reviews.stateIso3, stateIso3))).limit(1))[0];
}

export async function insertReview(db: DbOrTx, row: typeof reviews.$inferInsert): Promise<ReviewRow> {
  return (await db.insert(reviews).values(row).returning())[0]!;
}

export async function updateReviewRow(db: DbOrTx, id: string, patch: Partial<Pick<ReviewRow, 'cohortYear' | 'reviewer1Iso3' | 'reviewer2Iso3' | 'reviewersSource' | 'consentToPublishReport'>>, version: number): Promise<ReviewRow | undefined> {
  return (
    await db
      .update(reviews)
      .set({ ...patch, version: version + 1, updatedAt: new Date() })
      .where(and(eq(reviews.id, id), eq(reviews.version, version)))
      .returning()
  )[0];
}

/** Replaces a review's milestones with the given set (used by the import). */
export async function replaceMilestones(db: DbOrTx, reviewId: string, milestones: Review['milestones'], recordedBy: string): Promise<void> {
  await db.delete(reviewMilestones).where(eq(reviewMilestones.reviewId, reviewId));
  if (milestones.length === 0) return;
  await db.insert(reviewMilestones).values(milestones.map((m) => ({ reviewId, kind: m.kind, date: m.date, dialogueType: m.dialogueType ?? null, recordedBy })));
}

export async function insertMilestone(db: DbOrTx, row: typeof reviewMilestones.$inferInsert): Promise<void> {
  await db.insert(reviewMilestones).values(row);
}

export async function insertPause(db: DbOrTx, row: typeof reviewPauses.$inferInsert): Promise<void> {
  await db.insert(reviewPauses).values(row);
}

export async function closeOpenPause(db: DbOrTx, reviewId: string, to: string): Promise<void> {
  await db.update(reviewPauses).set({ toDate: to }).where(and(eq(reviewPauses.reviewId, reviewId), isNull(reviewPauses.toDate)));
}

export async function insertExtension(db: DbOrTx, row: typeof reviewExtensions.$inferInsert): Promise<void> {
  await db.insert(reviewExtensions).values(row);
}
