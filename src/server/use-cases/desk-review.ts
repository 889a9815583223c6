/**
 * @module desk-review use cases
 * Threads on provisions of the submitted checklist. The reviewing experts and the
 * secretariat ask; every party to the review replies; the thread is open or resolved.
 * Confidential like the checklist: reads are audited, outsiders are refused.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { authorize } from '../../policies/policy.ts';
import { actorLabel, appendAudit } from '../../db/repositories/audit.ts';
import { listSubmissions } from '../../db/repositories/checklists.ts';
import { findThread, insertMessage, insertThread, listThreads, setThreadStatus } from '../../db/repositories/desk-review.ts';
import { loadReviews } from '../../db/repositories/reviews.ts';
import { addReplyToAnswer, checklistProvisionIds } from './checklist.ts';
import type { UseCaseContext } from './context.ts';
import { notifyReviewEvent } from './notifications.ts';
import { relationTo } from './reviews.ts';

export const THREAD_KINDS = ['question', 'request', 'observation'] as const;
const MAX_MESSAGE = 20_000;

async function reviewAndRelation(ctx: UseCaseContext, reviewId: string) {
  const [stored] = await loadReviews(ctx.db, { ids: [reviewId] });
  if (!stored) throw new DomainError('review.notFound', `No review ${reviewId}.`);
  return { stored, relation: relationTo(ctx.actor, stored.review) };
}

function sideOf(ctx: UseCaseContext, relation: string): string {
  if (ctx.actor.kind === 'user' && ctx.actor.role === 'secretariat') return 'secretariat';
  if (relation === 'under-review') return 'state-under-review';
  return ctx.actor.kind === 'user' && ctx.actor.stateIso3 ? `reviewer:${ctx.actor.stateIso3}` : 'unknown';
}

function checkBody(body: string): string {
  const text = body.replace(/\r\n/g, '\n').trim();
  if (text === '') throw new DomainError('request.invalid', 'Write something first.');
  if (text.length > MAX_MESSAGE) throw new DomainError('request.invalid', `A message may hold at most ${MAX_MESSAGE} characters.`);
  return text;
}

export async function getThreads(ctx: UseCaseContext, reviewId: string) {
  const { relation } = await reviewAndRelation(ctx, reviewId);
  authorize(ctx.actor, 'review.readConfidential', { relation });
  const threads = await listThreads(ctx.db, reviewId);
  await appendAudit(ctx.db, { actor: ctx.actor, action: 'deskReview.read', resourceType: 'review', resourceId: reviewId, details: { threads: threads.length }, ip: ctx.ip, requestId: ctx.requestId });
  return threads.map(({ thread, messages }) => ({
    id: thread.id,
    provisionId: thread.provisionId,
    kind: thread.kind,
    status: thread.status,
    createdBy: thread.createdBy,
    createdAt: thread.createdAt.toISOString(),
    messages: messages.map((m) => ({ author: m.author, side: m.side, body: m.body, answerVersion: m.answerVersion, createdAt: m.createdAt.toISOString() })),
  }));
}

/** A new thread on a provision of the submitted checklist. */
export async function openThread(ctx: UseCaseContext, reviewId: string, input: { provisionId: string; kind: (typeof THREAD_KINDS)[number]; body: string }) {
  const { relation } = await reviewAndRelation(ctx, reviewId);
  authorize(ctx.actor, 'deskReview.comment', { relation });
  const body = checkBody(input.body);
  const submitted = (await listSubmissions(ctx.db, reviewId))[0];
  if (!submitted) throw new DomainError('review.invalidTransition', 'The desk review starts once the State under review has submitted its checklist.');
  if (!(await checklistProvisionIds(ctx.db, reviewId)).has(input.provisionId)) {
    throw new DomainError('request.invalid', `Provision ${input.provisionId} is not in this review's checklist.`);
  }
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await insertThread(tx, { id, reviewId, provisionId: input.provisionId, kind: input.kind, status: 'open', createdBy: actorLabel(ctx.actor) });
    await insertMessage(tx, { id: randomUUID(), threadId: id, author: actorLabel(ctx.actor), side: sideOf(ctx, relation), body });
    await appendAudit(tx, { actor: ctx.actor, action: 'deskReview.comment', resourceType: 'review', resourceId: reviewId, details: { threadId: id, provisionId: input.provisionId, kind: input.kind }, ip: ctx.ip, requestId: ctx.requestId });
    await notifyReviewEvent(tx, { kind: 'thread.opened', reviewId, threadId: id, actor: ctx.actor }, ctx.now);
  });
  return id;
}

/**
 * A reply in a thread. With `addToAnswer`, the State under review's reply also becomes part
 * of its checklist answer to the thread's provision (a new version the reviewers see).
 */
export async function replyToThread(ctx: UseCaseContext, reviewId: string, threadId: string, input: { body: string; resolve?: boolean; reopen?: boolean; addToAnswer?: boolean }) {
  const { relation } = await reviewAndRelation(ctx, reviewId);
  authorize(ctx.actor, 'deskReview.reply', { relation });
  if (input.addToAnswer) authorize(ctx.actor, 'checklist.answer', { relation });
  const thread = await findThread(ctx.db, reviewId, threadId);
  if (!thread) throw new DomainError('resource.notFound', `No thread ${threadId} in this review.`);
  const body = checkBody(input.body);
  await ctx.db.transaction(async (tx) => {
    const answerVersion = input.addToAnswer ? await addReplyToAnswer(tx, ctx, reviewId, thread.provisionId, body) : null;
    await insertMessage(tx, { id: randomUUID(), threadId, author: actorLabel(ctx.actor), side: sideOf(ctx, relation), body, answerVersion });
    if (input.resolve) await setThreadStatus(tx, threadId, 'resolved', actorLabel(ctx.actor));
    if (input.reopen) await setThreadStatus(tx, threadId, 'open', null);
    await notifyReviewEvent(tx, { kind: 'thread.replied', reviewId, threadId, actor: ctx.actor }, ctx.now);
    await appendAudit(tx, { actor: ctx.actor, action: 'deskReview.reply', resourceType: 'review', resourceId: reviewId, details: { threadId, resolve: input.resolve ?? false, reopen: input.reopen ?? false, answerVersion }, ip: ctx.ip, requestId: ctx.requestId });
  });
}
