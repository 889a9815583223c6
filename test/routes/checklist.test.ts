import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, json, openReviewWithFocalPoint, sessionFor, type TestSession } from '../server.ts';

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let secretariat: TestSession;
let focalPoint: TestSession; // of AUT
let expert: TestSession; // of KEN
let reviewId: string;

interface Checklist { format: string; view: string; progress: { answered: number; total: number }; sections: { article: number; provisions: { id: string; answer: { text: string; version: number } | null }[] }[] }

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database);
  secretariat = await sessionFor(testDb.database, 'secretariat@demo.test');
  focalPoint = await sessionFor(testDb.database, 'focal.point@demo.test');
  expert = await sessionFor(testDb.database, 'expert@demo.test');
  // Austria under review in cycle 2, reviewed by Kenya (the demo expert's State) and Germany.
  reviewId = await openReviewWithFocalPoint(app, secretariat, { state: 'AUT', cycle: 2, reviewers: ['DEU', 'KEN'], started: '2016-03-01', focalPointAppointed: '2016-03-20' });
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

const getChecklist = (session: TestSession | null) => app.inject({ url: `/api/reviews/${reviewId}/checklist`, headers: session?.headers ?? {} });
const answer = (session: TestSession, provisionId: string, payload: Record<string, unknown>) =>
  app.inject({ method: 'PUT', url: `/api/reviews/${reviewId}/checklist/${encodeURIComponent(provisionId)}`, headers: session.headers, payload });

