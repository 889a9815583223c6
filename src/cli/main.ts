/**
 * @module cli
 * `openirm <command>`. Every failure ends with one plain line on stderr and exit code 1,
 * never a stack trace.
 */
import { Command, Option } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { DomainError } from '../domain/errors.ts';
import { isLotsError } from '../domain/lots/errors.ts';
import { StartupError } from '../server/runtime.ts';
import { registerDataCommands } from './commands/data.ts';
import { registerImportCommands } from './commands/import.ts';
import { registerLotsCommands } from './commands/lots.ts';
import { registerNeedsCommands } from './commands/needs.ts';
import { registerNotifyCommands } from './commands/notify.ts';
import { registerUserCommands } from './commands/user.ts';
import { packageVersion, startServer } from './commands/start.ts';

/** Config from the environment, with command-line options taking precedence. */
export function configFrom(options: { port?: string; dataDir?: string; demo?: boolean; databaseUrl?: string }): Config {
  const overrides: Record<string, unknown> = {};
  if (options.port !== undefined) overrides.PORT = options.port;
  if (options.dataDir !== undefined) overrides.DATA_DIR = options.dataDir;
  if (options.databaseUrl !== undefined) overrides.DATABASE_URL = options.databaseUrl;
  if (options.demo === false) overrides.OPENIRM_DEMO = false;
  return loadConfig(process.env, overrides);
}

function fail(error: unknown): never {
  const message =
    error instanceof ConfigError || error instanceof StartupError || error instanceof DomainError || isLotsError(error)
      ? error.message
      : `Unexpected error: ${(error as Error).message ?? String(error)}`;
  process.stderr.write(`openirm: ${message}\n`);
  process.exit(1);
}

const program = new Command();
program.name('openirm').description('Open IRM: run a treaty peer-review mechanism').version(packageVersion()).showHelpAfterError();

const dataDirOption = () => new Option('--data-dir <dir>', 'folder of the embedded database').env('DATA_DIR');
const databaseUrlOption = () => new Option('--database-url <url>', 'PostgreSQL server instead of the embedded engine').env('DATABASE_URL');

program
  .command('start')
  .description('migrate, load reference (and demo) data, then serve the web app and API')
  .addOption(new Option('--port <port>', 'TCP port').env('PORT'))
  .addOption(dataDirOption())
  .addOption(databaseUrlOption())
  .option('--no-demo', 'do not create the fictitious demo accounts and data')
  .action(async (options: { port?: string; dataDir?: string; demo?: boolean; databaseUrl?: string }) => {
    try {
      await startServer(configFrom(options));
    } catch (error) {
      fail(error);
    }
  });

registerDataCommands(program, { dataDirOption, databaseUrlOption, configFrom, fail });
registerUserCommands(program, { dataDirOption, databaseUrlOption, configFrom, fail });
registerLotsCommands(program, { dataDirOption, databaseUrlOption, configFrom, fail });
registerImportCommands(program, { dataDirOption, databaseUrlOption, configFrom, fail });
registerNeedsCommands(program, { dataDirOption, databaseUrlOption, configFrom, fail });
registerNotifyCommands(program, { dataDirOption, databaseUrlOption, configFrom, fail });

await program.parseAsync(process.argv);
