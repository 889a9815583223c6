/**
 * @module runtime
 * Opens the configured database for the server or a CLI command, turning every way this
 * can fail into one plain sentence for the operator.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { acquireDataDirLock } from '../db/data-dir-lock.ts';
import { runMigrations } from '../db/migrate.ts';

export class StartupError extends Error {}

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the DATABASE_URL';
  }
}

/**
 * Creates the folder and really writes a file into it: a permission check alone says yes to
 * root on a read-only disk, and no check at all would only fail at the first upload.
 */
function ensureWritableDir(dir: string): void {
  const probe = path.join(dir, `.write-test-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, 'ok');
    rmSync(probe, { force: true });
  } catch (error) {
    throw new StartupError(`The data folder ${dir} cannot be created or written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Set DATA_DIR to a writable folder.`);
  }
}

/** With FILE_STORE=local, uploads go to DATA_DIR/files: refuse to start rather than fail at the first upload. */
export function ensureFileStoreWritable(config: Config): void {
  if (config.FILE_STORE === 'local') ensureWritableDir(path.join(config.dataDir, 'files'));
}

export interface OpenedDatabase {
  database: Database;
  /** Closes the database and releases the data-folder lock. */
  close(): Promise<void>;
}

export async function openConfiguredDatabase(config: Config, purpose: string, options: { migrate?: boolean } = {}): Promise<OpenedDatabase> {
  let release: () => void = () => undefined;
  let database: Database;
  if (config.DATABASE_URL) {
    try {
      database = await openDatabase({ engine: 'postgres', url: config.DATABASE_URL, connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS, statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS });
    } catch (error) {
      throw new StartupError(`Cannot connect to PostgreSQL at ${describeUrl(config.DATABASE_URL)}: ${(error as Error).message}`);
    }
  } else {
    ensureWritableDir(config.dataDir);
    try {
      release = acquireDataDirLock(config.dataDir, purpose);
    } catch (error) {
      throw new StartupError((error as Error).message);
    }
    try {
      database = await openDatabase({ engine: 'pglite', dataDir: path.join(config.dataDir, 'pgdata') });
    } catch (error) {
      release();
      throw new StartupError(`Cannot open the embedded database in ${path.join(config.dataDir, 'pgdata')}: ${(error as Error).message}`);
    }
  }
  if (options.migrate ?? true) {
    try {
      await runMigrations(database);
    } catch (error) {
      await database.close().catch(() => undefined);
      release();
      throw new StartupError(`Migrations failed: ${(error as Error).message}`);
    }
  }
  return {
    database,
    close: async () => {
      await database.close().catch(() => undefined);
      release();
    },
  };
}
