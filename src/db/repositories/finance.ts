/**
 * @module finance repository
 * Reads and writes the finance tables (docs/FINANCES.md). Amounts stay bigint minor units.
 */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { financeContributions, financeExpenditures, financePosts, financeRates, financeReceipts, financeRequirements, financeSettings } from '../schema/finance.ts';

export type ContributionRow = typeof financeContributions.$inferSelect;
export type ReceiptRow = typeof financeReceipts.$inferSelect;
export type ExpenditureRow = typeof financeExpenditures.$inferSelect;
export type RequirementRow = typeof financeRequirements.$inferSelect;
export type PostRow = typeof financePosts.$inferSelect;
export type RateRow = typeof financeRates.$inferSelect;

export interface FinanceData {
  contributions: ContributionRow[];
  receipts: ReceiptRow[];
  expenditures: ExpenditureRow[];
  requirements: RequirementRow[];
  posts: PostRow[];
  rates: RateRow[];
  visitCostMinor: bigint | null;
}

/** Everything, in a few set queries: the statement is computed from it in the domain. */
export async function loadFinanceData(db: DbOrTx): Promise<FinanceData> {
  const [contributions, receipts, expenditures, requirements, posts, rates, settings] = [
    await db.select().from(financeContributions).where(isNull(financeContributions.withdrawnAt)).orderBy(asc(financeContributions.date), asc(financeContributions.recordedAt)),
    // Receipts of a withdrawn pledge drop out with it: the statement only matches receipts to live contributions.
    await db.select().from(financeReceipts).orderBy(asc(financeReceipts.date), asc(financeReceipts.recordedAt)),
    await db.select().from(financeExpenditures).where(isNull(financeExpenditures.withdrawnAt)).orderBy(asc(financeExpenditures.date), asc(financeExpenditures.recordedAt)),
    await db.select().from(financeRequirements).where(isNull(financeRequirements.withdrawnAt)).orderBy(asc(financeRequirements.cycle), asc(financeRequirements.year)),
    await db.select().from(financePosts).orderBy(asc(financePosts.grade), asc(financePosts.title)),
    await db.select().from(financeRates).orderBy(asc(financeRates.currency), desc(financeRates.validFrom)),
    await db.select().from(financeSettings).where(eq(financeSettings.id, 1)),
  ];
  return { contributions, receipts, expenditures, requirements, posts, rates, visitCostMinor: settings[0]?.visitCostMinor ?? null };
}

export async function loadRates(db: DbOrTx): Promise<RateRow[]> {
  return db.select().from(financeRates);
}

/** A live contribution, locked for update (receipts of one pledge are serialised). */
export async function findContributionForUpdate(db: DbOrTx, id: string): Promise<{ row: ContributionRow; receipts: ReceiptRow[] } | undefined> {
  const row = (await db.select().from(financeContributions).where(and(eq(financeContributions.id, id), isNull(financeContributions.withdrawnAt))).for('update'))[0];
  if (!row) return undefined;
  const receipts = await db.select().from(financeReceipts).where(inArray(financeReceipts.contributionId, [id]));
  return { row, receipts };
}

export async function insertContribution(db: DbOrTx, row: typeof financeContributions.$inferInsert): Promise<void> {
  await db.insert(financeContributions).values(row);
}
export async function insertReceipt(db: DbOrTx, row: typeof financeReceipts.$inferInsert): Promise<void> {
  await db.insert(financeReceipts).values(row);
}
export async function insertExpenditure(db: DbOrTx, row: typeof financeExpenditures.$inferInsert): Promise<void> {
  await db.insert(financeExpenditures).values(row);
}
export async function insertRequirement(db: DbOrTx, row: typeof financeRequirements.$inferInsert): Promise<void> {
  await db.insert(financeRequirements).values(row);
}
export async function insertPost(db: DbOrTx, row: typeof financePosts.$inferInsert): Promise<void> {
  await db.insert(financePosts).values(row);
}
export async function updatePost(db: DbOrTx, id: string, patch: Pick<PostRow, 'vacantFrom' | 'vacantTo'>): Promise<boolean> {
  const updated = await db.update(financePosts).set(patch).where(eq(financePosts.id, id)).returning({ id: financePosts.id });
  return updated.length > 0;
}

/** Records a rate; a second rate for the same currency and day replaces the first. */
export async function upsertRate(db: DbOrTx, row: typeof financeRates.$inferInsert): Promise<void> {
  await db
    .insert(financeRates)
    .values(row)
    .onConflictDoUpdate({ target: [financeRates.currency, financeRates.validFrom], set: { perUsd: row.perUsd, recordedBy: row.recordedBy, recordedAt: new Date() } });
}

export async function saveVisitCost(db: DbOrTx, visitCostMinor: bigint | null, updatedBy: string): Promise<void> {
  await db
    .insert(financeSettings)
    .values({ id: 1, visitCostMinor, updatedBy })
    .onConflictDoUpdate({ target: financeSettings.id, set: { visitCostMinor, updatedBy, updatedAt: new Date() } });
}

export async function countContributions(db: DbOrTx): Promise<number> {
  return (await db.select({ id: financeContributions.id }).from(financeContributions)).length;
}

export type WithdrawableRecord = 'contribution' | 'expenditure' | 'requirement';

const WITHDRAWABLE = { contribution: financeContributions, expenditure: financeExpenditures, requirement: financeRequirements } as const;

/** Marks a live record withdrawn; false when there is no such live record (unknown or already withdrawn). */
export async function markWithdrawn(db: DbOrTx, kind: WithdrawableRecord, id: string, by: string, reason: string): Promise<boolean> {
  const table = WITHDRAWABLE[kind];
  const updated = await db
    .update(table)
    .set({ withdrawnAt: new Date(), withdrawnBy: by, withdrawalReason: reason })
    .where(and(eq(table.id, id), isNull(table.withdrawnAt)))
    .returning({ id: table.id });
  return updated.length > 0;
}
