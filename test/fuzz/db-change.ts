/**
 * Has the database changed? A whole-table checksum after every fuzzed request is too slow,
 * so the fuzz test uses a cheap fingerprint: per table, the row count and a sum of hashes
 * over each row version's physical position and creating transaction (ctid, xmin). Any
 * insert, update or delete creates or removes a row version, so it moves one of the two;
 * a read moves neither. A full content checksum confirms the fingerprint on a sample.
 */
import type { Database } from '../../src/db/client.ts';

export async function query<T = Record<string, unknown>>(database: Database, text: string): Promise<T[]> {
  if (database.pglite) return (await database.pglite.query<T>(text)).rows;
  if (database.pool) return (await database.pool.query(text)).rows as T[];
  throw new Error('No database client');
}

export async function userTables(database: Database): Promise<string[]> {
  const rows = await query<{ name: string }>(database, `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  return rows.map((row) => row.name);
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** table → "count:hash" of row versions; one round trip. */
export async function fingerprint(database: Database, tables: string[]): Promise<Map<string, string>> {
  const text = tables
    .map((t) => `select '${t}' as t, count(*)::text || ':' || coalesce(sum(hashtext(ctid::text || '/' || xmin::text)::bigint), 0)::text as f from ${quote(t)}`)
    .join(' union all ');
  const rows = await query<{ t: string; f: string }>(database, text);
  return new Map(rows.map((row) => [row.t, row.f]));
}

/** table → md5 over every row's content, in a stable order. Slow; for sampling. */
export async function fullChecksum(database: Database, tables: string[]): Promise<Map<string, string>> {
  const text = tables
    .map((t) => `select '${t}' as t, md5(coalesce(string_agg(x::text, E'\\n' order by x::text), '')) as f from ${quote(t)} x`)
    .join(' union all ');
  const rows = await query<{ t: string; f: string }>(database, text);
  return new Map(rows.map((row) => [row.t, row.f]));
}

/** The tables whose fingerprint differs between two snapshots. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t));
}
