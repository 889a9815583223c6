/**
 * @module follow-up-demo
 * Demo follow-up for the demo reviews whose report is finalised (docs/FOLLOW-UP.md §7):
 * round 1 opened on the schedule where it has come, self-reports on most recommendations,
 * assessments spread over the four statuses, round 1 closed and round 2 opened where its
 * date has come too, and an action plan for the first review. Fictitious, deterministic,
 * multi-row inserts in one transaction; nothing when follow-up rows exist already.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { findCycle } from '../../db/repositories/cycles.ts';
import { findMechanism } from '../../db/repositories/mechanisms.ts';
import type { StoredReview } from '../../db/repositories/reviews.ts';
import { followUpActionProgress, followUpActions, followUpAssessments, followUpRounds, followUpSelfReports } from '../../db/schema/follow-up.ts';
import { reportRecommendations } from '../../db/schema/reports.ts';
import { FOLLOW_UP_STATUSES } from '../../domain/follow-up/statuses.ts';
import { followUpSettings, scheduledRound } from '../../domain/follow-up/rounds.ts';
import { addDays } from '../../domain/reviews/calendar.ts';
import { milestoneDate } from '../../domain/reviews/review.ts';
import { DEMO_MARKERS } from './demo-markers.ts';

const STATE = 'Demo focal point (fictitious)';
const SECRETARIAT = 'Demo secretariat officer (fictitious)';
const ROUND_2 = ['implemented', 'partly-implemented', 'implemented', 'not-implemented'] as const;

export async function seedDemoFollowUp(db: Db, reviews: StoredReview[], now: Date): Promise<void> {
  if ((await db.select({ id: followUpRounds.id }).from(followUpRounds).limit(1)).length > 0) return;
  const today = now.toISOString().slice(0, 10);
  const recommendations = await db.select().from(reportRecommendations);
  const cycle = await findCycle(db, 1);
  const settings = followUpSettings(cycle ? (await findMechanism(db, cycle.mechanismId))?.settings : undefined);
  const rows = { rounds: [] as (typeof followUpRounds.$inferInsert)[], reports: [] as (typeof followUpSelfReports.$inferInsert)[], assessments: [] as (typeof followUpAssessments.$inferInsert)[], actions: [] as (typeof followUpActions.$inferInsert)[], progress: [] as (typeof followUpActionProgress.$inferInsert)[] };
  let planned = false;

  for (const [index, { review, row }] of reviews.entries()) {
    const finalisedOn = milestoneDate(review, 'reportFinalised');
    const own = recommendations.filter((r) => r.reviewId === row.id);
    if (!finalisedOn || own.length === 0) continue;
    for (const number of [1, 2]) {
      const round = scheduledRound(finalisedOn, number, settings);
      if (round.opensOn > today) break;
      const next = scheduledRound(finalisedOn, number + 1, settings);
      const isClosed = next.opensOn <= today;
      const roundId = randomUUID();
      rows.rounds.push({ id: roundId, reviewId: row.id, ...round, openedBy: SECRETARIAT, openedAt: new Date(`${round.opensOn}T09:00:00Z`), closedOn: isClosed ? addDays(round.dueOn, 30) : null, closedBy: isClosed ? SECRETARIAT : null });
      for (const [n, r] of own.entries()) {
        // Every fourth recommendation left unreported, so that the reminders and "not assessed" have something to show.
        if ((n + index + number) % 4 === 3) continue;
        const submittedOn = addDays(round.opensOn, 30 + n);
        if (submittedOn > today) continue;
        const claimed = number === 2 || (n + index) % 3 === 0 ? 'implemented' : 'partly-implemented';
        const reportId = randomUUID();
        rows.reports.push({
          id: reportId,
          reviewId: row.id,
          roundId,
          article: r.article,
          sequence: r.sequence,
          reference: r.reference,
          version: 1,
          status: claimed,
          narrative: `Fictitious demo self-report on ${r.reference}: measures taken and applied in practice. ${DEMO_MARKERS.selfReport}`,
          links: [{ url: 'https://www.unodc.org/unodc/en/corruption/', title: 'Demo evidence (fictitious)' }],
          statistics: [{ label: 'Cases handled (demo)', value: String(10 + n * 3), period: round.opensOn.slice(0, 4) }],
          documents: [],
          author: STATE,
          submittedOn,
          createdAt: new Date(`${submittedOn}T10:00:00Z`),
        });
        const assessedOn = addDays(submittedOn, 45);
        if (assessedOn > today) continue;
        // Round 1 spreads over the four statuses; round 2 mostly improves on it, not always.
        const status = number === 1 ? FOLLOW_UP_STATUSES[(n + index) % FOLLOW_UP_STATUSES.length]! : ROUND_2[(n + index) % ROUND_2.length]!;
        rows.assessments.push({
          id: randomUUID(),
          reviewId: row.id,
          roundId,
          article: r.article,
          sequence: r.sequence,
          version: 1,
          selfReportId: reportId,
          status,
          note: status === 'implemented' ? '' : 'Demo: what remains to be done (fictitious).',
          assessedOn,
          side: n % 2 === 0 ? 'secretariat' : 'reviewing',
          assessor: SECRETARIAT,
          createdAt: new Date(`${assessedOn}T10:00:00Z`),
        });
      }
    }
    if (!planned) {
      planned = true;
      const actionId = randomUUID();
      rows.actions.push({ id: actionId, version: 1, reviewId: row.id, title: `Demo action: a national register of asset declarations (fictitious) ${DEMO_MARKERS.actionPlan}`, ownerInstitution: 'Demo anti-corruption agency', deadline: addDays(finalisedOn, 1095), indicators: ['Register online', 'Share of officials declaring'], recommendations: own.slice(0, 2).map((r) => ({ article: r.article, sequence: r.sequence })), author: STATE, createdAt: new Date(`${addDays(finalisedOn, 60)}T10:00:00Z`) });
      rows.progress.push({ id: randomUUID(), actionId, reviewId: row.id, percent: 60, status: 'on-track', note: 'Demo: register in test (fictitious).', reportedOn: addDays(finalisedOn, 400) > today ? today : addDays(finalisedOn, 400), author: STATE });
    }
  }

  await db.transaction(async (tx) => {
    const insert = async <T extends Record<string, unknown>>(table: Parameters<typeof tx.insert>[0], values: T[]) => {
      for (let i = 0; i < values.length; i += 500) await tx.insert(table).values(values.slice(i, i + 500));
    };
    await insert(followUpRounds, rows.rounds);
    await insert(followUpSelfReports, rows.reports);
    await insert(followUpAssessments, rows.assessments);
    await insert(followUpActions, rows.actions);
    await insert(followUpActionProgress, rows.progress);
  });
}
