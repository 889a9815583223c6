/**
 * @module notification-worker
 * The server's background loop for notifications: every minute it delivers the pending
 * e-mails, every hour it queues deadline reminders (each is written once per step and week,
 * so running more often costs nothing) and deletes subscription requests never confirmed.
 * Runs never overlap; stop() waits for the current one. Started by `openirm start` only:
 * tests and CLI commands do not run it.
 */
import { systemActor } from '../domain/accounts/roles.ts';
import type { Database } from '../db/client.ts';
import type { LogCategory, Logger } from '../logger.ts';
import { deliverPendingEmails, type MailSettings } from './mailer.ts';
import { queueFollowUpReminders } from './use-cases/follow-up-reminders.ts';
import { queueDeadlineReminders } from './use-cases/notifications.ts';
import { purgeLapsedSubscriptions } from './use-cases/subscriptions.ts';

export interface WorkerOptions {
  database: Database;
  mail: MailSettings;
  logger: Logger;
  deliverEveryMs?: number;
  remindEveryMs?: number;
  /** Delay before the first runs, so that start-up is not slowed down. */
  firstRunAfterMs?: number;
  clock?: () => Date;
}

export interface NotificationWorker {
  stop(): Promise<void>;
}

export function startNotificationWorker(options: WorkerOptions): NotificationWorker {
  const deliverEveryMs = options.deliverEveryMs ?? 60_000;
  const remindEveryMs = options.remindEveryMs ?? 3_600_000;
  const clock = options.clock ?? (() => new Date());
  const log = options.logger.child({ category: 'mail' satisfies LogCategory });
  let isStopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let lastRemindedAt = -Infinity;

  const context = () => ({ db: options.database.db, actor: systemActor('notification-worker'), now: clock() });

  async function tick(): Promise<void> {
    try {
      if (clock().getTime() - lastRemindedAt >= remindEveryMs) {
        lastRemindedAt = clock().getTime();
        const queued = await queueDeadlineReminders(context());
        if (queued > 0) log.info({ queued }, 'deadline reminders queued');
        const followUps = await queueFollowUpReminders(context());
        if (followUps > 0) log.info({ queued: followUps }, 'follow-up reminders queued');
        const lapsed = await purgeLapsedSubscriptions(context());
        if (lapsed > 0) log.info({ lapsed }, 'unconfirmed subscription requests deleted');
      }
      if (isStopped) return;
      const report = await deliverPendingEmails(context(), options.mail);
      if (report.sent + report.failed + report.outbox > 0) log.info(report, 'e-mails delivered');
      if (report.failed > 0) log.warn({ failed: report.failed }, 'some e-mails could not be sent; they are retried');
    } catch (error) {
      // A lost database or a bug must not end the server; the next tick tries again.
      log.error({ err: error }, 'notification run failed');
    }
  }

  function schedule(delayMs: number): void {
    if (isStopped) return;
    timer = setTimeout(() => {
      running = tick().finally(() => schedule(deliverEveryMs));
    }, delayMs);
    // Never keeps the process alive on its own.
    timer.unref();
  }

  schedule(options.firstRunAfterMs ?? 5_000);
  return {
    async stop() {
      isStopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
