/**
 * OpenID Connect sign-in against a real provider (oidc-provider) started on a random port.
 * The app listens on a port too, and a cookie-keeping client walks the redirects:
 * app /start → provider /auth → login and consent → app /callback → signed in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { auditEvents } from '../../src/db/schema/audit.ts';
import { findUserByEmail, updateUser } from '../../src/db/repositories/users.ts';
import { OIDC_PENDING_COOKIE } from '../../src/server/routes/auth-oidc.ts';
import { SESSION_COOKIE } from '../../src/server/plugins/session.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, DEMO_EMAILS, json } from '../server.ts';
import { CookieBrowser } from '../support/cookie-browser.ts';
import { startTestProvider, type TestProvider } from '../support/oidc-test-provider.ts';

let testDb: TestDatabase;
let provider: TestProvider;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let appUrl: string;

function oidcSettings(p: Pick<TestProvider, 'issuer' | 'clientId' | 'clientSecret'>) {
  return { OIDC_ISSUER: p.issuer, OIDC_CLIENT_ID: p.clientId, OIDC_CLIENT_SECRET: p.clientSecret, OIDC_LABEL: 'UN Single Sign-On', LOGIN_RATE_LIMIT_PER_MINUTE: 10_000 };
}

async function listen(target: typeof app): Promise<string> {
  await target.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(target.server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  provider = await startTestProvider();
  provider.accounts.set('focal', { email: DEMO_EMAILS['focal-point'], email_verified: true });
  provider.accounts.set('focal-shouting', { email: 'Focal.Point@Demo.TEST', email_verified: true });
  provider.accounts.set('unverified', { email: DEMO_EMAILS['focal-point'], email_verified: false });
  provider.accounts.set('secretariat', { email: DEMO_EMAILS.secretariat, email_verified: true });
  provider.accounts.set('stranger', { email: 'nobody@example.org', email_verified: true });
  provider.accounts.set('disabled', { email: DEMO_EMAILS.delegate, email_verified: true });
  app = await buildTestApp(testDb.database, oidcSettings(provider));
  appUrl = await listen(app);
  provider.register(`${appUrl}/api/auth/oidc/callback`);
  const delegate = await findUserByEmail(testDb.database.db, DEMO_EMAILS.delegate);
  await updateUser(testDb.database.db, delegate!.id, { isDisabled: true });
});
afterAll(async () => {
  await app?.close();
  await provider?.close();
  await testDb?.dispose();
});

const isCallback = (url: URL) => url.pathname === '/api/auth/oidc/callback';

/** Runs the flow up to the provider's redirect back to the app, which is returned unvisited. */
async function throughProvider(browser: CookieBrowser, accountId: string, start = '/api/auth/oidc/start') {
  provider.signInAs(accountId);
  const { hops, next } = await browser.follow(`${appUrl}${start}`, isCallback);
  if (!next) throw new Error(`The provider did not send the browser back: ${JSON.stringify(hops)}`);
  return next;
}

/** The app's answer to the callback: where it sends the browser. */
async function callback(browser: CookieBrowser, url: URL): Promise<string> {
  const response = await browser.request(url.href);
  await response.arrayBuffer();
  expect(response.status).toBe(302);
  return response.headers.get('location')!;
}

async function sessionUser(browser: CookieBrowser): Promise<{ email: string; role: string } | null> {
  const response = await browser.request(`${appUrl}/api/session`);
  return ((await response.json()) as { user: { email: string; role: string } | null }).user;
}

async function lastSignInAudit() {
  const rows = await testDb.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.login')).orderBy(desc(auditEvents.id)).limit(1);
  return rows[0]!;
}

