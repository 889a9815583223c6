/**
 * A fresh database for one test file, cloned from the template built in global-setup,
 * on the engine the suite runs on.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.ts';
import { databaseUrlFor, PG_TEMPLATE_DB, PGLITE_TEMPLATE_FILE, TEST_ENGINE, TEST_PG_URL } from './engines.ts';

export interface TestDatabase {
  database: Database;
  /** The connection URL on PostgreSQL; undefined on PGlite. */
  url?: string;
  dispose(): Promise<void>;
}

export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `openirm_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: databaseUrlFor(name),
    drop: async () => {
      const a = new pg.Client({ connectionString: TEST_PG_URL });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_ENGINE === 'postgres') {
    const name = `openirm_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    await admin.query(`create database ${name} template ${PG_TEMPLATE_DB}`);
    await admin.end();
    const url = databaseUrlFor(name);
    const database = await openDatabase({ engine: 'postgres', url, poolSize: 4 });
    return {
      database,
      url,
      dispose: async () => {
        await database.close();
        const a = new pg.Client({ connectionString: TEST_PG_URL });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  const dump = new Blob([readFileSync(PGLITE_TEMPLATE_FILE)]);
  const database = await openDatabase({ engine: 'pglite', loadDataDir: dump });
  return { database, dispose: () => database.close() };
}

/** An empty (not migrated) database of the suite's engine, for restore and migration tests. */
export async function createBlankDatabase(): Promise<TestDatabase> {
  if (TEST_ENGINE === 'postgres') {
    const created = await createEmptyPostgresDatabase();
    const database = await openDatabase({ engine: 'postgres', url: created.url, poolSize: 2 });
    return {
      database,
      url: created.url,
      dispose: async () => {
        await database.close();
        await created.drop();
      },
    };
  }
  const database = await openDatabase({ engine: 'pglite' });
  return { database, dispose: () => database.close() };
}
