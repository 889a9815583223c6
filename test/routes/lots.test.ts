import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/query-rows.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, json, sessionFor, type TestSession } from '../server.ts';

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let secretariat: TestSession;

interface Draw { id: string; status: string; commitment: string; record: { result: { underReview: string; reviewers: [string, string] }[]; secret: string } | null; inputs: Record<string, unknown> }

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database);
  secretariat = await sessionFor(testDb.database, 'secretariat@demo.test');
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

/** `session` null = anonymous (the public). */
const post = (url: string, payload: unknown, session: TestSession | null = secretariat) =>
  app.inject({ method: 'POST', url, payload: payload as object, headers: session?.headers ?? {} });

async function drawCount(): Promise<number> {
  return Number((await queryRows<{ n: number }>(testDb.database.db, sql`select count(*)::int as n from draws`))[0]!.n);
}

/** commit → run → publish, checking each step answers as it should. */
async function fullDraw(body: Record<string, unknown>, entropy: string): Promise<Draw> {
  const committed = await post('/api/draws', body);
  expect(committed.statusCode, committed.body).toBe(201);
  const draw = json<{ draw: Draw }>(committed).draw;
  expect(draw.commitment).toMatch(/^[0-9a-f]{64}$/);
  expect(committed.body).not.toContain('"secret"');
  const ran = await post(`/api/draws/${draw.id}/run`, { publicEntropy: entropy });
  expect(ran.statusCode, ran.body).toBe(200);
  // Drawn but not published: the public cannot see it at all.
  expect((await app.inject({ url: `/api/draws/${draw.id}` })).statusCode).toBe(404);
  const published = await post(`/api/draws/${draw.id}/publish`, {});
  expect(published.statusCode, published.body).toBe(200);
  return json<{ draw: Draw }>(published).draw;
}