describe('OpenID Connect sign-in with a real provider', () => {
  it('offers the button with its label', async () => {
    const response = await app.inject({ url: '/api/auth/oidc/config' });
    expect(json(response)).toEqual({ enabled: true, label: 'UN Single Sign-On' });
  });

  it('signs a known user in through the provider, with a session like a password sign-in', async () => {
    const browser = new CookieBrowser();
    const start = await browser.request(`${appUrl}/api/auth/oidc/start`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(authorize.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${appUrl}/api/auth/oidc/callback`);
    const pendingCookie = start.headers.getSetCookie().find((c) => c.startsWith(`${OIDC_PENDING_COOKIE}=`))!;
    expect(pendingCookie).toMatch(/HttpOnly/);
    expect(pendingCookie).toMatch(/SameSite=Lax/);
    expect(pendingCookie).toMatch(/Path=\/api\/auth\/oidc/);

    provider.signInAs('focal');
    const { next } = await browser.follow(authorize.href, isCallback);
    expect(next?.searchParams.get('code')).toBeTruthy();
    expect(await sessionUser(browser)).toBeNull();
    expect(await callback(browser, next!)).toBe('/');
    expect(browser.cookie(new URL(appUrl).host, SESSION_COOKIE)).toBeTruthy();
    expect(browser.cookie(new URL(appUrl).host, OIDC_PENDING_COOKIE)).toBeUndefined();
    expect(await sessionUser(browser)).toMatchObject({ email: DEMO_EMAILS['focal-point'], role: 'focal-point' });

    const audit = await lastSignInAudit();
    expect(audit).toMatchObject({ outcome: 'success', actorLabel: DEMO_EMAILS['focal-point'], resourceType: 'user' });
    expect(audit.details).toMatchObject({ method: 'oidc', issuer: provider.issuer, subject: 'focal' });
  });

  it('counts the provider as a first factor only: the secretariat still gives its code on the sign-in page', async () => {
    const browser = new CookieBrowser();
    const next = await throughProvider(browser, 'secretariat', '/api/auth/oidc/start?returnTo=%2Freviews');
    expect(await callback(browser, next)).toBe('/sign-in');
    expect(await sessionUser(browser)).toBeNull();
    expect((await lastSignInAudit()).details).toMatchObject({ method: 'oidc', secondFactor: expect.stringMatching(/^(awaited|enrolment-required)$/) as unknown });
  });

  it('matches the e-mail whatever its case, and returns to the page asked for', async () => {
    const browser = new CookieBrowser();
    const next = await throughProvider(browser, 'focal-shouting', '/api/auth/oidc/start?returnTo=%2Freviews%3Fcycle%3D2');
    expect(await callback(browser, next)).toBe('/reviews?cycle=2');
    expect((await sessionUser(browser))?.email).toBe(DEMO_EMAILS['focal-point']);
  });

  it('never returns to another site after signing in', async () => {
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const browser = new CookieBrowser();
      const next = await throughProvider(browser, 'focal', `/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`);
      expect(await callback(browser, next), returnTo).toBe('/');
    }
  });

  it('refuses a callback whose state was changed, and leaves no session', async () => {
    const browser = new CookieBrowser();
    const next = await throughProvider(browser, 'focal');
    next.searchParams.set('state', 'forged-state-value-of-some-length');
    expect(await callback(browser, next)).toBe('/sign-in?error=oidc-state');
    expect(await sessionUser(browser)).toBeNull();
    expect((await lastSignInAudit()).details).toMatchObject({ method: 'oidc', reason: 'state' });
  });

  it('refuses a callback replayed after use, and one arriving in a browser that never started (login CSRF)', async () => {
    const victim = new CookieBrowser();
    const attacker = new CookieBrowser();
    const next = await throughProvider(attacker, 'focal');
    expect(await callback(victim, next)).toBe('/sign-in?error=oidc-state');
    expect(await sessionUser(victim)).toBeNull();

    expect(await callback(attacker, next)).toBe('/');
    const replayer = new CookieBrowser();
    expect(await callback(replayer, next)).toBe('/sign-in?error=oidc-state');
    // The attacker's browser no longer holds the pending cookie either.
    expect(await callback(attacker, next)).toBe('/sign-in?error=oidc-state');
  });

  it('refuses a forged pending cookie', async () => {
    const browser = new CookieBrowser();
    const next = await throughProvider(browser, 'focal');
    const response = await fetch(next, { redirect: 'manual', headers: { cookie: `${OIDC_PENDING_COOKIE}=eyJzdGF0ZSI6IngifQ.bad-signature` } });
    expect(response.headers.get('location')).toBe('/sign-in?error=oidc-state');
  });

  it('refuses an e-mail without an account, creating none, and audits it', async () => {
    const browser = new CookieBrowser();
    const next = await throughProvider(browser, 'stranger');
    expect(await callback(browser, next)).toBe('/sign-in?error=oidc-no-account');
    expect(await sessionUser(browser)).toBeNull();
    expect(await findUserByEmail(testDb.database.db, 'nobody@example.org')).toBeUndefined();
    const audit = await lastSignInAudit();
    expect(audit).toMatchObject({ outcome: 'failure', actorLabel: 'anonymous' });
    expect(audit.details).toMatchObject({ method: 'oidc', reason: 'no-account', email: 'nobody@example.org', subject: 'stranger' });
  });

  it('refuses an e-mail the provider has not verified', async () => {
    const browser = new CookieBrowser();
    const next = await throughProvider(browser, 'unverified');
    expect(await callback(browser, next)).toBe('/sign-in?error=oidc-email-unverified');
    expect(await sessionUser(browser)).toBeNull();
    expect((await lastSignInAudit()).details).toMatchObject({ reason: 'email-unverified' });
  });

  it('refuses a disabled account', async () => {
    const browser = new CookieBrowser();
    const next = await throughProvider(browser, 'disabled');
    expect(await callback(browser, next)).toBe('/sign-in?error=oidc-disabled');
    expect(await sessionUser(browser)).toBeNull();
    const audit = await lastSignInAudit();
    expect(audit).toMatchObject({ outcome: 'failure', resourceType: 'user' });
    expect(audit.details).toMatchObject({ reason: 'disabled' });
  });

  it('explains a sign-in the person cancelled at the provider', async () => {
    const browser = new CookieBrowser();
    const next = await throughProvider(browser, 'focal');
    const cancelled = new URL(next);
    cancelled.search = new URLSearchParams({ error: 'access_denied', state: next.searchParams.get('state')!, iss: provider.issuer }).toString();
    expect(await callback(browser, cancelled)).toBe('/sign-in?error=oidc-denied');
    expect(await sessionUser(browser)).toBeNull();
  });

  it('refuses a code the provider did not issue (the exchange fails)', async () => {
    const browser = new CookieBrowser();
    const next = await throughProvider(browser, 'focal');
    next.searchParams.set('code', 'not-a-code-from-this-provider');
    expect(await callback(browser, next)).toBe('/sign-in?error=oidc-failed');
    expect(await sessionUser(browser)).toBeNull();
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('OpenID Connect sign-in when the provider is down', () => {
  it('sends the browser back to the sign-in page with a clear error when the provider cannot be reached', async () => {
    const port = await freePort();
    const downApp = await buildTestApp(testDb.database, oidcSettings({ issuer: `http://127.0.0.1:${port}`, clientId: 'x', clientSecret: 'y' }));
    try {
      const response = await downApp.inject({ url: '/api/auth/oidc/start' });
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('/sign-in?error=oidc-unavailable');
      expect(response.headers['set-cookie']).toBeUndefined();
      expect((await lastSignInAudit()).details).toMatchObject({ method: 'oidc', reason: 'unavailable', during: 'start' });
    } finally {
      await downApp.close();
    }
  });

  it('says the same when the provider goes down between the redirect and the code exchange', async () => {
    const shortLived = await startTestProvider();
    shortLived.accounts.set('focal', { email: DEMO_EMAILS['focal-point'], email_verified: true });
    const otherApp = await buildTestApp(testDb.database, oidcSettings(shortLived));
    try {
      const otherUrl = await listen(otherApp);
      shortLived.register(`${otherUrl}/api/auth/oidc/callback`);
      shortLived.signInAs('focal');
      const browser = new CookieBrowser();
      const { next } = await browser.follow(`${otherUrl}/api/auth/oidc/start`, isCallback);
      await shortLived.close();
      const response = await browser.request(next!.href);
      expect(response.headers.get('location')).toBe('/sign-in?error=oidc-unavailable');
      expect((await lastSignInAudit()).details).toMatchObject({ reason: 'unavailable', during: 'callback' });
    } finally {
      await otherApp.close();
      await shortLived.close().catch(() => undefined);
    }
  });
});

describe('OpenID Connect sign-in when not configured', () => {
  it('hides the button and answers 404 on its routes', async () => {
    const plainApp = await buildTestApp(testDb.database);
    try {
      expect(json(await plainApp.inject({ url: '/api/auth/oidc/config' }))).toEqual({ enabled: false, label: null });
      for (const url of ['/api/auth/oidc/start', '/api/auth/oidc/callback?state=x&code=y']) {
        const response = await plainApp.inject({ url });
        expect(response.statusCode, url).toBe(404);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(json(response)).toMatchObject({ code: 'resource.notFound' });
      }
    } finally {
      await plainApp.close();
    }
  });
});
