/**
 * @module notifications repository
 * The inbox rows of every user and the e-mail queue they double as. An e-mail is `pending`
 * until a delivery run takes it: `sent` over SMTP, `failed` (retried for a while), or
 * `outbox` when no SMTP server is configured. `emailed_at` is the time of the last attempt
 * (and, while one runs, a short lease so that two server processes never send it twice).
 */
import { and, count, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Person } from '../../domain/notifications/recipients.ts';
import type { Role } from '../../domain/accounts/roles.ts';
import type { DbOrTx } from '../client.ts';
import { users } from '../schema/accounts.ts';
import { reviewThreads, threadMessages } from '../schema/desk-review.ts';
import { notifications } from '../schema/notifications.ts';

export type NotificationRow = typeof notifications.$inferSelect;
export type EmailStatus = 'pending' | 'sent' | 'failed' | 'outbox';

/** Writes notifications; a row whose (user, dedupe key) exists already is skipped. Returns how many were written. */
export async function insertNotifications(db: DbOrTx, rows: (typeof notifications.$inferInsert)[]): Promise<number> {
  if (rows.length === 0) return 0;
  const written = await db
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
    .returning({ id: notifications.id });
  return written.length;
}

/** A user's notifications, newest first. */
export async function listNotificationsForUser(db: DbOrTx, userId: string, limit: number): Promise<NotificationRow[]> {
  return db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(limit);
}

export async function countUnread(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Marks one of the user's notifications read (the first reading time is kept); undefined when it is not theirs. */
export async function markNotificationRead(db: DbOrTx, id: string, userId: string, at: Date): Promise<NotificationRow | undefined> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row;
}

export async function markAllNotificationsRead(db: DbOrTx, userId: string, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export interface ClaimRules {
  now: Date;
  limit: number;
  /** A pending e-mail taken by a run that died is taken again after this long. */
  leaseMs: number;
  /** A failed e-mail is tried again this long after its last attempt … */
  retryAfterMs: number;
  /** … while it was written less than this long ago. */
  retryWindowMs: number;
}

/**
 * Takes e-mails to send: pending ones, and failed ones due for another try. The rows are
 * locked while they are stamped (SKIP LOCKED), so parallel runs take different rows, and the
 * stamp is a lease: no other run takes them until it expires or they are marked.
 */
export async function claimEmails(db: DbOrTx, rules: ClaimRules): Promise<NotificationRow[]> {
  const at = rules.now.getTime();
  const due = or(
    and(eq(notifications.emailStatus, 'pending'), or(isNull(notifications.emailedAt), lt(notifications.emailedAt, new Date(at - rules.leaseMs)))),
    and(eq(notifications.emailStatus, 'failed'), gt(notifications.createdAt, new Date(at - rules.retryWindowMs)), lt(notifications.emailedAt, new Date(at - rules.retryAfterMs))),
  );
  const candidates = db.select({ id: notifications.id }).from(notifications).where(due).orderBy(notifications.createdAt).limit(rules.limit).for('update', { skipLocked: true });
  return db.update(notifications).set({ emailedAt: rules.now }).where(and(inArray(notifications.id, candidates), due)).returning();
}

export async function markEmailSent(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(notifications).set({ emailStatus: 'sent', emailedAt: at, emailError: null }).where(eq(notifications.id, id));
}

export async function markEmailFailed(db: DbOrTx, id: string, at: Date, error: string): Promise<void> {
  await db.update(notifications).set({ emailStatus: 'failed', emailedAt: at, emailError: error.slice(0, 1000) }).where(eq(notifications.id, id));
}

/** Without an SMTP server every pending e-mail goes to the outbox page instead. */
export async function movePendingToOutbox(db: DbOrTx, at: Date): Promise<number> {
  const rows = await db.update(notifications).set({ emailStatus: 'outbox', emailedAt: at }).where(eq(notifications.emailStatus, 'pending')).returning({ id: notifications.id });
  return rows.length;
}

export interface OutboxRow {
  id: string;
  email: string;
  recipientName: string;
  kind: string;
  subject: string;
  body: string;
  link: string;
  status: string;
  error: string | null;
  createdAt: Date;
  emailedAt: Date | null;
}

/** Every e-mail, newest first, with its recipient and status (the secretariat's outbox page). */
export async function listOutbox(db: DbOrTx, options: { limit: number; status?: EmailStatus }): Promise<OutboxRow[]> {
  return db
    .select({
      id: notifications.id,
      email: notifications.email,
      // A public subscriber has no account (docs/PUBLIC.md, "Follow by e-mail").
      recipientName: sql<string>`coalesce(${users.displayName}, 'Public subscriber')`,
      kind: notifications.kind,
      subject: notifications.subject,
      body: notifications.body,
      link: notifications.link,
      status: notifications.emailStatus,
      error: notifications.emailError,
      createdAt: notifications.createdAt,
      emailedAt: notifications.emailedAt,
    })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.userId))
    .where(options.status ? eq(notifications.emailStatus, options.status) : undefined)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit);
}

export async function countEmailsByStatus(db: DbOrTx): Promise<Record<EmailStatus, number>> {
  const rows = await db.select({ status: notifications.emailStatus, n: count() }).from(notifications).groupBy(notifications.emailStatus);
  const counts: Record<EmailStatus, number> = { pending: 0, sent: 0, failed: 0, outbox: 0 };
  for (const row of rows) counts[row.status as EmailStatus] = Number(row.n);
  return counts;
}

const personColumns = { id: users.id, email: users.email, role: users.role, stateIso3: users.stateIso3, isDisabled: users.isDisabled };

/**
 * The active people who may take part in a review: the secretariat, and the focal points and
 * experts of the given States (the State under review and its reviewers).
 */
export async function listReviewPeople(db: DbOrTx, states: readonly string[]): Promise<Person[]> {
  const rows = await db
    .select(personColumns)
    .from(users)
    .where(
      and(
        eq(users.isDisabled, false),
        or(eq(users.role, 'secretariat'), and(inArray(users.role, ['focal-point', 'expert']), inArray(users.stateIso3, states.length > 0 ? [...states] : ['']))),
      ),
    )
    .orderBy(users.email);
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

/** Active users who can be waited on in a review (delegates never are). */
export async function listRemindableUsers(db: DbOrTx): Promise<Person[]> {
  const rows = await db
    .select(personColumns)
    .from(users)
    .where(and(eq(users.isDisabled, false), inArray(users.role, ['secretariat', 'focal-point', 'expert'])))
    .orderBy(users.email);
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

/** A desk-review thread's provision and kind, and the reviewing States that wrote in it. */
export async function findThreadFacts(db: DbOrTx, reviewId: string, threadId: string): Promise<{ provisionId: string; kind: string; reviewerStates: string[] } | undefined> {
  const [thread] = await db
    .select({ provisionId: reviewThreads.provisionId, kind: reviewThreads.kind })
    .from(reviewThreads)
    .where(and(eq(reviewThreads.id, threadId), eq(reviewThreads.reviewId, reviewId)))
    .limit(1);
  if (!thread) return undefined;
  const sides = await db.selectDistinct({ side: threadMessages.side }).from(threadMessages).where(eq(threadMessages.threadId, threadId));
  const reviewerStates = sides.map((s) => s.side).filter((side) => side.startsWith('reviewer:')).map((side) => side.slice('reviewer:'.length));
  return { ...thread, reviewerStates };
}
