/**
 * E-mail subscriptions to the public review schedule (docs/PUBLIC.md, "Follow by e-mail")
 * through the API on the real database: double opt-in, no address enumeration, the
 * announcements written with the change that triggers them (a review started, dialogue dates
 * set), the country filter, one-click unsubscribe (RFC 8058), expiry, bad input, the rate
 * limit, the 503 of a server without mail, and what actually leaves over SMTP.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/accounts/roles.ts';
import { queryRows } from '../../src/db/query-rows.ts';
import { listAuditEvents } from '../../src/db/repositories/audit.ts';
import { notifications } from '../../src/db/schema/notifications.ts';
import { subscriptions } from '../../src/db/schema/subscriptions.ts';
import { deliverPendingEmails } from '../../src/server/mailer.ts';
import { announceToSubscribers, purgeLapsedSubscriptions, SUBSCRIBE_ANSWER } from '../../src/server/use-cases/subscriptions.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, json, openReviewWithFocalPoint, sessionFor, type TestSession } from '../server.ts';

const PUBLIC_URL = 'https://irm.example.org';
const MAIL = { SMTP_URL: 'smtp://127.0.0.1:2525', PUBLIC_URL };

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let secretariat: TestSession;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database, { ...MAIL, SUBSCRIPTION_RATE_LIMIT_PER_MINUTE: 1_000 });
  secretariat = await sessionFor(testDb.database, 'secretariat@demo.test');
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

const db = () => testDb.database.db;
const subscribe = (payload: Record<string, unknown>, on = app) => on.inject({ method: 'POST', url: '/api/public/subscriptions', payload });
const confirm = (token: string) => app.inject({ method: 'POST', url: '/api/public/subscriptions/confirm', payload: { token } });
/** The e-mails queued for an address (subscriber e-mails have no account). */
const mailTo = (email: string) => db().select().from(notifications).where(and(isNull(notifications.userId), eq(notifications.email, email))).orderBy(notifications.createdAt);
const tokenIn = (text: string, page: 'confirm' | 'unsubscribe') => new RegExp(`/subscriptions/${page}\\?token=([A-Za-z0-9_-]{43})`).exec(text)?.[1];
const oneClickToken = (headers: Record<string, string> | null) => /\/api\/public\/subscriptions\/unsubscribe\?token=([A-Za-z0-9_-]{43})>$/.exec(headers?.['List-Unsubscribe'] ?? '')?.[1];

/** Subscribes and confirms through the API; returns nothing but leaves one confirmed subscription. */
async function subscribed(email: string, country: string | null, language = 'en') {
  const asked = await subscribe({ email, country, language });
  expect(asked.statusCode, asked.body).toBe(202);
  const [mail] = await mailTo(email.toLowerCase());
  const confirmed = await confirm(tokenIn(mail!.body, 'confirm')!);
  expect(confirmed.statusCode, confirmed.body).toBe(200);
}

async function recordStarted(state: string, reviewers: [string, string], started = '2016-03-01') {
  return openReviewWithFocalPoint(app, secretariat, { state, cycle: 2, reviewers, started, focalPointAppointed: '2016-03-20' });
}

