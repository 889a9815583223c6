/**
 * @module client
 * One connection factory for both engines: PGlite (PostgreSQL compiled to WebAssembly,
 * embedded in a data folder) when no DATABASE_URL is set, node-postgres otherwise.
 * Everything above this file sees the same Drizzle database type.
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction has the same query API as the database; repositories accept either. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];
export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  /** Round trip to the engine; rejects when it is unreachable. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
  /** The underlying client, for migrations, backups and tests. */
  pglite?: PGlite;
  pool?: pg.Pool;
}

export type DatabaseOptions =
  | {
      engine: 'postgres';
      url: string;
      poolSize?: number;
      /** How long a request waits for a connection before failing (then answered 503). */
      connectTimeoutMs?: number;
      /** Server-side statement_timeout: no single statement runs longer. */
      statementTimeoutMs?: number;
    }
  /** dataDir undefined = in memory; loadDataDir clones a dumped instance (fast test setup). */
  | { engine: 'pglite'; dataDir?: string; loadDataDir?: Blob | File };

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A pool that survives the server going away. node-postgres leaves two gaps that a database
 * restart falls into: a checked-out client whose connection dies emits 'error' with no
 * listener (which kills Node), and a client whose BEGIN fails is never released by Drizzle
 * (the pool would shrink by one for good at each restart). So every client gets a permanent
 * error listener, and a checked-out client whose connection ends is released (and thereby
 * dropped) at once; the caller's later release becomes a no-op.
 */
function createResilientPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  const checkedOut = new WeakSet<pg.PoolClient>();
  // An idle client that loses its server emits 'error' on the pool; without a listener Node exits.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    client.on('end', () => {
      if (!checkedOut.has(client)) return;
      checkedOut.delete(client);
      const release = client.release.bind(client);
      client.release = () => undefined;
      release(new Error('connection to PostgreSQL lost'));
    });
  });
  pool.on('acquire', (client) => checkedOut.add(client));
  pool.on('release', (_error, client) => checkedOut.delete(client));
  return pool;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.engine === 'postgres') {
    // Every session runs in UTC so timestamps never depend on the server's zone.
    const pool = createResilientPool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      // JIT off: the planner's row estimates for set-returning functions (jsonb arrays) push
      // small analytics queries over its cost threshold, and compiling then takes longer than
      // the query itself (measured: 634 ms of JIT for a 250-ms breakdown; docs/ANALYTICS.md).
      options: '-c TimeZone=UTC -c jit=off',
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    await withTimeout(pool.query('select 1'), 6_000, 'PostgreSQL');
    return {
      db,
      engine: 'postgres',
      pool,
      ping: async (timeoutMs = 2_000) => {
        await withTimeout(pool.query('select 1'), timeoutMs, 'PostgreSQL');
      },
      close: () => pool.end(),
    };
  }
  // pg_trgm (trigram similarity of State names in the search, docs/ANALYTICS.md) is not built
  // into PGlite: its bundle must be loaded here so that the migration's CREATE EXTENSION finds
  // it, on a new data folder, a reopened one and a cloned test template alike.
  const extensions = { pg_trgm };
  const client = await PGlite.create(options.dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir, extensions } : { extensions });
  await client.exec(`SET TimeZone = 'UTC'`);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    pglite: client,
    ping: async (timeoutMs = 2_000) => {
      await withTimeout(db.execute(sql`select 1`), timeoutMs, 'Embedded database');
    },
    close: () => client.close(),
  };
}
