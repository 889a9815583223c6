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
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { withReviewData } from './support/review-data.ts';
import { percentile } from './support/table.ts';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? (process.argv.includes('--quick') ? 4 : 10));
const CONNECTIONS = 20;

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

await withReviewData(async ({ pool, counts, base }) => {
  const states = (await pool.query<{ s: string }>('select distinct state_iso3 as s from reviews order by 1')).rows.map((r) => r.s);

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
  bare.get<{ Params: { iso3: string } }>('/raw/:iso3', async (request) => (await pool.query<Record<string, unknown>>(raw, [request.params.iso3])).rows);
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
  await bare.close();
});
