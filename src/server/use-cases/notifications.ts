/**
 * @module notifications use cases
 * Writing notifications for events in a review (inside the transaction of the action, so an
 * action that rolls back tells nobody), queueing weekly deadline reminders from the same data
 * as the inbox, and reading them: each user their own, the secretariat the e-mail outbox.
 * Delivery by e-mail is in ../mailer.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../domain/accounts/roles.ts';
import { DomainError } from '../../domain/errors.ts';
import { composeMessage, type Author, type ComposedMessage, type ThreadKind } from '../../domain/notifications/messages.ts';
import { audienceFor, selectRecipients, type AudienceEvent, type Person, type Side } from '../../domain/notifications/recipients.ts';
import { selectDueSteps } from '../../domain/notifications/reminders.ts';
import { dayOf } from '../../domain/reviews/calendar.ts';
import { UNCAC_MILESTONES } from '../../domain/reviews/milestones.ts';
import { authorize } from '../../policies/policy.ts';
import type { DbOrTx } from '../../db/client.ts';
import {
  countEmailsByStatus,
  countUnread,
  findThreadFacts,
  insertNotifications,
  listNotificationsForUser,
  listOutbox as listOutboxRows,
  listReviewPeople,
  listRemindableUsers,
  markAllNotificationsRead,
  markNotificationRead,
  type EmailStatus,
} from '../../db/repositories/notifications.ts';
import { findPartyRow } from '../../db/repositories/parties.ts';
import { loadReviews } from '../../db/repositories/reviews.ts';
import type { UseCaseContext } from './context.ts';
import { readInbox } from './inbox.ts';
import { relationTo } from './reviews.ts';

/** Something that happened in a review that its other parties should hear of. */
export type ReviewEvent =
  | { kind: 'thread.opened'; reviewId: string; threadId: string; actor: Actor }
  | { kind: 'thread.replied'; reviewId: string; threadId: string; actor: Actor }
  | { kind: 'checklist.submitted'; reviewId: string; submission: number; actor: Actor };

async function stateName(db: DbOrTx, iso3: string | null): Promise<string | null> {
  if (!iso3) return null;
  return (await findPartyRow(db, iso3))?.nameUn ?? iso3;
}

async function authorOf(db: DbOrTx, actor: Actor): Promise<Author> {
  if (actor.kind !== 'user') return { role: 'system', stateName: null };
  return { role: actor.role, stateName: actor.role === 'focal-point' || actor.role === 'expert' ? await stateName(db, actor.stateIso3) : null };
}

function rowsFor(recipients: Person[], message: ComposedMessage, dedupeKey: string | null, at: Date) {
  return recipients.map((person) => ({ id: randomUUID(), userId: person.id, email: person.email, ...message, dedupeKey, createdAt: at }));
}

/**
 * Writes one notification per recipient of `event`, in the caller's transaction. The message
 * names who acted, the review and the provision; it never copies the question, answer or reply.
 * Returns how many were written.
 */
export async function notifyReviewEvent(tx: DbOrTx, event: ReviewEvent, now: Date = new Date()): Promise<number> {
  const [stored] = await loadReviews(tx, { ids: [event.reviewId] });
  if (!stored) return 0;
  const review = { id: stored.row.id, stateName: (await stateName(tx, stored.review.stateUnderReview)) ?? stored.review.stateUnderReview, cycle: stored.review.cycle };
  const author = await authorOf(tx, event.actor);
  let audienceEvent: AudienceEvent;
  let message: ComposedMessage;
  let dedupeKey: string | null = null;
  if (event.kind === 'checklist.submitted') {
    audienceEvent = { kind: 'checklist.submitted' };
    message = composeMessage({ kind: 'checklist.submitted', review, submission: event.submission, author });
    dedupeKey = `checklist.submitted:${event.reviewId}:${event.submission}`;
  } else {
    const thread = await findThreadFacts(tx, event.reviewId, event.threadId);
    if (!thread) return 0;
    if (event.kind === 'thread.opened') {
      audienceEvent = { kind: 'thread.opened' };
      message = composeMessage({ kind: 'thread.opened', review, provisionId: thread.provisionId, threadKind: thread.kind as ThreadKind, author });
      dedupeKey = `thread.opened:${event.threadId}`;
    } else {
      const relation = relationTo(event.actor, stored.review);
      const replierSide: Side = event.actor.kind === 'user' && event.actor.role === 'secretariat' ? 'secretariat' : relation === 'under-review' ? 'state-under-review' : 'reviewer';
      audienceEvent = { kind: 'thread.replied', replierSide, threadReviewerStates: thread.reviewerStates };
      message = composeMessage({ kind: 'thread.replied', review, provisionId: thread.provisionId, author });
    }
  }
  const people = await listReviewPeople(tx, [stored.review.stateUnderReview, ...stored.review.reviewers]);
  const recipients = selectRecipients(people, audienceFor(audienceEvent, stored.review), event.actor.kind === 'user' ? event.actor.userId : undefined);
  return insertNotifications(tx, rowsFor(recipients, message, dedupeKey, now));
}

