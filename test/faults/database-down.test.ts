/**
 * The database goes away and comes back. A private PostgreSQL cluster (never the shared
 * server on 5432) is created in the test, the real server runs against it as a child
 * process, and the cluster is stopped and restarted under it: the API must answer 503
 * problem+json quickly, /api/health must say why, the process must not crash, and it must
 * recover by itself once the database is back. Runs in the PostgreSQL pass of the suite.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/client.ts';
import { queryRows } from '../../src/db/query-rows.ts';
import { isDatabaseUnavailable } from '../../src/server/plugins/errors.ts';
import { TEST_ENGINE } from '../engines.ts';

const run = promisify(execFile);

/** The newest installed PostgreSQL server binaries (Debian layout), if any. */
function postgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

const BIN = postgresBinaries();
const skipReason =
  TEST_ENGINE !== 'postgres' ? 'runs in the PostgreSQL pass (TEST_DB_ENGINE=postgres)' : !BIN ? 'no PostgreSQL server binaries in /usr/lib/postgresql/*/bin' : undefined;
if (skipReason) console.warn(`database-down: skipped, ${skipReason}`);

/** PostgreSQL refuses to run as root: as root, its commands run as the postgres account. */
const asOwner = (command: string, args: string[]) => (process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let clusterDir: string;
let pgPort: number;
let databaseUrl: string;
let server: ChildProcess | undefined;
let serverUrl: string;
let stderr = '';

const pgCtl = (action: 'start' | 'stop') =>
  action === 'start'
    ? asOwner(path.join(BIN!, 'pg_ctl'), ['-D', path.join(clusterDir, 'data'), '-l', path.join(clusterDir, 'log'), '-o', `-p ${pgPort} -k ${clusterDir} -c listen_addresses=127.0.0.1`, '-w', 'start'])
    : asOwner(path.join(BIN!, 'pg_ctl'), ['-D', path.join(clusterDir, 'data'), '-m', 'fast', '-w', 'stop']);

const isAlive = () => server !== undefined && server.exitCode === null && server.signalCode === null;

async function timed<T>(action: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await action();
  return { value, ms: performance.now() - started };
}

const login = () =>
  fetch(`${serverUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'focal.point@demo.test', password: 'open-irm-demo' }) });

beforeAll(async () => {
  if (skipReason) return;
  clusterDir = mkdtempSync('/tmp/openirm-db-down-');
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(clusterDir, Number(stdout.trim()), Number(gid.trim()));
  }
  await asOwner(path.join(BIN!, 'initdb'), ['-D', path.join(clusterDir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  pgPort = await freePort();
  await pgCtl('start');
  databaseUrl = `postgres://postgres@127.0.0.1:${pgPort}/postgres`;

  const port = await freePort();
  serverUrl = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [path.resolve('bin/openirm.js'), 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      DATA_DIR: path.join(clusterDir, 'app'),
      NODE_ENV: 'development',
      OPENIRM_DEMO: 'true',
      LOG_LEVEL: 'error',
      MFA_REQUIRED_ROLES: 'none',
      DATABASE_CONNECT_TIMEOUT_MS: '2000',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const deadline = Date.now() + 110_000;
  for (;;) {
    if (!isAlive()) throw new Error(`The server exited before answering: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`The server did not answer within 110 s: ${stderr}`);
    const health = await fetch(`${serverUrl}/api/health`).catch(() => undefined);
    if (health?.status === 200) break;
    await sleep(200);
  }
}, 120_000);

afterAll(async () => {
  if (skipReason) return;
  if (isAlive()) {
    server!.kill('SIGTERM');
    await new Promise((resolve) => server!.once('exit', resolve));
  }
  await pgCtl('stop').catch(() => undefined);
  rmSync(clusterDir, { recursive: true, force: true });
});

describe.skipIf(skipReason !== undefined)('PostgreSQL stopped and restarted under a running server', () => {
  it('answers 503 while the database is down and recovers by itself when it is back', async () => {
    const signedIn = await login();
    expect(signedIn.status, stderr).toBe(200);
    // Signed in, every request looks its session up in the database (the public tracker alone
    // is served from a few seconds' cache, which is fine while the database is away).
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
    const read = () => fetch(`${serverUrl}/api/reviews`, { headers: { cookie } });

    // Requests in flight while the cluster shuts down: each gets an answer, none kills the process.
    const inFlight = Array.from({ length: 12 }, (_, i) => (i % 2 ? login() : read()).then((r) => r.status).catch(() => 0));
    const stopped = await timed(() => pgCtl('stop'));
    const duringShutdown = await Promise.all(inFlight);
    for (const status of duringShutdown) expect([200, 201, 401, 503]).toContain(status);

    // An API read and an API write while it is down: 503 problem+json with Retry-After.
    const readDown = await timed(read);
    expect(readDown.value.status).toBe(503);
    expect(readDown.value.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(readDown.value.headers.get('retry-after')).toMatch(/^\d+$/);
    const readBody = (await readDown.value.json()) as { code: string; title: string; detail: string; status: number };
    expect(readBody).toMatchObject({ code: 'database.unavailable', status: 503, title: 'Database unavailable' });
    expect(readBody.detail).not.toMatch(/\n\s+at |ECONNREFUSED/);

    const write = await timed(() => login());
    expect(write.value.status).toBe(503);
    expect(((await write.value.json()) as { code: string }).code).toBe('database.unavailable');
    // Generous bound (the timeout setting is 2 s): "quickly" means no hanging request.
    expect(Math.max(readDown.ms, write.ms)).toBeLessThan(10_000);

    const health = await fetch(`${serverUrl}/api/health`);
    expect(health.status).toBe(503);
    const healthBody = (await health.json()) as { status: string; database: { engine: string; status: string; reason?: string } };
    expect(healthBody.status).toBe('unavailable');
    expect(healthBody.database).toMatchObject({ engine: 'postgres', status: 'down' });
    expect(healthBody.database.reason).toMatch(/\S/);

    // Several more rounds while down: the process keeps answering.
    for (let i = 0; i < 5; i += 1) expect((await read()).status).toBe(503);
    expect(isAlive(), stderr).toBe(true);

    // Back up: the same process recovers without a restart.
    await pgCtl('start');
    const cameBack = performance.now();
    let recoveredMs = -1;
    while (performance.now() - cameBack < 60_000) {
      const response = await fetch(`${serverUrl}/api/health`).catch(() => undefined);
      if (response?.status === 200) {
        recoveredMs = performance.now() - cameBack;
        break;
      }
      await sleep(50);
    }
    expect(recoveredMs, `no recovery: ${stderr}`).toBeGreaterThanOrEqual(0);

    // A write goes through (a sign-in stores a session row) and a read sees the data again.
    const before = await countSessions();
    // Every pooled connection is used at once: none of them is a dead one left from the outage.
    const afterwards = await Promise.all(Array.from({ length: 12 }, () => login()));
    expect(afterwards.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(await countSessions()).toBe(before + 12);
    expect((await read()).status).toBe(200);
    expect(isAlive(), stderr).toBe(true);

    console.info(
      `database-down: pg_ctl stop took ${Math.round(stopped.ms)} ms; while down a read answered 503 in ${Math.round(readDown.ms)} ms, a write in ${Math.round(write.ms)} ms; ` +
        `health 200 again ${Math.round(recoveredMs)} ms after PostgreSQL was back`,
    );
  });
});

describe.skipIf(skipReason !== undefined)('the connection pool across a restart', () => {
  it('fails a transaction left open by the shutdown as "database unavailable", without crashing, and keeps no dead client', async () => {
    const database = await openDatabase({ engine: 'postgres', url: databaseUrl, poolSize: 2, connectTimeoutMs: 2_000 });
    try {
      let shutdownDone!: () => void;
      const afterShutdown = new Promise<void>((resolve) => (shutdownDone = resolve));
      // Checked out and idle in a transaction when PostgreSQL terminates it: node-postgres emits
      // 'error' on that client, which kills the process unless someone listens.
      const open = database.db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        await afterShutdown;
        await tx.execute(sql`select 1`);
      });
      const outcome = open.then(
        () => undefined,
        (error: unknown) => error,
      );
      await sleep(100);
      await pgCtl('stop');
      await sleep(200);
      shutdownDone();
      const error = await outcome;
      expect(error, 'the transaction should have failed').toBeDefined();
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);

      await pgCtl('start');
      // Every client the pool hands out now is a live one: the dead one was dropped.
      const results = await Promise.all(Array.from({ length: 4 }, () => database.db.transaction(async (tx) => queryRows<{ one: number }>(tx, sql`select 1 as one`))));
      expect(results.map((rows) => rows[0]!.one)).toEqual([1, 1, 1, 1]);
    } finally {
      await database.close();
    }
  });
});

async function countSessions(): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from sessions');
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}
