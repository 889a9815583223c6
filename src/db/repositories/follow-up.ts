/**
 * @module follow-up repository
 * Rounds, evidence files, self-reports, assessments and the action plan (docs/FOLLOW-UP.md).
 * Histories are read whole (a review has tens of recommendations, a handful of rounds) and
 * only ever inserted into; the one update is closing a round.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { queryRows } from '../query-rows.ts';
import { articles, cycles, mechanisms, parties } from '../schema/reference.ts';
import { reportRecommendations } from '../schema/reports.ts';
import { reviewMilestones, reviews } from '../schema/reviews.ts';
import { followUpActionProgress, followUpActions, followUpAssessments, followUpEvidenceFiles, followUpRounds, followUpSelfReports } from '../schema/follow-up.ts';

export type RoundRow = typeof followUpRounds.$inferSelect;
export type EvidenceFileRow = typeof followUpEvidenceFiles.$inferSelect;
export type SelfReportRow = typeof followUpSelfReports.$inferSelect;
export type AssessmentRow = typeof followUpAssessments.$inferSelect;
export type ActionRow = typeof followUpActions.$inferSelect;
export type ProgressRow = typeof followUpActionProgress.$inferSelect;

export async function listRounds(db: DbOrTx, reviewId: string): Promise<RoundRow[]> {
  return db.select().from(followUpRounds).where(eq(followUpRounds.reviewId, reviewId)).orderBy(asc(followUpRounds.number));
}

export async function insertRound(db: DbOrTx, row: typeof followUpRounds.$inferInsert): Promise<RoundRow> {
  return (await db.insert(followUpRounds).values(row).returning())[0]!;
}

/** Closes a round still open; undefined when someone closed it in the meantime. */
export async function closeRound(db: DbOrTx, id: string, closedOn: string, closedBy: string): Promise<RoundRow | undefined> {
  return (await db.update(followUpRounds).set({ closedOn, closedBy }).where(and(eq(followUpRounds.id, id), isNull(followUpRounds.closedOn))).returning())[0];
}

export async function insertEvidenceFile(db: DbOrTx, row: typeof followUpEvidenceFiles.$inferInsert): Promise<EvidenceFileRow> {
  return (await db.insert(followUpEvidenceFiles).values(row).returning())[0]!;
}

export async function listEvidenceFiles(db: DbOrTx, reviewId: string): Promise<EvidenceFileRow[]> {
  return db.select().from(followUpEvidenceFiles).where(eq(followUpEvidenceFiles.reviewId, reviewId)).orderBy(asc(followUpEvidenceFiles.uploadedAt), asc(followUpEvidenceFiles.id));
}

export async function findEvidenceFile(db: DbOrTx, reviewId: string, id: string): Promise<EvidenceFileRow | undefined> {
  return (await db.select().from(followUpEvidenceFiles).where(and(eq(followUpEvidenceFiles.reviewId, reviewId), eq(followUpEvidenceFiles.id, id))).limit(1))[0];
}

export async function listSelfReports(db: DbOrTx, reviewId: string): Promise<SelfReportRow[]> {
  return db.select().from(followUpSelfReports).where(eq(followUpSelfReports.reviewId, reviewId)).orderBy(asc(followUpSelfReports.article), asc(followUpSelfReports.sequence), asc(followUpSelfReports.version));
}

export async function insertSelfReport(db: DbOrTx, row: typeof followUpSelfReports.$inferInsert): Promise<SelfReportRow> {
  return (await db.insert(followUpSelfReports).values(row).returning())[0]!;
}

export async function listAssessments(db: DbOrTx, reviewIds: string[]): Promise<(AssessmentRow & { round: number })[]> {
  if (reviewIds.length === 0) return [];
  const rows = await db
    .select({ a: followUpAssessments, round: followUpRounds.number })
    .from(followUpAssessments)
    .innerJoin(followUpRounds, eq(followUpRounds.id, followUpAssessments.roundId))
    .where(inArray(followUpAssessments.reviewId, reviewIds))
    .orderBy(asc(followUpAssessments.article), asc(followUpAssessments.sequence), asc(followUpRounds.number), asc(followUpAssessments.version));
  return rows.map((r) => ({ ...r.a, round: r.round }));
}

export async function insertAssessment(db: DbOrTx, row: typeof followUpAssessments.$inferInsert): Promise<AssessmentRow> {
  return (await db.insert(followUpAssessments).values(row).returning())[0]!;
}

