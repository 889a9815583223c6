/**
 * @module reviews use cases
 * The tracker (where every review stands, country by country) and the import of review
 * histories from the secretariat's spreadsheet. Stage and dates are public; the content of
 * a review (checklist, comments, drafts) is not and is not served here.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import type { MilestoneKind } from '../../domain/reviews/milestones.ts';
import { validateImportRows, type ReviewImport } from '../../domain/reviews/import-rows.ts';
import { stageOf, waitingOn, type Stage } from '../../domain/reviews/stages.ts';
import { computeTimeline } from '../../domain/reviews/timeline.ts';
import { authorize, may, type Relation } from '../../policies/policy.ts';
import { actorLabel, appendAudit } from '../../db/repositories/audit.ts';
import { listCycles } from '../../db/repositories/cycles.ts';
import { findPartyRow, listPartyRows } from '../../db/repositories/parties.ts';
import { findReviewByState, insertReview, loadReviews, replaceMilestones, updateReviewRow, type StoredReview } from '../../db/repositories/reviews.ts';
import { isoDay, type UseCaseContext } from './context.ts';
import { trackerWorkbook } from '../tracker-xlsx.ts';
import { announceToSubscribers } from './subscriptions.ts';

export interface TrackerFilter {
  cycle?: number;
  cohortYear?: number;
  regionalGroup?: string;
  stage?: Stage;
  isOverdue?: boolean;
}

function summarise(stored: StoredReview, now: Date, groupOf: Map<string, string | null>) {
  const { review, row } = stored;
  const timeline = computeTimeline(review, now);
  return {
    id: row.id,
    stateUnderReview: review.stateUnderReview,
    regionalGroup: groupOf.get(review.stateUnderReview) ?? null,
    cycle: review.cycle,
    cohortYear: review.cohortYear,
    reviewers: [...review.reviewers] as [string, string],
    reviewersSource: row.reviewersSource,
    stage: stageOf(review),
    waitingOn: waitingOn(review).actors,
    overdue: timeline.overdue,
    daysLate: timeline.maxDaysLate,
    timeline: timeline.entries.map((e) => ({ kind: e.kind, plannedDate: e.plannedDate, dueDate: e.dueDate, actualDate: e.actualDate, status: e.status, daysLate: e.daysLate })),
  };
}

export type TrackerRow = ReturnType<typeof summarise>;

/** How the actor's State takes part in a review (for what they may see of its content). */
export function relationTo(actor: UseCaseContext['actor'], review: { stateUnderReview: string; reviewers: readonly string[] }): Relation {
  if (actor.kind !== 'user' || actor.stateIso3 === null) return 'none';
  if (actor.stateIso3 === review.stateUnderReview) return 'under-review';
  return review.reviewers.includes(actor.stateIso3) ? 'reviewing' : 'none';
}

/**
 * One review for its page. Stage and dates are public; the reasons given for pauses and
 * extensions, and the details of its history, are content of the review (docs/REVIEWS.md):
 * only its parties and the secretariat see them.
 */
export async function reviewDetail(ctx: UseCaseContext, stored: StoredReview, history: { at: string; actor: string; action: string; details: Record<string, unknown> | null }[]) {
  // One State's group, not the whole list of parties: this runs on every review page.
  const party = await findPartyRow(ctx.db, stored.review.stateUnderReview);
  const groupOf = new Map([[stored.review.stateUnderReview, party?.regionalGroup ?? null]]);
  const canSeeContent = may(ctx.actor, 'review.readConfidential', { relation: relationTo(ctx.actor, stored.review) });
  const hidden = '(confidential)';
  return {
    ...summarise(stored, ctx.now, groupOf),
    version: stored.row.version,
    consentToPublishReport: stored.review.consentToPublishReport,
    next: waitingOn(stored.review).next,
    milestones: stored.review.milestones.map((m) => ({ kind: m.kind, date: m.date, dialogueType: m.dialogueType ?? null })),
    pauses: stored.review.pauses.map((p) => ({ from: p.from, to: p.to, reason: canSeeContent ? p.reason : hidden })),
    extensions: stored.review.extensions.map((e) => ({ milestone: e.milestone, newDueDate: e.newDueDate, reason: canSeeContent ? e.reason : hidden, agreedBy: canSeeContent ? e.agreedBy : hidden })),
    history: history.map((h) => ({ at: h.at, actor: canSeeContent ? h.actor : '', action: h.action, details: canSeeContent ? h.details : null })),
    canSeeContent,
  };
}