describe('asking to follow by e-mail (double opt-in)', () => {
  it('answers 202 and queues one confirmation e-mail, nothing else, with the link and RFC 8058 headers', async () => {
    const asked = await subscribe({ email: '  Civil.Society@Example.org ', country: 'aut', language: 'fr' });
    expect(asked.statusCode, asked.body).toBe(202);
    expect(json(asked)).toEqual(SUBSCRIBE_ANSWER);
    const mails = await mailTo('civil.society@example.org');
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail).toMatchObject({ kind: 'subscription.confirm', emailStatus: 'pending', userId: null });
    expect(mail!.subject).toBe('Veuillez confirmer votre abonnement : Autriche');
    expect(mail!.body).toContain(`${PUBLIC_URL}/subscriptions/confirm?token=`);
    expect(mail!.body).toContain(`${PUBLIC_URL}/subscriptions/unsubscribe?token=`);
    expect(Object.keys(mail!.headers ?? {}).sort()).toEqual(['List-Unsubscribe', 'List-Unsubscribe-Post']);
    expect(mail!.headers!['List-Unsubscribe']).toMatch(new RegExp(`^<${PUBLIC_URL}/api/public/subscriptions/unsubscribe\\?token=[A-Za-z0-9_-]{43}>$`));
    expect(mail!.headers!['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const [row] = await db().select().from(subscriptions).where(eq(subscriptions.email, 'civil.society@example.org'));
    expect(row).toMatchObject({ status: 'pending', country: 'AUT', language: 'fr', baseUrl: PUBLIC_URL });
    // Only hashes are stored: the token of the link is nowhere in the table.
    const token = tokenIn(mail!.body, 'confirm')!;
    expect(row!.confirmTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await queryRows(db(), sql`select * from subscriptions`))).not.toContain(token);
    expect(JSON.stringify(await queryRows(db(), sql`select * from subscription_unsubscribe_tokens`))).not.toContain(oneClickToken(mail!.headers));
  });

  it('sends nothing to an address that has not confirmed, whatever happens', async () => {
    await subscribe({ email: 'pending@example.org', country: null, language: 'en' });
    expect(await announceToSubscribers(db(), { kind: 'reviewStarted', iso3: 'AUT', cycle: 2, date: '2016-03-01' })).toBe(0);
    await recordStarted('BEL', ['DEU', 'KEN']);
    expect((await mailTo('pending@example.org')).map((m) => m.kind)).toEqual(['subscription.confirm']);
  });

  it('answers the same for a new, a pending and a confirmed address, and does not flood either', async () => {
    const fresh = await subscribe({ email: 'known@example.org', country: 'FRA', language: 'en' });
    const pending = await subscribe({ email: 'known@example.org', country: 'FRA', language: 'en' });
    expect([fresh.statusCode, pending.statusCode]).toEqual([202, 202]);
    expect(pending.body).toBe(fresh.body);
    // A second request within 10 minutes sends no second link.
    expect(await mailTo('known@example.org')).toHaveLength(1);
    const confirmed = await confirm(tokenIn((await mailTo('known@example.org'))[0]!.body, 'confirm')!);
    expect(json(confirmed)).toEqual({ status: 'confirmed', country: 'FRA' });
    const again = await subscribe({ email: 'KNOWN@example.org', country: 'fra', language: 'ru' });
    expect(again.statusCode).toBe(202);
    expect(again.body).toBe(fresh.body);
    expect(await mailTo('known@example.org')).toHaveLength(1);
    // The confirmed subscription is untouched (not even its language).
    const [row] = await db().select().from(subscriptions).where(eq(subscriptions.email, 'known@example.org'));
    expect(row).toMatchObject({ status: 'confirmed', language: 'en' });
  });

  it('confirms once; opening the link again changes nothing; an unknown or expired link is 404', async () => {
    await subscribe({ email: 'twice@example.org', country: null, language: 'en' });
    const token = tokenIn((await mailTo('twice@example.org'))[0]!.body, 'confirm')!;
    const before = (await listAuditEvents(db(), { limit: 1_000, resourceType: 'subscription' })).length;
    expect(json(await confirm(token))).toEqual({ status: 'confirmed', country: null });
    expect(json(await confirm(token))).toEqual({ status: 'confirmed', country: null });
    expect((await listAuditEvents(db(), { limit: 1_000, resourceType: 'subscription' })).length).toBe(before + 1);

    const unknown = await confirm('A'.repeat(43));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await confirm('not-a-token')).statusCode).toBe(400);

    await subscribe({ email: 'late@example.org', country: 'AUT', language: 'es' });
    const late = tokenIn((await mailTo('late@example.org'))[0]!.body, 'confirm')!;
    await db().update(subscriptions).set({ confirmExpiresAt: new Date(Date.now() - 60_000) }).where(eq(subscriptions.email, 'late@example.org'));
    const expired = await confirm(late);
    expect(expired.statusCode).toBe(404);
    expect(json<{ detail: string }>(expired).detail).toMatch(/expired/);
    expect((await db().select().from(subscriptions).where(eq(subscriptions.email, 'late@example.org')))[0]!.status).toBe('pending');
    // The hourly purge deletes the lapsed request (and with it the address).
    expect(await purgeLapsedSubscriptions({ db: db(), actor: systemActor('test'), now: new Date() })).toBeGreaterThanOrEqual(1);
    expect(await db().select().from(subscriptions).where(eq(subscriptions.email, 'late@example.org'))).toEqual([]);
  });

  it('refuses bad input with 400 problem+json and stores nothing', async () => {
    const count = async () => (await queryRows<{ n: number }>(db(), sql`select (select count(*) from subscriptions)::int + (select count(*) from notifications)::int as n`))[0]!.n;
    const before = await count();
    for (const payload of [
      { email: 'not-an-address', country: 'AUT', language: 'en' },
      { email: 'a@b', country: 'AUT', language: 'en' },
      { email: 'ok@example.org', country: 'AUT', language: 'de' },
      { email: 'ok@example.org', country: 'AUSTRIA', language: 'en' },
      { email: 'ok@example.org', country: 'XYZ', language: 'en' },
      { country: 'AUT', language: 'en' },
    ]) {
      const response = await subscribe(payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(await count()).toBe(before);
  });
});

