/**
 * withSerialPlan turns PostgreSQL's parallel workers off for one read and for nothing after
 * it: the setting must not leak to the next request that gets the same pooled connection.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/query-rows.ts';
import { withSerialPlan } from '../src/db/serial-plan.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { TEST_ENGINE } from './engines.ts';

let testDb: TestDatabase;
const workers = async (db: Parameters<typeof queryRows>[0]) => (await queryRows<{ max_parallel_workers_per_gather: string }>(db, sql`show max_parallel_workers_per_gather`))[0]!.max_parallel_workers_per_gather;

beforeAll(async () => {
  testDb = await createTestDatabase();
});

afterAll(async () => {
  await testDb.dispose();
});

describe('withSerialPlan', () => {
  it('runs the read with no parallel workers, and leaves the setting as it was afterwards', async () => {
    const db = testDb.database.db;
    const before = await workers(db);
    expect(await withSerialPlan(db, (tx) => workers(tx))).toBe('0');
    // Every connection of the pool, not only the one that served the read.
    const after = await Promise.all(Array.from({ length: 4 }, () => workers(db)));
    expect(after).toEqual(after.map(() => before));
    // PGlite has no parallel workers: its default is already 0.
    if (TEST_ENGINE === 'postgres') expect(before).not.toBe('0');
  });

  it('gives back what the read returns, and its error', async () => {
    expect(await withSerialPlan(testDb.database.db, async () => 42)).toBe(42);
    await expect(withSerialPlan(testDb.database.db, async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
  });
});
