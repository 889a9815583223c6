/**
 * Builds one migrated and seeded database (reference data + demo accounts) before the
 * integration tests; every test file then clones it, which costs well under a second
 * instead of a full initdb + migrate + seed each time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { seedReferenceData } from '../src/db/seed.ts';
import { seedDemoData } from '../src/server/use-cases/seed-demo.ts';
import { databaseUrlFor, PG_TEMPLATE_DB, PGLITE_TEMPLATE_FILE, TEST_ENGINE, TEST_PG_URL, TMP_DIR } from './engines.ts';

const FIXED_NOW = new Date('2026-01-15T09:00:00Z');

async function preparePostgresTemplate(): Promise<void> {
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`TEST_DB_ENGINE=postgres but no PostgreSQL at ${TEST_PG_URL}: ${(error as Error).message}`);
  }
  // Leftovers of an interrupted run would block template cloning.
  const leftovers = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'openirm_test_%'`);
  for (const { datname } of leftovers.rows) await admin.query(`drop database if exists "${datname}" with (force)`);
  await admin.query(`create database ${PG_TEMPLATE_DB}`);
  await admin.end();
  const database = await openDatabase({ engine: 'postgres', url: databaseUrlFor(PG_TEMPLATE_DB), poolSize: 2 });
  await runMigrations(database);
  await seedReferenceData(database.db);
  await seedDemoData(database.db, FIXED_NOW);
  await database.close();
}

async function preparePgliteTemplate(): Promise<void> {
  const database = await openDatabase({ engine: 'pglite' });
  await runMigrations(database);
  await seedReferenceData(database.db);
  await seedDemoData(database.db, FIXED_NOW);
  const dump = await database.pglite!.dumpDataDir('none');
  writeFileSync(PGLITE_TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}

export default async function setup(): Promise<() => Promise<void>> {
  mkdirSync(TMP_DIR, { recursive: true });
  if (TEST_ENGINE === 'postgres') await preparePostgresTemplate();
  else await preparePgliteTemplate();
  return async () => {
    if (TEST_ENGINE !== 'postgres') return;
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    const all = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'openirm_test_%'`);
    for (const { datname } of all.rows) await admin.query(`drop database if exists "${datname}" with (force)`);
    await admin.end();
  };
}
