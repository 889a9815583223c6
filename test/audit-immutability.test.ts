import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/query-rows.ts';
import { systemActor } from '../src/domain/accounts/roles.ts';
import { appendAudit } from '../src/db/repositories/audit.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
  await appendAudit(testDb.database.db, { actor: systemActor('test'), action: 'test.event', details: { n: 1 } });
});
afterAll(() => testDb.dispose());

async function count(): Promise<number> {
  const r = { rows: await queryRows<{ n: number }>(testDb.database.db, sql`select count(*)::int as n from audit_events`) };
  return Number(r.rows[0]!.n);
}

describe('the audit trail is append-only in the database itself', () => {
  it('accepts inserts', async () => {
    const before = await count();
    await appendAudit(testDb.database.db, { actor: systemActor('test'), action: 'test.event' });
    expect(await count()).toBe(before + 1);
  });

  it.each([
    ['UPDATE', sql`update audit_events set action = 'rewritten'`],
    ['DELETE', sql`delete from audit_events`],
    ['TRUNCATE', sql`truncate audit_events`],
  ])('refuses %s', async (operation, statement) => {
    const before = await count();
    await expect(testDb.database.db.execute(statement)).rejects.toThrow();
    expect(await count()).toBe(before);
    const rewritten = { rows: await queryRows<{ n: number }>(testDb.database.db, sql`select count(*)::int as n from audit_events where action = 'rewritten'`) };
    expect(Number(rewritten.rows[0]!.n), operation).toBe(0);
  });
});
