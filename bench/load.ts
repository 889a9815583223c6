/**
 * `npm run bench:load [-- --quick] [--duration S] [--clients N] [--embedded-clients N] [--engine pg|pglite|both]`
 *
 * Many users of every role signed in to the real server (`node bin/openirm.js start`, its own
 * process) and a realistic mix of requests (bench/support/load-mix.ts: 60 % reads, 25 % public,
 * 15 % writes) for 5 minutes at 200 clients on PostgreSQL, then at 20 clients on the embedded
 * engine. Reports per kind of request: count, throughput, p50/p99 latency and errors; and the
 * server's RSS every 5 s with its growth after the warm-up. Targets (issue 9): zero errors,
 * p99 < 300 ms for reads (public pages included), p99 < 500 ms for writes, RSS growth after
 * warm-up < 10 %. Next to it, in the same run and at the same number of clients: a bare
 * Fastify server answering the tracker's JSON from memory, the ceiling of this machine.
 *
 * Measurements, not assertions: the exit code is 0 whatever PASS/MISS says (1 only when the
 * bench itself fails). The JSON result goes to .bench-results/load-<date>.json.
 *
 * PostgreSQL: TEST_PG_URL as admin (default postgres://postgres@127.0.0.1:5432/test); the
 * bench creates database load_<pid> and drops it at the end. Only 127.0.0.1 is contacted.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { configSchema } from '../src/config.ts';
import { cpuSeconds } from './memory.ts';
import { prepareEngine, type PreparedEngine } from './support/load-data.ts';
import { discoverTargets, LoadMix, MIX, signIn, type Kind, type KindClass, type Session } from './support/load-mix.ts';
import { seededRandom } from '../test/support/seeded-random.ts';
import { runPacedClients } from './support/paced-clients.ts';
import { parseLoadOptions, type LoadEngine, type LoadOptions } from './support/load-options.ts';
import { UsageError } from './support/options.ts';
import { cleanupAll, fetchBody, freePort, installCleanup, makeTempDir, waitFor200 } from './support/processes.ts';
import { RssSampler, rssGrowth, type RssGrowth } from './support/rss-sampler.ts';
import { REPO_ROOT, startBareFastify, startOpenIrm } from './support/servers.ts';
import { fixed, integer, percent, percentile, table } from './support/table.ts';

const READ_P99_TARGET_MS = 300;
const WRITE_P99_TARGET_MS = 500;
const RSS_GROWTH_TARGET = 0.1;
const RSS_SAMPLE_MS = 5_000;
/** autocannon's wait for an answer before it gives a request up (and counts an error). */
const TIMEOUT_S = Number(process.env.BENCH_LOAD_TIMEOUT_S ?? 10);

/**
 * The bench server's settings beyond the defaults: every bench user signs in from 127.0.0.1,
 * which the per-address sign-in limit (20 a minute) would refuse; and two-factor sign-in,
 * where the setting exists, is off for the bench accounts (a bench cannot read an authenticator).
 */
const SERVER_SETTINGS: Record<string, string> = {
  LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
  ...('MFA_REQUIRED_ROLES' in configSchema.shape ? { MFA_REQUIRED_ROLES: 'none' } : {}),
};

const log = (line: string) => process.stderr.write(`${line}\n`);
const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS');

interface KindResult {
  kind: Kind;
  kindClass: KindClass;
  sent: number;
  answered: number;
  measured: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  /** Requests without an answer within the timeout (TIMEOUT_S). */
  noAnswer: number;
  statuses: Record<string, number>;
  examples: string[];
}

interface ClassResult {
  kindClass: KindClass;
  measured: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

interface EngineResult {
  engine: LoadEngine;
  /** Requests per second per client, or undefined: as fast as answers come. */
  clientRate: number | undefined;
  label: string;
  clients: number;
  durationS: number;
  warmupS: number;
  counts: Record<string, number>;
  accounts: Record<string, number>;
  accountsS: number;
  signInS: number;
  targets: Record<string, number>;
  skippedTargets: number;
  missingKinds: Kind[];
  autosaveFallbacks: number;
  inFlightAtEnd: number;
  kinds: KindResult[];
  /** Per route shape after the warm-up, slowest p99 first. */
  routes: { route: string; count: number; p50Ms: number; p99Ms: number }[];
  classes: ClassResult[];
  total: { requests: number; reqPerSec: number; socketErrors: number; timeouts: number; httpErrors: number };
  serverCpuPct: number;
  /** Share of all cores busy during the load (every process: server, PostgreSQL, autocannon, others). */
  machineBusyPct: number;
  /** CPU of the postgres processes during the load (this server's backends, and any other client's), % of one core. */
  postgresCpuPct: number;
  /** CPU of this process (autocannon and the mix), % of one core. */
  loaderCpuPct: number;
  memory: RssGrowth;
  baseline: { label: string; reqPerSec: number; p50Ms: number; p99Ms: number; errors: number; durationS: number };
  targetsMet: { zeroErrors: boolean; readP99: boolean; writeP99: boolean; memory: boolean };
}

/** Jiffies of all cores from /proc/stat: busy (everything but idle and iowait) and total. */
function machineCpu(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - (fields[3] ?? 0) - (fields[4] ?? 0), total };
}

