import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/query-rows.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { totpCodeAt } from '../../src/domain/accounts/two-factor.ts';
import { DEMO_TOTP_SECRET } from '../../src/server/use-cases/seed-demo.ts';
import { buildTestApp, json, sessionFor } from '../server.ts';

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database, { LOGIN_MAX_FAILURES: 3, LOGIN_RATE_LIMIT_PER_MINUTE: 1000 });
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });

function cookieOf(response: Awaited<ReturnType<typeof login>>): string {
  const raw = response.headers['set-cookie'];
  const header = Array.isArray(raw) ? raw[0]! : raw!;
  return header.split(';')[0]!;
}

describe('sign-in', () => {
  it('signs in with the demo password and sets an HttpOnly SameSite session cookie', async () => {
    const response = await login('Delegate@Demo.test', 'open-irm-demo');
    expect(response.statusCode).toBe(200);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/openirm_session=[\w-]{40,}/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).not.toContain('Secure');
    const body = json<{ user: { role: string }; csrfToken: string; abilities: Record<string, boolean>; pendingSignIn: unknown }>(response);
    expect(body.user.role).toBe('delegate');
    expect(body.pendingSignIn).toBeNull();
    const session = json<{ user: { email: string } }>(await app.inject({ url: '/api/session', headers: { cookie: cookieOf(response) } }));
    expect(session.user.email).toBe('delegate@demo.test');
  });

  it('signs the secretariat in with the password, then a code from the demo authenticator secret, under a new token', async () => {
    const first = await login('Secretariat@Demo.test', 'open-irm-demo');
    expect(first.statusCode).toBe(200);
    const pending = json<{ user: unknown; csrfToken: string; abilities: Record<string, boolean>; pendingSignIn: { stage: string } }>(first);
    expect(pending.user).toBeNull();
    expect(pending.pendingSignIn.stage).toBe('mfa');
    expect(pending.abilities['users.list']).toBe(false);
    const second = await app.inject({
      method: 'POST',
      url: '/api/auth/two-factor',
      headers: { cookie: cookieOf(first), 'x-csrf-token': pending.csrfToken },
      payload: { code: totpCodeAt(DEMO_TOTP_SECRET, new Date()) },
    });
    expect(second.statusCode).toBe(200);
    const body = json<{ user: { role: string }; abilities: Record<string, boolean> }>(second);
    expect(body.user.role).toBe('secretariat');
    expect(body.abilities['users.list']).toBe(true);
    expect(cookieOf(second)).not.toBe(cookieOf(first));
    const session = json<{ user: { email: string } }>(await app.inject({ url: '/api/session', headers: { cookie: cookieOf(second) } }));
    expect(session.user.email).toBe('secretariat@demo.test');
    expect(json<{ user: unknown }>(await app.inject({ url: '/api/session', headers: { cookie: cookieOf(first) } })).user).toBeNull();
  });

  it('marks the cookie Secure when served over HTTPS behind a trusted proxy', async () => {
    const proxied = await buildTestApp(testDb.database, { TRUST_PROXY: true });
    const response = await proxied.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'delegate@demo.test', password: 'open-irm-demo' }, headers: { 'x-forwarded-proto': 'https' } });
    expect(String(response.headers['set-cookie'])).toContain('Secure');
    expect(response.headers['strict-transport-security']).toContain('max-age=');
    await proxied.close();
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const unknown = await login('nobody@demo.test', 'open-irm-demo');
    const wrong = await login('delegate@demo.test', 'not-the-password');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
    expect(unknown.headers['set-cookie']).toBeUndefined();
  });

  it('locks an account after repeated failures, even for the right password, and records it', async () => {
    for (let i = 0; i < 3; i += 1) expect((await login('expert@demo.test', 'wrong-password-x')).statusCode).toBe(401);
    const locked = await login('expert@demo.test', 'open-irm-demo');
    expect(locked.statusCode).toBe(401);
    const rows = { rows: await queryRows<{ reason: string }>(testDb.database.db, sql`select details->>'reason' as reason from audit_events where action = 'auth.login' and outcome = 'failure' and details->>'email' = 'expert@demo.test' order by id`) };
    expect(rows.rows.map((r) => r.reason)).toEqual(['wrong-password', 'wrong-password', 'wrong-password', 'locked']);
  });

  it('refuses a cross-site sign-in', async () => {
    const response = await login('delegate@demo.test', 'open-irm-demo', { origin: 'https://evil.example' });
    expect(response.statusCode).toBe(403);
    expect(json<{ code: string }>(response).code).toBe('auth.csrf');
  });
});

