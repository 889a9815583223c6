/**
 * `npm run bench:analytics`: progress statistics as at a date (GET /api/stats/progress) on a
 * synthetic data set at 100× today's scale (about 40,000 reviews with their milestone
 * history, bench/support/synthetic-analytics.ts), on the embedded engine and — when
 * BENCH_PG_URL or TEST_PG_URL is set — on PostgreSQL. Each request goes through the whole
 * server (routing, validation, policy, use case, serialisation; app.inject, no socket); the
 * baseline is a hand-written SQL statement giving the same figures, run on the same driver in
 * the same run. Every request asks for a different day, so none is answered from the server's
 * cache; the cached answer (one day repeated) is reported apart. Targets (issue 6): median and
 * p99 under 200 ms, and within 2× of the raw SQL.
 * Measurements, not assertions. `--quick`: 8,000 reviews and fewer rounds.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { openDatabase, type Database } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { seedReferenceData } from '../src/db/seed.ts';
import { buildApp } from '../src/server/app.ts';
import { countSynthetic, createSyntheticReviews, type Exec } from './support/synthetic-analytics.ts';

const QUICK = process.argv.includes('--quick');
const REVIEWS = Number(process.env.BENCH_REVIEWS ?? (QUICK ? 8_000 : 40_000));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 30 : 100));
const CHECKED = ['2017-06-30', '2019-11-01', '2021-06-30', '2023-12-31', '2026-06-30'];
/** A different day for every request, so that no request is answered from the server's cache. */
const dayOf = (i: number) => new Date(Date.UTC(2016, 0, 1) + i * 9 * 86_400_000).toISOString().slice(0, 10);
const PG_URL = process.env.BENCH_PG_URL ?? process.env.TEST_PG_URL;

/** The same figures as a person would write them by hand: one pass with FILTER. */
const RAW_SQL = `
  select
    (select count(*) from reviews where cycle_number = $1) as total,
    count(distinct review_id) filter (where kind = 'started') as under_review,
    count(distinct review_id) filter (where kind = 'checklistSubmitted') as checklists,
    count(distinct review_id) filter (where kind = 'dialogueHeld') as dialogues,
    count(distinct review_id) filter (where kind = 'dialogueHeld' and dialogue_type = 'country_visit') as country_visits,
    count(distinct review_id) filter (where kind = 'dialogueHeld' and dialogue_type = 'joint_meeting') as joint_meetings,
    count(distinct review_id) filter (where kind = 'dialogueHeld' and dialogue_type = 'virtual_visit') as virtual_visits,
    count(distinct review_id) filter (where kind = 'executiveSummaryFinalised') as summaries,
    count(distinct review_id) filter (where kind = 'reportFinalised') as reports,
    (select count(distinct p.review_id) from review_pauses p join reviews r on r.id = p.review_id
      where r.cycle_number = $1 and p.from_date <= $2::date and (p.to_date is null or p.to_date > $2::date)) as paused
  from (
    select m.review_id, m.kind, m.dialogue_type from review_milestones m join reviews r on r.id = m.review_id
    where r.cycle_number = $1 and m.date <= $2::date
    union all
    select w.review_id, w.kind, w.dialogue_type from review_milestone_withdrawals w join reviews r on r.id = w.review_id
    where r.cycle_number = $1 and w.milestone_date <= $2::date and w.withdrawn_on > $2::date
  ) f`;

interface Row {
  [key: string]: string | number;
}

function stats(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return { median: at(0.5), p99: at(0.99) };
}

async function timeIt(rounds: number, run: (i: number) => Promise<void>): Promise<number[]> {
  for (let i = 0; i < 5; i += 1) await run(i); // warm-up: plans, caches, JIT
  const times: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const t0 = performance.now();
    await run(i);
    times.push(performance.now() - t0);
  }
  return times;
}

