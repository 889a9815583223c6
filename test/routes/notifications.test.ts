/**
 * Notifications end to end on the database: who is told of each review event (and who is
 * not), nothing when the action rolls back, weekly reminders written once, each user's own
 * list and read marks, and the secretariat's outbox.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/accounts/roles.ts';
import type { Role } from '../../src/domain/accounts/roles.ts';
import { listNotificationsForUser } from '../../src/db/repositories/notifications.ts';
import { findUserByEmail, insertUser, updateUser } from '../../src/db/repositories/users.ts';
import { deliverPendingEmails } from '../../src/server/mailer.ts';
import { notifyReviewEvent, queueDeadlineReminders } from '../../src/server/use-cases/notifications.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, json, openReviewWithFocalPoint, sessionFor, type TestSession } from '../server.ts';

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let secretariat: TestSession;
let focalPoint: TestSession; // of AUT, the State under review
let expert: TestSession; // of KEN, a reviewing State
let reviewId: string;
const ids: Record<string, string> = {};

async function addUser(key: string, role: Role, stateIso3: string | null, isDisabled = false) {
  const user = await insertUser(testDb.database.db, { id: randomUUID(), email: `${key}@example.org`, displayName: key, role, stateIso3, passwordHash: null });
  if (isDisabled) await updateUser(testDb.database.db, user.id, { isDisabled: true });
  ids[key] = user.id;
}

/** The kinds of notification a user has, oldest first. */
async function kindsOf(key: string): Promise<string[]> {
  return (await listNotificationsForUser(testDb.database.db, ids[key]!, 500)).map((n) => n.kind).reverse();
}

async function everyone(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const key of Object.keys(ids)) out[key] = await kindsOf(key);
  return out;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database);
  secretariat = await sessionFor(testDb.database, 'secretariat@demo.test');
  focalPoint = await sessionFor(testDb.database, 'focal.point@demo.test');
  expert = await sessionFor(testDb.database, 'expert@demo.test');
  for (const [key, email] of [['sec', 'secretariat@demo.test'], ['fpAut', 'focal.point@demo.test'], ['exKen', 'expert@demo.test'], ['delegate', 'delegate@demo.test']] as const) {
    ids[key] = (await findUserByEmail(testDb.database.db, email))!.id;
  }
  await addUser('exDeu', 'expert', 'DEU'); // the other reviewing State
  await addUser('fpKen', 'focal-point', 'KEN'); // a reviewing State's focal point: not told of desk-review events
  await addUser('exFra', 'expert', 'FRA'); // not in this review
  await addUser('fpAutOff', 'focal-point', 'AUT', true); // disabled
  await addUser('exKenOff', 'expert', 'KEN', true); // disabled
  // Austria under review in cycle 2 by Germany and Kenya; checklist due 60 days after the start.
  reviewId = await openReviewWithFocalPoint(app, secretariat, { state: 'AUT', cycle: 2, reviewers: ['DEU', 'KEN'], started: '2025-11-02', focalPointAppointed: '2025-11-10' });
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

const system = (now: string) => ({ db: testDb.database.db, actor: systemActor('test'), now: new Date(now) });

describe('deadline reminders', () => {
  it('reminds the side waited on of a step due within a week, once per ISO week', async () => {
    // Monday 29 December 2025 is in ISO week 2026-W01; the checklist is due on 1 January 2026.
    expect(await queueDeadlineReminders(system('2025-12-20T10:00:00Z'))).toBe(0); // 12 days ahead: too early
    expect(await queueDeadlineReminders(system('2025-12-29T10:00:00Z'))).toBe(1);
    const [reminder] = await listNotificationsForUser(testDb.database.db, ids.fpAut!, 10);
    expect(reminder).toMatchObject({
      kind: 'deadline.reminder',
      subject: 'Due in 3 days: Checklist submitted — review of Austria (cycle 2)',
      link: `/reviews/${reviewId}`,
      dedupeKey: `deadline.reminder:${reviewId}:checklistSubmitted:2026-W01`,
      emailStatus: 'pending',
      email: 'focal.point@demo.test',
    });
    expect(await queueDeadlineReminders(system('2025-12-29T11:00:00Z'))).toBe(0); // the next hourly run
    expect(await queueDeadlineReminders(system('2026-01-04T23:00:00Z'))).toBe(0); // Sunday, same week
    expect(await queueDeadlineReminders(system('2026-01-05T08:00:00Z'))).toBe(1); // a new week: late now
    const [late] = await listNotificationsForUser(testDb.database.db, ids.fpAut!, 10);
    expect(late!.subject).toBe('Overdue by 4 days: Checklist submitted — review of Austria (cycle 2)');
    // The step waits on the State under review only; the disabled focal point is not reminded.
    const all = await everyone();
    expect(all.fpAut).toEqual(['deadline.reminder', 'deadline.reminder']);
    for (const key of ['sec', 'exKen', 'exDeu', 'fpKen', 'exFra', 'fpAutOff', 'exKenOff', 'delegate']) expect(all[key], key).toEqual([]);
  });
});

