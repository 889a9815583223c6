/**
 * @module query-rows
 * Raw SQL for the few places the query builder cannot express (backups, counts in tests).
 * Both drivers return `{ rows }`; this hides the cast in one place.
 */
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';

export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