async function measure(label: string, database: Database, exec: Exec, query: (sql: string, params: unknown[]) => Promise<Row[]>): Promise<string[]> {
  const loadStart = performance.now();
  await runMigrations(database);
  await seedReferenceData(database.db);
  await createSyntheticReviews(exec, { reviews: REVIEWS });
  const loadS = (performance.now() - loadStart) / 1000;
  const counts = await countSynthetic((sql) => query(sql, []) as Promise<{ n: number }[]>);
  const app = await buildApp({ config: loadConfig({}, { LOG_LEVEL: 'silent' }), database, logger: false, webDist: '/nonexistent' });
  // The biggest cycle: every figure over its reviews.
  const cycle = Number((await query('select cycle_number as c from reviews group by cycle_number order by count(*) desc limit 1', []))[0]!.c);
  // Same answers first, so the baseline is truly equivalent.
  for (const asOf of CHECKED) {
    const api = (await app.inject({ method: 'GET', url: `/api/stats/progress?cycle=${cycle}&asOf=${asOf}` })).json<{ checklistsSubmitted: number; dialoguesHeld: { total: number }; paused: number }>();
    const raw = (await query(RAW_SQL, [cycle, asOf]))[0]!;
    if (api.checklistsSubmitted !== Number(raw.checklists) || api.paused !== Number(raw.paused)) {
      throw new Error(`${label}: API and raw SQL disagree on ${asOf}: ${JSON.stringify(api)} vs ${JSON.stringify(raw)}`);
    }
  }
  const server = stats(
    await timeIt(ROUNDS, async (i) => {
      const response = await app.inject({ method: 'GET', url: `/api/stats/progress?cycle=${cycle}&asOf=${dayOf(i)}` });
      if (response.statusCode !== 200) throw new Error(response.body);
    }),
  );
  const raw = stats(await timeIt(ROUNDS, async (i) => void (await query(RAW_SQL, [cycle, dayOf(i)]))));
  // The same day again and again: answered from the cache that every review write clears.
  const cachedRun = stats(await timeIt(ROUNDS, async () => void (await app.inject({ method: 'GET', url: `/api/stats/progress?cycle=${cycle}&asOf=${CHECKED[2]}` }))));
  await app.close();
  const ratio = server.median / raw.median;
  const ratio99 = server.p99 / raw.p99;
  const ms = (n: number) => `${n.toFixed(1).padStart(8)} ms`;
  return [
    `${label}: ${counts.reviews} reviews (${counts.parties} parties), ${counts.milestones} milestones, ${counts.withdrawals} withdrawals, ${counts.pauses} pauses; cycle ${cycle}; loaded in ${loadS.toFixed(1)} s; ${ROUNDS} requests, a different "as at" day each`,
    `  GET /api/stats/progress (whole server)   median ${ms(server.median)}   p99 ${ms(server.p99)}`,
    `  same, one day repeated (cached)          median ${ms(cachedRun.median)}   p99 ${ms(cachedRun.p99)}`,
    `  baseline: hand-written SQL, same driver  median ${ms(raw.median)}   p99 ${ms(raw.p99)}`,
    `  target < 200 ms: median ${server.median < 200 ? 'PASS' : 'MISS'}, p99 ${server.p99 < 200 ? 'PASS' : 'MISS'}`,
    `  ratio to raw SQL: median ${ratio.toFixed(2)}x, p99 ${ratio99.toFixed(2)}x   target <= 2x   ${ratio <= 2 && ratio99 <= 2 ? 'PASS' : 'MISS'}`,
  ];
}

const out = [`Open IRM analytics bench (progress statistics), ${new Date().toISOString()}, Node ${process.version}${QUICK ? ', --quick' : ''}`];

{
  const database = await openDatabase({ engine: 'pglite' });
  try {
    const pglite = database.pglite!;
    out.push(...(await measure('PGlite (embedded)', database, (sql) => pglite.exec(sql), async (sql, params) => (await pglite.query<Row>(sql, params)).rows)));
  } finally {
    await database.close();
  }
}

if (PG_URL) {
  const name = `openirm_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`create database ${name}`);
  try {
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    const database = await openDatabase({ engine: 'postgres', url: url.toString(), poolSize: 4 });
    try {
      const pool = database.pool!;
      out.push(...(await measure('PostgreSQL', database, (sql) => pool.query(sql), async (sql, params) => (await pool.query<Row>(sql, params)).rows)));
    } finally {
      await database.close();
    }
  } finally {
    await admin(`drop database if exists ${name} with (force)`);
  }
} else {
  out.push('PostgreSQL: skipped (set BENCH_PG_URL or TEST_PG_URL)');
}

process.stdout.write(`${out.join('\n')}\n`);