export async function listActionVersions(db: DbOrTx, reviewId: string): Promise<ActionRow[]> {
  return db.select().from(followUpActions).where(eq(followUpActions.reviewId, reviewId)).orderBy(asc(followUpActions.createdAt), asc(followUpActions.id), asc(followUpActions.version));
}

export async function insertActionVersion(db: DbOrTx, row: typeof followUpActions.$inferInsert): Promise<ActionRow> {
  return (await db.insert(followUpActions).values(row).returning())[0]!;
}

export async function listProgress(db: DbOrTx, reviewId: string): Promise<ProgressRow[]> {
  return db.select().from(followUpActionProgress).where(eq(followUpActionProgress.reviewId, reviewId)).orderBy(asc(followUpActionProgress.reportedOn), asc(followUpActionProgress.createdAt));
}

export async function insertProgress(db: DbOrTx, row: typeof followUpActionProgress.$inferInsert): Promise<ProgressRow> {
  return (await db.insert(followUpActionProgress).values(row).returning())[0]!;
}

export type RecommendationRow = typeof reportRecommendations.$inferSelect;

export async function listReviewRecommendations(db: DbOrTx, reviewId: string): Promise<RecommendationRow[]> {
  return db.select().from(reportRecommendations).where(eq(reportRecommendations.reviewId, reviewId)).orderBy(asc(reportRecommendations.article), asc(reportRecommendations.sequence));
}

export interface FollowedRow {
  reviewId: string;
  reference: string;
  stateIso3: string;
  regionalGroup: string | null;
  cycle: number;
  article: number;
  sequence: number;
  chapter: string | null;
  finalisedOn: string;
  text: string;
}

/** Every recommendation of a finalised report, with what the dashboards group by. */
export async function listFollowedRecommendations(db: DbOrTx): Promise<FollowedRow[]> {
  return db
    .select({
      reviewId: reportRecommendations.reviewId,
      reference: reportRecommendations.reference,
      stateIso3: reviews.stateIso3,
      regionalGroup: parties.regionalGroup,
      cycle: reviews.cycleNumber,
      article: reportRecommendations.article,
      sequence: reportRecommendations.sequence,
      chapter: articles.chapterNumber,
      finalisedOn: reviewMilestones.date,
      text: reportRecommendations.text,
    })
    .from(reportRecommendations)
    .innerJoin(reviews, eq(reviews.id, reportRecommendations.reviewId))
    .innerJoin(reviewMilestones, and(eq(reviewMilestones.reviewId, reviews.id), eq(reviewMilestones.kind, 'reportFinalised')))
    .innerJoin(parties, eq(parties.iso3, reviews.stateIso3))
    .innerJoin(cycles, eq(cycles.number, reviews.cycleNumber))
    .innerJoin(mechanisms, eq(mechanisms.id, cycles.mechanismId))
    .leftJoin(articles, and(eq(articles.instrumentCode, mechanisms.instrumentCode), eq(articles.number, reportRecommendations.article)))
    .orderBy(asc(reportRecommendations.reference));
}

/** Open rounds with how many recommendations of their review have no self-report in them, for reminders. */
export async function listOpenRoundsWithGaps(db: DbOrTx): Promise<{ reviewId: string; stateIso3: string; cycle: number; number: number; opensOn: string; dueOn: string; closedOn: null; unreported: number }[]> {
  const rows = await queryRows<{ review_id: string; state_iso3: string; cycle: number; number: number; opens_on: string; due_on: string; unreported: number }>(
    db,
    sql`select r.review_id, v.state_iso3, v.cycle_number as cycle, r.number, r.opens_on::text as opens_on, r.due_on::text as due_on,
          (select count(*)::int from ${reportRecommendations} rr
            where rr.review_id = r.review_id
              and not exists (select 1 from ${followUpSelfReports} s where s.round_id = r.id and s.article = rr.article and s.sequence = rr.sequence)) as unreported
        from ${followUpRounds} r join ${reviews} v on v.id = r.review_id
        where r.closed_on is null`,
  );
  return rows.map((r) => ({ reviewId: r.review_id, stateIso3: r.state_iso3, cycle: Number(r.cycle), number: Number(r.number), opensOn: r.opens_on, dueOn: r.due_on, closedOn: null, unreported: Number(r.unreported) }));
}
