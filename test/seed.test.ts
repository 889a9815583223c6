import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createBackup } from '../src/db/backup.ts';
import { seedReferenceData } from '../src/db/seed.ts';
import { seedDemoData } from '../src/server/use-cases/seed-demo.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb.dispose());

describe('seed', () => {
  it('changes nothing when run again (reference data and demo accounts)', async () => {
    const before = await createBackup(testDb.database.db, new Date(0));
    expect((await seedReferenceData(testDb.database.db)).inserted).toEqual({});
    expect(await seedDemoData(testDb.database.db)).toBe(0);
    expect(await createBackup(testDb.database.db, new Date(0))).toEqual(before);
  });

  it('when the loaded version is unknown, inserts only what is missing and changes nothing else', async () => {
    await testDb.database.db.execute(sql`delete from system_settings`);
    const before = await createBackup(testDb.database.db, new Date(0));
    const result = await seedReferenceData(testDb.database.db);
    expect(Object.values(result.inserted).every((n) => n === 0)).toBe(true);
    const after = await createBackup(testDb.database.db, new Date(0));
    expect({ ...after.tables, system_settings: [] }).toEqual({ ...before.tables, system_settings: [] });
  });
});
