/**
 * Crash safety: the real server (a child process) receives a mixed stream of writes —
 * checklist saves, report section versions, review imports and the drawing of lots — and
 * is killed with SIGKILL at a random moment. After each kill the database must hold every
 * write whole or not at all, with an audit entry for exactly the writes that are there;
 * every write the server acknowledged must be there; and the server must start again on
 * the same data (on the embedded engine, over the lock file the dead process left).
 *
 * The kill moments come from a seeded generator: FAULT_SEED=<n> replays a run,
 * FAULT_ITERATIONS=<n> runs more rounds (5 by default, to keep `npm test` short).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { queryRows } from '../../src/db/query-rows.ts';
import { seedReferenceData } from '../../src/db/seed.ts';
import { openConfiguredDatabase } from '../../src/server/runtime.ts';
import { seedDemoData } from '../../src/server/use-cases/seed-demo.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { TEST_ENGINE } from '../engines.ts';
import { buildTestApp, json, openReviewWithFocalPoint, sessionFor, type TestSession } from '../server.ts';
import { seededRandom } from '../support/seeded-random.ts';
import { freePort, startChildServer, type ChildServer } from './child-server.ts';

const SEED = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 1_000_000));
const ITERATIONS = Number(process.env.FAULT_ITERATIONS ?? 5);
const random = seededRandom(SEED);

type Outcome = 'whole' | 'absent' | 'partial';
interface Attempt {
  kind: 'checklist' | 'report' | 'import' | 'draw';
  /** The server answered 2xx before it died: the write must be there. */
  acknowledged: boolean;
  /** The server answered 4xx: a refusal, which must have written nothing. */
  refused: boolean;
  /** How long the server took to acknowledge it. */
  ms?: number;
  check: (db: Database['db']) => Promise<Outcome>;
  describe: string;
}

let dataDir: string;
let pgDatabase: TestDatabase | undefined;
let port: number;
let server: ChildServer | undefined;
let secretariat: TestSession;
let focalPoint: TestSession;
let reviewId: string;
let provisionIds: string[] = [];
let articles: number[] = [];
const answerVersions = new Map<string, number>();
const sectionVersions = new Map<number, number>();
let importStates: string[] = [];
let cohortYears: number[] = [];
const knownDraws = new Set<string>();

const count = async (db: Database['db'], query: ReturnType<typeof sql>) => Number((await queryRows<{ n: number | string }>(db, query))[0]!.n);

/** Rows found per table (and audit entries) against what a whole write leaves. */
function outcomeOf(found: number[], whole: number[]): Outcome {
  if (found.every((n) => n === 0)) return 'absent';
  if (found.every((n, i) => n === whole[i])) return 'whole';
  console.log(`half-written: found ${JSON.stringify(found)}, a whole write has ${JSON.stringify(whole)}`);
  return 'partial';
}

