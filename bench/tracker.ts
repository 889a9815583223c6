/**
 * `npm run bench:tracker`: the review tracker and a review page on PostgreSQL, with every
 * State party under review in both cycles, full checklists and 20 desk-review threads per
 * review, under 20 concurrent clients — next to a bare route that returns the same rows
 * from one raw SQL query, measured the same way in the same run. Targets (issue 4):
 * tracker p99 < 100 ms, and within 3x of the raw query. Measurements, not assertions.
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

/** Reviews for every State party in both cycles, with milestones, full checklists and threads, in set SQL. */
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
    select gen_random_uuid(), r.id, '5.1', 'question', case when g % 3 = 0 then 'resolved' else 'open' end, 'bench'
    from reviews r cross join generate_series(1, 20) g`);
  await pool.query(`
    insert into thread_messages (id, thread_id, author, side, body)
    select gen_random_uuid(), t.id, 'bench', 'secretariat', repeat('A question. ', 10) from review_threads t`);
  const counts: Record<string, number> = {};
  for (const table of ['reviews', 'review_milestones', 'checklist_answers', 'review_threads', 'thread_messages']) {
    counts[table] = Number((await pool.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0]!.n);
  }
  return counts;
}

async function load(target: string): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  await autocannon({ url: target, connections: CONNECTIONS, duration: 1 });
  const r = await autocannon({ url: target, connections: CONNECTIONS, duration: DURATION_S });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
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
  const someId = (await database.pool!.query<{ id: string }>('select id from reviews order by state_iso3 limit 1')).rows[0]!.id;

  // Baseline: the same review rows and milestones from one raw query, serialised as JSON.
  const bare = Fastify();
  const raw = `select r.*, coalesce(json_agg(json_build_object('kind', m.kind, 'date', m.date)) filter (where m.kind is not null), '[]') as milestones
               from reviews r left join review_milestones m on m.review_id = r.id group by r.id order by r.cycle_number, r.state_iso3`;
  bare.get('/raw', async () => (await database.pool!.query<Record<string, unknown>>(raw)).rows);
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

  const tracker = await load(`${base}/api/reviews`);
  const reviewPage = await load(`${base}/api/reviews/${someId}`);
  const baseline = await load(`${bareBase}/raw`);
  const line = (label: string, r: Awaited<ReturnType<typeof load>>) =>
    `${label.padEnd(44)}${r.rps.toFixed(0).padStart(7)}${r.p50.toFixed(0).padStart(8)}${r.p99.toFixed(0).padStart(8)}${String(r.errors).padStart(8)}`;
  const out = [
    `Open IRM tracker bench, ${new Date().toISOString()}, PostgreSQL, ${CONNECTIONS} connections, ${DURATION_S} s each`,
    `data: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    '',
    `${'endpoint'.padEnd(44)}  req/s  p50 ms  p99 ms  errors`,
    line('GET /api/reviews (tracker, all reviews)', tracker),
    line('GET /api/reviews/:id (review page)', reviewPage),
    line('baseline: raw SQL, same rows, bare route', baseline),
    '',
    `tracker p99 ${tracker.p99.toFixed(0)} ms   target < 100 ms   ${tracker.p99 < 100 ? 'PASS' : 'MISS'}`,
    `tracker p99 / raw p99: ${(tracker.p99 / Math.max(1, baseline.p99)).toFixed(2)}x   target <= 3x   ${tracker.p99 <= 3 * Math.max(1, baseline.p99) ? 'PASS' : 'MISS'}`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  await app.close();
  await bare.close();
  await database.close();
} finally {
  await admin(`drop database if exists ${name} with (force)`);
}