describe('CSRF and sessions', () => {
  it('refuses a state-changing request without the CSRF token', async () => {
    const session = await sessionFor(testDb.database, 'secretariat@demo.test');
    const response = await app.inject({ method: 'POST', url: '/api/parties/MCO/accession', headers: { cookie: session.cookie }, payload: { effectiveOn: '2026-01-01' } });
    expect(response.statusCode).toBe(403);
    expect(json<{ code: string }>(response).code).toBe('auth.csrf');
  });

  it('logs out everywhere: every session of the user ends', async () => {
    const first = await sessionFor(testDb.database, 'delegate@demo.test');
    const second = await sessionFor(testDb.database, 'delegate@demo.test');
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout-everywhere', headers: first.headers });
    expect(out.statusCode).toBe(204);
    const after = json<{ user: unknown }>(await app.inject({ url: '/api/session', headers: { cookie: second.cookie } }));
    expect(after.user).toBeNull();
  });

  it('logs out of one session only', async () => {
    const first = await sessionFor(testDb.database, 'focal.point@demo.test');
    const second = await sessionFor(testDb.database, 'focal.point@demo.test');
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: first.headers })).statusCode).toBe(204);
    expect(json<{ user: unknown }>(await app.inject({ url: '/api/session', headers: { cookie: first.cookie } })).user).toBeNull();
    expect(json<{ user: unknown }>(await app.inject({ url: '/api/session', headers: { cookie: second.cookie } })).user).not.toBeNull();
  });

  it('changes a password: weak ones are refused, every session ends, this one goes on under a new token', async () => {
    const current = await sessionFor(testDb.database, 'focal.point@demo.test');
    const other = await sessionFor(testDb.database, 'focal.point@demo.test');
    const weak = await app.inject({ method: 'POST', url: '/api/account/password', headers: current.headers, payload: { currentPassword: 'open-irm-demo', newPassword: 'short' } });
    expect(weak.statusCode).toBe(422);
    const ok = await app.inject({ method: 'POST', url: '/api/account/password', headers: current.headers, payload: { currentPassword: 'open-irm-demo', newPassword: 'a-much-longer-passphrase' } });
    expect(ok.statusCode).toBe(204);
    expect(json<{ user: unknown }>(await app.inject({ url: '/api/session', headers: { cookie: other.cookie } })).user).toBeNull();
    expect(json<{ user: unknown }>(await app.inject({ url: '/api/session', headers: { cookie: current.cookie } })).user).toBeNull();
    expect(cookieOf(ok)).not.toBe(current.cookie);
    expect(json<{ user: unknown }>(await app.inject({ url: '/api/session', headers: { cookie: cookieOf(ok) } })).user).not.toBeNull();
    expect((await login('focal.point@demo.test', 'a-much-longer-passphrase')).statusCode).toBe(200);
  });
});

describe('account administration', () => {
  it('lets the secretariat create, list and disable users; a disabled user loses access at once', async () => {
    const admin = await sessionFor(testDb.database, 'secretariat@demo.test');
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { email: 'New.Expert@Example.org', displayName: 'New Expert', role: 'expert', stateIso3: 'fra', password: 'correct horse battery' },
    });
    expect(created.statusCode).toBe(201);
    const user = json<{ user: { id: string; email: string; stateIso3: string } }>(created).user;
    expect(user).toMatchObject({ email: 'new.expert@example.org', stateIso3: 'FRA' });
    expect(created.body).not.toContain('argon2');

    const duplicate = await app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload: { email: 'new.expert@example.org', displayName: 'Again', role: 'delegate', password: 'correct horse battery' } });
    expect(duplicate.statusCode).toBe(409);
    const noState = await app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload: { email: 'fp@example.org', displayName: 'FP', role: 'focal-point', password: 'correct horse battery' } });
    expect(noState.statusCode).toBe(422);

    const theirSession = await sessionFor(testDb.database, 'new.expert@example.org');
    const disabled = await app.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: admin.headers, payload: { isDisabled: true } });
    expect(disabled.statusCode).toBe(200);
    expect(json<{ user: unknown }>(await app.inject({ url: '/api/session', headers: { cookie: theirSession.cookie } })).user).toBeNull();
    expect((await login('new.expert@example.org', 'correct horse battery')).statusCode).toBe(401);

    const list = json<{ users: { email: string; isDisabled: boolean }[] }>(await app.inject({ url: '/api/users', headers: admin.headers }));
    expect(list.users.find((u) => u.email === 'new.expert@example.org')!.isDisabled).toBe(true);
  });
});
