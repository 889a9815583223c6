/**
 * @module review-steps
 * Creating reviews and moving them forward: record a milestone, pause, resume, extend a
 * due date. Each step checks the review's version (two officers never overwrite each
 * other), applies the pure domain rule, stores the new fact and writes the audit row in
 * one transaction.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import type { DialogueType, MilestoneKind } from '../../domain/reviews/milestones.ts';
import { pause, recordMilestone, resume, type Review } from '../../domain/reviews/review.ts';
import { extend } from '../../domain/reviews/timeline.ts';
import { authorize } from '../../policies/policy.ts';
import type { DbOrTx } from '../../db/client.ts';
import { actorLabel, appendAudit, listAuditEvents } from '../../db/repositories/audit.ts';
import { findCycle } from '../../db/repositories/cycles.ts';
import { listAssignments } from '../../db/repositories/lots.ts';
import { findPartyRow } from '../../db/repositories/parties.ts';
import {
  closeOpenPause,
  findReviewByState,
  insertExtension,
  insertMilestone,
  insertPause,
  insertReview,
  loadReviews,
  updateReviewRow,
  type StoredReview,
} from '../../db/repositories/reviews.ts';
import type { UseCaseContext } from './context.ts';
import { assignmentsByState } from './lots-inputs.ts';
import { announceToSubscribers } from './subscriptions.ts';

async function requireReview(db: DbOrTx, id: string): Promise<StoredReview> {
  const [stored] = await loadReviews(db, { ids: [id] });
  if (!stored) throw new DomainError('review.notFound', `No review ${id}.`);
  return stored;
}

/** The review's history: its audit events, oldest first. */
export async function reviewHistory(ctx: UseCaseContext, id: string) {
  const events = await listAuditEvents(ctx.db, { limit: 500, resourceType: 'review', resourceId: id });
  return events.reverse().map((e) => ({ at: e.occurredAt.toISOString(), actor: e.actorLabel, action: e.action, details: e.details }));
}

export async function getReview(ctx: UseCaseContext, id: string): Promise<StoredReview> {
  authorize(ctx.actor, 'review.read');
  return requireReview(ctx.db, id);
}

type Step = (review: Review) => { next: Review; persist: (tx: DbOrTx, reviewId: string) => Promise<void>; action: string; details: Record<string, unknown> };

async function applyStep(ctx: UseCaseContext, id: string, version: number, step: Step): Promise<StoredReview> {
  authorize(ctx.actor, 'review.manage');
  return ctx.db.transaction(async (tx) => {
    const stored = await requireReview(tx, id);
    if (stored.row.version !== version) {
      throw new DomainError('record.versionConflict', 'Someone else changed this review since you loaded it. Reload and try again.', { currentVersion: stored.row.version });
    }
    const { persist, action, details } = step(stored.review);
    const bumped = await updateReviewRow(tx, id, {}, version);
    if (!bumped) throw new DomainError('record.versionConflict', 'Someone else changed this review since you loaded it. Reload and try again.');
    await persist(tx, id);
    await appendAudit(tx, { actor: ctx.actor, action, resourceType: 'review', resourceId: id, details, ip: ctx.ip, requestId: ctx.requestId });
    return requireReview(tx, id);
  });
}

export function recordReviewMilestone(ctx: UseCaseContext, id: string, input: { kind: MilestoneKind; date: string; dialogueType?: DialogueType; version: number }) {
  return applyStep(ctx, id, input.version, (review) => {
    const next = recordMilestone(review, { kind: input.kind, date: input.date, dialogueType: input.dialogueType }, ctx.now);
    return {
      next,
      action: 'review.recordMilestone',
      details: { kind: input.kind, date: input.date, dialogueType: input.dialogueType ?? null },
      persist: async (tx, reviewId) => {
        await insertMilestone(tx, { reviewId, kind: input.kind, date: input.date, dialogueType: input.dialogueType ?? null, recordedBy: actorLabel(ctx.actor) });
        // The public learns that the review started (docs/PUBLIC.md, "Follow by e-mail").
        if (input.kind === 'started') await announceToSubscribers(tx, { kind: 'reviewStarted', iso3: review.stateUnderReview, cycle: review.cycle, date: input.date });
      },
    };
  });
}

