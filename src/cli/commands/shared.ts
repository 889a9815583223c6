/**
 * Helpers the command files share: options and error handling passed in from main.
 */
import type { Command, Option } from 'commander';
import type { Config } from '../../config.ts';
import { systemActor } from '../../domain/accounts/roles.ts';
import { openConfiguredDatabase } from '../../server/runtime.ts';
import type { UseCaseContext } from '../../server/use-cases/context.ts';

export interface CommandKit {
  dataDirOption: () => Option;
  databaseUrlOption: () => Option;
  configFrom: (options: { port?: string; dataDir?: string; demo?: boolean; databaseUrl?: string }) => Config;
  fail: (error: unknown) => never;
}

export type RegisterCommands = (program: Command, kit: CommandKit) => void;

export interface DbOptions {
  dataDir?: string;
  databaseUrl?: string;
}

/**
 * Opens the configured database, runs a command as the CLI's system actor, always closes
 * the database (releasing the embedded engine's lock) and reports failure in one line.
 */
export async function withSystemContext(kit: CommandKit, options: DbOptions, purpose: string, run: (ctx: UseCaseContext) => Promise<void>): Promise<void> {
  try {
    const opened = await openConfiguredDatabase(kit.configFrom(options), purpose);
    try {
      await run({ db: opened.database.db, actor: systemActor('cli'), now: new Date() });
    } finally {
      await opened.close();
    }
  } catch (error) {
    kit.fail(error);
  }
}
