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
import { ServerTiming, type ServerTimes } from './support/server-timing.ts';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? (process.argv.includes('--quick') ? 4 : 10));
const CONNECTIONS = 20;

interface Measured {
  rps: number;
  clientP50: number;
  clientP99: number;
  server: ServerTimes;
  errors: number;
}

// The clients run in a worker thread: on the main thread they would share the server's event
// loop, and parsing 100 kB responses there would be counted as the server's time.
async function load(target: string, timing: ServerTiming): Promise<Measured> {
  await autocannon({ url: target, connections: CONNECTIONS, duration: 1, workers: 1 });
  timing.take();
  const r = await autocannon({ url: target, connections: CONNECTIONS, duration: DURATION_S, workers: 1 });
  return { rps: r.requests.average, clientP50: r.latency.p50, clientP99: r.latency.p99, server: timing.take(), errors: r.errors + r.non2xx };
}

await withReviewData(async ({ pool, counts, base, server }) => {
  const someId = (await pool.query<{ id: string }>('select id from reviews order by state_iso3 limit 1')).rows[0]!.id;

  // Baseline: the same review rows and milestones from one raw query, serialised as JSON.
  const bare = Fastify();
  const raw = `select r.*, coalesce(json_agg(json_build_object('kind', m.kind, 'date', m.date)) filter (where m.kind is not null), '[]') as milestones
               from reviews r left join review_milestones m on m.review_id = r.id group by r.id order by r.cycle_number, r.state_iso3`;
  bare.get('/raw', async () => (await pool.query<Record<string, unknown>>(raw)).rows);
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

  const appTiming = new ServerTiming(server);
  const bareTiming = new ServerTiming(bare.server);
  const tracker = await load(`${base}/api/reviews`, appTiming);
  const reviewPage = await load(`${base}/api/reviews/${someId}`, appTiming);
  const baseline = await load(`${bareBase}/raw`, bareTiming);
  const ms = (n: number) => n.toFixed(0).padStart(9);
  const line = (label: string, r: Measured) =>
    `${label.padEnd(44)}${r.rps.toFixed(0).padStart(7)}${ms(r.server.p50)}${ms(r.server.p99)}${ms(r.clientP50)}${ms(r.clientP99)}${String(r.errors).padStart(8)}`;
  const ratio = tracker.server.p99 / Math.max(1, baseline.server.p99);
  const out = [
    `Open IRM tracker bench, ${new Date().toISOString()}, PostgreSQL, ${CONNECTIONS} connections (in a worker thread), ${DURATION_S} s each`,
    `data: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    '',
    `${''.padEnd(44)}${''.padStart(7)}${'server time'.padStart(18)}${'client time'.padStart(18)}`,
    `${'endpoint'.padEnd(44)}  req/s   p50 ms   p99 ms   p50 ms   p99 ms  errors`,
    line('GET /api/reviews (tracker, all reviews)', tracker),
    line('GET /api/reviews/:id (review page)', reviewPage),
    line('baseline: raw SQL, same rows, bare route', baseline),
    '',
    `tracker server p99 ${tracker.server.p99.toFixed(0)} ms   target < 100 ms   ${tracker.server.p99 < 100 ? 'PASS' : 'MISS'}`,
    `tracker server p99 / raw server p99: ${ratio.toFixed(2)}x   target <= 3x   ${ratio <= 3 ? 'PASS' : 'MISS'}`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  await bare.close();
});