/** Every review with its stage and dates, filtered, latest first by delay. */
export async function listTracker(ctx: UseCaseContext, filter: TrackerFilter) {
  authorize(ctx.actor, 'review.read');
  const parties = await listPartyRows(ctx.db);
  const groupOf = new Map(parties.map((p) => [p.iso3, p.regionalGroup]));
  const rows = (await loadReviews(ctx.db, { cycleNumber: filter.cycle }))
    .map((stored) => summarise(stored, ctx.now, groupOf))
    .filter((r) => filter.cohortYear === undefined || r.cohortYear === filter.cohortYear)
    .filter((r) => filter.regionalGroup === undefined || r.regionalGroup === filter.regionalGroup)
    .filter((r) => filter.stage === undefined || r.stage === filter.stage)
    .filter((r) => filter.isOverdue === undefined || (r.overdue.length > 0) === filter.isOverdue)
    .sort((a, b) => b.daysLate - a.daysLate || a.stateUnderReview.localeCompare(b.stateUnderReview));
  const byStage: Record<string, number> = {};
  for (const r of rows) byStage[r.stage] = (byStage[r.stage] ?? 0) + 1;
  return { asOf: isoDay(ctx.now), counts: { total: rows.length, overdue: rows.filter((r) => r.overdue.length > 0).length, byStage }, reviews: rows };
}

/** The filtered tracker as an Excel workbook, States named as in UN documents. */
export async function exportTracker(ctx: UseCaseContext, filter: TrackerFilter) {
  const tracker = await listTracker(ctx, filter);
  const names = new Map((await listPartyRows(ctx.db)).map((p) => [p.iso3, p.nameUn]));
  return { asOf: tracker.asOf, body: await trackerWorkbook(tracker.reviews, names, tracker.asOf) };
}

function sameFacts(stored: StoredReview, incoming: ReviewImport): boolean {
  const key = (m: { kind: MilestoneKind; date: string; dialogueType?: string }) => `${m.kind}:${m.date}:${m.dialogueType ?? ''}`;
  const before = stored.review.milestones.map(key).sort().join('|');
  const after = incoming.milestones.map(key).sort().join('|');
  return (
    before === after &&
    stored.row.cohortYear === incoming.cohortYear &&
    stored.row.reviewer1Iso3 === incoming.reviewers[0] &&
    stored.row.reviewer2Iso3 === incoming.reviewers[1] &&
    stored.row.consentToPublishReport === incoming.consentToPublishReport
  );
}

/**
 * All-or-nothing: every row is checked first; one bad row and nothing is written, with
 * every problem and its line. Re-importing the same file changes nothing; a newer file
 * updates the reviews it lists.
 */
export async function importReviews(ctx: UseCaseContext, rows: Record<string, string>[]) {
  authorize(ctx.actor, 'reviews.import');
  const parties = await listPartyRows(ctx.db);
  const cycles = await listCycles(ctx.db);
  const result = validateImportRows(rows, { knownStates: new Set(parties.map((p) => p.iso3)), cycles, today: isoDay(ctx.now) });
  if (!result.ok) {
    throw new DomainError('import.invalid', `${result.problems.length} problem(s) in the file; nothing was imported.`, {
      problems: result.problems.map((p) => `line ${p.line}: ${p.message}`),
    });
  }
  const by = actorLabel(ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const incoming of result.reviews) {
      const existing = await findReviewByState(tx, incoming.cycle, incoming.stateUnderReview);
      let reviewId: string;
      let hadStarted = false;
      if (!existing) {
        const created = await insertReview(tx, {
          id: randomUUID(),
          cycleNumber: incoming.cycle,
          stateIso3: incoming.stateUnderReview,
          cohortYear: incoming.cohortYear,
          reviewer1Iso3: incoming.reviewers[0],
          reviewer2Iso3: incoming.reviewers[1],
          reviewersSource: 'import',
          consentToPublishReport: incoming.consentToPublishReport,
        });
        reviewId = created.id;
        counts.created += 1;
      } else {
        const [stored] = await loadReviews(tx, { ids: [existing.id] });
        if (stored && sameFacts(stored, incoming)) {
          counts.unchanged += 1;
          continue;
        }
        hadStarted = stored?.review.milestones.some((m) => m.kind === 'started') ?? false;
        const updated = await updateReviewRow(
          tx,
          existing.id,
          { cohortYear: incoming.cohortYear, reviewer1Iso3: incoming.reviewers[0], reviewer2Iso3: incoming.reviewers[1], reviewersSource: 'import', consentToPublishReport: incoming.consentToPublishReport },
          existing.version,
        );
        if (!updated) throw new DomainError('record.versionConflict', `The review of ${incoming.stateUnderReview} changed during the import; try again.`);
        reviewId = existing.id;
        counts.updated += 1;
      }
      await replaceMilestones(tx, reviewId, incoming.milestones, by);
      // A review the file starts is announced to subscribers, once (docs/PUBLIC.md).
      const started = incoming.milestones.find((m) => m.kind === 'started');
      if (started && !hadStarted) await announceToSubscribers(tx, { kind: 'reviewStarted', iso3: incoming.stateUnderReview, cycle: incoming.cycle, date: started.date });
      await appendAudit(tx, { actor: ctx.actor, action: 'reviews.import', resourceType: 'review', resourceId: reviewId, details: { state: incoming.stateUnderReview, cycle: incoming.cycle, line: incoming.line }, ip: ctx.ip, requestId: ctx.requestId });
    }
    return counts;
  });
}
