/**
 * `openirm migrate | seed | backup <file> | restore <file>`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { systemActor } from '../../domain/accounts/roles.ts';
import { DomainError } from '../../domain/errors.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { createBackup, restoreBackup } from '../../db/backup.ts';
import { seedReferenceData } from '../../db/seed.ts';
import { openConfiguredDatabase } from '../../server/runtime.ts';
import { seedDemoData } from '../../server/use-cases/seed-demo.ts';
import { seedDemoReviews } from '../../server/use-cases/demo-reviews.ts';
import type { DbOptions, RegisterCommands } from './shared.ts';

export const registerDataCommands: RegisterCommands = (program, kit) => {
  program
    .command('migrate')
    .description('apply database migrations')
    .addOption(kit.dataDirOption())
    .addOption(kit.databaseUrlOption())
    .action(async (options: DbOptions) => {
      try {
        const opened = await openConfiguredDatabase(kit.configFrom(options), 'migrate');
        await opened.close();
        process.stdout.write('Migrations applied.\n');
      } catch (error) {
        kit.fail(error);
      }
    });

  program
    .command('seed')
    .description('load reference data (and demo accounts unless --no-demo or production); safe to run again')
    .addOption(kit.dataDirOption())
    .addOption(kit.databaseUrlOption())
    .option('--no-demo', 'do not create the fictitious demo accounts')
    .action(async (options: DbOptions & { demo?: boolean }) => {
      try {
        const config = kit.configFrom(options);
        const opened = await openConfiguredDatabase(config, 'seed');
        try {
          const { inserted } = await seedReferenceData(opened.database.db);
          const demo = config.isDemoEnabled ? await seedDemoData(opened.database.db) : 0;
          if (config.isDemoEnabled) await seedDemoReviews(opened.database.db, new Date());
          const total = Object.values(inserted).reduce((a, b) => a + b, 0);
          process.stdout.write(`Reference data: ${total === 0 ? 'already loaded' : `${total} rows added`}. Demo accounts added: ${demo}.\n`);
        } finally {
          await opened.close();
        }
      } catch (error) {
        kit.fail(error);
      }
    });

  program
    .command('backup <file>')
    .description('write a complete logical backup (gzipped JSON) of the database')
    .addOption(kit.dataDirOption())
    .addOption(kit.databaseUrlOption())
    .action(async (file: string, options: DbOptions) => {
      try {
        const opened = await openConfiguredDatabase(kit.configFrom(options), 'backup');
        try {
          const backup = await createBackup(opened.database.db, new Date());
          writeFileSync(file, gzipSync(JSON.stringify(backup)));
          await appendAudit(opened.database.db, { actor: systemActor('cli'), action: 'database.backup', details: { file } });
          const rows = Object.values(backup.tables).reduce((a, t) => a + t.length, 0);
          process.stdout.write(`Backup written to ${file} (${rows} rows).\n`);
        } finally {
          await opened.close();
        }
      } catch (error) {
        kit.fail(error);
      }
    });

  program
    .command('restore <file>')
    .description('restore a backup into an empty database (a new DATA_DIR or an empty PostgreSQL database)')
    .addOption(kit.dataDirOption())
    .addOption(kit.databaseUrlOption())
    .action(async (file: string, options: DbOptions) => {
      try {
        let parsed: unknown;
        try {
          parsed = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
        } catch (error) {
          throw new DomainError('backup.invalid', `Cannot read ${file} as an Open IRM backup: ${(error as Error).message}`);
        }
        const opened = await openConfiguredDatabase(kit.configFrom(options), 'restore');
        try {
          const counts = await restoreBackup(opened.database.db, parsed);
          await appendAudit(opened.database.db, { actor: systemActor('cli'), action: 'database.restore', details: { file, counts } });
          process.stdout.write(`Restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows from ${file}.\n`);
        } finally {
          await opened.close();
        }
      } catch (error) {
        kit.fail(error);
      }
    });
};
