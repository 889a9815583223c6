/**
 * Throughput of GET /api/parties on the real server (`node bin/openirm.js start`), next to
 * a baseline: a bare Fastify server answering the same JSON body from memory. Each server
 * runs as its own process, one after the other; autocannon runs here, in the bench process,
 * so on a 2-core machine the load generator and the server's event loop each get a core.
 * The server's memory is sampled all along (see memory.ts).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { cpuSeconds, MemorySampler } from './memory.ts';
import type { BenchOptions } from './support/options.ts';
import { fetchBody, freePort, makeTempDir, waitFor200, type Tracked } from './support/processes.ts';
import { startBareFastify, startOpenIrm } from './support/servers.ts';

export const ROUTE = '/api/parties';

export interface ServerLoadResult {
  label: string;
  /** Requests per second (autocannon's mean of its per-second counts). */
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  total2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** CPU used by the server process during the measured load, as % of one core. */
  serverCpuPct: number;
  /** CPU used by the bench process (autocannon) during the measured load, as % of one core. */
  loaderCpuPct: number;
  /** VmRSS after start-up and `idleS` seconds without traffic. */
  idleRssKb: number;
  /** VmHWM at that point: the peak of start-up. */
  startupPeakKb: number;
  /** Peak RSS during the measured load: VmHWM reset just before it (or the sampled max if the reset failed). */
  loadPeakKb: number;
  /** Highest VmRSS among the samples during the measured load. */
  loadMaxSampledRssKb: number;
}

export interface ThroughputResult {
  bodyBytes: number;
  real: ServerLoadResult;
  bare: ServerLoadResult;
  /** real.reqPerSec / bare.reqPerSec */
  ratio: number;
}

function load(url: string, options: BenchOptions, durationS: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: options.connections, duration: durationS, timeout: 10 });
}

/**
 * Idle memory, warm-up, then the measured load against one started server; stops it at the end.
 * `afterIdle` runs once the idle reading is taken (the real server's body is fetched there).
 */
async function measure(label: string, server: Tracked, port: number, options: BenchOptions, log: (line: string) => void, afterIdle?: (base: string) => Promise<void>): Promise<ServerLoadResult> {
  const base = `http://127.0.0.1:${port}`;
  const sampler = new MemorySampler(server.pid, options.sampleMs);
  try {
    await waitFor200(`${base}/api/health`, server, { intervalMs: options.pollMs, timeoutMs: options.startupTimeoutS * 1_000 });
    sampler.start();
    await sleep(options.idleS * 1_000);
    const idle = sampler.now();
    await afterIdle?.(base);

    if (options.warmupS > 0) {
      log(`  ${label}: warm-up ${options.warmupS} s`);
      await load(base + ROUTE, options, options.warmupS);
    }

    log(`  ${label}: ${options.connections} connections for ${options.durationS} s`);
    sampler.resetPeak();
    const serverCpu0 = cpuSeconds(server.pid);
    const loaderCpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = await load(base + ROUTE, options, options.durationS);
    const wallS = (performance.now() - t0) / 1_000;
    const serverCpuS = cpuSeconds(server.pid) - serverCpu0;
    const loaderCpu = process.cpuUsage(loaderCpu0);
    const after = sampler.now();

    return {
      label,
      reqPerSec: result.requests.average,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      total2xx: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      serverCpuPct: (serverCpuS / wallS) * 100,
      loaderCpuPct: ((loaderCpu.user + loaderCpu.system) / 1e6 / wallS) * 100,
      idleRssKb: idle.rssKb,
      startupPeakKb: idle.hwmKb,
      loadPeakKb: sampler.resetWorked ? after.hwmKb : sampler.maxSampledRssKb,
      loadMaxSampledRssKb: sampler.maxSampledRssKb,
    };
  } finally {
    sampler.stop();
    await server.stop();
  }
}

/** `dataDir` is a data folder the real server has already initialised (see startup.ts). */
export async function benchThroughput(options: BenchOptions, dataDir: string, log: (line: string) => void): Promise<ThroughputResult> {
  const bodyFile = path.join(makeTempDir('body'), 'parties.json');
  let bodyBytes = 0;

  log(`throughput: real server (node bin/openirm.js start), GET ${ROUTE}`);
  const realPort = await freePort();
  const real = await measure('Open IRM', startOpenIrm('Open IRM server', realPort, dataDir), realPort, options, log, async (base) => {
    const body = await fetchBody(base + ROUTE);
    bodyBytes = body.length;
    writeFileSync(bodyFile, body);
  });

  log(`throughput: bare Fastify baseline, same ${bodyBytes}-byte body from memory`);
  const barePort = await freePort();
  const bare = await measure('bare Fastify', startBareFastify('bare Fastify server', barePort, bodyFile), barePort, options, log);

  return { bodyBytes, real, bare, ratio: real.reqPerSec / bare.reqPerSec };
}
