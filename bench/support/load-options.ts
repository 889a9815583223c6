/**
 * Options of `npm run bench:load`: run length, clients per engine, which engines. `--quick` is
 * a smoke run (30 s per engine); an explicit --duration still wins over it.
 */
import { UsageError } from './options.ts';

export type LoadEngine = 'pg' | 'pglite';

export interface LoadOptions {
  quick: boolean;
  /** Seconds of mixed load per engine (warm-up included). */
  durationS: number;
  /** Concurrent clients against PostgreSQL. */
  clients: number;
  /** Concurrent clients against the embedded engine. */
  embeddedClients: number;
  engines: LoadEngine[];
  /** Seconds of the bare-Fastify baseline at the same number of clients. */
  baselineS: number;
  /**
   * Requests per second each client sends at most, on average (autocannon's overallRate over all clients): a person who
   * reads between clicks. Unset: every client sends its next request as soon as the last is
   * answered, the machine's saturation point rather than a day's use.
   */
  clientRate: number | undefined;
  /** Where the JSON result goes (folder). */
  resultsDir: string;
}

export const LOAD_USAGE = 'Usage: npm run bench:load -- [--quick] [--duration S] [--clients N] [--embedded-clients N] [--engine pg|pglite|both] [--client-rate R]';

function numberArg(name: string, raw: string | undefined, min: number, max: number): number {
  const value = Number(raw);
  if (raw === undefined || !Number.isInteger(value) || value < min || value > max) throw new UsageError(`${name} ${raw ?? ''}: expected a whole number from ${min} to ${max}. ${LOAD_USAGE}`);
  return value;
}

export function parseLoadOptions(argv: string[]): LoadOptions {
  let quick = false;
  let durationS: number | undefined;
  let clients = 200;
  let embeddedClients = 20;
  let engine = 'both';
  let clientRate: number | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--quick') quick = true;
    else if (flag === '--duration') durationS = numberArg('--duration', value(), 10, 3_600);
    else if (flag === '--clients') clients = numberArg('--clients', value(), 1, 1_000);
    else if (flag === '--embedded-clients') embeddedClients = numberArg('--embedded-clients', value(), 1, 1_000);
    else if (flag === '--client-rate') {
      const raw = value();
      clientRate = Number(raw);
      if (raw === undefined || !Number.isFinite(clientRate) || clientRate < 0.01 || clientRate > 100) throw new UsageError(`--client-rate ${raw ?? ''}: expected requests per second per client, from 0.01 to 100. ${LOAD_USAGE}`);
    } else if (flag === '--engine') {
      engine = value() ?? '';
      if (!['pg', 'pglite', 'both'].includes(engine)) throw new UsageError(`--engine ${engine}: expected pg, pglite or both. ${LOAD_USAGE}`);
    } else throw new UsageError(`Unknown argument ${arg}. ${LOAD_USAGE}`);
  }
  const duration = durationS ?? (quick ? 30 : 300);
  return {
    quick,
    durationS: duration,
    clients,
    embeddedClients,
    engines: engine === 'both' ? ['pg', 'pglite'] : [engine as LoadEngine],
    baselineS: Math.min(30, Math.max(5, Math.round(duration / 10))),
    clientRate,
    resultsDir: '.bench-results',
  };
}