describe('review events', () => {
  const before = async () => everyone();
  /** The notifications each user received since `earlier`, for the users who received any. */
  const added = async (earlier: Record<string, string[]>): Promise<Record<string, string[]>> => {
    const out: Record<string, string[]> = {};
    for (const [key, kinds] of Object.entries(await everyone())) {
      const fresh = kinds.slice(earlier[key]!.length);
      if (fresh.length > 0) out[key] = fresh;
    }
    return out;
  };

  it('tells the experts of both reviewing States and the secretariat that the checklist was submitted', async () => {
    const earlier = await before();
    expect((await app.inject({ method: 'PUT', url: `/api/reviews/${reviewId}/checklist/5.1`, headers: focalPoint.headers, payload: { text: 'A national strategy since 2018.', version: 0 } })).statusCode).toBe(200);
    const submitted = await app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/checklist/submit`, headers: focalPoint.headers });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(await added(earlier)).toEqual({ sec: ['checklist.submitted'], exKen: ['checklist.submitted'], exDeu: ['checklist.submitted'] });
    const [message] = await listNotificationsForUser(testDb.database.db, ids.exDeu!, 1);
    expect(message).toMatchObject({ subject: 'Checklist submitted — review of Austria (cycle 2)', link: `/reviews/${reviewId}/checklist` });
    expect(message!.body).not.toContain('A national strategy');
  });

  let threadId: string;
  const question = 'Which body evaluates the strategy every two years?';

  it('tells the State under review and the secretariat of a question, without its text', async () => {
    const earlier = await before();
    const asked = await app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/threads`, headers: expert.headers, payload: { provisionId: '5.1', kind: 'question', body: question } });
    expect(asked.statusCode, asked.body).toBe(201);
    threadId = json<{ id: string }>(asked).id;
    expect(await added(earlier)).toEqual({ sec: ['thread.opened'], fpAut: ['thread.opened'] });
    const [message] = await listNotificationsForUser(testDb.database.db, ids.fpAut!, 1);
    expect(message!.subject).toBe('Desk review: a question on provision 5.1 — review of Austria (cycle 2)');
    expect(message!.body).toContain('An expert of Kenya asked a question on provision 5.1');
    expect(`${message!.subject}${message!.body}`).not.toContain(question);
  });

  it('tells the thread’s reviewing experts and the secretariat of the State’s reply, and the State of the others’ replies', async () => {
    let earlier = await before();
    const answer = 'The Court of Audit, with a report to Parliament.';
    expect((await app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/threads/${threadId}/messages`, headers: focalPoint.headers, payload: { body: answer } })).statusCode).toBe(204);
    // Germany's experts did not write in this thread: only Kenya's are told.
    expect(await added(earlier)).toEqual({ sec: ['thread.replied'], exKen: ['thread.replied'] });
    const [message] = await listNotificationsForUser(testDb.database.db, ids.exKen!, 1);
    expect(message!.body).toContain('The focal point of Austria replied in the thread on provision 5.1');
    expect(message!.body).not.toContain(answer);

    earlier = await before();
    expect((await app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/threads/${threadId}/messages`, headers: secretariat.headers, payload: { body: 'Thank you.', resolve: true } })).statusCode).toBe(204);
    expect(await added(earlier)).toEqual({ fpAut: ['thread.replied'] });
  });

  it('tells nobody when the action rolls back', async () => {
    const earlier = await before();
    await expect(
      testDb.database.db.transaction(async (tx) => {
        expect(await notifyReviewEvent(tx, { kind: 'checklist.submitted', reviewId, submission: 99, actor: systemActor('test') })).toBe(3);
        throw new Error('the action failed after notifying');
      }),
    ).rejects.toThrow('the action failed');
    expect(await added(earlier)).toEqual({});
  });
});