/** CPU seconds of every process named postgres, by pid (Linux /proc). */
function postgresCpu(): Map<number, number> {
  const found = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
      found.set(Number(entry), cpuSeconds(Number(entry)));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

const warmupOf = (durationS: number) => Math.min(60, Math.round(durationS / 5));

function summarise(samples: { ms: number; ok: boolean }[]) {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return { measured: sorted.length, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), maxMs: sorted.at(-1) ?? NaN };
}

/** The bare Fastify baseline: the tracker's JSON from memory, same clients, plain GETs. */
async function runBaseline(body: Buffer, clients: number, durationS: number) {
  const bodyFile = path.join(makeTempDir('load-body'), 'tracker.json');
  writeFileSync(bodyFile, body);
  const port = await freePort();
  const bare = startBareFastify('bare Fastify server', port, bodyFile);
  try {
    await waitFor200(`http://127.0.0.1:${port}/api/health`, bare, { intervalMs: 100, timeoutMs: 60_000 });
    const r = await autocannon({ url: `http://127.0.0.1:${port}/api/parties`, connections: clients, duration: durationS, timeout: 10 });
    return { label: `bare Fastify, the tracker's ${integer(body.length)}-byte JSON from memory`, reqPerSec: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, errors: r.errors + r.non2xx, durationS };
  } finally {
    await bare.stop();
  }
}

