import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/domain/accounts/roles.ts';
import { BACKUP_TABLES, createBackup, listPublicTables, restoreBackup, TABLES_NOT_BACKED_UP } from '../src/db/backup.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { appendAudit } from '../src/db/repositories/audit.ts';
import { updateCohort } from '../src/server/use-cases/cycles.ts';
import { createBlankDatabase, createTestDatabase, type TestDatabase } from './db.ts';

let source: TestDatabase;
beforeAll(async () => {
  source = await createTestDatabase();
  // Some data of every kind beyond the seed: a cohort, audit rows with JSON details.
  await updateCohort({ db: source.database.db, actor: systemActor('test'), now: new Date() }, { cycleNumber: 2, year: 1, states: ['AUT', 'KEN'], version: 0 });
  await appendAudit(source.database.db, { actor: systemActor('test'), action: 'test.unicode', details: { text: 'Côte d’Ivoire — 中国 — العربية' } });
});
afterAll(() => source.dispose());

describe('backup and restore', () => {
  it('covers every table (a new table must be added to the backup or excluded on purpose)', async () => {
    const tables = await listPublicTables(source.database.db);
    expect([...tables].sort()).toEqual([...BACKUP_TABLES, ...TABLES_NOT_BACKED_UP].sort());
  });

  it('restores into an empty database the same data, and refuses a non-empty one', async () => {
    const backup = await createBackup(source.database.db, new Date());
    expect(backup.tables.users!.length).toBe(4);
    expect(backup.tables.provisions!.length).toBe(366);
    const serialised = JSON.parse(JSON.stringify(backup)) as unknown;

    const target = await createBlankDatabase();
    try {
      await runMigrations(target.database);
      const counts = await restoreBackup(target.database.db, serialised);
      expect(counts.parties).toBe(198);
      const again = await createBackup(target.database.db, new Date(backup.createdAt));
      expect(again.tables).toEqual(backup.tables);

      // New audit rows continue the sequence instead of colliding with restored ids.
      await appendAudit(target.database.db, { actor: systemActor('test'), action: 'after.restore' });

      await expect(restoreBackup(target.database.db, serialised)).rejects.toThrow(/not empty/);
    } finally {
      await target.dispose();
    }
  });

  it('rejects a file that is not a backup', async () => {
    await expect(restoreBackup(source.database.db, { hello: 'world' })).rejects.toThrow(/not an Open IRM backup/);
  });
});