export function pauseReview(ctx: UseCaseContext, id: string, input: { from: string; reason: string; version: number }) {
  return applyStep(ctx, id, input.version, (review) => ({
    next: pause(review, input.from, input.reason, ctx.now),
    action: 'review.pause',
    details: { from: input.from, reason: input.reason },
    persist: (tx, reviewId) => insertPause(tx, { id: randomUUID(), reviewId, fromDate: input.from, toDate: null, reason: input.reason.trim(), recordedBy: actorLabel(ctx.actor) }),
  }));
}

export function resumeReview(ctx: UseCaseContext, id: string, input: { to: string; version: number }) {
  return applyStep(ctx, id, input.version, (review) => ({
    next: resume(review, input.to, ctx.now),
    action: 'review.resume',
    details: { to: input.to },
    persist: (tx, reviewId) => closeOpenPause(tx, reviewId, input.to),
  }));
}

export function extendReview(ctx: UseCaseContext, id: string, input: { milestone: MilestoneKind; newDueDate: string; reason: string; agreedBy: string; version: number }) {
  return applyStep(ctx, id, input.version, (review) => ({
    next: extend(review, { milestone: input.milestone, newDueDate: input.newDueDate, reason: input.reason, agreedBy: input.agreedBy }),
    action: 'review.extend',
    details: { milestone: input.milestone, newDueDate: input.newDueDate, reason: input.reason, agreedBy: input.agreedBy },
    persist: (tx, reviewId) => insertExtension(tx, { id: randomUUID(), reviewId, milestone: input.milestone, newDueDate: input.newDueDate, reason: input.reason.trim(), agreedBy: input.agreedBy.trim() }),
  }));
}

/** The secretariat assigns reviewers by hand (before or instead of a draw); recorded as such. */
export async function createReview(ctx: UseCaseContext, input: { state: string; cycle: number; cohortYear: number; reviewers: [string, string] }): Promise<StoredReview> {
  authorize(ctx.actor, 'review.manage');
  const state = input.state.toUpperCase();
  const reviewers = input.reviewers.map((r) => r.toUpperCase()) as [string, string];
  return ctx.db.transaction(async (tx) => {
    const cycle = await findCycle(tx, input.cycle);
    if (!cycle) throw new DomainError('cycle.unknown', `There is no cycle ${input.cycle}.`);
    if (input.cohortYear < 1 || input.cohortYear > cycle.years) throw new DomainError('cohort.invalid', `Cycle ${cycle.number} has years 1 to ${cycle.years}.`);
    for (const iso3 of [state, ...reviewers]) {
      if (!(await findPartyRow(tx, iso3))) throw new DomainError('party.unknown', `No State with the code ${iso3}.`);
    }
    if (new Set([state, ...reviewers]).size !== 3) throw new DomainError('review.invalidTransition', 'The two reviewing States must differ from each other and from the State under review.');
    if (await findReviewByState(tx, cycle.number, state)) throw new DomainError('record.duplicate', `${state} already has a review in cycle ${cycle.number}.`);
    const row = await insertReview(tx, { id: randomUUID(), cycleNumber: cycle.number, stateIso3: state, cohortYear: input.cohortYear, reviewer1Iso3: reviewers[0], reviewer2Iso3: reviewers[1], reviewersSource: 'manual' });
    await appendAudit(tx, { actor: ctx.actor, action: 'review.create', resourceType: 'review', resourceId: row.id, details: { state, cycle: cycle.number, cohortYear: input.cohortYear, reviewers, source: 'manual' }, ip: ctx.ip, requestId: ctx.requestId });
    return requireReview(tx, row.id);
  });
}

/** Opens a review for every published assignment of a cycle that has none yet. */
export async function createReviewsFromDraws(ctx: UseCaseContext, cycleNumber: number): Promise<number> {
  authorize(ctx.actor, 'review.manage');
  return ctx.db.transaction(async (tx) => {
    let created = 0;
    for (const [state, entry] of assignmentsByState(await listAssignments(tx, cycleNumber))) {
      if (await findReviewByState(tx, cycleNumber, state)) continue;
      const row = await insertReview(tx, { id: randomUUID(), cycleNumber, stateIso3: state, cohortYear: entry.year, reviewer1Iso3: entry.reviewers[0], reviewer2Iso3: entry.reviewers[1], reviewersSource: 'draw' });
      await appendAudit(tx, { actor: ctx.actor, action: 'review.create', resourceType: 'review', resourceId: row.id, details: { state, cycle: cycleNumber, source: 'draw' }, ip: ctx.ip, requestId: ctx.requestId });
      created += 1;
    }
    return created;
  });
}
