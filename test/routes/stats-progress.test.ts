/**
 * Progress statistics through the API on the real database (docs/ANALYTICS.md): the SQL
 * figures agree with the domain's definition on the demo data at several "as at" days; a
 * withdrawn milestone counts before its withdrawal and not after; the reviews behind a
 * figure; the sentence; durations; the forecast; bad input and empty data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressAsAt } from '../../src/domain/analytics/progress.ts';
import { durations } from '../../src/domain/analytics/durations.ts';
import { loadHistories } from '../../src/db/repositories/stats-progress.ts';
import { seedDemoReviews } from '../../src/server/use-cases/demo-reviews.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, DEMO_EMAILS, json, sessionFor, type TestSession } from '../server.ts';

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let secretariat: TestSession;
let focalPoint: TestSession;

interface Figures {
  cycle: number;
  asOf: string;
  total: number;
  underReview: number;
  paused: number;
  checklistsSubmitted: number;
  dialoguesHeld: { total: number; countryVisits: number; jointMeetings: number; virtualVisits: number };
  executiveSummariesFinalised: number;
  reportsFinalised: number;
}

const get = (url: string, session: TestSession | null = null) => app.inject({ method: 'GET', url, headers: session?.headers ?? {} });
const figures = async (cycle: number, asOf: string) => {
  const response = await get(`/api/stats/progress?cycle=${cycle}&asOf=${asOf}`);
  expect(response.statusCode, response.body).toBe(200);
  return json<Figures>(response);
};
const domainFigures = async (cycle: number, asOf: string) => {
  const { reviews: _ids, cycle: _cycle, asOf: _asOf, ...rest } = progressAsAt(await loadHistories(testDb.database.db, cycle), cycle, asOf);
  return rest;
};

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database, { LOGIN_RATE_LIMIT_PER_MINUTE: 10_000 });
  secretariat = await sessionFor(testDb.database, DEMO_EMAILS.secretariat);
  focalPoint = await sessionFor(testDb.database, DEMO_EMAILS['focal-point']);
});

afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

describe('progress statistics', () => {
  it('gives zeros, not errors, when a cycle has no review yet', async () => {
    // Days and cycles not asked again below: the figures are kept for 30 s and seeding the
    // demo directly (not through the API) does not clear them.
    const f = await figures(2, '2020-10-31');
    expect(f).toEqual({
      cycle: 2,
      asOf: '2020-10-31',
      total: 0,
      underReview: 0,
      paused: 0,
      checklistsSubmitted: 0,
      dialoguesHeld: { total: 0, countryVisits: 0, jointMeetings: 0, virtualVisits: 0 },
      executiveSummariesFinalised: 0,
      reportsFinalised: 0,
    });
    expect(json<{ count: number }>(await get('/api/stats/progress/reviews?cycle=2&asOf=2020-10-31&figure=checklistsSubmitted')).count).toBe(0);
    const d = json<{ groups: { reviews: number; steps: { meanDays: number | null }[] }[] }>(await get('/api/stats/durations?cycle=2'));
    expect(d.groups).toHaveLength(1);
    expect(d.groups[0]).toMatchObject({ cycle: 2, cohortYear: null, reviews: 0, started: 0 });
    expect(d.groups[0]!.steps.every((s) => s.meanDays === null)).toBe(true);
    const forecast = json<{ completion: unknown; open: unknown[] }>(await get('/api/stats/forecast?cycle=1'));
    expect(forecast.completion).toBeNull();
    expect(forecast.open).toEqual([]);
  });

  it('agrees with the domain on the demo data at every "as at" day, for the public', async () => {
    await seedDemoReviews(testDb.database.db, new Date('2026-01-15T09:00:00Z'));
    for (const [cycle, asOf] of [
      [1, '2010-07-01'],
      [1, '2012-06-30'],
      [1, '2015-12-31'],
      [2, '2016-06-01'],
      [2, '2018-03-15'],
      [2, '2020-11-01'],
      [2, '2025-12-31'],
    ] as const) {
      const f = await figures(cycle, asOf);
      expect(f, `${cycle} ${asOf}`).toEqual({ cycle, asOf, ...(await domainFigures(cycle, asOf)) });
    }
    const late = await figures(2, '2025-12-31');
    // demo-reviews.ts: 36 reviews in cycle 2, every twelfth not started, two paused.
    expect(late.total).toBe(36);
    expect(late.underReview).toBe(33);
    expect(late.paused).toBe(2);
    expect(late.dialoguesHeld.total).toBe(late.dialoguesHeld.countryVisits + late.dialoguesHeld.jointMeetings + late.dialoguesHeld.virtualVisits);
    expect(late.dialoguesHeld.virtualVisits).toBeGreaterThan(0);
    // At the start of the cycle nothing had happened yet.
    expect((await figures(2, '2015-11-06')).underReview).toBe(0);
  });

  it('lists the reviews behind a figure with what the tracker shows', async () => {
    const f = await figures(2, '2025-12-31');
    const response = await get('/api/stats/progress/reviews?cycle=2&asOf=2025-12-31&figure=virtualVisits');
    expect(response.statusCode).toBe(200);
    const list = json<{ count: number; reviews: { stateIso3: string; name: string; date: string; dialogueType: string; stage: string }[] }>(response);
    expect(list.count).toBe(f.dialoguesHeld.virtualVisits);
    for (const r of list.reviews) {
      expect(r.dialogueType).toBe('virtual_visit');
      expect(r.date <= '2025-12-31').toBe(true);
      expect(r.name.length).toBeGreaterThan(2);
    }
    const total = json<{ count: number }>(await get('/api/stats/progress/reviews?cycle=2&asOf=2025-12-31&figure=total'));
    expect(total.count).toBe(36);
    expect((await get('/api/stats/progress/reviews?cycle=2&asOf=2025-12-31&figure=nonsense')).statusCode).toBe(400);
  });

  it('counts a withdrawn milestone up to its withdrawal (a review that went back a stage)', async () => {
    const histories = await loadHistories(testDb.database.db, 2);
    const target = histories.find((h) => h.facts.some((f) => f.kind === 'checklistSubmitted') && !h.facts.some((f) => f.kind === 'deskReviewCompleted'))!;
    const submitted = target.facts.find((f) => f.kind === 'checklistSubmitted')!.date;
    const before = await figures(2, '2025-12-31');
    const detail = json<{ review: { version: number; stage: string } }>(await get(`/api/reviews/${target.id}`, secretariat));
    const payload = { kind: 'checklistSubmitted', withdrawnOn: '2025-06-01', reason: 'Returned: answers to chapter V missing', version: detail.review.version };
    // Only the secretariat.
    expect((await app.inject({ method: 'POST', url: `/api/reviews/${target.id}/withdrawals`, payload })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: `/api/reviews/${target.id}/withdrawals`, headers: focalPoint.headers, payload })).statusCode).toBe(403);
    // The focal point appointment cannot go while the checklist stands.
    const refused = await app.inject({ method: 'POST', url: `/api/reviews/${target.id}/withdrawals`, headers: secretariat.headers, payload: { ...payload, kind: 'focalPointAppointed' } });
    expect(refused.statusCode).toBe(422);
    expect(json<{ code: string }>(refused).code).toBe('review.invalidTransition');
    const done = await app.inject({ method: 'POST', url: `/api/reviews/${target.id}/withdrawals`, headers: secretariat.headers, payload });
    expect(done.statusCode, done.body).toBe(200);
    expect(json<{ withdrawal: { milestoneDate: string } }>(done).withdrawal.milestoneDate).toBe(submitted);
    // Today the review is back at the checklist stage…
    expect(json<{ review: { stage: string } }>(await get(`/api/reviews/${target.id}`, secretariat)).review.stage).toMatch(/^(checklist|paused)$/);
    // …from the day of the withdrawal it no longer counts…
    expect((await figures(2, '2025-12-31')).checklistsSubmitted).toBe(before.checklistsSubmitted - 1);
    expect((await figures(2, '2025-06-01')).checklistsSubmitted).toBe((await domainFigures(2, '2025-06-01')).checklistsSubmitted);
    // …and the day before, it still did.
    const dayBefore = await get('/api/stats/progress/reviews?cycle=2&asOf=2025-05-31&figure=checklistsSubmitted');
    expect(json<{ reviews: { id: string; date: string }[] }>(dayBefore).reviews.find((r) => r.id === target.id)?.date).toBe(submitted);
    expect(await figures(2, '2025-05-31')).toEqual({ cycle: 2, asOf: '2025-05-31', ...(await domainFigures(2, '2025-05-31')) });
    // The withdrawal is in the review's audit trail.
    const history = json<{ review: { history: { action: string }[] } }>(await get(`/api/reviews/${target.id}`, secretariat)).review.history;
    expect(history.map((h) => h.action)).toContain('review.withdrawMilestone');
  });

  it('writes the sentence in the language asked for', async () => {
    const f = await figures(2, '2020-11-01');
    const en = json<{ sentence: string }>(await get('/api/stats/progress/sentence?cycle=2&asOf=2020-11-01&lang=en')).sentence;
    expect(en).toContain(`As at 1 November 2020, ${f.checklistsSubmitted} of the ${f.total} States parties under review in the second cycle`);
    const fr = json<{ sentence: string }>(await get('/api/stats/progress/sentence?cycle=2&asOf=2020-11-01&lang=fr')).sentence;
    expect(fr).toMatch(/^Au 1er novembre 2020/);
    expect((await get('/api/stats/progress/sentence?cycle=2&asOf=2020-11-01&lang=de')).statusCode).toBe(400);
  });

  it('durations per cycle and cohort match the domain', async () => {
    const response = await get('/api/stats/durations?cycle=2');
    expect(response.statusCode).toBe(200);
    const body = json<{ groups: unknown[] }>(response);
    expect(body.groups).toEqual(durations(await loadHistories(testDb.database.db, 2), 2));
    expect(body.groups).toHaveLength(5); // the cycle and its four cohorts
  });

  it('forecasts the open reviews and the cycle, the same way twice', async () => {
    const a = json<{ open: { p10: string; p50: string; p90: string }[]; completion: { p10: string; p90: string }; probabilityOnTime: number; total: number; completed: number }>(
      await get('/api/stats/forecast?cycle=2'),
    );
    const b = json(await get('/api/stats/forecast?cycle=2'));
    expect(b).toEqual(a);
    expect(a.total).toBe(36);
    expect(a.open.length + a.completed).toBe(36);
    for (const r of a.open) expect(r.p10 <= r.p50 && r.p50 <= r.p90).toBe(true);
    expect(a.completion.p10 <= a.completion.p90).toBe(true);
    // The demo's cycle 2 was planned to end in June 2024; today is later, with reviews open.
    expect(a.probabilityOnTime).toBe(0);
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    const future = await get('/api/stats/progress?cycle=2&asOf=2999-01-01');
    expect(future.statusCode).toBe(422);
    expect(json<{ code: string }>(future).code).toBe('stats.invalidAsOf');
    expect(json<{ detail: string }>(future).detail).toContain('in the future');
    const early = await get('/api/stats/progress?cycle=2&asOf=2015-11-05');
    expect(early.statusCode).toBe(422);
    expect(json<{ detail: string }>(early).detail).toContain('before cycle 2 began (2015-11-06)');
    const unknown = await get('/api/stats/progress?cycle=9&asOf=2020-01-01');
    expect(unknown.statusCode).toBe(404);
    expect(json<{ code: string }>(unknown).code).toBe('cycle.unknown');
    expect((await get('/api/stats/progress?cycle=2&asOf=2020-02-30')).statusCode).toBe(400);
    expect((await get('/api/stats/progress?asOf=2020-02-01')).statusCode).toBe(400);
    expect((await get('/api/stats/durations?cycle=9')).statusCode).toBe(404);
    expect((await get('/api/stats/forecast?cycle=9')).statusCode).toBe(404);
  });
});
