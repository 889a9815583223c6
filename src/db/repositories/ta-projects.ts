/**
 * @module ta-projects repository
 * Technical-assistance projects and what they link to (docs/TA-PROJECTS.md): needs from
 * finalised reports and needs recorded later, read in one shape; recommendations of finalised
 * reports by their stable reference; the funding rows, with a row lock on a contribution or
 * an expenditure so that two concurrent writes cannot both pass the check.
 */
import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { formatNeedKey, parseNeedKey, type Need } from '../../domain/ta-projects/projects.ts';
import type { DbOrTx } from '../client.ts';
import { assistanceNeeds } from '../schema/assistance.ts';
import { financeContributions, financeExpenditures } from '../schema/finance.ts';
import { reportNeeds, reportRecommendations, reports } from '../schema/reports.ts';
import { reviews } from '../schema/reviews.ts';
import { taAllocations, taExpenditures, taNeedRecommendations, taProjectNeeds, taProjects } from '../schema/ta-projects.ts';

export type ProjectRow = typeof taProjects.$inferSelect;

export interface NeedFilter {
  cycle?: number | undefined;
  state?: string | undefined;
}

async function reportNeedsWhere(db: DbOrTx, where: SQL | undefined): Promise<Need[]> {
  const rows = await db
    .select({ reviewId: reportNeeds.reviewId, article: reportNeeds.article, sequence: reportNeeds.sequence, type: reportNeeds.type, text: reportNeeds.text, cycle: reviews.cycleNumber, stateIso3: reviews.stateIso3 })
    .from(reportNeeds)
    .innerJoin(reviews, eq(reviews.id, reportNeeds.reviewId))
    .innerJoin(reports, eq(reports.reviewId, reportNeeds.reviewId))
    // A draft's needs still change; like the statistics, only a finalised report's count.
    .where(and(isNotNull(reports.finalisedAt), where));
  return rows.map((r) => ({ key: formatNeedKey({ source: 'report', reviewId: r.reviewId, article: r.article, sequence: r.sequence }), stateIso3: r.stateIso3, cycle: r.cycle, article: r.article, types: [r.type], text: r.text }));
}

async function recordedNeedsWhere(db: DbOrTx, where: SQL | undefined): Promise<Need[]> {
  const rows = await db.select().from(assistanceNeeds).where(where);
  return rows.map((r) => ({ key: formatNeedKey({ source: 'recorded', id: r.id }), stateIso3: r.stateIso3, cycle: r.cycleNumber, article: r.article, types: r.types, text: r.description }));
}

export async function loadNeeds(db: DbOrTx, filter: NeedFilter = {}): Promise<Need[]> {
  const fromReports = await reportNeedsWhere(db, and(filter.cycle === undefined ? undefined : eq(reviews.cycleNumber, filter.cycle), filter.state === undefined ? undefined : eq(reviews.stateIso3, filter.state)));
  const recorded = await recordedNeedsWhere(
    db,
    and(filter.cycle === undefined ? undefined : eq(assistanceNeeds.cycleNumber, filter.cycle), filter.state === undefined ? undefined : eq(assistanceNeeds.stateIso3, filter.state)),
  );
  return [...fromReports, ...recorded];
}

/** The needs of the given keys that exist (keys already parsed, so well formed). */
export async function findNeeds(db: DbOrTx, keys: readonly string[]): Promise<Need[]> {
  const parsed = keys.map(parseNeedKey);
  const recordedIds = parsed.flatMap((k) => (k.source === 'recorded' ? [k.id] : []));
  const reportKeys = parsed.flatMap((k) => (k.source === 'report' ? [k] : []));
  const found: Need[] = recordedIds.length > 0 ? await recordedNeedsWhere(db, inArray(assistanceNeeds.id, recordedIds)) : [];
  if (reportKeys.length > 0) {
    const reviewIds = [...new Set(reportKeys.map((k) => k.reviewId))];
    const wanted = new Set(reportKeys.map(formatNeedKey));
    found.push(...(await reportNeedsWhere(db, inArray(reportNeeds.reviewId, reviewIds))).filter((n) => wanted.has(n.key)));
  }
  return found;
}

