/**
 * How the benches start the servers they measure, each as its own process on 127.0.0.1:
 * the real `node bin/openirm.js start`, the bare Fastify baseline, and a bare `node -e`
 * HTTP server (the cost of starting a Node process at all).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configSchema } from '../../src/config.ts';
import { makeTempDir, spawnTracked, type Tracked } from './processes.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

let neutralCwd: string | undefined;

/** An empty working folder, so no openirm.config.json is picked up by the real server. */
function cwd(): string {
  neutralCwd ??= makeTempDir('cwd');
  return neutralCwd;
}

/**
 * The parent's environment without any Open IRM setting (a DATABASE_URL or CONFIG_FILE in
 * the shell must not redirect the bench), plus `extra`.
 */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of [...Object.keys(configSchema.shape), 'CONFIG_FILE']) delete env[key];
  return { ...env, ...extra };
}

/**
 * `node bin/openirm.js start` on `port` with `dataDir`, warn-level logs and the demo data; `extra` adds or overrides variables.
 * BENCH_SERVER_NODE_ARGS (space-separated) goes to that node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`
 * to profile the server under load (NODE_OPTIONS refuses --cpu-prof).
 */
export function startOpenIrm(name: string, port: number, dataDir: string, extra: Record<string, string> = {}): Tracked {
  const env = childEnv({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', OPENIRM_DEMO: 'true', NODE_ENV: 'development', ...extra });
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
  return spawnTracked(name, process.execPath, [...nodeArgs, path.join(REPO_ROOT, 'bin', 'openirm.js'), 'start'], { env, cwd: cwd() });
}

/** bench/bare-server.ts, through the same tsx loader the real server runs under. */
export function startBareFastify(name: string, port: number, bodyFile: string): Tracked {
  const env = childEnv({ PORT: String(port), BODY_FILE: bodyFile });
  return spawnTracked(name, process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'bench', 'bare-server.ts')], { env, cwd: REPO_ROOT });
}

const BARE_NODE_SCRIPT = "require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')";

/** `node -e` with a plain HTTP server answering 200 to every path. */
export function startBareNode(name: string, port: number): Tracked {
  return spawnTracked(name, process.execPath, ['-e', BARE_NODE_SCRIPT], { env: childEnv({ PORT: String(port) }), cwd: cwd() });
}
