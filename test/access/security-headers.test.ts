/**
 * Security headers, CSRF and session cookies (issue 9, docs/SECURITY.md): the exact CSP on
 * HTML pages, API answers and downloads; HSTS only over HTTPS (behind a trusted proxy);
 * every state-changing route refuses a signed-in request without the right x-csrf-token
 * and changes nothing; the session cookie is HttpOnly, SameSite and Secure over HTTPS.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../src/domain/accounts/roles.ts';
import { findUserByEmail } from '../../src/db/repositories/users.ts';
import { may } from '../../src/policies/policy.ts';
import { queryRows } from '../../src/db/query-rows.ts';
import { DEMO_PASSWORD } from '../../src/server/use-cases/seed-demo.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, DEMO_EMAILS, sessionFor } from '../server.ts';

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database, { TRUST_PROXY: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: 10_000 });
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

/** The CSP as a map directive → sources. */
export function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...sources] = part.split(/\s+/);
    directives.set(name!.toLowerCase(), sources);
  }
  return directives;
}

/** One page, one API answer, one download, one static asset: every kind of response. */
const SAMPLES = ['/', '/parties', '/api/health', '/api/parties', '/api/open/v1/reviews.csv', '/assets/app.js', '/api/nothing-here'];

function expectStrictHeaders(response: LightMyRequestResponse, label: string): void {
  const csp = parseCsp(String(response.headers['content-security-policy'] ?? ''));
  expect(csp.get('default-src'), label).toEqual(["'self'"]);
  expect(csp.get('script-src'), label).toEqual(["'self'"]);
  for (const [name, sources] of csp) if (name.startsWith('script-src')) for (const bad of ["'unsafe-inline'", "'unsafe-eval'"]) expect(sources, `${label} ${name}`).not.toContain(bad);
  expect(csp.get('object-src'), label).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors'), label).toEqual(["'none'"]);
  expect(csp.get('base-uri'), label).toEqual(["'self'"]);
  expect(csp.get('form-action'), label).toEqual(["'self'"]);
  expect(response.headers['x-content-type-options'], label).toBe('nosniff');
  expect(response.headers['referrer-policy'], label).toBe('no-referrer');
  expect(response.headers['cross-origin-opener-policy'], label).toBe('same-origin');
  expect(response.headers['x-frame-options'], label).toBe('SAMEORIGIN');
}

describe('security headers', () => {
  it('sends the strict CSP and the other headers on pages, API answers and downloads, and HSTS over HTTPS only', async () => {
    for (const url of SAMPLES) {
      const http = await app.inject({ url });
      expect(http.statusCode, url).toBeLessThan(500);
      expectStrictHeaders(http, `${url} (http)`);
      expect(http.headers['strict-transport-security'], url).toBeUndefined();
      const https = await app.inject({ url, headers: { 'x-forwarded-proto': 'https' } });
      expectStrictHeaders(https, `${url} (https)`);
      expect(https.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
    }
  });

  it('ignores x-forwarded-proto when the proxy is not trusted', async () => {
    const untrusting = await buildTestApp(testDb.database, { TRUST_PROXY: 'false' });
    const response = await untrusting.inject({ url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(response.headers['strict-transport-security']).toBeUndefined();
    await untrusting.close();
  });

  it('the built web app has no inline script (checked when dist/web exists)', () => {
    const index = path.resolve('dist/web/index.html');
    if (!existsSync(index)) return;
    const html = readFileSync(index, 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes, 'every script is loaded from a file').toMatch(/\bsrc=/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(readdirSync(path.resolve('dist/web/assets')).some((f) => f.endsWith('.js'))).toBe(true);
  });
});

describe('CSRF', () => {
  /** Rows in every table, to prove a refused write changed nothing. */
  async function tableCounts(): Promise<Record<string, number>> {
    const tables = await queryRows<{ table_name: string }>(testDb.database.db, sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
    const counts: Record<string, number> = {};
    for (const { table_name } of tables) {
      const [first] = await queryRows<{ n: number }>(testDb.database.db, sql.raw(`select count(*)::int as n from "${table_name}"`));
      counts[table_name] = first!.n;
    }
    return counts;
  }

  it('refuses every state-changing route without the x-csrf-token header or with a wrong one, and changes nothing', async () => {
    const writes = app.registeredRoutes.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method));
    expect(writes.length).toBeGreaterThan(60);
    // Per route, a demo account the route admits: the policy is checked before CSRF.
    const accounts = await Promise.all(
      Object.entries(DEMO_EMAILS).map(async ([role, email]) => {
        const user = (await findUserByEmail(testDb.database.db, email))!;
        const actor: Actor = { kind: 'user', userId: user.id, role: role as Role, stateIso3: user.stateIso3, email };
        return { actor, session: await sessionFor(testDb.database, email) };
      }),
    );
    const before = await tableCounts();
    const failures: string[] = [];
    for (const route of writes) {
      const account = accounts.find((a) => may(a.actor, route.action));
      if (!account) {
        failures.push(`${route.method} ${route.url}: no demo account may call it`);
        continue;
      }
      const { session } = account;
      const url = route.url.replace(/:(\w+)/g, (_, name: string) => (name === 'iso3' ? 'AUT' : /^(number|year|round|article|sequence|cycle)$/.test(name) ? '1' : name === 'language' ? 'fr' : name === 'provisionId' ? '5.1' : '00000000-0000-4000-8000-000000000000'));
      for (const [how, headers] of [
        ['no token', { cookie: session.cookie }],
        ['wrong token', { cookie: session.cookie, 'x-csrf-token': `${session.csrf.slice(0, -2)}xx` }],
        ['empty token', { cookie: session.cookie, 'x-csrf-token': '' }],
      ] as const) {
        const response = await app.inject({ method: route.method as 'POST', url, headers, payload: {} });
        const code = response.headers['content-type']?.toString().includes('json') ? (JSON.parse(response.body) as { code?: string }).code : undefined;
        if (response.statusCode !== 403 || code !== 'auth.csrf') failures.push(`${route.method} ${route.url} (${how}): ${response.statusCode} ${code}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await tableCounts()).toEqual(before);
  });

  it('accepts the right token (the check is not refusing everything)', async () => {
    const session = await sessionFor(testDb.database, DEMO_EMAILS.secretariat);
    const response = await app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: session.headers, payload: {} });
    expect(response.statusCode).toBeLessThan(300);
  });
});

describe('session cookie', () => {
  async function signIn(headers: Record<string, string>) {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { email: DEMO_EMAILS.delegate, password: DEMO_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'openirm_session');
    expect(cookie).toBeDefined();
    return cookie!;
  }

  it('is HttpOnly and SameSite=Lax, and Secure over HTTPS', async () => {
    const overHttp = await signIn({});
    expect(overHttp.httpOnly).toBe(true);
    expect(String(overHttp.sameSite).toLowerCase()).toMatch(/^(lax|strict)$/);
    expect(overHttp.path).toBe('/');
    const overHttps = await signIn({ 'x-forwarded-proto': 'https' });
    expect(overHttps.httpOnly).toBe(true);
    expect(overHttps.secure).toBe(true);
    expect(String(overHttps.sameSite).toLowerCase()).toMatch(/^(lax|strict)$/);
  });

  it('refuses a cross-site sign-in (no CSRF token exists yet)', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: 'https://evil.example', host: 'localhost:80' }, payload: { email: DEMO_EMAILS.delegate, password: DEMO_PASSWORD } });
    expect(response.statusCode).toBe(403);
  });
});
