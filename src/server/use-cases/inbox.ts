/**
 * @module inbox
 * "Waiting on you": for the signed-in user, the review steps their side must take next
 * (late ones first) and the desk-review threads awaiting their answer. Derived from the
 * reviews as they stand, so it is never out of date and needs no job to fill it.
 */
import { computeTimeline } from '../../domain/reviews/timeline.ts';
import { waitingOn } from '../../domain/reviews/stages.ts';
import type { ResponsibleActor } from '../../domain/reviews/milestones.ts';
import { authorize } from '../../policies/policy.ts';
import { listOpenThreadsWithLastSide } from '../../db/repositories/desk-review.ts';
import { loadReviews } from '../../db/repositories/reviews.ts';
import type { UseCaseContext } from './context.ts';
import { relationTo } from './reviews.ts';

export interface InboxItem {
  kind: 'review.step' | 'thread.answer';
  reviewId: string;
  stateUnderReview: string;
  cycle: number;
  /** The step to take (review.step) or the provision of the thread (thread.answer). */
  subject: string;
  dueDate: string | null;
  daysLate: number;
  threadId?: string;
}

export async function readInbox(ctx: UseCaseContext): Promise<InboxItem[]> {
  authorize(ctx.actor, 'inbox.read');
  const actor = ctx.actor;
  if (actor.kind !== 'user' || actor.role === 'delegate') return [];
  const all = await loadReviews(ctx.db);
  // The reviews this user works on, and which side of them the user stands on.
  const mine = all
    .map((stored) => ({ stored, relation: relationTo(actor, stored.review) }))
    .filter(({ relation }) => actor.role === 'secretariat' || relation !== 'none');
  const sideOf = (relation: string): ResponsibleActor => (actor.role === 'secretariat' ? 'secretariat' : relation === 'under-review' ? 'stateUnderReview' : 'reviewers');
  const items: InboxItem[] = [];
  for (const { stored, relation } of mine) {
    const side = sideOf(relation);
    const waiting = waitingOn(stored.review);
    if (waiting.pause) continue;
    const timeline = computeTimeline(stored.review, ctx.now);
    for (const next of waiting.next.filter((n) => n.actor === side)) {
      const entry = timeline.entries.find((e) => e.kind === next.kind);
      items.push({ kind: 'review.step', reviewId: stored.row.id, stateUnderReview: stored.review.stateUnderReview, cycle: stored.review.cycle, subject: next.kind, dueDate: entry?.dueDate ?? null, daysLate: entry?.status === 'overdue' ? entry.daysLate : 0 });
    }
  }
  // Threads: the State under review answers reviewers' questions; reviewers and the secretariat read the answers.
  const byId = new Map(mine.map((m) => [m.stored.row.id, m]));
  for (const thread of await listOpenThreadsWithLastSide(ctx.db, [...byId.keys()])) {
    const { stored, relation } = byId.get(thread.reviewId)!;
    const isStateTurn = thread.lastSide !== 'state-under-review';
    const isMyTurn = relation === 'under-review' ? isStateTurn : actor.role === 'secretariat' || relation === 'reviewing' ? !isStateTurn : false;
    if (!isMyTurn) continue;
    items.push({ kind: 'thread.answer', reviewId: thread.reviewId, stateUnderReview: stored.review.stateUnderReview, cycle: stored.review.cycle, subject: thread.provisionId, dueDate: null, daysLate: 0, threadId: thread.id });
  }
  return items.sort((a, b) => b.daysLate - a.daysLate || a.stateUnderReview.localeCompare(b.stateUnderReview));
}
