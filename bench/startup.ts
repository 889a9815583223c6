/**
 * Start-up time of `node bin/openirm.js start`, from spawn to the first 200 on /api/health
 * (polled every 50 ms), on an empty data folder (database creation, migrations, reference
 * and demo data) and on the folder that run left behind. Baseline in the same run: a bare
 * `node -e` HTTP server, the cost of starting a Node process and answering at all.
 * Each round runs the three cases in turn; the median over rounds is reported.
 */
import { performance } from 'node:perf_hooks';
import type { BenchOptions } from './support/options.ts';
import { freePort, makeTempDir, removeTempDir, waitFor200, type Tracked } from './support/processes.ts';
import { startBareNode, startOpenIrm } from './support/servers.ts';

export interface StartupResult {
  emptyMs: number[];
  existingMs: number[];
  bareNodeMs: number[];
  /** The data folder of the last round, initialised and closed cleanly, for the throughput bench. */
  dataDir: string;
}

async function timeStart(start: (port: number) => Tracked, options: BenchOptions): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const server = start(port);
  try {
    const t1 = await waitFor200(`http://127.0.0.1:${port}/api/health`, server, { intervalMs: options.pollMs, timeoutMs: options.startupTimeoutS * 1_000 });
    return t1 - t0;
  } finally {
    await server.stop();
  }
}

export async function benchStartup(options: BenchOptions, log: (line: string) => void): Promise<StartupResult> {
  const result: StartupResult = { emptyMs: [], existingMs: [], bareNodeMs: [], dataDir: '' };
  for (let round = 1; round <= options.startupRuns; round += 1) {
    const tag = `start-up ${round}/${options.startupRuns}`;
    const bare = await timeStart((port) => startBareNode('bare node -e server', port), options);
    result.bareNodeMs.push(bare);
    log(`${tag}: bare node -e ${Math.round(bare)} ms`);

    if (result.dataDir) removeTempDir(result.dataDir);
    result.dataDir = makeTempDir('data');
    const empty = await timeStart((port) => startOpenIrm('Open IRM (empty data folder)', port, result.dataDir), options);
    result.emptyMs.push(empty);
    log(`${tag}: empty data folder ${Math.round(empty)} ms`);

    const existing = await timeStart((port) => startOpenIrm('Open IRM (existing data folder)', port, result.dataDir), options);
    result.existingMs.push(existing);
    log(`${tag}: existing data folder ${Math.round(existing)} ms`);
  }
  return result;
}