/** A recommendation of a finalised report by its reference, with the State it was made to. */
export async function findRecommendation(db: DbOrTx, reference: string): Promise<{ reference: string; stateIso3: string } | undefined> {
  const rows = await db
    .select({ reference: reportRecommendations.reference, stateIso3: reviews.stateIso3 })
    .from(reportRecommendations)
    .innerJoin(reviews, eq(reviews.id, reportRecommendations.reviewId))
    .innerJoin(reports, eq(reports.reviewId, reportRecommendations.reviewId))
    .where(and(eq(reportRecommendations.reference, reference), isNotNull(reports.finalisedAt)))
    .limit(1);
  return rows[0];
}

export async function insertProject(db: DbOrTx, row: typeof taProjects.$inferInsert, needs: { needKey: string; stateIso3: string }[]): Promise<void> {
  await db.insert(taProjects).values(row);
  await db.insert(taProjectNeeds).values(needs.map((n) => ({ projectId: row.id, ...n })));
}

export async function findProjectForUpdate(db: DbOrTx, id: string): Promise<ProjectRow | undefined> {
  return (await db.select().from(taProjects).where(eq(taProjects.id, id)).for('update'))[0];
}

export async function updateProjectStatus(db: DbOrTx, id: string, patch: { status: string; results: string; updatedAt: Date; version: number }): Promise<void> {
  await db.update(taProjects).set(patch).where(eq(taProjects.id, id));
}

export async function insertNeedRecommendation(db: DbOrTx, row: typeof taNeedRecommendations.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(taNeedRecommendations).values(row).onConflictDoNothing().returning({ needKey: taNeedRecommendations.needKey });
  return inserted.length > 0;
}

export async function listNeedRecommendations(db: DbOrTx, state?: string): Promise<{ needKey: string; reference: string }[]> {
  return db
    .select({ needKey: taNeedRecommendations.needKey, reference: taNeedRecommendations.reference })
    .from(taNeedRecommendations)
    .where(state === undefined ? undefined : eq(taNeedRecommendations.stateIso3, state))
    .orderBy(asc(taNeedRecommendations.reference));
}

/**
 * The contribution and what is already allocated from it, with the contribution's row
 * locked until the transaction ends: a second allocation waits here and then sees the first.
 */
export async function contributionForAllocation(db: DbOrTx, id: string) {
  const row = (await db.select().from(financeContributions).where(eq(financeContributions.id, id)).for('update'))[0];
  if (!row) return undefined;
  const sum = await db
    .select({ total: sql<string | null>`sum(${taAllocations.amountMinor})` })
    .from(taAllocations)
    .where(eq(taAllocations.contributionId, id));
  return { row, allocatedMinor: BigInt(sum[0]?.total ?? 0) };
}

export async function insertAllocation(db: DbOrTx, row: typeof taAllocations.$inferInsert): Promise<void> {
  await db.insert(taAllocations).values(row);
}

export async function expenditureForAttribution(db: DbOrTx, id: string) {
  const row = (await db.select().from(financeExpenditures).where(eq(financeExpenditures.id, id)).for('update'))[0];
  if (!row) return undefined;
  const attributed = (await db.select({ projectId: taExpenditures.projectId }).from(taExpenditures).where(eq(taExpenditures.expenditureId, id)))[0];
  return { row, attributedTo: attributed?.projectId ?? null };
}

export async function insertAttribution(db: DbOrTx, row: typeof taExpenditures.$inferInsert): Promise<void> {
  await db.insert(taExpenditures).values(row);
}

export interface ProjectData {
  projects: ProjectRow[];
  needs: { projectId: string; needKey: string }[];
  allocations: { id: string; projectId: string; contributionId: string; amountMinor: bigint; currency: string; donorIso3: string | null; donorName: string | null; recordedAt: Date }[];
  spending: { projectId: string; expenditureId: string; currency: string; amountMinor: bigint; date: string; description: string }[];
}

