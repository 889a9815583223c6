/**
 * @module lots repository
 * Draws, exclusions, reviewer assignments and redraw requests.
 */
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { drawExclusions, draws, redrawRequests, reviewerAssignments } from '../schema/lots.ts';

export type DrawRow = typeof draws.$inferSelect;
export type RedrawRequestRow = typeof redrawRequests.$inferSelect;
export type AssignmentRow = typeof reviewerAssignments.$inferSelect;

export async function insertDraw(db: DbOrTx, row: typeof draws.$inferInsert): Promise<DrawRow> {
  return (await db.insert(draws).values(row).returning())[0]!;
}

export async function findDraw(db: DbOrTx, id: string): Promise<DrawRow | undefined> {
  return (await db.select().from(draws).where(eq(draws.id, id)).limit(1))[0];
}

export async function listDraws(db: DbOrTx, options: { onlyPublic: boolean }): Promise<DrawRow[]> {
  const where = options.onlyPublic ? inArray(draws.status, ['committed', 'published']) : undefined;
  return db.select().from(draws).where(where).orderBy(desc(draws.createdAt));
}

/** Draws of a cohort that are still open or published (cancelled ones do not count). */
export async function liveDrawsOf(db: DbOrTx, cycleNumber: number, year: number | null, kind: string): Promise<DrawRow[]> {
  const rows = await db
    .select()
    .from(draws)
    .where(and(eq(draws.cycleNumber, cycleNumber), eq(draws.kind, kind), ne(draws.status, 'cancelled')));
  return rows.filter((r) => r.year === year);
}

/** Moves a draw forward only from the expected status and version (no lost updates). */
export async function updateDraw(
  db: DbOrTx,
  id: string,
  expected: { status: string; version: number },
  patch: Partial<Pick<DrawRow, 'status' | 'publicEntropy' | 'record' | 'drawnAt' | 'publishedAt'>>,
): Promise<DrawRow | undefined> {
  const rows = await db
    .update(draws)
    .set({ ...patch, version: expected.version + 1 })
    .where(and(eq(draws.id, id), eq(draws.status, expected.status), eq(draws.version, expected.version)))
    .returning();
  return rows[0];
}

export async function listExclusions(db: DbOrTx, cycleNumber: number, year: number) {
  return db
    .select()
    .from(drawExclusions)
    .where(and(eq(drawExclusions.cycleNumber, cycleNumber), eq(drawExclusions.year, year)))
    .orderBy(asc(drawExclusions.partyIso3));
}

export async function upsertExclusion(db: DbOrTx, row: typeof drawExclusions.$inferInsert): Promise<void> {
  await db
    .insert(drawExclusions)
    .values(row)
    .onConflictDoUpdate({ target: [drawExclusions.cycleNumber, drawExclusions.year, drawExclusions.partyIso3], set: { reason: row.reason, recordedBy: row.recordedBy, recordedAt: new Date() } });
}

export async function deleteExclusion(db: DbOrTx, cycleNumber: number, year: number, iso3: string): Promise<number> {
  const rows = await db
    .delete(drawExclusions)
    .where(and(eq(drawExclusions.cycleNumber, cycleNumber), eq(drawExclusions.year, year), eq(drawExclusions.partyIso3, iso3)))
    .returning({ iso3: drawExclusions.partyIso3 });
  return rows.length;
}

export async function listAssignments(db: DbOrTx, cycleNumber: number): Promise<AssignmentRow[]> {
  return db
    .select()
    .from(reviewerAssignments)
    .where(eq(reviewerAssignments.cycleNumber, cycleNumber))
    .orderBy(asc(reviewerAssignments.underReviewIso3), asc(reviewerAssignments.slot));
}

export async function insertAssignments(db: DbOrTx, rows: (typeof reviewerAssignments.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(reviewerAssignments).values(rows);
}

export async function replaceAssignment(db: DbOrTx, row: typeof reviewerAssignments.$inferInsert): Promise<void> {
  await db
    .update(reviewerAssignments)
    .set({ reviewerIso3: row.reviewerIso3, drawId: row.drawId })
    .where(
      and(
        eq(reviewerAssignments.cycleNumber, row.cycleNumber),
        eq(reviewerAssignments.underReviewIso3, row.underReviewIso3),
        eq(reviewerAssignments.slot, row.slot),
      ),
    );
}

export async function insertRedrawRequest(db: DbOrTx, row: typeof redrawRequests.$inferInsert): Promise<RedrawRequestRow> {
  return (await db.insert(redrawRequests).values(row).returning())[0]!;
}

export async function findRedrawRequest(db: DbOrTx, id: string): Promise<RedrawRequestRow | undefined> {
  return (await db.select().from(redrawRequests).where(eq(redrawRequests.id, id)).limit(1))[0];
}

export async function listRedrawRequests(db: DbOrTx, cycleNumber?: number): Promise<RedrawRequestRow[]> {
  return db
    .select()
    .from(redrawRequests)
    .where(cycleNumber === undefined ? undefined : eq(redrawRequests.cycleNumber, cycleNumber))
    .orderBy(asc(redrawRequests.requestedAt));
}

/** How many redraws a State under review has had in a cycle (the terms of reference allow two). */
export async function countDrawnRedraws(db: DbOrTx, cycleNumber: number, underReviewIso3: string): Promise<number> {
  const rows = await db
    .select({ id: redrawRequests.id })
    .from(redrawRequests)
    .where(and(eq(redrawRequests.cycleNumber, cycleNumber), eq(redrawRequests.underReviewIso3, underReviewIso3), eq(redrawRequests.status, 'drawn')));
  return rows.length;
}

export async function markRedrawRequest(db: DbOrTx, id: string, patch: { status: 'queued' | 'drawn' | 'withdrawn'; drawId?: string }): Promise<void> {
  await db.update(redrawRequests).set(patch).where(eq(redrawRequests.id, id));
}
