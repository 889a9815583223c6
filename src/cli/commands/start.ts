/**
 * `openirm start`: migrate, seed, then serve the web app and API from one process.
 */
import { readFileSync } from 'node:fs';
import type { Config } from '../../config.ts';
import { createLogger } from '../../logger.ts';
import { seedReferenceData } from '../../db/seed.ts';
import { buildApp } from '../../server/app.ts';
import { mailSettingsOf } from '../../server/mailer.ts';
import { startNotificationWorker } from '../../server/notification-worker.ts';
import { ensureFileStoreWritable, openConfiguredDatabase, StartupError } from '../../server/runtime.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_EMAIL, DEMO_TOTP_SECRET, seedDemoData } from '../../server/use-cases/seed-demo.ts';
import { seedDemoReviews } from '../../server/use-cases/demo-reviews.ts';

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export async function startServer(config: Config): Promise<void> {
  const logger = createLogger(config.LOG_LEVEL);
  ensureFileStoreWritable(config);
  const opened = await openConfiguredDatabase(config, 'server');
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    await seedReferenceData(opened.database.db);
    if (config.isDemoEnabled) {
      await seedDemoData(opened.database.db);
      await seedDemoReviews(opened.database.db, new Date());
    }
    app = await buildApp({ config, database: opened.database, logger, version: packageVersion() });
    try {
      await app.listen({ port: config.PORT, host: config.HOST });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new StartupError(`Port ${config.PORT} is already in use. Stop the other program or set PORT.`);
      if (code === 'EACCES') throw new StartupError(`Not allowed to listen on port ${config.PORT}. Use a port above 1024.`);
      throw error;
    }
  } catch (error) {
    await app?.close().catch(() => undefined);
    await opened.close();
    throw error;
  }

  // E-mails every minute, deadline reminders every hour (docs/REVIEWS.md "Notifications").
  const worker = startNotificationWorker({ database: opened.database, mail: mailSettingsOf(config), logger });

  const shownHost = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
  const lines = [
    '',
    `Open IRM is running at http://${shownHost}:${config.PORT}`,
    `  database: ${opened.database.engine === 'pglite' ? `embedded (PGlite) in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
    `  API docs: http://${shownHost}:${config.PORT}/api/docs`,
  ];
  if (config.isDemoEnabled) {
    lines.push('', `  DEMO accounts (fictitious data, password "${DEMO_PASSWORD}"):`);
    for (const account of DEMO_ACCOUNTS) lines.push(`    ${account.email.padEnd(24)} ${account.role}${account.stateIso3 ? ` of ${account.stateIso3}` : ''}`);
    lines.push(
      `  ${DEMO_TOTP_EMAIL} also needs a two-factor code: run \`node bin/openirm.js user demo-code\`,`,
      `  or give an authenticator app the DEMO secret ${DEMO_TOTP_SECRET} (published, so it protects nothing).`,
    );
  }
  lines.push('', 'Press Ctrl+C to stop.', '');
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ category: 'http', signal }, 'shutting down');
    await worker.stop().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await opened.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
