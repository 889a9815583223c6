/**
 * `npm run bench [-- --quick]`: start-up time, GET /api/parties throughput and server memory,
 * each next to its baseline in the same run, printed as plain-text tables on stdout
 * (progress goes to stderr). Targets are reported as PASS/MISS; they are measurements,
 * not assertions, so the exit code is 0 unless the bench itself fails. See bench/README.md.
 */
import os from 'node:os';
import { benchThroughput, ROUTE, type ServerLoadResult, type ThroughputResult } from './http-throughput.ts';
import { mb } from './memory.ts';
import { benchStartup, type StartupResult } from './startup.ts';
import { parseOptions, UsageError, watchdogMs, type BenchOptions } from './support/options.ts';
import { cleanupAll, installCleanup } from './support/processes.ts';
import { fixed, integer, median, percent, table } from './support/table.ts';

const THROUGHPUT_TARGET = 0.5;
const EMPTY_START_TARGET_MS = 20_000;
const EXISTING_START_TARGET_MS = 3_000;

const LOAD_BEFORE = os.loadavg();

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
const log = (line: string) => process.stderr.write(`${line}\n`);

function header(options: BenchOptions): string {
  const cpus = os.cpus();
  return [
    `Open IRM bench, ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `machine: ${cpus.length} cores (${cpus[0]?.model ?? 'unknown CPU'}), ${fixed(os.totalmem() / 2 ** 30, 1)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`,
    `load average before the run: ${LOAD_BEFORE.map((l) => fixed(l, 2)).join(' ')} (1/5/15 min; other busy processes make every number noisier)`,
    `settings: ${options.quick ? 'QUICK smoke run' : 'full run'}; ${options.connections} connections, ${options.warmupS} s warm-up + ${options.durationS} s load per server; ` +
      `${options.startupRuns} start-up round(s); health poll ${options.pollMs} ms; memory sample ${options.sampleMs} ms`,
  ].join('\n');
}

function throughputSection(t: ThroughputResult, options: BenchOptions): string {
  const row = (name: string, r: ServerLoadResult) => [
    name,
    integer(r.reqPerSec),
    fixed(r.p50Ms, 0),
    fixed(r.p99Ms, 0),
    integer(r.total2xx),
    integer(r.non2xx),
    integer(r.errors),
    `${fixed(r.serverCpuPct, 0)}%`,
    `${fixed(r.loaderCpuPct, 0)}%`,
  ];
  const lines = [
    `1. Throughput: GET ${ROUTE} (${integer(t.bodyBytes)}-byte JSON), ${options.connections} connections, ${options.durationS} s after ${options.warmupS} s warm-up`,
    table(
      ['server (own process)', 'req/s', 'p50 ms', 'p99 ms', '2xx', 'non-2xx', 'errors', 'server CPU', 'autocannon CPU'],
      [row('Open IRM: node bin/openirm.js start', t.real), row('baseline: bare Fastify, body in memory', t.bare)],
    ),
    `real / bare req/s: ${percent(t.ratio)}   target: real route >= ${percent(THROUGHPUT_TARGET)} of bare   ${verdict(t.ratio >= THROUGHPUT_TARGET)}`,
  ];
  for (const r of [t.real, t.bare]) {
    if (r.non2xx > 0 || r.errors > 0) lines.push(`warning: ${r.label} had ${r.non2xx} non-2xx answers and ${r.errors} errors (${r.timeouts} timeouts); its req/s is not comparable`);
  }
  return lines.join('\n');
}

function startupSection(s: StartupResult, options: BenchOptions): string {
  const bare = median(s.bareNodeMs);
  const row = (name: string, values: number[], targetMs?: number) => [
    name,
    integer(median(values)),
    integer(Math.min(...values)),
    integer(Math.max(...values)),
    `${fixed(median(values) / bare, 0)}x`,
    targetMs === undefined ? '-' : `< ${integer(targetMs)}`,
    targetMs === undefined ? '-' : verdict(median(values) < targetMs),
  ];
  return [
    `2. Start-up: spawn to first 200 on /api/health (polled every ${options.pollMs} ms), median of ${options.startupRuns} run(s)`,
    table(
      ['case', 'median ms', 'min ms', 'max ms', 'x bare', 'target ms', 'result'],
      [
        row('Open IRM, empty data folder (create db, migrate, seed, demo)', s.emptyMs, EMPTY_START_TARGET_MS),
        row('Open IRM, existing data folder', s.existingMs, EXISTING_START_TARGET_MS),
        row('baseline: bare `node -e` HTTP server', s.bareNodeMs),
      ],
    ),
  ].join('\n');
}

function memorySection(t: ThroughputResult, options: BenchOptions): string {
  const row = (name: string, r: ServerLoadResult) => [name, fixed(mb(r.idleRssKb)), fixed(mb(r.startupPeakKb)), fixed(mb(r.loadPeakKb)), fixed(mb(r.loadMaxSampledRssKb))];
  return [
    `3. Memory of the server process, MB (/proc/<pid>/status, sampled every ${options.sampleMs} ms)`,
    table(
      ['server', 'idle RSS', 'start-up peak (VmHWM)', 'peak under load (VmHWM)', 'max sampled RSS under load'],
      [row('Open IRM: node bin/openirm.js start', t.real), row('baseline: bare Fastify, body in memory', t.bare)],
    ),
    `real / bare: idle RSS ${fixed(t.real.idleRssKb / t.bare.idleRssKb)}x, peak under load ${fixed(t.real.loadPeakKb / t.bare.loadPeakKb)}x`,
  ].join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  installCleanup(watchdogMs(options));
  log(header(options));

  const startup = await benchStartup(options, log);
  const throughput = await benchThroughput(options, startup.dataDir, log);
  await cleanupAll();

  process.stdout.write(
    ['', header(options), '', throughputSection(throughput, options), '', startupSection(startup, options), '', memorySection(throughput, options), ''].join('\n'),
  );
}

try {
  await main();
  process.exit(0);
} catch (error) {
  log(`bench: ${error instanceof UsageError ? error.message : `failed: ${(error as Error).stack ?? String(error)}`}`);
  await cleanupAll();
  process.exit(1);
}
