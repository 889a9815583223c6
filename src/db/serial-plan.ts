/**
 * @module serial-plan
 * Runs a read with PostgreSQL's parallel workers off, in a transaction of its own (SET LOCAL
 * ends with it). For the analytics statements over tens of thousands of rows, the parallel
 * plans measured slower on the 2-core servers this runs on: every worker built the same hash
 * of the reviews, and starting workers and gathering their rows cost more than they saved
 * (at 100× scale, bench:search's data: the search statement 160 → 72 ms; bench:analytics' data:
 * the progress counts 80 → 61 ms in psql, 88 → 42 ms through the driver); under load the workers
 * would also take the cores other requests need. PGlite has no parallel workers; the setting
 * is accepted and changes nothing there.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';

export async function withSerialPlan<T>(db: DbOrTx, read: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return read(tx);
  });
}