/** Runs `use` on the database while no server holds it (the embedded engine is single-process). */
async function withDatabase<T>(use: (db: Database['db']) => Promise<T>): Promise<T> {
  if (pgDatabase) return use(pgDatabase.database.db);
  const opened = await openConfiguredDatabase(loadConfig({}, { DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), 'fault test');
  try {
    return await use(opened.database.db);
  } finally {
    await opened.close();
  }
}

async function start(): Promise<ChildServer> {
  server = await startChildServer({ dataDir, databaseUrl: pgDatabase?.url, port });
  return server;
}

async function call(method: string, url: string, session: TestSession, body?: unknown, contentType = 'application/json') {
  const response = await fetch(`${server!.url}${url}`, {
    method,
    headers: { ...session.headers, ...(body === undefined ? {} : { 'content-type': contentType }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.text() };
}

beforeAll(async () => {
  console.log(`sigkill-writes: FAULT_SEED=${SEED} FAULT_ITERATIONS=${ITERATIONS} engine=${TEST_ENGINE}`);
  dataDir = mkdtempSync(path.join(tmpdir(), 'openirm-kill-'));
  port = await freePort();
  let database: Database;
  let closeSetup: () => Promise<void>;
  if (TEST_ENGINE === 'postgres') {
    pgDatabase = await createTestDatabase();
    database = pgDatabase.database;
    closeSetup = async () => undefined;
  } else {
    const opened = await openConfiguredDatabase(loadConfig({}, { DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), 'fault test setup');
    await seedReferenceData(opened.database.db);
    await seedDemoData(opened.database.db);
    database = opened.database;
    closeSetup = () => opened.close();
  }
  // The data the writes need, prepared in-process: sessions (kept in the database, so they
  // survive restarts), a review with a checklist and a report, the cohorts of cycle 2.
  const app = await buildTestApp(database);
  secretariat = await sessionFor(database, 'secretariat@demo.test');
  focalPoint = await sessionFor(database, 'focal.point@demo.test');
  reviewId = await openReviewWithFocalPoint(app, secretariat, { state: 'AUT', cycle: 2, reviewers: ['DEU', 'KEN'], started: '2016-03-01', focalPointAppointed: '2016-03-20' });
  const checklist = json<{ sections: { provisions: { id: string }[] }[] }>(await app.inject({ url: `/api/reviews/${reviewId}/checklist`, headers: focalPoint.headers }));
  provisionIds = checklist.sections.flatMap((s) => s.provisions.map((p) => p.id));
  const report = json<{ sections: { article: number }[] }>(await app.inject({ url: `/api/reviews/${reviewId}/report`, headers: secretariat.headers }));
  articles = report.sections.map((s) => s.article);
  const committed = await app.inject({ method: 'POST', url: '/api/draws', headers: secretariat.headers, payload: { kind: 'cohorts', cycle: 2 } });
  const drawId = json<{ draw: { id: string } }>(committed).draw.id;
  await app.inject({ method: 'POST', url: `/api/draws/${drawId}/run`, headers: secretariat.headers, payload: { publicEntropy: 'fault test' } });
  const published = await app.inject({ method: 'POST', url: `/api/draws/${drawId}/publish`, headers: secretariat.headers, payload: {} });
  expect(published.statusCode, published.body).toBe(200);
  cohortYears = (await queryRows<{ year: number }>(database.db, sql`select distinct year from cohort_members where cycle_number = 2 order by year`)).map((r) => Number(r.year));
  // States without a review in cycle 1, imported a few at a time.
  importStates = (await queryRows<{ iso3: string }>(database.db, sql`select iso3 from parties where iso3 not in (select state_iso3 from reviews where cycle_number = 1) and iso3 not in ('KEN', 'PER') order by iso3`)).map((r) => r.iso3);
  await app.close();
  await closeSetup();
}, 240_000);

afterAll(async () => {
  await server?.kill();
  await pgDatabase?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

/** One write loop per kind; each stops at its first network error (the server is gone). */
function checklistWrites(iteration: number, attempts: Attempt[], alive: () => boolean) {
  return async () => {
    const offset = (iteration * 17) % provisionIds.length;
    for (let i = 0; i < provisionIds.length && alive(); i += 1) {
      const provisionId = provisionIds[(offset + i) % provisionIds.length]!;
      const version = (answerVersions.get(provisionId) ?? 0) + 1;
      const marker = `kill-${SEED}-${iteration}-checklist-${provisionId}`;
      const attempt: Attempt = {
        kind: 'checklist',
        acknowledged: false,
        refused: false,
        describe: `checklist ${provisionId} v${version}`,
        check: async (db) => {
          const found = outcomeOf(
            [
              await count(db, sql`select count(*) as n from checklist_answer_versions where review_id = ${reviewId} and provision_id = ${provisionId} and version = ${version} and text like ${`%${marker}%`}`),
              await count(db, sql`select count(*) as n from checklist_answers where review_id = ${reviewId} and provision_id = ${provisionId} and version = ${version} and text like ${`%${marker}%`}`),
              await count(db, sql`select count(*) as n from audit_events where action = 'checklist.answer' and resource_id = ${reviewId} and details->>'provisionId' = ${provisionId} and details->>'version' = ${String(version)}`),
            ],
            [1, 1, 1],
          );
          if (found === 'whole') answerVersions.set(provisionId, version);
          return found;
        },
      };
      attempts.push(attempt);
      const sent = Date.now();
      const response = await call('PUT', `/api/reviews/${reviewId}/checklist/${encodeURIComponent(provisionId)}`, focalPoint, { text: marker, version: version - 1 });
      attempt.acknowledged = response.status === 200;
      attempt.refused = response.status >= 400;
      attempt.ms = Date.now() - sent;
    }
  };
}

function reportWrites(iteration: number, attempts: Attempt[], alive: () => boolean) {
  return async () => {
    for (let i = 0; i < articles.length && alive(); i += 1) {
      const article = articles[(iteration * 5 + i) % articles.length]!;
      const version = (sectionVersions.get(article) ?? 0) + 1;
      const marker = `kill-${SEED}-${iteration}-report-${article}`;
      const content = {
        summary: `<p>${marker}</p>`,
        observations: '',
        successes: '',
        challenges: '',
        recommendations: [1, 2, 3].map((n) => ({ text: `${marker} recommendation ${n}` })),
        goodPractices: [{ text: `${marker} practice` }],
        needs: [{ type: 'capacity-building', text: `${marker} need` }],
      };
      const attempt: Attempt = {
        kind: 'report',
        acknowledged: false,
        refused: false,
        describe: `report section ${article} v${version}`,
        check: async (db) => {
          const like = `${marker} %`;
          const found = outcomeOf(
            [
              await count(db, sql`select count(*) as n from report_section_versions where review_id = ${reviewId} and article = ${article} and version = ${version} and content->>'summary' like ${`%${marker}%`}`),
              await count(db, sql`select count(*) as n from report_recommendations where review_id = ${reviewId} and article = ${article} and text like ${like}`),
              await count(db, sql`select count(*) as n from report_good_practices where review_id = ${reviewId} and article = ${article} and text like ${like}`),
              await count(db, sql`select count(*) as n from report_needs where review_id = ${reviewId} and article = ${article} and text like ${like}`),
              await count(db, sql`select count(*) as n from audit_events where action = 'report.saveSection' and resource_id = ${reviewId} and details->>'article' = ${String(article)} and details->>'version' = ${String(version)}`),
            ],
            [1, 3, 1, 1, 1],
          );
          if (found === 'whole') sectionVersions.set(article, version);
          return found;
        },
      };
      attempts.push(attempt);
      const sent = Date.now();
      const response = await call('PUT', `/api/reviews/${reviewId}/report/sections/${article}`, secretariat, { content, version: version - 1 });
      attempt.acknowledged = response.status === 200;
      attempt.refused = response.status >= 400;
      attempt.ms = Date.now() - sent;
    }
  };
}

const IMPORT_HEADER = 'state_iso3,cycle,cohort_year,reviewer1_iso3,reviewer2_iso3,started,focal_point_appointed';
const IMPORT_SIZE = 5;

function importWrites(iteration: number, attempts: Attempt[], alive: () => boolean) {
  return async () => {
    for (let file = 0; file < 5 && alive() && importStates.length >= IMPORT_SIZE; file += 1) {
      const states = importStates.splice(0, IMPORT_SIZE);
      const csv = [IMPORT_HEADER, ...states.map((s) => `${s},1,1,KEN,PER,2011-03-01,2011-03-20`)].join('\n');
      const attempt: Attempt = {
        kind: 'import',
        acknowledged: false,
        refused: false,
        describe: `import of ${states.join(' ')} (iteration ${iteration})`,
        check: async (db) => {
          const inList = sql.join(states.map((s) => sql`${s}`), sql`, `);
          return outcomeOf(
            [
              await count(db, sql`select count(*) as n from reviews where cycle_number = 1 and state_iso3 in (${inList})`),
              await count(db, sql`select count(*) as n from review_milestones m join reviews r on r.id = m.review_id where r.cycle_number = 1 and r.state_iso3 in (${inList})`),
              await count(db, sql`select count(*) as n from audit_events where action = 'reviews.import' and details->>'cycle' = '1' and details->>'state' in (${inList})`),
            ],
            [IMPORT_SIZE, 2 * IMPORT_SIZE, IMPORT_SIZE],
          );
        },
      };
      attempts.push(attempt);
      const sent = Date.now();
      const response = await call('POST', '/api/import/reviews', secretariat, csv, 'text/csv');
      attempt.acknowledged = response.status === 200;
      attempt.refused = response.status >= 400;
      attempt.ms = Date.now() - sent;
    }
  };
}

/** The state of one reviewer draw as its rows and its audit trail tell it. */
async function drawFacts(db: Database['db'], id: string) {
  const row = (await queryRows<{ status: string; has_record: boolean }>(db, sql`select status, record is not null as has_record from draws where id = ${id}`))[0];
  const audit = async (action: string) => count(db, sql`select count(*) as n from audit_events where action = ${action} and resource_id = ${id}`);
  return {
    status: row?.status,
    hasRecord: row?.has_record ?? false,
    assignments: await count(db, sql`select count(*) as n from reviewer_assignments where draw_id = ${id}`),
    commits: await audit('lots.commit'),
    runs: await audit('lots.run'),
    publishes: await audit('lots.publish'),
  };
}

function drawWrites(iteration: number, attempts: Attempt[], alive: () => boolean, years: number[]) {
  return async () => {
    for (const year of years) {
      if (!alive()) return;
      let drawId: string | undefined;
      const commit: Attempt = {
        kind: 'draw',
        acknowledged: false,
        refused: false,
        describe: `commit of the reviewer draw of year ${year}`,
        check: async (db) => {
          // An unacknowledged commit is found as a draw of that year nobody knew of.
          const fresh = (await queryRows<{ id: string }>(db, sql`select id from draws where cycle_number = 2 and kind = 'reviewers' and year = ${year}`)).map((r) => r.id).filter((id) => !knownDraws.has(id));
          if (fresh.length > 1) return 'partial';
          drawId ??= fresh[0];
          if (!drawId) return 'absent';
          knownDraws.add(drawId);
          const facts = await drawFacts(db, drawId);
          return facts.status !== undefined && facts.commits === 1 ? 'whole' : 'partial';
        },
      };
      attempts.push(commit);
      const sent = Date.now();
      const committed = await call('POST', '/api/draws', secretariat, { kind: 'reviewers', cycle: 2, year });
      commit.acknowledged = committed.status === 201;
      commit.refused = committed.status >= 400;
      commit.ms = Date.now() - sent;
      if (!commit.acknowledged) return;
      drawId = (JSON.parse(committed.body) as { draw: { id: string } }).draw.id;
      const id = drawId;
      for (const step of ['run', 'publish'] as const) {
        if (!alive()) return;
        const attempt: Attempt = {
          kind: 'draw',
          acknowledged: false,
          refused: false,
          describe: `${step} of draw ${id} (year ${year}, iteration ${iteration})`,
          check: async (db) => {
            const f = await drawFacts(db, id);
            if (step === 'run') {
              if (f.status === 'committed' && !f.hasRecord && f.runs === 0) return 'absent';
              return ['drawn', 'published'].includes(f.status ?? '') && f.hasRecord && f.runs === 1 ? 'whole' : 'partial';
            }
            if (f.status === 'drawn' && f.assignments === 0 && f.publishes === 0) return 'absent';
            return f.status === 'published' && f.assignments > 0 && f.publishes === 1 ? 'whole' : 'partial';
          },
        };
        attempts.push(attempt);
        const sent = Date.now();
        const response = await call('POST', `/api/draws/${id}/${step}`, secretariat, step === 'run' ? { publicEntropy: `iteration ${iteration}` } : {});
        attempt.acknowledged = response.status === 200;
        attempt.refused = response.status >= 400;
        attempt.ms = Date.now() - sent;
        if (!attempt.acknowledged) return;
      }
    }
  };
}

/** Draws left half-way by an earlier kill (cancelled then, so their cohort year can be drawn again) and the years still to draw. */
async function drawsToResume(db: Database['db']): Promise<{ open: string[]; yearsLeft: number[] }> {
  const open = await queryRows<{ id: string }>(db, sql`select id from draws where cycle_number = 2 and kind = 'reviewers' and status in ('committed', 'drawn')`);
  const published = (await queryRows<{ year: number }>(db, sql`select year from draws where cycle_number = 2 and kind = 'reviewers' and status = 'published'`)).map((r) => Number(r.year));
  return { open: open.map((r) => r.id), yearsLeft: cohortYears.filter((y) => !published.includes(y)) };
}

describe('SIGKILL during writes', () => {
  it(`leaves every write whole or absent, audited exactly, and the server restarts on the same data`, async () => {
    const totals = { attempts: 0, acknowledged: 0, whole: 0, absent: 0, refused: 0, partial: 0 };
    const perKind: Record<string, { whole: number; absent: number; acknowledgedMs: number[] }> = {};
    const problems: string[] = [];
    const iterationMs: number[] = [];
    let kills = 0;

    for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
      const began = Date.now();
      const { open: openDraws, yearsLeft } = await withDatabase(drawsToResume);
      await start();
      for (const id of openDraws) {
        const cancelled = await call('POST', `/api/draws/${id}/cancel`, secretariat, { reason: 'left half-way by a killed server (fault test)' });
        expect(cancelled.status, cancelled.body).toBe(200);
      }
      // Warm the routes up, so the kill lands among writes rather than in the first one.
      await call('GET', `/api/reviews/${reviewId}/checklist`, focalPoint);
      await call('GET', `/api/reviews/${reviewId}/report`, secretariat);

      const attempts: Attempt[] = [];
      let alive = true;
      const isAlive = () => alive;
      const loops = [checklistWrites, reportWrites, importWrites].map((make) => make(iteration, attempts, isAlive)).concat(drawWrites(iteration, attempts, isAlive, yearsLeft));
      const running = loops.map((loop) => loop().catch(() => undefined));
      // Somewhere between the first requests and well into the stream.
      const delay = Math.floor(100 + random() * 3000);
      await new Promise((resolve) => setTimeout(resolve, delay));
      alive = false;
      await server!.kill();
      kills += 1;
      await Promise.all(running);
      if (TEST_ENGINE === 'pglite') expect(existsSync(path.join(dataDir, 'openirm.lock')), 'the killed server leaves its lock behind').toBe(true);

      await withDatabase(async (db) => {
        for (const attempt of attempts) {
          const outcome = await attempt.check(db);
          totals.attempts += 1;
          if (attempt.acknowledged) totals.acknowledged += 1;
          if (attempt.refused) totals.refused += 1;
          totals[outcome] += 1;
          perKind[attempt.kind] ??= { whole: 0, absent: 0, acknowledgedMs: [] };
          if (outcome !== 'partial') perKind[attempt.kind]![outcome] += 1;
          if (attempt.acknowledged && attempt.ms !== undefined) perKind[attempt.kind]!.acknowledgedMs.push(attempt.ms);
          if (outcome === 'partial') problems.push(`iteration ${iteration} (kill after ${delay} ms): ${attempt.describe} is half-written`);
          if (attempt.acknowledged && outcome !== 'whole') problems.push(`iteration ${iteration}: ${attempt.describe} was acknowledged but is ${outcome}`);
          if (attempt.refused && outcome !== 'absent') problems.push(`iteration ${iteration}: ${attempt.describe} was refused but is ${outcome}`);
        }
        // No audit entry for a draw that is not there.
        const orphans = await count(db, sql`select count(*) as n from audit_events a where a.action like 'lots.%' and a.resource_type = 'draw' and not exists (select 1 from draws d where d.id::text = a.resource_id)`);
        if (orphans > 0) problems.push(`iteration ${iteration}: ${orphans} audit entries of draws that do not exist`);
      });
      iterationMs.push(Date.now() - began);
      console.log(`iteration ${iteration}: kill after ${delay} ms, ${attempts.length} writes tried, ${attempts.filter((a) => a.acknowledged).length} acknowledged, ${Date.now() - began} ms`);
    }

    // Last: the server starts straight over the stale lock of a killed one, and serves.
    await start();
    const killedPid = server!.pid;
    await server!.kill();
    if (TEST_ENGINE === 'pglite') expect(existsSync(path.join(dataDir, 'openirm.lock'))).toBe(true);
    await start();
    expect(server!.pid).not.toBe(killedPid);
    const checklist = await call('GET', `/api/reviews/${reviewId}/checklist`, focalPoint);
    expect(checklist.status, checklist.body).toBe(200);
    await server!.stop();
    server = undefined;
    if (TEST_ENGINE === 'pglite') expect(existsSync(path.join(dataDir, 'openirm.lock')), 'an orderly stop removes the lock').toBe(false);

    const mean = (values: number[]) => (values.length === 0 ? 0 : Math.round(values.reduce((a, b) => a + b, 0) / values.length));
    const meanMs = mean(iterationMs);
    const kinds = Object.entries(perKind).map(([kind, k]) => `${kind}: ${k.whole} whole, ${k.absent} absent, ${mean(k.acknowledgedMs)} ms per acknowledged write`);
    console.log(`sigkill-writes (${TEST_ENGINE}, seed ${SEED}): ${ITERATIONS} iterations, ${kills} kills, ${totals.attempts} writes tried, ${totals.acknowledged} acknowledged, ${totals.refused} refused; found ${totals.whole} whole, ${totals.absent} absent, ${totals.partial} partial; ${kinds.join('; ')}; ${meanMs} ms per iteration (restart and check included)`);
    expect(problems).toEqual([]);
    expect(totals.partial).toBe(0);
    // The stream did write: a run where every write was lost to the kill would prove nothing.
    expect(totals.whole).toBeGreaterThan(0);
    expect(totals.acknowledged).toBeGreaterThan(0);
  });
});
