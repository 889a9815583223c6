/**
 * Bench settings: `--quick` picks short defaults for a ~30 s smoke run; each BENCH_* variable
 * overrides either set of defaults.
 */

export interface BenchOptions {
  quick: boolean;
  /** Concurrent autocannon connections. */
  connections: number;
  /** Seconds of measured load per server. */
  durationS: number;
  /** Seconds of unmeasured load per server before the measured run. */
  warmupS: number;
  /** Seconds a started server idles before its idle RSS is read. */
  idleS: number;
  /** Start-ups timed per case (the median is reported). */
  startupRuns: number;
  /** Longest wait for a server's first 200. */
  startupTimeoutS: number;
  /** Health poll interval. */
  pollMs: number;
  /** Memory sampling interval. */
  sampleMs: number;
}

const DEFAULTS: Record<'full' | 'quick', Omit<BenchOptions, 'quick'>> = {
  full: { connections: 50, durationS: 10, warmupS: 3, idleS: 2, startupRuns: 3, startupTimeoutS: 60, pollMs: 50, sampleMs: 100 },
  quick: { connections: 50, durationS: 4, warmupS: 1, idleS: 1, startupRuns: 1, startupTimeoutS: 60, pollMs: 50, sampleMs: 100 },
};

/** A bad argument or BENCH_* value: reported in one line, without a stack. */
export class UsageError extends Error {}

function numberFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new UsageError(`${name}=${raw}: expected a number from ${min} to ${max}`);
  return value;
}

export function parseOptions(argv: string[]): BenchOptions {
  const unknown = argv.filter((arg) => arg !== '--quick');
  if (unknown.length > 0) throw new UsageError(`Unknown argument(s): ${unknown.join(' ')}. Usage: npm run bench [-- --quick]`);
  const quick = argv.includes('--quick') || process.env.BENCH_QUICK === '1';
  const d = DEFAULTS[quick ? 'quick' : 'full'];
  return {
    quick,
    connections: Math.round(numberFromEnv('BENCH_CONNECTIONS', d.connections, 1, 1_000)),
    durationS: numberFromEnv('BENCH_DURATION_S', d.durationS, 1, 300),
    warmupS: numberFromEnv('BENCH_WARMUP_S', d.warmupS, 0, 60),
    idleS: numberFromEnv('BENCH_IDLE_S', d.idleS, 0, 60),
    startupRuns: Math.round(numberFromEnv('BENCH_STARTUP_RUNS', d.startupRuns, 1, 20)),
    startupTimeoutS: numberFromEnv('BENCH_STARTUP_TIMEOUT_S', d.startupTimeoutS, 5, 600),
    pollMs: d.pollMs,
    sampleMs: d.sampleMs,
  };
}

/** An upper bound for the whole run, for the watchdog: every wait at its longest, plus slack. */
export function watchdogMs(o: BenchOptions): number {
  const startups = (3 * o.startupRuns + 2) * (o.startupTimeoutS + 10);
  const loads = 2 * (o.idleS + o.warmupS + o.durationS + 15);
  return (startups + loads + 60) * 1_000;
}
