/**
 * `openirm notify reminders` queues the deadline reminders due now; `openirm notify send`
 * delivers the pending e-mails now (over SMTP_URL, or into the outbox page without it).
 * The running server does both by itself; these are for cron-less checks and operators.
 */
import { deliverPendingEmails, mailSettingsOf } from '../../server/mailer.ts';
import { queueDeadlineReminders } from '../../server/use-cases/notifications.ts';
import { withSystemContext, type DbOptions, type RegisterCommands } from './shared.ts';

export const registerNotifyCommands: RegisterCommands = (program, kit) => {
  const notify = program.command('notify').description('deadline reminders and notification e-mails');
  notify
    .command('reminders')
    .description('queue the reminders of review steps due within a week or late (once per step and week)')
    .addOption(kit.dataDirOption())
    .addOption(kit.databaseUrlOption())
    .action(async (options: DbOptions) => {
      await withSystemContext(kit, options, 'notify reminders', async (ctx) => {
        const queued = await queueDeadlineReminders(ctx);
        process.stdout.write(`${queued} reminder(s) queued.\n`);
      });
    });
  notify
    .command('send')
    .description('deliver pending e-mails now: over SMTP_URL, or into the outbox page when it is not set')
    .addOption(kit.dataDirOption())
    .addOption(kit.databaseUrlOption())
    .action(async (options: DbOptions) => {
      await withSystemContext(kit, options, 'notify send', async (ctx) => {
        const report = await deliverPendingEmails(ctx, mailSettingsOf(kit.configFrom(options)));
        process.stdout.write(`${report.sent} sent, ${report.failed} failed, ${report.outbox} kept in the outbox (no SMTP_URL).\n`);
      });
    });
};