describe('my notifications', () => {
  interface List { unread: number; notifications: { id: string; kind: string; subject: string; link: string; createdAt: string; readAt: string | null }[] }
  const listOf = async (session: TestSession) => json<List>(await app.inject({ url: '/api/notifications', headers: session.headers }));

  it('lists mine newest first with the unread count, and marks them read', async () => {
    const mine = await listOf(focalPoint);
    expect(mine.notifications.map((n) => n.kind)).toEqual(['thread.replied', 'thread.opened', 'deadline.reminder', 'deadline.reminder']);
    expect(mine.unread).toBe(4);
    const [first] = mine.notifications;
    const read = await app.inject({ method: 'POST', url: `/api/notifications/${first!.id}/read`, headers: focalPoint.headers });
    expect(read.statusCode, read.body).toBe(204);
    const after = await listOf(focalPoint);
    expect(after.unread).toBe(3);
    const readAt = after.notifications[0]!.readAt;
    expect(readAt).not.toBeNull();
    // Again: still fine, and the first reading time is kept.
    expect((await app.inject({ method: 'POST', url: `/api/notifications/${first!.id}/read`, headers: focalPoint.headers })).statusCode).toBe(204);
    expect((await listOf(focalPoint)).notifications[0]!.readAt).toBe(readAt);

    const all = await app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: focalPoint.headers });
    expect(json(all)).toEqual({ marked: 3 });
    expect((await listOf(focalPoint)).unread).toBe(0);
    expect((await listOf(secretariat)).unread).toBeGreaterThan(0);
  });

  it('answers 404 for someone else’s notification and leaves it unread', async () => {
    const theirs = (await listOf(secretariat)).notifications.find((n) => n.readAt === null)!;
    const refused = await app.inject({ method: 'POST', url: `/api/notifications/${theirs.id}/read`, headers: focalPoint.headers });
    expect(refused.statusCode).toBe(404);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect((await listOf(secretariat)).notifications.find((n) => n.id === theirs.id)!.readAt).toBeNull();
    expect((await app.inject({ method: 'POST', url: `/api/notifications/${randomUUID()}/read`, headers: focalPoint.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/api/notifications/not-a-uuid/read', headers: focalPoint.headers })).statusCode).toBe(400);
  });

  it('asks the public to sign in', async () => {
    expect((await app.inject({ url: '/api/notifications' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: `/api/notifications/${randomUUID()}/read` })).statusCode).toBe(401);
  });
});

describe('outbox', () => {
  interface Outbox { isSmtpConfigured: boolean; counts: Record<string, number>; emails: { email: string; recipientName: string; subject: string; body: string; status: string; error: string | null }[] }

  it('is for the secretariat only', async () => {
    expect((await app.inject({ url: '/api/outbox' })).statusCode).toBe(401);
    for (const session of [focalPoint, expert, await sessionFor(testDb.database, 'delegate@demo.test')]) {
      expect((await app.inject({ url: '/api/outbox', headers: session.headers })).statusCode).toBe(403);
    }
  });

  it('shows every e-mail with its recipient and status; without SMTP they stay in the outbox', async () => {
    const before = json<Outbox>(await app.inject({ url: '/api/outbox', headers: secretariat.headers }));
    expect(before.isSmtpConfigured).toBe(false);
    expect(before.counts.pending).toBe(before.emails.length);
    expect(before.emails.every((e) => e.status === 'pending')).toBe(true);
    expect(before.emails.find((e) => e.email === 'focal.point@demo.test' && e.subject.startsWith('Desk review: a question'))).toMatchObject({
      recipientName: 'Demo Focal Point of Austria (fictitious)',
      error: null,
    });

    const report = await deliverPendingEmails(system(new Date().toISOString()), { from: 'Open IRM <no-reply@example.org>' });
    expect(report).toEqual({ sent: 0, failed: 0, outbox: before.emails.length });
    const after = json<Outbox>(await app.inject({ url: '/api/outbox?status=outbox', headers: secretariat.headers }));
    expect(after.emails).toHaveLength(before.emails.length);
    expect(after.counts).toEqual({ pending: 0, sent: 0, failed: 0, outbox: before.emails.length });
    // Nothing left to deliver on the next run.
    expect(await deliverPendingEmails(system(new Date().toISOString()), { from: 'x <x@example.org>' })).toEqual({ sent: 0, failed: 0, outbox: 0 });
  });
});