describe('self-assessment checklist', () => {
  it('is generated from the cycle chapters (II and V: articles 5–14 and 51–59) in the free-text format', async () => {
    const checklist = json<Checklist>(await getChecklist(focalPoint));
    expect(checklist.format).toBe('free-text');
    expect(checklist.sections.map((s) => s.article)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 51, 52, 53, 54, 55, 56, 57, 58, 59]);
    expect(checklist.progress).toEqual({ answered: 0, total: 107 });
  });

  it('saves answers with versions: a stale save gets 409 with the stored answer, nothing lost', async () => {
    const first = await answer(focalPoint, '5.1', { text: 'National anti-corruption strategy 2015–2020.', version: 0 });
    expect(first.statusCode, first.body).toBe(200);
    expect(json<{ answer: { version: number } }>(first).answer.version).toBe(1);
    const second = await answer(secretariat, '5.1', { text: 'Edited by the secretariat.', version: 1 });
    expect(second.statusCode).toBe(200);
    const stale = await answer(focalPoint, '5.1', { text: 'My later edit.', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Edited by the secretariat.');
    expect((await answer(focalPoint, '15(a)', { text: 'Not in this cycle', version: 0 })).statusCode).toBe(400);
    expect((await answer(focalPoint, '5.2', { text: 'x', compliance: 'yes', version: 0 })).statusCode).toBe(400);
  });

  it('keeps the checklist to the parties: the reviewing expert reads the submitted version only; others are refused', async () => {
    expect((await getChecklist(null)).statusCode).toBe(401);
    expect((await getChecklist(await sessionFor(testDb.database, 'delegate@demo.test'))).statusCode).toBe(403);
    const beforeSubmit = json<Checklist>(await getChecklist(expert));
    expect(beforeSubmit.view).toBe('submitted');
    expect(beforeSubmit.progress.answered).toBe(0);
    expect((await answer(expert, '5.3', { text: 'Expert writing the State answer', version: 0 })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/checklist/submit`, headers: secretariat.headers })).statusCode).toBe(403);

    const submitted = await app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/checklist/submit`, headers: focalPoint.headers });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const afterSubmit = json<Checklist>(await getChecklist(expert));
    expect(afterSubmit.progress.answered).toBe(1);
    const review = json<{ review: { timeline: { kind: string; actualDate: string | null }[] } }>(await app.inject({ url: `/api/reviews/${reviewId}` })).review;
    expect(review.timeline.find((t) => t.kind === 'checklistSubmitted')!.actualDate).not.toBeNull();

    // A later draft is not shown to the reviewers until it is submitted again.
    await answer(focalPoint, '5.2', { text: 'Draft, not yet submitted', version: 0 });
    expect(JSON.stringify(json(await getChecklist(expert)))).not.toContain('Draft, not yet submitted');
  });
});

describe('desk review', () => {
  it('lets a reviewing expert ask, the focal point reply, the secretariat resolve; outsiders are refused', async () => {
    const asked = await app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/threads`, headers: expert.headers, payload: { provisionId: '5.1', kind: 'question', body: 'Which body monitors the strategy?' } });
    expect(asked.statusCode, asked.body).toBe(201);
    const threadId = json<{ id: string }>(asked).id;

    expect((await app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/threads`, headers: focalPoint.headers, payload: { provisionId: '5.1', kind: 'question', body: 'Asking myself' } })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/threads`, headers: expert.headers, payload: { provisionId: '15(a)', kind: 'question', body: 'Wrong chapter' } })).statusCode).toBe(400);

    const reply = await app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/threads/${threadId}/messages`, headers: focalPoint.headers, payload: { body: 'The national anti-corruption council.' } });
    expect(reply.statusCode, reply.body).toBe(204);
    const resolved = await app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/threads/${threadId}/messages`, headers: secretariat.headers, payload: { body: 'Thank you.', resolve: true } });
    expect(resolved.statusCode).toBe(204);

    const threads = json<{ threads: { status: string; messages: { side: string }[] }[] }>(await app.inject({ url: `/api/reviews/${reviewId}/threads`, headers: expert.headers })).threads;
    expect(threads).toHaveLength(1);
    expect(threads[0]!.status).toBe('resolved');
    expect(threads[0]!.messages.map((m) => m.side)).toEqual(['reviewer:KEN', 'state-under-review', 'secretariat']);

    const delegate = await sessionFor(testDb.database, 'delegate@demo.test');
    expect((await app.inject({ url: `/api/reviews/${reviewId}/threads`, headers: delegate.headers })).statusCode).toBe(403);
    expect((await app.inject({ url: `/api/reviews/${reviewId}/threads` })).statusCode).toBe(401);
  });
});

describe('inbox: waiting on you', () => {
  interface Inbox { items: { kind: string; subject: string; reviewId: string; threadId?: string }[] }
  const inboxOf = async (session: TestSession) => json<Inbox>(await app.inject({ url: '/api/inbox', headers: session.headers })).items;

  it('shows each side the steps and thread answers it owes, and nothing to outsiders', async () => {
    const asked = await app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/threads`, headers: expert.headers, payload: { provisionId: '5.2', kind: 'request', body: 'Please send the 2019 statistics.' } });
    const threadId = json<{ id: string }>(asked).id;
    expect((await inboxOf(focalPoint)).some((i) => i.kind === 'thread.answer' && i.threadId === threadId)).toBe(true);
    expect((await inboxOf(expert)).some((i) => i.threadId === threadId)).toBe(false);

    await app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/threads/${threadId}/messages`, headers: focalPoint.headers, payload: { body: 'Attached in our answer.' } });
    expect((await inboxOf(focalPoint)).some((i) => i.threadId === threadId)).toBe(false);
    expect((await inboxOf(expert)).some((i) => i.threadId === threadId)).toBe(true);

    // The checklist is submitted, so the desk review is next: the reviewers' step.
    expect((await inboxOf(expert)).some((i) => i.kind === 'review.step' && i.subject === 'deskReviewCompleted' && i.reviewId === reviewId)).toBe(true);
    expect(await inboxOf(await sessionFor(testDb.database, 'delegate@demo.test'))).toEqual([]);
    expect((await app.inject({ url: '/api/inbox' })).statusCode).toBe(401);
  });
});
