/**
 * `npm run bench:profile`: the public country profile (GET /api/public/countries/:iso3) and
 * the public schedule on PostgreSQL, with every State party under review in both cycles and
 * full checklists and desk-review threads (content the public pages must not read), under 20
 * concurrent clients cycling through every State — next to a bare route that returns one
 * State's reviews and milestones from one raw SQL query, measured the same way in the same
 * run. Also the first (uncached) request of each profile, one at a time. Target (issue 5):
 * profile p99 < 50 ms at 20 concurrent clients. Measurements, not assertions.
 *
 * Needs a PostgreSQL server: TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/test);
 * it creates and drops its own database.
 */
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { seedReferenceData } from '../src/db/seed.ts';
import { buildApp } from '../src/server/app.ts';

const ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? (process.argv.includes('--quick') ? 4 : 10));
const CONNECTIONS = 20;
const name = `openirm_bench_${randomBytes(4).toString('hex')}`;
const url = (() => {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
})();

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql);
  await client.end();
}

/** Reviews for every State party in both cycles, with milestones, checklists and threads (as bench/tracker.ts). */
async function fillData(pool: pg.Pool): Promise<Record<string, number>> {
  await pool.query(`
    insert into reviews (id, cycle_number, state_iso3, cohort_year, reviewer1_iso3, reviewer2_iso3, reviewers_source)
    select gen_random_uuid(), c.number, p.iso3, 1 + (row_number() over (partition by c.number order by p.iso3)) % 4,
           lead(p.iso3, 1, 'AFG') over (partition by c.number order by p.iso3), lead(p.iso3, 2, 'ALB') over (partition by c.number order by p.iso3), 'import'
    from parties p join accessions a on a.party_iso3 = p.iso3 cross join cycles c
    where p.regional_group is not null and p.iso3 not in ('AFG', 'ALB', 'ZWE', 'ZMB')`);
  await pool.query(`
    insert into review_milestones (review_id, kind, date, recorded_by)
    select r.id, m.kind, date '2016-01-01' + (m.n * 40 + (hashtext(r.state_iso3) & 63)) , 'bench'
    from reviews r cross join (values (0,'started'),(1,'focalPointAppointed'),(2,'checklistSubmitted'),(3,'deskReviewCompleted')) as m(n, kind)
    where (hashtext(r.state_iso3 || r.cycle_number) & 3) >= m.n`);
  await pool.query(`
    insert into checklist_answers (review_id, provision_id, text, updated_by)
    select r.id, pr.id, repeat('Answer text for the provision. ', 20), 'bench'
    from reviews r join cycles c on c.number = r.cycle_number
    join articles ar on ar.chapter_number = any (select jsonb_array_elements_text(c.chapters))
    join provisions pr on pr.article_number = ar.number`);
  await pool.query(`
    insert into review_threads (id, review_id, provision_id, kind, status, created_by)
    select gen_random_uuid(), r.id, '5.1', 'question', 'open', 'bench' from reviews r cross join generate_series(1, 20) g`);
  await pool.query(`
    insert into thread_messages (id, thread_id, author, side, body)
    select gen_random_uuid(), t.id, 'bench', 'secretariat', repeat('A question. ', 10) from review_threads t`);
  const counts: Record<string, number> = {};
  for (const table of ['reviews', 'review_milestones', 'checklist_answers', 'review_threads', 'thread_messages']) {
    counts[table] = Number((await pool.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]!.n);
  }
  return counts;
}

/** Load on `base` + one of `paths` per request, each connection cycling through them. */
async function load(base: string, paths: string[]): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  let next = 0;
  const options: autocannon.Options = {
    url: base,
    connections: CONNECTIONS,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }) }],
  };
  await autocannon({ ...options, duration: 1 });
  const r = await autocannon({ ...options, duration: DURATION_S });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

await admin(`create database ${name}`);
try {
  const database = await openDatabase({ engine: 'postgres', url, poolSize: 10 });
  await runMigrations(database);
  await seedReferenceData(database.db);
  const counts = await fillData(database.pool!);
  const app = await buildApp({ config: loadConfig({}, { LOG_LEVEL: 'silent', DATABASE_URL: url }), database, logger: false, webDist: '/nonexistent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const states = (await database.pool!.query<{ s: string }>('select distinct state_iso3 as s from reviews order by 1')).rows.map((r) => r.s);

  // The first request of each profile: nothing cached, one at a time.
  const cold: number[] = [];
  for (const s of states) {
    const t0 = performance.now();
    const response = await fetch(`${base}/api/public/countries/${s}`);
    await response.text();
    cold.push(performance.now() - t0);
  }
  cold.sort((a, b) => a - b);

  // Baseline: one State's reviews with their milestones from one raw query, serialised as JSON.
  const bare = Fastify();
  const raw = `select r.*, coalesce(json_agg(json_build_object('kind', m.kind, 'date', m.date)) filter (where m.kind is not null), '[]') as milestones
               from reviews r left join review_milestones m on m.review_id = r.id where r.state_iso3 = $1 group by r.id order by r.cycle_number`;
  bare.get<{ Params: { iso3: string } }>('/raw/:iso3', async (request) => (await database.pool!.query<Record<string, unknown>>(raw, [request.params.iso3])).rows);
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

  const profile = await load(base, states.map((s) => `/api/public/countries/${s}`));
  const schedule = await load(base, ['/api/public/schedule']);
  const feed = await load(base, states.map((s) => `/api/public/countries/${s}/feed.atom`));
  const baseline = await load(bareBase, states.map((s) => `/raw/${s}`));
  const line = (label: string, r: Awaited<ReturnType<typeof load>>) =>
    `${label.padEnd(52)}${r.rps.toFixed(0).padStart(7)}${r.p50.toFixed(0).padStart(8)}${r.p99.toFixed(0).padStart(8)}${String(r.errors).padStart(8)}`;
  const out = [
    `Open IRM public profile bench, ${new Date().toISOString()}, PostgreSQL, ${CONNECTIONS} connections, ${DURATION_S} s each, ${states.length} States`,
    `data: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    '',
    `${'endpoint'.padEnd(52)}  req/s  p50 ms  p99 ms  errors`,
    line('GET /api/public/countries/:iso3 (every State)', profile),
    line('GET /api/public/schedule', schedule),
    line('GET /api/public/countries/:iso3/feed.atom', feed),
    line('baseline: raw SQL, one State, bare route', baseline),
    '',
    `profile, first request of each State (uncached, sequential): median ${percentile(cold, 50).toFixed(1)} ms, p99 ${percentile(cold, 99).toFixed(1)} ms`,
    `profile p99 ${profile.p99.toFixed(0)} ms   target < 50 ms   ${profile.p99 < 50 ? 'PASS' : 'MISS'}`,
    `profile p99 / raw p99: ${(profile.p99 / Math.max(1, baseline.p99)).toFixed(2)}x`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  await app.close();
  await bare.close();
  await database.close();
} finally {
  await admin(`drop database if exists ${name} with (force)`);
}
