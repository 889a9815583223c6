/**
 * @module mailer
 * Delivers the e-mail copies of notifications. With SMTP_URL set, each pending e-mail is
 * sent over SMTP (nodemailer) and marked `sent`, or `failed` with the server's answer; a
 * failed e-mail is tried again every 15 minutes while it is less than 24 hours old, and
 * then stays `failed` in the outbox. Without SMTP_URL nothing leaves the machine: pending
 * e-mails become `outbox`, visible to the secretariat on the outbox page (development,
 * or a deployment that has no mail server yet).
 */
import type { Config } from '../config.ts';
import { emailText } from '../domain/notifications/messages.ts';
import { authorize } from '../policies/policy.ts';
import { claimEmails, markEmailFailed, markEmailSent, movePendingToOutbox } from '../db/repositories/notifications.ts';
import type { UseCaseContext } from './use-cases/context.ts';

export const DELIVERY_RULES = {
  /** E-mails taken per run; the rest wait for the next run (a minute later). */
  batchSize: 50,
  /** A run that died mid-way leaves its e-mails to the next run after this long. */
  leaseMs: 10 * 60_000,
  retryAfterMs: 15 * 60_000,
  retryWindowMs: 24 * 3_600_000,
} as const;

export interface MailSettings {
  smtpUrl?: string;
  from: string;
  publicUrl?: string;
}

export function mailSettingsOf(config: Config): MailSettings {
  return { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, publicUrl: config.PUBLIC_URL };
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  /** Moved to the outbox page because no SMTP server is configured. */
  outbox: number;
}

/** The SMTP server's own words, without the credentials a URL may carry. */
function describeError(error: unknown, smtpUrl: string): string {
  const e = error as { message?: string; response?: string; code?: string };
  let text = e.response ?? e.message ?? String(error);
  if (e.code && !text.includes(e.code)) text = `${e.code}: ${text}`;
  try {
    const password = new URL(smtpUrl).password;
    if (password) text = text.split(decodeURIComponent(password)).join('***');
  } catch {
    // Config accepted the URL; nothing to hide if it no longer parses.
  }
  return text;
}

/** Sends (or, without SMTP, moves to the outbox) every e-mail due now. */
export async function deliverPendingEmails(ctx: UseCaseContext, settings: MailSettings): Promise<DeliveryReport> {
  authorize(ctx.actor, 'notifications.deliver');
  if (!settings.smtpUrl) return { sent: 0, failed: 0, outbox: await movePendingToOutbox(ctx.db, ctx.now) };
  const report: DeliveryReport = { sent: 0, failed: 0, outbox: 0 };
  const emails = await claimEmails(ctx.db, { now: ctx.now, limit: DELIVERY_RULES.batchSize, leaseMs: DELIVERY_RULES.leaseMs, retryAfterMs: DELIVERY_RULES.retryAfterMs, retryWindowMs: DELIVERY_RULES.retryWindowMs });
  if (emails.length === 0) return report;
  // Loaded only when there is mail to send: most commands and servers without SMTP never need it.
  const { createTransport } = await import('nodemailer');
  const transport = createTransport({ url: settings.smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 });
  try {
    for (const email of emails) {
      try {
        await transport.sendMail({
          from: settings.from,
          to: email.email,
          subject: email.subject,
          // An e-mail to a public subscriber (no account) is written whole, in the
          // subscriber's language and with its links; a user's gets the link to Open IRM.
          text: email.userId === null ? email.body : emailText(email, settings.publicUrl),
          // RFC 3834: tells mail servers and autoresponders this is machine-sent. Stored
          // headers (List-Unsubscribe, RFC 8058) go as they are.
          headers: { 'Auto-Submitted': 'auto-generated', ...(email.headers ?? {}) },
        });
        await markEmailSent(ctx.db, email.id, ctx.now);
        report.sent += 1;
      } catch (error) {
        await markEmailFailed(ctx.db, email.id, ctx.now, describeError(error, settings.smtpUrl));
        report.failed += 1;
      }
    }
  } finally {
    transport.close();
  }
  return report;
}
