/**
 * @module stats-progress repository
 * Reads for the progress statistics (docs/ANALYTICS.md). The figures are counted in one SQL
 * statement so that a cycle of tens of thousands of reviews is answered without shipping its
 * history to the server; the statement implements the rule of domain/analytics/progress.ts
 * (a milestone counts from its date until the day it was withdrawn; one standing on the day
 * wins over a withdrawn one). Standing milestones are unique per review and kind (the primary
 * key), so they are counted without DISTINCT; the few withdrawals are added only where no
 * standing milestone of the kind counts. The integration
 * test holds the two to the same answers. Lists and the forecast load the histories and use
 * the domain itself.
 */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { MilestoneFact, ReviewHistory } from '../../domain/analytics/progress.ts';
import type { DialogueType, MilestoneKind } from '../../domain/reviews/milestones.ts';
import type { DbOrTx } from '../client.ts';
import { queryRows } from '../query-rows.ts';
import { withSerialPlan } from '../serial-plan.ts';
import { reviewMilestoneWithdrawals } from '../schema/review-withdrawals.ts';
import { reviewMilestones, reviewPauses, reviews } from '../schema/reviews.ts';

export interface ProgressCounts {
  total: number;
  underReview: number;
  paused: number;
  checklistsSubmitted: number;
  dialoguesHeld: { total: number; countryVisits: number; jointMeetings: number; virtualVisits: number };
  executiveSummariesFinalised: number;
  reportsFinalised: number;
}

/** The progress figures of a cycle as at a day, counted by the database. */
export async function progressCounts(db: DbOrTx, cycle: number, asOf: string): Promise<ProgressCounts> {
  const [row] = await withSerialPlan(db, (tx) =>
    queryRows<Record<string, string | number>>(
      tx,
      sql`
      with standing as (
        select m.kind, m.dialogue_type from review_milestones m join reviews r on r.id = m.review_id
        where r.cycle_number = ${cycle} and m.date <= ${asOf}
      ),
      withdrawn as (
        select distinct on (w.review_id, w.kind) w.kind, w.dialogue_type
        from review_milestone_withdrawals w join reviews r on r.id = w.review_id
        where r.cycle_number = ${cycle} and w.milestone_date <= ${asOf} and w.withdrawn_on > ${asOf}
          and not exists (select 1 from review_milestones s where s.review_id = w.review_id and s.kind = w.kind and s.date <= ${asOf})
        order by w.review_id, w.kind, w.milestone_date desc
      ),
      facts as (select * from standing union all select * from withdrawn)
      select
        (select count(*) from reviews where cycle_number = ${cycle}) as total,
        (select count(distinct p.review_id) from review_pauses p join reviews r on r.id = p.review_id
          where r.cycle_number = ${cycle} and p.from_date <= ${asOf} and (p.to_date is null or p.to_date > ${asOf})) as paused,
        count(*) filter (where kind = 'started') as under_review,
        count(*) filter (where kind = 'checklistSubmitted') as checklists,
        count(*) filter (where kind = 'dialogueHeld') as dialogues,
        count(*) filter (where kind = 'dialogueHeld' and dialogue_type = 'country_visit') as country_visits,
        count(*) filter (where kind = 'dialogueHeld' and dialogue_type = 'joint_meeting') as joint_meetings,
        count(*) filter (where kind = 'dialogueHeld' and dialogue_type = 'virtual_visit') as virtual_visits,
        count(*) filter (where kind = 'executiveSummaryFinalised') as summaries,
        count(*) filter (where kind = 'reportFinalised') as reports
      from facts
    `,
    ),
  );
  const n = (key: string) => Number(row?.[key] ?? 0);
  return {
    total: n('total'),
    underReview: n('under_review'),
    paused: n('paused'),
    checklistsSubmitted: n('checklists'),
    dialoguesHeld: { total: n('dialogues'), countryVisits: n('country_visits'), jointMeetings: n('joint_meetings'), virtualVisits: n('virtual_visits') },
    executiveSummariesFinalised: n('summaries'),
    reportsFinalised: n('reports'),
  };
}

