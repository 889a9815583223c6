/**
 * The real server as a child process (`node bin/openirm.js start`), for fault tests that
 * must kill it: SIGKILL gives the process no chance to finish a transaction, close the
 * embedded database or remove its data-folder lock.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export interface ChildServer {
  url: string;
  pid: number;
  /** Everything the process wrote on stderr, for the failure message. */
  stderr(): string;
  /** SIGKILL, then waits until the process is reaped (so its pid is free and dead). */
  kill(): Promise<void>;
  /** SIGTERM: the server's own orderly shutdown. */
  stop(): Promise<void>;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts the server on the given data folder or database and resolves once /api/health
 * answers 200. Demo seeding is off: the test prepares its own data beforehand.
 */
export async function startChildServer(options: { dataDir: string; databaseUrl?: string; port: number; env?: Record<string, string> }): Promise<ChildServer> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(options.port),
    HOST: '127.0.0.1',
    DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl,
    OPENIRM_DEMO: 'false',
    LOG_LEVEL: 'error',
    // Sessions are opened straight in the database; no second factor to type in a test.
    MFA_REQUIRED_ROLES: 'none',
    ...options.env,
  };
  if (!options.databaseUrl) delete env.DATABASE_URL;
  const child = spawn(process.execPath, [path.resolve('bin/openirm.js'), 'start'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const url = `http://127.0.0.1:${options.port}`;
  const server: ChildServer = {
    url,
    pid: child.pid!,
    stderr: () => stderr,
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited (${child.exitCode ?? child.signalCode}) before answering: ${stderr}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status === 200) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await server.kill();
  throw new Error(`The server did not answer within 120 s: ${stderr}`);
}
