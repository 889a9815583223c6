/**
 * `npm run bench:open-data`: the bulk open-data export (GET /api/open/v1/bulk.zip, every data
 * set as JSON and CSV) streamed over HTTP from a PostgreSQL database at 100× today's scale —
 * about 40,000 reviews with dated milestones and 200,000 published recommendations, in 40,000
 * published report snapshots — and at 10× for comparison, so that memory that grows with the
 * data shows. Baseline in the same run: the same rows read with one raw SQL query per data set
 * and written as JSON lines, nothing else. Target (issue 8): peak memory under 300 MB and not
 * growing with the data set. The server runs as its own process (`openirm start` on the bench
 * database); its peak resident memory during the download is read from the kernel (VmHWM,
 * reset just before). Measurements, not assertions.
 *
 * Needs a PostgreSQL server: TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/test); it
 * creates and drops its own database. `--quick` runs 1× and 10× instead.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { seedReferenceData } from '../src/db/seed.ts';
import { cleanupAll, freePort, installCleanup, spawnTracked, waitFor200 } from './support/processes.ts';
import { REPO_ROOT } from './support/servers.ts';

const ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const QUICK = process.argv.includes('--quick');
/** Reviews today: about 400 (two cycles of ~190 States). */
const SCALES = process.argv.find((a) => a.startsWith('--scales='))?.split('=')[1]?.split(',').map(Number) ?? (QUICK ? [1, 10] : [10, 100]);
const TODAY_REVIEWS = 400;
const RECOMMENDATIONS_PER_REPORT = 5;
const TARGET_MB = 300;
/** `--heap-cap=N` runs the server with V8's old space capped at N MB: finishing the export under a cap shows it retains nothing that grows with the data. */
const HEAP_CAP = Number(process.argv.find((a) => a.startsWith('--heap-cap='))?.split('=')[1] ?? 0);

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql);
  await client.end();
}

/** Synthetic cycles 3… so that (cycle, State) stays unique at any number of reviews; every review has a published report. */
async function fill(pool: pg.Pool, reviews: number): Promise<Record<string, number>> {
  const states = (await pool.query<{ iso3: string }>("select iso3 from parties where regional_group is not null and iso3 not in ('AFG','ALB') order by iso3")).rows.length;
  const cycles = Math.ceil(reviews / states);
  await pool.query(`
    insert into cycles (number, mechanism_id, title, chapters, starts_on, ends_on, years, first_year)
    select 2 + g, mechanism_id, 'Synthetic cycle ' || g, chapters, starts_on, ends_on, years, first_year from cycles, generate_series(1, $1) g where number = 2`, [cycles]);
  await pool.query(
    `
    insert into reviews (id, cycle_number, state_iso3, cohort_year, reviewer1_iso3, reviewer2_iso3, reviewers_source, consent_to_publish_report)
    select gen_random_uuid(), c.number, p.iso3, 1 + (row_number() over (partition by c.number order by p.iso3)) % 4, 'AFG', 'ALB', 'import', true
    from (select iso3 from parties where regional_group is not null and iso3 not in ('AFG','ALB')) p cross join (select number from cycles where number > 2) c
    limit $1`,
    [reviews],
  );
  await pool.query(`
    insert into review_milestones (review_id, kind, date, recorded_by)
    select r.id, m.kind, date '2016-01-01' + m.n * 40 + (hashtext(r.state_iso3) & 63), 'bench'
    from reviews r cross join (values (0,'started'),(1,'focalPointAppointed'),(2,'checklistSubmitted'),(3,'deskReviewCompleted'),(4,'dialogueHeld'),(5,'draftReportShared'),(6,'executiveSummaryFinalised'),(7,'reportFinalised'),(8,'executiveSummaryPublished'),(9,'reportPublished')) as m(n, kind)`);
  await pool.query(
    `
    insert into publications (id, review_id, document, language, version, snapshot, published_by, published_at)
    select gen_random_uuid(), r.id, 'report', 'en', 1,
      jsonb_build_object('stateName', r.state_iso3, 'iso3', r.state_iso3, 'cycle', r.cycle_number, 'reviewerNames', jsonb_build_array('A', 'B'), 'symbol', '',
        'sections', jsonb_build_array(jsonb_build_object('article', 15, 'title', 'Bribery of national public officials', 'chapter', 'III',
          'content', jsonb_build_object('summary', repeat('Summary of implementation. ', 20), 'observations', '', 'successes', '', 'challenges', '',
            'recommendations', (select jsonb_agg(jsonb_build_object('text', 'Consider strengthening the measures under article 15, number ' || g, 'reference', r.cycle_number || '/' || r.state_iso3 || '/15/' || g)) from generate_series(1, $1) g),
            'goodPractices', jsonb_build_array(jsonb_build_object('text', 'A good practice.')),
            'needs', jsonb_build_array(jsonb_build_object('type', 'capacity-building', 'text', 'Training.')))))),
      'bench', now()
    from reviews r`,
    [RECOMMENDATIONS_PER_REPORT],
  );
  const count = async (sql: string) => Number((await pool.query<{ n: string }>(sql)).rows[0]!.n);
  return {
    reviews: await count('select count(*) as n from reviews'),
    milestones: await count('select count(*) as n from review_milestones'),
    recommendations: await count("select sum(jsonb_array_length(snapshot->'sections'->0->'content'->'recommendations')) as n from publications"),
  };
}