async function runEngine(engine: LoadEngine, options: LoadOptions): Promise<EngineResult> {
  const clients = engine === 'pg' ? options.clients : options.embeddedClients;
  const durationS = options.durationS;
  const warmupS = warmupOf(durationS);
  log(`${engine}: preparing the database`);
  const prepared: PreparedEngine = await prepareEngine(engine, log);
  try {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    log(`${engine}: starting node bin/openirm.js start on ${base}`);
    const server = startOpenIrm(`Open IRM server (${engine})`, port, makeTempDir('load-dir'), { ...prepared.serverEnv, ...SERVER_SETTINGS });
    let result: EngineResult;
    try {
      await waitFor200(`${base}/api/health`, server, { intervalMs: 200, timeoutMs: 180_000 });

      log(`${engine}: signing in ${prepared.accounts.length} accounts`);
      const t0 = performance.now();
      const sessions: Session[] = [];
      for (const account of prepared.accounts) sessions.push(await signIn(base, account));
      const signInS = (performance.now() - t0) / 1_000;

      log(`${engine}: finding and trying the targets of the mix`);
      const targets = await discoverTargets(base, sessions, prepared.reviews);
      const mix = new LoadMix(targets, TIMEOUT_S * 1_000);
      mix.measureFromMs = warmupS * 1_000;
      const trackerBody = await fetchBody(`${base}/api/reviews`);

      log(`${engine}: ${clients} clients for ${durationS} s (first ${warmupS} s are the warm-up)`);
      const sampler = new RssSampler(server.pid, RSS_SAMPLE_MS);
      const cpu0 = cpuSeconds(server.pid);
      const machine0 = machineCpu();
      const postgres0 = postgresCpu();
      const loader0 = process.cpuUsage();
      const wall0 = performance.now();
      sampler.start();
      mix.start();
      // Saturation: autocannon, each client sending as soon as it has its answer. Paced: our own
      // clients with think times (bench/support/paced-clients.ts); autocannon's overallRate
      // releases each second's requests together, and measured its own bursts.
      const run: Promise<{ reqPerSec: number; socketErrors: number; timeouts: number }> =
        options.clientRate === undefined
          ? Promise.resolve(autocannon({ url: base, connections: clients, duration: durationS, timeout: TIMEOUT_S, requests: [{ setupRequest: mix.setupRequest, onResponse: mix.onResponse }] as never })).then((r) => ({
              reqPerSec: r.requests.average,
              socketErrors: r.errors,
              timeouts: r.timeouts,
            }))
          : runPacedClients({ base, clients, ratePerClient: options.clientRate, durationS, timeoutMs: TIMEOUT_S * 1_000, random: seededRandom(20261129), setupRequest: mix.setupRequest, onResponse: mix.onResponse });
      const progress = setInterval(() => log(`  ${engine}: ${Math.round((performance.now() - wall0) / 1000)} s, RSS ${fixed(sampler.samples.at(-1)?.rssMb ?? NaN, 0)} MB`), 30_000);
      const overall = await run.finally(() => clearInterval(progress));
      mix.stop();
      sampler.stop();
      const serverCpuPct = ((cpuSeconds(server.pid) - cpu0) / ((performance.now() - wall0) / 1_000)) * 100;
      const machine1 = machineCpu();
      const wallS = (performance.now() - wall0) / 1_000;
      const postgres1 = postgresCpu();
      // Backends opened during the load (the server's pool grows with it) count whole.
      const postgresS = [...postgres1].reduce((a, [pid, cpu]) => a + cpu - (postgres0.get(pid) ?? 0), 0);
      const postgresCpuPct = engine === 'pg' ? (postgresS / wallS) * 100 : NaN;
      const loader = process.cpuUsage(loader0);
      const loaderCpuPct = ((loader.user + loader.system) / 1e6 / wallS) * 100;
      const machineBusyPct = ((machine1.busy - machine0.busy) / Math.max(1, machine1.total - machine0.total)) * 100;

      const kinds: KindResult[] = MIX.map((m) => {
        const stats = mix.stats.get(m.kind)!;
        const measured = stats.samples.filter((s) => s.atMs >= warmupS * 1_000);
        return {
          kind: m.kind,
          kindClass: m.kindClass,
          sent: stats.sent,
          answered: stats.samples.length,
          ...summarise(measured),
          reqPerSec: measured.length / (durationS - warmupS),
          errors: stats.samples.filter((s) => !s.ok).length + stats.noAnswer + stats.timedOut,
          noAnswer: stats.noAnswer + stats.timedOut,
          statuses: Object.fromEntries(stats.statuses),
          examples: stats.examples,
        };
      });
      const classes: ClassResult[] = (['read', 'public', 'write'] as const).map((kindClass) => {
        const samples = MIX.filter((m) => m.kindClass === kindClass).flatMap((m) => mix.stats.get(m.kind)!.samples);
        const noAnswer = MIX.filter((m) => m.kindClass === kindClass).reduce((a, m) => a + mix.stats.get(m.kind)!.noAnswer + mix.stats.get(m.kind)!.timedOut, 0);
        return { kindClass, ...summarise(samples.filter((s) => s.atMs >= warmupS * 1_000)), errors: samples.filter((s) => !s.ok).length + noAnswer };
      });
      const routes = [...mix.routes]
        .map(([route, list]) => {
          const sorted = [...list].sort((a, b) => a - b);
          return { route, count: sorted.length, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
        })
        .sort((a, b) => b.p99Ms - a.p99Ms);
      const httpErrors = kinds.reduce((a, k) => a + k.errors, 0);
      const memory = rssGrowth(sampler.samples, warmupS, durationS);
      const readP99 = Math.max(classes[0]!.p99Ms, classes[1]!.p99Ms);
      log(`${engine}: stopping the server`);
      await server.stop();

      log(`${engine}: baseline, bare Fastify, ${clients} clients for ${options.baselineS} s`);
      const baseline = await runBaseline(trackerBody, clients, options.baselineS);
      const byRole: Record<string, number> = {};
      for (const a of prepared.accounts) byRole[a.role] = (byRole[a.role] ?? 0) + 1;
      result = {
        engine,
        clientRate: options.clientRate,
        label: prepared.label,
        clients,
        durationS,
        warmupS,
        counts: prepared.counts,
        accounts: byRole,
        accountsS: prepared.accountsS,
        signInS,
        targets: { ...Object.fromEntries([...targets.byKind].map(([k, v]) => [k, v.length])), autosave: targets.slots.length },
        skippedTargets: targets.skipped,
        missingKinds: mix.missingKinds,
        autosaveFallbacks: mix.autosaveFallbacks,
        inFlightAtEnd: mix.inFlightAtEnd,
        kinds,
        routes,
        classes,
        total: { requests: kinds.reduce((a, k) => a + k.answered, 0), reqPerSec: overall.reqPerSec, socketErrors: overall.socketErrors, timeouts: overall.timeouts, httpErrors },
        serverCpuPct,
        machineBusyPct,
        postgresCpuPct,
        loaderCpuPct,
        memory,
        baseline,
        targetsMet: {
          zeroErrors: httpErrors === 0 && overall.socketErrors === 0,
          readP99: readP99 < READ_P99_TARGET_MS,
          writeP99: classes[2]!.p99Ms < WRITE_P99_TARGET_MS,
          memory: memory.growth < RSS_GROWTH_TARGET,
        },
      };
    } finally {
      await server.stop();
    }
    return result;
  } finally {
    await prepared.dispose().catch((error: Error) => log(`${engine}: could not remove the bench database: ${error.message}`));
  }
}

function report(r: EngineResult): string {
  const ms = (v: number) => (Number.isFinite(v) ? fixed(v, 0) : '-');
  const lines = [
    `${r.engine === 'pg' ? 'PostgreSQL' : 'Embedded PGlite'}: ${r.label}`,
    `${r.clients} clients${r.clientRate === undefined ? ' each sending as soon as its last request is answered (saturation)' : `, each thinking ${fixed(1 / r.clientRate, 1)} s on average (exponential) after each answer (people reading between clicks; up to ${fixed(r.clients * r.clientRate, 0)} req/s, each client on its own connection)`}, ${r.durationS} s (the first ${r.warmupS} s are warm-up: latencies and req/s below are after it; errors count the whole run)`,
    `data: ${Object.entries(r.counts).map(([k, v]) => `${k} ${integer(v)}`).join(', ')}`,
    `accounts signed in: ${Object.entries(r.accounts).map(([k, v]) => `${v} ${k}`).join(', ')} (created in ${fixed(r.accountsS, 1)} s, signed in in ${fixed(r.signInS, 1)} s)`,
    `targets tried before the load and kept: ${Object.entries(r.targets).map(([k, v]) => `${k} ${v}`).join(', ')}; left out (refused or absent): ${r.skippedTargets}` +
      (r.missingKinds.length > 0 ? `; NO TARGET for ${r.missingKinds.join(', ')}` : ''),
    '',
    table(
      ['kind', 'class', 'weight', 'answered', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors'],
      [
        ...r.kinds.map((k) => [k.kind, k.kindClass, `${MIX.find((m) => m.kind === k.kind)!.weight}%`, integer(k.answered), fixed(k.reqPerSec, 1), ms(k.p50Ms), ms(k.p99Ms), ms(k.maxMs), integer(k.errors)]),
        ...r.classes.map((c) => [`all ${c.kindClass}`, '', '', '', '', ms(c.p50Ms), ms(c.p99Ms), '', integer(c.errors)]),
        ['total', '', '', integer(r.total.requests), fixed(r.total.reqPerSec, 1), '', '', '', integer(r.total.httpErrors)],
      ],
    ),
    `baseline (${r.baseline.durationS} s, same clients): ${r.baseline.label}: ${integer(r.baseline.reqPerSec)} req/s, p50 ${ms(r.baseline.p50Ms)} ms, p99 ${ms(r.baseline.p99Ms)} ms, errors ${r.baseline.errors}`,
    `load generator (${r.clientRate === undefined ? 'autocannon' : 'paced clients'}): connection errors ${r.total.socketErrors} (of which timeouts ${r.total.timeouts}); still in flight when the load stopped (not errors): ${r.inFlightAtEnd}; CPU in % of one core: server ${fixed(r.serverCpuPct, 0)}%${Number.isFinite(r.postgresCpuPct) ? `, postgres processes ${fixed(r.postgresCpuPct, 0)}%` : ''}, load generator ${fixed(r.loaderCpuPct, 0)}%; machine ${fixed(r.machineBusyPct, 0)}% busy (all ${os.cpus().length} cores, every process); autosaves drawn while every answer was being saved (made as review reads): ${r.autosaveFallbacks}`,
    `mix req/s / baseline req/s: ${percent(r.total.reqPerSec / r.baseline.reqPerSec)}`,
  ];
  lines.push('', 'slowest routes after warm-up (p99):', table(['route', 'count', 'p50 ms', 'p99 ms'], r.routes.slice(0, 8).map((x) => [x.route, integer(x.count), ms(x.p50Ms), ms(x.p99Ms)])));
  for (const k of r.kinds.filter((x) => x.errors > 0)) {
    const bad = Object.entries(k.statuses).filter(([status]) => !(Number(status) >= 200 && Number(status) < 400));
    lines.push(`errors of ${k.kind}: ${k.noAnswer} without an answer within ${TIMEOUT_S} s${bad.map(([status, n]) => `, ${n} x ${status}`).join('')}${k.examples.length > 0 ? `; e.g. ${k.examples.map((e) => e.slice(0, 120)).join(' | ')}` : ''}`);
  }
  if (r.kinds.some((k) => k.kind === 'autosave' && k.statuses['409'] && k.noAnswer > 0)) {
    lines.push('  (a 409 on an autosave after a timed-out one: the server applied the save the client gave up on, so its next save carried a stale version)');
  }
  const m = r.memory;
  lines.push(
    '',
    `server RSS every ${RSS_SAMPLE_MS / 1000} s (MB): ${m.samples.map((s) => fixed(s.rssMb, 0)).join(' ')}`,
    `after warm-up: max of the first ${fixed(m.windowS, 0)} s ${fixed(m.firstWindowMaxMb, 1)} MB, max of the last ${fixed(m.windowS, 0)} s ${fixed(m.lastWindowMaxMb, 1)} MB, growth ${percent(m.growth)}, slope ${fixed(m.slopeMbPerMin, 1)} MB/min, peak ${fixed(m.peakMb, 1)} MB`,
    '',
    `zero errors (HTTP and socket)                   ${verdict(r.targetsMet.zeroErrors)}`,
    `p99 of reads and public pages < ${READ_P99_TARGET_MS} ms: ${ms(Math.max(r.classes[0]!.p99Ms, r.classes[1]!.p99Ms))} ms   ${verdict(r.targetsMet.readP99)}`,
    `p99 of writes < ${WRITE_P99_TARGET_MS} ms: ${ms(r.classes[2]!.p99Ms)} ms              ${verdict(r.targetsMet.writeP99)}`,
    `RSS growth after warm-up < ${percent(RSS_GROWTH_TARGET)}: ${percent(m.growth)}          ${verdict(r.targetsMet.memory)}`,
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = parseLoadOptions(process.argv.slice(2));
  const perEngineS = options.durationS + options.baselineS + 600;
  installCleanup(options.engines.length * perEngineS * 1_000);
  const started = new Date();
  const loadBefore = os.loadavg();
  const cpus = os.cpus();
  const header = [
    `Open IRM load bench, ${started.toISOString().replace(/\.\d+Z$/, 'Z')}${options.quick ? ' (QUICK smoke run)' : ''}`,
    `machine: ${cpus.length} cores (${cpus[0]?.model ?? 'unknown CPU'}), ${fixed(os.totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}; load average before: ${loadBefore.map((l) => fixed(l, 2)).join(' ')}`,
    `server: node bin/openirm.js start, demo data, LOG_LEVEL=warn; set for the bench: ${Object.entries(SERVER_SETTINGS).map(([k, v]) => `${k}=${v}`).join(', ')}` +
      ('MFA_REQUIRED_ROLES' in SERVER_SETTINGS ? ' (two-factor off for the bench accounts)' : ' (no two-factor setting in this version)'),
    `mix: ${MIX.map((m) => `${m.kind} ${m.weight}%`).join(', ')}; load generator: ${options.clientRate === undefined ? 'autocannon (closed loop)' : `paced clients with think times (mean ${fixed(1 / options.clientRate, 1)} s)`} in this process, on the same machine`,
  ].join('\n');
  process.stdout.write(`${header}\n`);
  const results: EngineResult[] = [];
  for (const engine of options.engines) {
    const r = await runEngine(engine, options);
    results.push(r);
    process.stdout.write(`\n${report(r)}\n`);
    await sleep(1_000);
  }
  const file = path.join(REPO_ROOT, options.resultsDir, `load-${started.toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ startedAt: started.toISOString(), options, loadBefore, serverSettings: SERVER_SETTINGS, mix: MIX, results }, null, 2)}\n`);
  process.stdout.write(`\nJSON result: ${path.relative(REPO_ROOT, file)}\n`);
  await cleanupAll();
}

try {
  await main();
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`bench:load: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`bench:load failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  }
  await cleanupAll();
}
