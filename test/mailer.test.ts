/**
 * E-mail delivery against a real SMTP server (smtp-server on a random local port): what
 * arrives, the statuses written back, a refusing server, retries, and the `openirm notify`
 * commands run as child processes.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/db/client.ts';
import { notifications } from '../src/db/schema/notifications.ts';
import { findUserByEmail } from '../src/db/repositories/users.ts';
import { insertNotifications } from '../src/db/repositories/notifications.ts';
import { systemActor } from '../src/domain/accounts/roles.ts';
import { createLogger } from '../src/logger.ts';
import { deliverPendingEmails, DELIVERY_RULES } from '../src/server/mailer.ts';
import { startNotificationWorker } from '../src/server/notification-worker.ts';
import { createReview, recordReviewMilestone } from '../src/server/use-cases/review-steps.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { PGLITE_TEMPLATE_FILE, TEST_ENGINE, TMP_DIR } from './engines.ts';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A local SMTP server; `refuse` makes it reject every recipient with 550. */
async function startSmtp(options: { refuse?: boolean } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse) {
        const error = new Error(`Mailbox ${address.address} unavailable`) as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The subject (RFC 2047 words decoded) and the quoted-printable text body of a raw message. */
function parseMail(raw: string): { subject: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const subjectLine = /^Subject: (.*)$/m.exec(unfolded)?.[1] ?? '';
  const bytes = (qp: string) => Buffer.from(qp.replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  const subject = subjectLine.replace(/=\?UTF-8\?Q\?(.*?)\?=\s*/gi, (_, word: string) => bytes(word.replace(/_/g, ' '))).trim();
  const text = bytes(rest.join('\n\n').replace(/=\r?\n/g, ''));
  return { subject, text };
}

let testDb: TestDatabase;
let focalPointId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  focalPointId = (await findUserByEmail(testDb.database.db, 'focal.point@demo.test'))!.id;
});
afterAll(() => testDb.dispose());
beforeEach(async () => {
  await testDb.database.db.delete(notifications);
});

async function queue(subject: string, createdAt = new Date()): Promise<string> {
  const id = randomUUID();
  await insertNotifications(testDb.database.db, [
    { id, userId: focalPointId, email: 'focal.point@demo.test', kind: 'thread.opened', subject, body: 'An expert of Kenya asked a question on provision 5.1.', link: '/reviews/r-1/checklist', createdAt },
  ]);
  return id;
}

async function rowOf(id: string) {
  return (await testDb.database.db.select().from(notifications).where(eq(notifications.id, id)))[0]!;
}

const ctxAt = (now: Date) => ({ db: testDb.database.db, actor: systemActor('test'), now });
const FROM = 'Open IRM <no-reply@irm.example.org>';

describe('delivery over SMTP', () => {
  it('sends each pending e-mail once, with the absolute link, and marks it sent', async () => {
    const smtp = await startSmtp();
    try {
      const id = await queue('Desk review: a question on provision 5.1 — review of Austria (cycle 2)');
      const report = await deliverPendingEmails(ctxAt(new Date()), { smtpUrl: smtp.url, from: FROM, publicUrl: 'https://irm.example.org' });
      expect(report).toEqual({ sent: 1, failed: 0, outbox: 0 });
      expect(smtp.received).toHaveLength(1);
      const [mail] = smtp.received;
      expect(mail!.to).toEqual(['focal.point@demo.test']);
      expect(mail!.from).toBe('no-reply@irm.example.org');
      expect(mail!.raw).toMatch(/^Auto-Submitted: auto-generated/m);
      const { subject, text } = parseMail(mail!.raw);
      expect(subject).toBe('Desk review: a question on provision 5.1 — review of Austria (cycle 2)');
      expect(text).toContain('An expert of Kenya asked a question on provision 5.1.');
      expect(text).toContain('Open it in Open IRM: https://irm.example.org/reviews/r-1/checklist');
      const row = await rowOf(id);
      expect(row.emailStatus).toBe('sent');
      expect(row.emailedAt).not.toBeNull();
      expect(row.emailError).toBeNull();
      // Sent is sent: the next run has nothing to do.
      expect(await deliverPendingEmails(ctxAt(new Date()), { smtpUrl: smtp.url, from: FROM })).toEqual({ sent: 0, failed: 0, outbox: 0 });
      expect(smtp.received).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });

  it('records a refusal as failed with the server’s answer, retries later, and gives up after 24 hours', async () => {
    const refusing = await startSmtp({ refuse: true });
    const t0 = new Date();
    const id = await queue('Checklist submitted — review of Austria (cycle 2)', t0);
    try {
      expect(await deliverPendingEmails(ctxAt(t0), { smtpUrl: refusing.url, from: FROM })).toEqual({ sent: 0, failed: 1, outbox: 0 });
      const failed = await rowOf(id);
      expect(failed.emailStatus).toBe('failed');
      expect(failed.emailError).toMatch(/550/);
      expect(failed.emailError).toMatch(/unavailable/);
      // Not again within 15 minutes.
      expect(await deliverPendingEmails(ctxAt(new Date(t0.getTime() + 5 * 60_000)), { smtpUrl: refusing.url, from: FROM })).toEqual({ sent: 0, failed: 0, outbox: 0 });
    } finally {
      await refusing.close();
    }
    const smtp = await startSmtp();
    try {
      // After the pause it is tried again, and this time the server takes it.
      const later = new Date(t0.getTime() + DELIVERY_RULES.retryAfterMs + 1_000);
      expect(await deliverPendingEmails(ctxAt(later), { smtpUrl: smtp.url, from: FROM })).toEqual({ sent: 1, failed: 0, outbox: 0 });
      expect((await rowOf(id)).emailStatus).toBe('sent');

      // One that keeps failing is left failed once it is a day old.
      const old = await queue('Old', new Date(t0.getTime() - DELIVERY_RULES.retryWindowMs - 60_000));
      await testDb.database.db.update(notifications).set({ emailStatus: 'failed', emailedAt: new Date(t0.getTime() - 3_600_000), emailError: 'earlier' }).where(eq(notifications.id, old));
      expect(await deliverPendingEmails(ctxAt(t0), { smtpUrl: smtp.url, from: FROM })).toEqual({ sent: 0, failed: 0, outbox: 0 });
      expect(await rowOf(old)).toMatchObject({ emailStatus: 'failed', emailError: 'earlier' });
    } finally {
      await smtp.close();
    }
  });

  it('records an unreachable server as failed', async () => {
    const smtp = await startSmtp();
    await smtp.close(); // nothing listens on that port any more
    const id = await queue('Unreachable');
    expect(await deliverPendingEmails(ctxAt(new Date()), { smtpUrl: smtp.url, from: FROM })).toEqual({ sent: 0, failed: 1, outbox: 0 });
    expect((await rowOf(id)).emailError).toMatch(/ECONNREFUSED/);
  });

  it('keeps e-mails in the outbox when no SMTP server is configured', async () => {
    const id = await queue('Kept');
    expect(await deliverPendingEmails(ctxAt(new Date()), { from: FROM })).toEqual({ sent: 0, failed: 0, outbox: 1 });
    expect((await rowOf(id)).emailStatus).toBe('outbox');
  });
});

describe('notification worker', () => {
  it('delivers on its own every interval and stops cleanly', async () => {
    const id = await queue('Worker');
    const worker = startNotificationWorker({ database: testDb.database, mail: { from: FROM }, logger: createLogger('silent'), deliverEveryMs: 50, firstRunAfterMs: 0 });
    try {
      await expect.poll(async () => (await rowOf(id)).emailStatus, { timeout: 10_000 }).toBe('outbox');
      const next = await queue('Worker, next run');
      await expect.poll(async () => (await rowOf(next)).emailStatus, { timeout: 10_000 }).toBe('outbox');
    } finally {
      await worker.stop();
    }
    const afterStop = await queue('After stop');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await rowOf(afterStop)).emailStatus).toBe('pending');
  });
});