describe('the drawing of lots through the API', () => {
  let reviewerDraw: Draw;

  it('draws the cohorts of cycle 2, then the reviewers of year 1, each verifiable by anyone', async () => {
    const cohorts = await fullDraw({ kind: 'cohorts', cycle: 2, volunteers: [{ iso3: 'AUT', year: 1 }] }, 'dice: 3 5 1 6');
    const cycles = json<{ cycles: { number: number; cohorts: { year: number; states: string[] }[] }[] }>(await app.inject({ url: '/api/cycles' }));
    const years = cycles.cycles.find((c) => c.number === 2)!.cohorts;
    // Every party but the European Union, which has no regional group to draw a reviewer from.
    expect(years.reduce((n, c) => n + c.states.length, 0)).toBe(191);
    expect(years.flatMap((c) => c.states)).not.toContain('EUU');
    expect(years.find((c) => c.year === 1)!.states).toContain('AUT'); // the volunteer got its year
    expect(cohorts.record).not.toBeNull();

    reviewerDraw = await fullDraw({ kind: 'reviewers', cycle: 2, year: 1 }, 'witnesses read 41 7 19');
    const year1 = years.find((c) => c.year === 1)!.states;
    expect(reviewerDraw.record!.result.map((r) => r.underReview).sort()).toEqual([...year1].sort());

    const publicView = json<{ draw: Draw }>(await app.inject({ url: `/api/draws/${reviewerDraw.id}` })).draw;
    expect(publicView.record!.secret).toMatch(/^[0-9a-f]{64}$/);
    const recordFile = await app.inject({ url: `/api/draws/${reviewerDraw.id}/record.json` });
    expect(recordFile.statusCode).toBe(200);
    const record = json<Record<string, unknown>>(recordFile);

    const verified = json<{ valid: boolean }>(await post('/api/draws/verify', record, null));
    expect(verified.valid).toBe(true);

    const tampered = structuredClone(record) as { result: { reviewers: string[] }[] };
    const [a, b] = [tampered.result[0]!, tampered.result[1]!];
    [a.reviewers[1], b.reviewers[1]] = [b.reviewers[1]!, a.reviewers[1]!];
    const rejected = json<{ valid: boolean; problems: string[] }>(await post('/api/draws/verify', tampered, null));
    expect(rejected.valid).toBe(false);
    expect(rejected.problems.length).toBeGreaterThan(0);

    const assignments = json<{ assignments: unknown[] }>(await app.inject({ url: '/api/cycles/2/assignments' }));
    expect(assignments.assignments).toHaveLength(year1.length);
  });

  it('refuses a second draw of the same cohort and any change to a published draw', async () => {
    const again = await post('/api/draws', { kind: 'reviewers', cycle: 2, year: 1 });
    expect(again.statusCode).toBe(409);
    expect((await post(`/api/draws/${reviewerDraw.id}/cancel`, { reason: 'try' })).statusCode).toBe(409);
    await expect(testDb.database.db.execute(sql`update draws set public_entropy = 'changed' where id = ${reviewerDraw.id}`)).rejects.toThrow();
    await expect(testDb.database.db.execute(sql`delete from draws where id = ${reviewerDraw.id}`)).rejects.toThrow();
  });

  it('queues a redraw, draws it at the next meeting changing only that slot, and enforces the limit', async () => {
    const target = reviewerDraw.record!.result[0]!;
    const fp = await sessionFor(testDb.database, 'focal.point@demo.test'); // focal point of AUT
    if (target.underReview !== 'AUT') {
      const denied = await post('/api/redraw-requests', { cycle: 2, underReview: target.underReview, slot: 1 }, fp);
      expect(denied.statusCode).toBe(403);
    }
    let before = target;
    for (let round = 1; round <= 2; round += 1) {
      const requested = await post('/api/redraw-requests', { cycle: 2, underReview: target.underReview, slot: 1, reason: `round ${round}` });
      expect(requested.statusCode, requested.body).toBe(201);
      const { request } = json<{ request: { id: string; status: string } }>(requested);
      expect(request.status).toBe('queued');
      const redraw = await fullDraw({ kind: 'redraw', requestId: request.id }, `redraw ${round}`);
      const after = redraw.record!.result.find((r) => r.underReview === target.underReview)!;
      expect(after.reviewers[0]).toBe(before.reviewers[0]);
      expect(after.reviewers[1]).not.toBe(before.reviewers[1]);
      const others = redraw.record!.result.filter((r) => r.underReview !== target.underReview);
      expect(others).toEqual(reviewerDraw.record!.result.filter((r) => r.underReview !== target.underReview));
      expect(json<{ valid: boolean }>(await post('/api/draws/verify', redraw.record, null)).valid).toBe(true);
      before = after;
    }
    const third = await post('/api/redraw-requests', { cycle: 2, underReview: target.underReview, slot: 0 });
    expect(third.statusCode).toBe(422);
    expect(json<{ code: string }>(third).code).toBe('lots.redrawLimit');
    const exceptional = await post('/api/redraw-requests', { cycle: 2, underReview: target.underReview, slot: 0, exceptionalDecision: 'IRG decision at its resumed session' });
    expect(exceptional.statusCode).toBe(201);
    const assignments = json<{ assignments: { underReview: string; reviewers: string[] }[] }>(await app.inject({ url: '/api/cycles/2/assignments' }));
    expect(assignments.assignments.find((a) => a.underReview === target.underReview)!.reviewers).toEqual(before.reviewers);
  });

  it('refuses an impossible draw with the rule and the States, and writes nothing', async () => {
    const cycles = json<{ cycles: { number: number; cohorts: { year: number; states: string[] }[] }[] }>(await app.inject({ url: '/api/cycles' }));
    const year2 = cycles.cycles.find((c) => c.number === 2)!.cohorts.find((c) => c.year === 2)!.states;
    const parties = json<{ parties: { iso3: string; regionalGroup: string | null; isParty: boolean }[] }>(await app.inject({ url: '/api/parties' })).parties;
    const eastern = parties.filter((p) => p.regionalGroup === 'eastern-european' && p.isParty).map((p) => p.iso3);
    for (const iso3 of eastern) {
      const excluded = await app.inject({ method: 'PUT', url: `/api/cycles/2/cohorts/2/exclusions/${iso3}`, headers: secretariat.headers, payload: { reason: 'test: deferral as reviewer' } });
      expect(excluded.statusCode).toBe(200);
    }
    const pool = await app.inject({ url: '/api/cycles/2/cohorts/2/pool', headers: secretariat.headers });
    expect(pool.statusCode, pool.body).toBe(200);
    const easternPool = json<{ groups: { regionalGroup: string | null; pool: unknown[]; excluded: { reason: string }[] }[] }>(pool).groups.find((g) => g.regionalGroup === 'eastern-european')!;
    expect(easternPool.pool).toHaveLength(0);
    expect(easternPool.excluded[0]!.reason).toBe('test: deferral as reviewer');
    const before = await drawCount();
    const response = await post('/api/draws', { kind: 'reviewers', cycle: 2, year: 2 });
    // The draw of cohorts spreads each group over the four years, so year 2 has Eastern European States.
    expect(year2.some((s) => eastern.includes(s))).toBe(true);
    expect(response.statusCode).toBe(422);
    const problem = json<{ code: string; detail: string; errors: { path: string; message: string }[] }>(response);
    expect(problem.code).toBe('lots.infeasible');
    expect(problem.errors[0]!.path).toBe('sameGroupReviewer');
    expect(problem.detail).toMatch(/Eastern European/);
    expect((problem as unknown as { rule: string; states: string[] }).rule).toBe('sameGroupReviewer');
    expect((problem as unknown as { states: string[] }).states.length).toBeGreaterThan(0);
    expect(await drawCount()).toBe(before);
  });

  it('keeps the draw machinery to the secretariat', async () => {
    const delegate = await sessionFor(testDb.database, 'delegate@demo.test');
    expect((await post('/api/draws', { kind: 'reviewers', cycle: 2, year: 3 }, delegate)).statusCode).toBe(403);
    expect((await post('/api/draws', { kind: 'reviewers', cycle: 2, year: 3 }, null)).statusCode).toBe(401);
    expect((await app.inject({ url: '/api/cycles/2/cohorts/3/pool' })).statusCode).toBe(401);
    const audit = await queryRows<{ action: string }>(testDb.database.db, sql`select distinct action from audit_events where action like 'lots.%' order by action`);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['lots.commit', 'lots.exclude', 'lots.publish', 'lots.requestRedraw', 'lots.run']));
  });
});
