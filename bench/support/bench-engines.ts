/**
 * Runs a measurement on the embedded engine (in memory) and, when TEST_PG_URL is set, on a
 * PostgreSQL database made for the run and dropped afterwards. `exec` runs a script of several
 * statements (loading data), `query` one statement (the raw-SQL baselines).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.ts';

export type Exec = (sql: string) => Promise<unknown>;
export type Measure = (label: string, database: Database, exec: Exec, query: Exec, isPostgres: boolean) => Promise<string[]>;

export async function onEachEngine(prefix: string, measure: Measure, options: { postgresOnly?: boolean } = {}): Promise<string[]> {
  const out: string[] = [];
  if (!options.postgresOnly) {
    const database = await openDatabase({ engine: 'pglite' });
    try {
      out.push(...(await measure('PGlite (embedded, in memory)', database, (s) => database.pglite!.exec(s), (s) => database.pglite!.query(s), false)));
    } finally {
      await database.close();
    }
  }
  if (!process.env.TEST_PG_URL) return [...out, 'PostgreSQL: skipped (set TEST_PG_URL)'];
  const name = `openirm_bench_${prefix}_${process.pid}_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(process.env.TEST_PG_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ engine: 'postgres', url: url.toString() });
  try {
    out.push(...(await measure('PostgreSQL', database, (s) => database.pool!.query(s), (s) => database.pool!.query(s), true)));
  } finally {
    await database.close();
    await admin.query(`drop database ${name} with (force)`);
    await admin.end();
  }
  return out;
}
