/**
 * Helpers the command files share: options and error handling passed in from main.
 */
import type { Command, Option } from 'commander';
import type { Config } from '../../config.ts';

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
