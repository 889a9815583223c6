/**
 * Child servers, temp folders, ports and health polling for the benches. Every child and
 * temp folder is registered here, so a failure, Ctrl+C or the watchdog still ends the
 * children and removes the folders.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();
let cleanupInstalled = false;

/** How long a child gets to exit after SIGTERM before it is killed. */
const STOP_GRACE_MS = 5_000;

export function makeTempDir(label: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `openirm-bench-${label}-`));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface Tracked {
  name: string;
  child: ChildProcess;
  pid: number;
  /** Resolves with the exit code (or the signal name) once the child has exited. */
  exited: Promise<number | string>;
  /** The last few kB of the child's stdout and stderr, for error messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after a grace period; resolves once the child is gone. */
  stop(): Promise<void>;
}

export function spawnTracked(name: string, command: string, args: string[], options: { env: NodeJS.ProcessEnv; cwd: string }): Tracked {
  const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
  children.add(child);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? signal ?? 'unknown');
    });
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const outcome = await Promise.race([exited, sleep(STOP_GRACE_MS, 'timeout' as const)]);
    if (outcome === 'timeout') {
      child.kill('SIGKILL');
      await exited;
    }
  };
  return { name, child, pid: child.pid, exited, output: () => tail.trim(), stop };
}

/** One GET; resolves with the status code, or 0 when the connection failed. */
function probe(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: 1_000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(0));
  });
}

/**
 * Polls `url` every `intervalMs` (each poll starts `intervalMs` after the previous one,
 * or right after it when it took longer) until it answers 200; resolves with
 * performance.now() at that answer. Fails when the child exits or `timeoutMs` passes.
 */
export async function waitFor200(url: string, target: Tracked, options: { intervalMs: number; timeoutMs: number }): Promise<number> {
  const deadline = performance.now() + options.timeoutMs;
  let exitedWith: number | string | undefined;
  void target.exited.then((code) => (exitedWith = code));
  for (;;) {
    const started = performance.now();
    if ((await probe(url)) === 200) return performance.now();
    if (exitedWith !== undefined) throw new Error(`${target.name} exited (${exitedWith}) before answering ${url}:\n${target.output()}`);
    if (performance.now() > deadline) throw new Error(`${target.name} did not answer 200 on ${url} within ${options.timeoutMs} ms:\n${target.output()}`);
    await sleep(Math.max(0, options.intervalMs - (performance.now() - started)));
  }
}

/** GET `url` fully; rejects on anything but 200. */
export function fetchBody(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, timeout: 10_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () => {
        if (response.statusCode === 200) resolve(Buffer.concat(chunks));
        else reject(new Error(`GET ${url} answered ${response.statusCode}`));
      });
      response.once('error', reject);
    });
    request.once('timeout', () => request.destroy(new Error(`GET ${url} timed out`)));
    request.once('error', reject);
  });
}

/** Stops every child still running (gracefully, then by force) and removes the temp folders. */
export async function cleanupAll(): Promise<void> {
  await Promise.all(
    [...children].map(async (child) => {
      child.kill('SIGTERM');
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      if ((await Promise.race([gone.then(() => 'gone' as const), sleep(STOP_GRACE_MS, 'timeout' as const)])) === 'timeout') child.kill('SIGKILL');
    }),
  );
  for (const dir of [...tempDirs]) removeTempDir(dir);
}

/** Last resort on process exit: nothing async can run there, so kill and remove at once. */
function cleanupSync(): void {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}

/**
 * Ctrl+C, SIGTERM, an uncaught error or the watchdog: clean up, then exit non-zero.
 * `watchdogMs` bounds the whole run.
 */
export function installCleanup(watchdogMs: number): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  let leaving = false;
  const leave = (message: string, code: number) => {
    if (leaving) return;
    leaving = true;
    process.stderr.write(`\nbench: ${message}; stopping the servers and removing temp folders\n`);
    void cleanupAll().finally(() => process.exit(code));
  };
  process.once('exit', cleanupSync);
  process.on('SIGINT', () => leave('interrupted', 130));
  process.on('SIGTERM', () => leave('terminated', 143));
  process.on('uncaughtException', (error) => leave(`failed: ${error.stack ?? error.message}`, 1));
  process.on('unhandledRejection', (reason) => leave(`failed: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`, 1));
  setTimeout(() => leave(`watchdog: the run took longer than ${Math.round(watchdogMs / 1000)} s`, 1), watchdogMs).unref();
}