describe('announcements', () => {
  it('sends one e-mail per confirmed subscriber of the State or of the whole Mechanism when a review starts, in each one’s language, with both List-Unsubscribe headers', async () => {
    await subscribed('aut.fr@example.org', 'AUT', 'fr');
    await subscribed('all.zh@example.org', null, 'zh');
    await subscribed('ita.en@example.org', 'ITA', 'en');
    await recordStarted('AUT', ['DEU', 'KEN']);

    const [fr] = (await mailTo('aut.fr@example.org')).filter((m) => m.kind === 'subscription.reviewStarted');
    expect(fr!.subject).toBe('Examen commencé : Autriche (cycle 2)');
    expect(fr!.body).toContain('Date de début : 1 mars 2016');
    expect(fr!.body).toContain(`${PUBLIC_URL}/countries/AUT`);
    expect(fr!.link).toBe('/countries/AUT');
    const [zh] = (await mailTo('all.zh@example.org')).filter((m) => m.kind === 'subscription.reviewStarted');
    expect(zh!.subject).toBe('审议已启动：奥地利（第2周期）');
    expect(zh!.body).toContain('您的订阅：本机制的所有审议');
    for (const mail of [fr!, zh!]) {
      expect(mail.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      expect(oneClickToken(mail.headers)).toBeDefined();
      // The visible link and the header carry the same per-e-mail token.
      expect(tokenIn(mail.body, 'unsubscribe')).toBe(oneClickToken(mail.headers));
    }
    // Country filter: the follower of Italy hears nothing of Austria.
    expect((await mailTo('ita.en@example.org')).map((m) => m.kind)).toEqual(['subscription.confirm']);
    await recordStarted('ITA', ['DEU', 'KEN']);
    expect((await mailTo('ita.en@example.org')).map((m) => m.kind)).toEqual(['subscription.confirm', 'subscription.reviewStarted']);
    expect((await mailTo('all.zh@example.org')).filter((m) => m.kind === 'subscription.reviewStarted')).toHaveLength(2);
    expect((await mailTo('aut.fr@example.org')).filter((m) => m.kind === 'subscription.reviewStarted')).toHaveLength(1);
  });

  it('announces the dialogue’s dates when they are set or moved, not when anything else changes', async () => {
    await subscribed('prt@example.org', 'PRT', 'en');
    const reviewId = await recordStarted('PRT', ['DEU', 'KEN']);
    const dialogue = { form: 'country_visit', timeZone: 'Europe/Lisbon', location: 'Lisbon', stakeholdersAgreed: false, interpretationLanguages: [], participants: [], sessions: [] };
    const put = (payload: Record<string, unknown>) => app.inject({ method: 'PUT', url: `/api/reviews/${reviewId}/dialogue`, headers: secretariat.headers, payload: { ...dialogue, ...payload } });
    expect((await put({ startDate: null, endDate: null, version: 0 })).statusCode).toBe(200);
    expect((await mailTo('prt@example.org')).filter((m) => m.kind === 'subscription.dialogueScheduled')).toHaveLength(0);
    expect((await put({ startDate: '2016-09-12', endDate: '2016-09-14', version: 1 })).statusCode).toBe(200);
    expect((await put({ startDate: '2016-09-12', endDate: '2016-09-14', location: 'Porto', version: 2 })).statusCode).toBe(200);
    const scheduled = (await mailTo('prt@example.org')).filter((m) => m.kind === 'subscription.dialogueScheduled');
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]!.subject).toBe('Direct dialogue scheduled: Portugal (cycle 2)');
    expect(scheduled[0]!.body).toContain('Dates of the dialogue: 12 September 2016 – 14 September 2016');
    // The place, form and participants are content of the review: not in the e-mail.
    expect(scheduled[0]!.body).not.toContain('Lisbon');
    expect((await put({ startDate: '2016-10-03', endDate: '2016-10-05', version: 3 })).statusCode).toBe(200);
    expect((await mailTo('prt@example.org')).filter((m) => m.kind === 'subscription.dialogueScheduled')).toHaveLength(2);
  });

  it('writes nothing when the change that would be announced fails', async () => {
    await subscribed('che@example.org', 'CHE', 'en');
    const reviewId = await recordStarted('CHE', ['DEU', 'KEN']);
    const before = (await mailTo('che@example.org')).length;
    // A stale version: the dialogue is refused, and so is its announcement.
    const refused = await app.inject({ method: 'PUT', url: `/api/reviews/${reviewId}/dialogue`, headers: secretariat.headers, payload: { form: 'country_visit', timeZone: 'Europe/Zurich', startDate: '2016-09-12', endDate: '2016-09-14', location: '', stakeholdersAgreed: false, interpretationLanguages: [], participants: [], sessions: [], version: 5 } });
    expect(refused.statusCode).toBe(409);
    expect(await mailTo('che@example.org')).toHaveLength(before);
  });
});