/** Every review of a cycle (or of all cycles) with its whole dated history, withdrawals included. */
export async function loadHistories(db: DbOrTx, cycle?: number): Promise<ReviewHistory[]> {
  const rows = await db
    .select({ id: reviews.id, stateIso3: reviews.stateIso3, cycle: reviews.cycleNumber, cohortYear: reviews.cohortYear, consent: reviews.consentToPublishReport })
    .from(reviews)
    .where(cycle === undefined ? undefined : eq(reviews.cycleNumber, cycle))
    .orderBy(asc(reviews.cycleNumber), asc(reviews.stateIso3));
  if (rows.length === 0) return [];
  // A subquery rather than a list of ids: a cycle may hold tens of thousands of reviews.
  const ofCycle = cycle === undefined ? undefined : db.select({ id: reviews.id }).from(reviews).where(eq(reviews.cycleNumber, cycle));
  const inCycle = (column: typeof reviewMilestones.reviewId | typeof reviewPauses.reviewId | typeof reviewMilestoneWithdrawals.reviewId) => (ofCycle === undefined ? undefined : inArray(column, ofCycle));
  const [milestones, withdrawals, pauses] = await Promise.all([
    db.select({ reviewId: reviewMilestones.reviewId, kind: reviewMilestones.kind, date: reviewMilestones.date, dialogueType: reviewMilestones.dialogueType }).from(reviewMilestones).where(inCycle(reviewMilestones.reviewId)),
    db
      .select({ reviewId: reviewMilestoneWithdrawals.reviewId, kind: reviewMilestoneWithdrawals.kind, date: reviewMilestoneWithdrawals.milestoneDate, dialogueType: reviewMilestoneWithdrawals.dialogueType, withdrawnOn: reviewMilestoneWithdrawals.withdrawnOn })
      .from(reviewMilestoneWithdrawals)
      .where(inCycle(reviewMilestoneWithdrawals.reviewId)),
    db.select({ reviewId: reviewPauses.reviewId, from: reviewPauses.fromDate, to: reviewPauses.toDate }).from(reviewPauses).where(inCycle(reviewPauses.reviewId)),
  ]);
  const facts = new Map<string, MilestoneFact[]>();
  const pausesOf = new Map<string, { from: string; to: string | null }[]>();
  for (const m of [...milestones.map((x) => ({ ...x, withdrawnOn: null })), ...withdrawals]) {
    const list = facts.get(m.reviewId) ?? [];
    list.push({ kind: m.kind as MilestoneKind, date: m.date, dialogueType: (m.dialogueType as DialogueType | null) ?? null, withdrawnOn: m.withdrawnOn });
    facts.set(m.reviewId, list);
  }
  for (const p of pauses) pausesOf.set(p.reviewId, [...(pausesOf.get(p.reviewId) ?? []), { from: p.from, to: p.to }]);
  return rows.map((r) => ({
    id: r.id,
    stateIso3: r.stateIso3,
    cycle: r.cycle,
    cohortYear: r.cohortYear,
    consentToPublishReport: r.consent,
    facts: facts.get(r.id) ?? [],
    pauses: pausesOf.get(r.id) ?? [],
  }));
}

export async function insertWithdrawal(db: DbOrTx, row: typeof reviewMilestoneWithdrawals.$inferInsert): Promise<void> {
  await db.insert(reviewMilestoneWithdrawals).values(row);
}

export async function deleteMilestone(db: DbOrTx, reviewId: string, kind: MilestoneKind): Promise<void> {
  await db.delete(reviewMilestones).where(sql`${reviewMilestones.reviewId} = ${reviewId} and ${reviewMilestones.kind} = ${kind}`);
}