/** Every project with its needs, allocations and (non-withdrawn) attributed expenditures. */
export async function loadProjects(db: DbOrTx, state?: string): Promise<ProjectData> {
  const projects = await db
    .select()
    .from(taProjects)
    .where(state === undefined ? undefined : eq(taProjects.stateIso3, state))
    .orderBy(asc(taProjects.stateIso3), asc(taProjects.createdAt), asc(taProjects.id));
  const ids = projects.map((p) => p.id);
  if (ids.length === 0) return { projects, needs: [], allocations: [], spending: [] };
  const needs = await db.select({ projectId: taProjectNeeds.projectId, needKey: taProjectNeeds.needKey }).from(taProjectNeeds).where(inArray(taProjectNeeds.projectId, ids)).orderBy(asc(taProjectNeeds.needKey));
  const allocations = await db
    .select({
      id: taAllocations.id,
      projectId: taAllocations.projectId,
      contributionId: taAllocations.contributionId,
      amountMinor: taAllocations.amountMinor,
      currency: financeContributions.currency,
      donorIso3: financeContributions.donorIso3,
      donorName: financeContributions.donorName,
      recordedAt: taAllocations.recordedAt,
    })
    .from(taAllocations)
    .innerJoin(financeContributions, eq(financeContributions.id, taAllocations.contributionId))
    .where(inArray(taAllocations.projectId, ids))
    .orderBy(asc(taAllocations.recordedAt), asc(taAllocations.id));
  const spending = await db
    .select({ projectId: taExpenditures.projectId, expenditureId: taExpenditures.expenditureId, currency: financeExpenditures.currency, amountMinor: financeExpenditures.amountMinor, date: financeExpenditures.date, description: financeExpenditures.description })
    .from(taExpenditures)
    .innerJoin(financeExpenditures, eq(financeExpenditures.id, taExpenditures.expenditureId))
    .where(and(inArray(taExpenditures.projectId, ids), isNull(financeExpenditures.withdrawnAt)))
    .orderBy(asc(financeExpenditures.date));
  return { projects, needs, allocations, spending };
}

/** Keys of every need some project serves. */
export async function servedNeedKeys(db: DbOrTx): Promise<Set<string>> {
  const rows = await db.selectDistinct({ needKey: taProjectNeeds.needKey }).from(taProjectNeeds);
  return new Set(rows.map((r) => r.needKey));
}

/** The secretariat's picking lists: contributions with what is left to allocate, expenditures with their project. */
export async function fundingSources(db: DbOrTx) {
  const contributions = await db
    .select({
      id: financeContributions.id,
      donorIso3: financeContributions.donorIso3,
      donorName: financeContributions.donorName,
      kind: financeContributions.kind,
      date: financeContributions.date,
      currency: financeContributions.currency,
      amountMinor: financeContributions.amountMinor,
      allocated: sql<string | null>`(select sum(a.amount_minor) from ta_allocations a where a.contribution_id = finance_contributions.id)`,
    })
    .from(financeContributions)
    .where(isNull(financeContributions.withdrawnAt))
    .orderBy(asc(financeContributions.date), asc(financeContributions.id));
  const expenditures = await db
    .select({
      id: financeExpenditures.id,
      cycle: financeExpenditures.cycle,
      category: financeExpenditures.category,
      date: financeExpenditures.date,
      currency: financeExpenditures.currency,
      amountMinor: financeExpenditures.amountMinor,
      description: financeExpenditures.description,
      projectId: taExpenditures.projectId,
    })
    .from(financeExpenditures)
    .leftJoin(taExpenditures, eq(taExpenditures.expenditureId, financeExpenditures.id))
    .where(isNull(financeExpenditures.withdrawnAt))
    .orderBy(asc(financeExpenditures.date), asc(financeExpenditures.id));
  return { contributions: contributions.map((c) => ({ ...c, allocatedMinor: BigInt(c.allocated ?? 0) })), expenditures };
}