describe('one-click unsubscribe', () => {
  it('ends the subscription at once from the List-Unsubscribe POST, erases the address, is idempotent, and nothing more is sent', async () => {
    await subscribed('leaving@example.org', 'NOR', 'ru');
    await recordStarted('NOR', ['DEU', 'KEN']);
    const [announcement] = (await mailTo('leaving@example.org')).filter((m) => m.kind === 'subscription.reviewStarted');
    const url = /^<(.*)>$/.exec(announcement!.headers!['List-Unsubscribe']!)![1]!;
    const path = url.slice(PUBLIC_URL.length);
    const oneClick = () => app.inject({ method: 'POST', url: path, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    const first = await oneClick();
    expect(first.statusCode, first.body).toBe(200);
    expect(json(first)).toEqual({ status: 'unsubscribed', country: 'NOR' });
    expect(json(await oneClick())).toEqual({ status: 'unsubscribed', country: 'NOR' });
    const rows = await queryRows<{ email: string | null; status: string }>(db(), sql`select email, status from subscriptions where country = 'NOR'`);
    expect(rows).toEqual([{ email: null, status: 'unsubscribed' }]);
    // Followers of the whole Mechanism still hear of Norway; the one who left does not.
    expect(await announceToSubscribers(db(), { kind: 'documentPublished', iso3: 'NOR', cycle: 2, date: '2017-01-10', detail: 'Executive summary (English)' })).toBeGreaterThan(0);
    expect(await mailTo('leaving@example.org')).toHaveLength(2);

    // The web page posts JSON with the token of the visible link; an unknown token is 404.
    await subscribed('web@example.org', 'NOR', 'en');
    const [confirmation] = await mailTo('web@example.org');
    const viaPage = await app.inject({ method: 'POST', url: '/api/public/subscriptions/unsubscribe', payload: { token: tokenIn(confirmation!.body, 'unsubscribe') } });
    expect(json(viaPage)).toEqual({ status: 'unsubscribed', country: 'NOR' });
    expect((await app.inject({ method: 'POST', url: `/api/public/subscriptions/unsubscribe?token=${'B'.repeat(43)}` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/api/public/subscriptions/unsubscribe', payload: {} })).statusCode).toBe(400);
  });

  it('records confirmations and unsubscriptions in the audit trail without the address', async () => {
    const events = await listAuditEvents(db(), { limit: 1_000, resourceType: 'subscription' });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['subscriptions.confirm', 'subscriptions.unsubscribe']));
    const audit = JSON.stringify(await queryRows(db(), sql`select * from audit_events`));
    for (const address of ['leaving@example.org', 'web@example.org', 'aut.fr@example.org', 'civil.society@example.org']) expect(audit).not.toContain(address);
  });
});

describe('delivery', () => {
  it('sends the subscriber’s text as written, with List-Unsubscribe and List-Unsubscribe-Post, over SMTP', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push(raw);
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    try {
      await db().update(notifications).set({ emailStatus: 'sent' }).where(eq(notifications.emailStatus, 'pending'));
      await subscribed('smtp@example.org', 'SWE', 'en');
      await recordStarted('SWE', ['DEU', 'KEN']);
      const pending = await db().select().from(notifications).where(eq(notifications.emailStatus, 'pending'));
      expect(pending.length).toBeGreaterThanOrEqual(2);
      const url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
      const report = await deliverPendingEmails({ db: db(), actor: systemActor('test'), now: new Date() }, { smtpUrl: url, from: 'Open IRM <no-reply@irm.example.org>', publicUrl: 'https://elsewhere.example' });
      expect(report).toEqual({ sent: pending.length, failed: 0, outbox: 0 });
      const raw = received.find((r) => /Subject: Review started: Sweden/.test(r))!;
      const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
      expect(head).toMatch(new RegExp(`^List-Unsubscribe: <${PUBLIC_URL}/api/public/subscriptions/unsubscribe\\?token=[A-Za-z0-9_-]{43}>$`, 'm'));
      expect(head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
      expect(head).toMatch(/^Auto-Submitted: auto-generated$/m);
      const body = raw.split(/\r?\n\r?\n/).slice(1).join('\n\n').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      // Written whole: not the notifications' "Open it in Open IRM" line, links from the subscription.
      expect(body).not.toContain('Open it in Open IRM');
      expect(body).not.toContain('elsewhere.example');
      expect(body).toContain(`${PUBLIC_URL}/countries/SWE`);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('a server that cannot send them', () => {
  it('answers 503 without SMTP_URL (or PUBLIC_URL), says why, and stores nothing; the availability route tells the web app', async () => {
    for (const config of [{ PUBLIC_URL }, { SMTP_URL: MAIL.SMTP_URL }]) {
      const bare = await buildTestApp(testDb.database, config);
      try {
        const before = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from subscriptions`);
        const refused = await subscribe({ email: 'nomail@example.org', country: 'AUT', language: 'en' }, bare);
        expect(refused.statusCode).toBe(503);
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        const problem = json<{ code: string; detail: string }>(refused);
        expect(problem.code).toBe('mail.unavailable');
        expect(problem.detail).toMatch(/not available on this server.*(SMTP_URL|PUBLIC_URL).*feed\.atom/);
        expect(await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from subscriptions`)).toEqual(before);
        expect(json(await bare.inject({ url: '/api/public/subscriptions/availability' }))).toMatchObject({ available: false });
        expect((await bare.inject({ url: '/api/public/feed.atom' })).statusCode).toBe(200);
      } finally {
        await bare.close();
      }
    }
    expect(json(await app.inject({ url: '/api/public/subscriptions/availability' }))).toEqual({ available: true });
  });

  it('limits requests per client address', async () => {
    const limited = await buildTestApp(testDb.database, { ...MAIL, SUBSCRIPTION_RATE_LIMIT_PER_MINUTE: 2 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await subscribe({ email: `flood${i}@example.org`, country: null, language: 'en' }, limited)).statusCode);
      expect(statuses).toEqual([202, 202, 429]);
    } finally {
      await limited.close();
    }
  });
});