/** Peak resident memory of process `pid` (MB) while `work` runs: the kernel's high-water mark, reset first. */
async function peakRssOf<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peakMb: number; idleMb: number; ms: number }> {
  const status = () => readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status())![1]) / 1024;
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
  const idleMb = kb('VmRSS');
  const t0 = performance.now();
  const result = await work();
  return { result, peakMb: kb('VmHWM'), idleMb, ms: performance.now() - t0 };
}

/** Downloads and discards a response, counting bytes. */
async function download(url: string): Promise<number> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
  return bytes;
}

/** The same rows as the export, by raw SQL, written as JSON lines to nowhere. */
async function baseline(pool: pg.Pool): Promise<number> {
  let bytes = 0;
  const queries = [
    'select r.cycle_number, r.state_iso3, r.cohort_year, r.reviewer1_iso3, r.reviewer2_iso3, json_agg(json_build_object(m.kind, m.date)) as milestones from reviews r join review_milestones m on m.review_id = r.id group by r.id',
    "select p.review_id, rec->>'text' as text, rec->>'reference' as reference from publications p, jsonb_array_elements(p.snapshot->'sections') s, jsonb_array_elements(s->'content'->'recommendations') rec where p.document = 'report'",
    "select p.review_id, gp->>'text' as text from publications p, jsonb_array_elements(p.snapshot->'sections') s, jsonb_array_elements(s->'content'->'goodPractices') gp where p.document = 'report'",
  ];
  for (const sql of queries) {
    // Twice, as the export writes each data set twice (JSON and CSV).
    for (let i = 0; i < 2; i++) for (const row of (await pool.query(sql)).rows) bytes += JSON.stringify(row).length + 1;
  }
  return bytes;
}

async function measure(scale: number) {
  const name = `openirm_bench_${randomBytes(4).toString('hex')}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  await admin(`create database ${name}`);
  try {
    const database = await openDatabase({ engine: 'postgres', url: url.toString(), poolSize: 4 });
    await runMigrations(database);
    await seedReferenceData(database.db);
    const counts = await fill(database.pool!, TODAY_REVIEWS * scale);
    const port = await freePort();
    const server = spawnTracked('openirm', process.execPath, [path.join(REPO_ROOT, 'bin', 'openirm.js'), 'start'], {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: url.toString(), OPENIRM_DEMO: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'production', NODE_OPTIONS: HEAP_CAP ? `--max-old-space-size=${HEAP_CAP}` : '' },
      cwd: REPO_ROOT,
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitFor200(`${base}/api/health`, server, { intervalMs: 200, timeoutMs: 120_000 });
      await download(`${base}/api/open/v1/draws.json`); // warm the route and the pool
      const bulk = await peakRssOf(server.pid, () => download(`${base}/api/open/v1/bulk.zip`)).catch((error: unknown) => {
        throw new Error(`${String(error)}; the server said:\n${server.output()}`);
      });
      const t0 = performance.now();
      await baseline(database.pool!);
      return { scale, counts, bulk, rawMs: performance.now() - t0 };
    } finally {
      await server.stop();
      await database.close();
    }
  } finally {
    await admin(`drop database if exists ${name} with (force)`);
  }
}

installCleanup(30 * 60_000);
if (HEAP_CAP) console.log(`server heap capped at ${HEAP_CAP} MB (--max-old-space-size)`);
const results = [];
for (const scale of SCALES) {
  const r = await measure(scale);
  results.push(r);
  console.log(
    `${String(scale).padStart(3)}× — ${r.counts.reviews} reviews, ${r.counts.milestones} milestones, ${r.counts.recommendations} recommendations: ` +
      `bulk.zip ${(r.bulk.result / 2 ** 20).toFixed(1)} MB in ${(r.bulk.ms / 1000).toFixed(1)} s; server RSS idle ${r.bulk.idleMb.toFixed(0)} MB, peak ${r.bulk.peakMb.toFixed(0)} MB; ` +
      `raw SQL baseline ${(r.rawMs / 1000).toFixed(1)} s; time ratio ${(r.bulk.ms / r.rawMs).toFixed(2)}×`,
  );
}
if (results.length < 2) process.exit(0);
const [small, large] = results as [(typeof results)[number], (typeof results)[number]];
console.log(`server peak memory from ${small.scale}× to ${large.scale}× data: ${small.bulk.peakMb.toFixed(0)} → ${large.bulk.peakMb.toFixed(0)} MB (${(large.bulk.peakMb / small.bulk.peakMb).toFixed(2)}× for ${large.scale / small.scale}× the data)`);
console.log(`target: server peak under ${TARGET_MB} MB — ${large.bulk.peakMb < TARGET_MB ? 'PASS' : 'MISS'} (${large.bulk.peakMb.toFixed(0)} MB at ${large.scale}×)`);
await cleanupAll();