/**
 * For every active user who can be waited on, the steps of their side due within a week or
 * late (read through the inbox, so both always agree) become reminders: one per review, step
 * and ISO week, whatever how often this runs. Returns how many were written.
 */
export async function queueDeadlineReminders(ctx: UseCaseContext): Promise<number> {
  authorize(ctx.actor, 'notifications.deliver');
  const today = dayOf(ctx.now);
  const names = new Map<string, string>();
  const nameOf = async (iso3: string) => {
    if (!names.has(iso3)) names.set(iso3, (await stateName(ctx.db, iso3)) ?? iso3);
    return names.get(iso3)!;
  };
  let written = 0;
  for (const person of await listRemindableUsers(ctx.db)) {
    const actor: Actor = { kind: 'user', userId: person.id, role: person.role, stateIso3: person.stateIso3, email: person.email };
    const items = await readInbox({ ...ctx, actor });
    const due = selectDueSteps(items, today);
    const rows = [];
    for (const step of due) {
      const item = items.find((i) => i.kind === 'review.step' && i.reviewId === step.reviewId && i.subject === step.step)!;
      const message = composeMessage({
        kind: 'deadline.reminder',
        review: { id: step.reviewId, stateName: await nameOf(item.stateUnderReview), cycle: item.cycle },
        step: step.step,
        dueDate: step.dueDate,
        daysLeft: step.daysLeft,
        side: UNCAC_MILESTONES[step.step].actor,
      });
      rows.push(...rowsFor([person], message, step.dedupeKey, ctx.now));
    }
    written += await insertNotifications(ctx.db, rows);
  }
  return written;
}

function signedInUser(ctx: UseCaseContext) {
  if (ctx.actor.kind !== 'user') throw new DomainError('auth.required', 'Sign in to do this.');
  return ctx.actor;
}

/** The signed-in user's notifications, newest first, and how many are unread. */
export async function listMyNotifications(ctx: UseCaseContext, options: { limit?: number } = {}) {
  authorize(ctx.actor, 'notifications.read');
  const user = signedInUser(ctx);
  const rows = await listNotificationsForUser(ctx.db, user.userId, options.limit ?? 100);
  return {
    unread: await countUnread(ctx.db, user.userId),
    notifications: rows.map((r) => ({ id: r.id, kind: r.kind, subject: r.subject, body: r.body, link: r.link, createdAt: r.createdAt.toISOString(), readAt: r.readAt?.toISOString() ?? null })),
  };
}

/** Marks one of the user's own notifications read; another user's is "not found", not "forbidden". */
export async function markRead(ctx: UseCaseContext, id: string): Promise<void> {
  authorize(ctx.actor, 'notifications.markRead');
  const user = signedInUser(ctx);
  const row = await markNotificationRead(ctx.db, id, user.userId, ctx.now);
  if (!row) throw new DomainError('resource.notFound', `No notification ${id}.`);
}

export async function markAllRead(ctx: UseCaseContext): Promise<number> {
  authorize(ctx.actor, 'notifications.markRead');
  return markAllNotificationsRead(ctx.db, signedInUser(ctx).userId, ctx.now);
}

/** Every e-mail with its recipient and status, for the secretariat (the development outbox). */
export async function listOutbox(ctx: UseCaseContext, options: { limit?: number; status?: EmailStatus; isSmtpConfigured: boolean }) {
  authorize(ctx.actor, 'outbox.read');
  const rows = await listOutboxRows(ctx.db, { limit: options.limit ?? 200, status: options.status });
  return {
    isSmtpConfigured: options.isSmtpConfigured,
    counts: await countEmailsByStatus(ctx.db),
    emails: rows.map((r) => ({ ...r, status: r.status as EmailStatus, createdAt: r.createdAt.toISOString(), emailedAt: r.emailedAt?.toISOString() ?? null })),
  };
}