describe('openirm notify', () => {
  function openirm(args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['bin/openirm.js', ...args], { env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: undefined, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('queues reminders and sends e-mails on request', async () => {
    let target: Record<string, string>;
    let open: () => Promise<Database>;
    let release: (database: Database) => Promise<void>;
    let cleanup: () => Promise<void>;
    if (TEST_ENGINE === 'postgres') {
      // A server database: the test keeps its connection while the commands use theirs.
      const db = await createTestDatabase();
      target = { DATABASE_URL: db.url! };
      open = async () => db.database;
      release = async () => undefined;
      cleanup = () => db.dispose();
    } else {
      const dataDir = path.join(TMP_DIR, `notify-cli-${process.pid}`);
      rmSync(dataDir, { recursive: true, force: true });
      mkdirSync(dataDir, { recursive: true });
      await (await openDatabase({ engine: 'pglite', dataDir: path.join(dataDir, 'pgdata'), loadDataDir: new Blob([readFileSync(PGLITE_TEMPLATE_FILE)]) })).close();
      target = { DATA_DIR: dataDir };
      open = () => openDatabase({ engine: 'pglite', dataDir: path.join(dataDir, 'pgdata') });
      // The embedded engine allows one process per data folder: close before the commands run.
      release = (database) => database.close();
      cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
    }
    // A review whose checklist is due in five days: the focal point of Austria is reminded.
    const database = await open();
    const ctx = { db: database.db, actor: systemActor('test'), now: new Date() };
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const review = await createReview(ctx, { state: 'AUT', cycle: 2, cohortYear: 1, reviewers: ['DEU', 'KEN'] });
    const started = await recordReviewMilestone(ctx, review.row.id, { kind: 'started', date: daysAgo(55), version: review.row.version });
    await recordReviewMilestone(ctx, review.row.id, { kind: 'focalPointAppointed', date: daysAgo(50), version: started.row.version });
    await release(database);

    const smtp = await startSmtp();
    try {
      const reminders = await openirm(['notify', 'reminders'], target);
      expect(reminders.code, reminders.stderr).toBe(0);
      expect(reminders.stdout).toBe('1 reminder(s) queued.\n');
      expect((await openirm(['notify', 'reminders'], target)).stdout).toBe('0 reminder(s) queued.\n');
      const sent = await openirm(['notify', 'send'], { ...target, SMTP_URL: smtp.url, PUBLIC_URL: 'https://irm.example.org/' });
      expect(sent.code, sent.stderr).toBe(0);
      expect(sent.stdout).toBe('1 sent, 0 failed, 0 kept in the outbox (no SMTP_URL).\n');
      expect(smtp.received.map((m) => m.to)).toEqual([['focal.point@demo.test']]);
      const { subject, text } = parseMail(smtp.received[0]!.raw);
      expect(subject).toBe('Due in 5 days: Checklist submitted — review of Austria (cycle 2)');
      expect(text).toContain(`Open it in Open IRM: https://irm.example.org/reviews/${review.row.id}\n`);
    } finally {
      await smtp.close();
      await cleanup();
    }
  });
});
