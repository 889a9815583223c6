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
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { withReviewData } from './support/review-data.ts';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? (process.argv.includes('--quick') ? 4 : 10));
const CONNECTIONS = 20;

async function load(target: string): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  await autocannon({ url: target, connections: CONNECTIONS, duration: 1 });
  const r = await autocannon({ url: target, connections: CONNECTIONS, duration: DURATION_S });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

await withReviewData(async ({ pool, counts, base }) => {
  const someId = (await pool.query<{ id: string }>('select id from reviews order by state_iso3 limit 1')).rows[0]!.id;

  // Baseline: the same review rows and milestones from one raw query, serialised as JSON.
  const bare = Fastify();
  const raw = `select r.*, coalesce(json_agg(json_build_object('kind', m.kind, 'date', m.date)) filter (where m.kind is not null), '[]') as milestones
               from reviews r left join review_milestones m on m.review_id = r.id group by r.id order by r.cycle_number, r.state_iso3`;
  bare.get('/raw', async () => (await pool.query<Record<string, unknown>>(raw)).rows);
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
  await bare.close();
});
