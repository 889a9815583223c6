/**
 * Two-factor sign-in end to end through the API, on both engines: enrolment, the second
 * step with a TOTP code or a recovery code, replay and guessing refused, what a half-done
 * sign-in can reach, the requirement for the secretariat, session rotation and expiry.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from '../../src/domain/accounts/two-factor.ts';
import { queryRows } from '../../src/db/query-rows.ts';
import { insertSession } from '../../src/db/repositories/sessions.ts';
import { findUserByEmail } from '../../src/db/repositories/users.ts';
import { hashToken, newToken } from '../../src/server/auth/tokens.ts';
import { SESSION_COOKIE } from '../../src/server/plugins/session.ts';
import { DEMO_TOTP_SECRET } from '../../src/server/use-cases/seed-demo.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, DEMO_EMAILS, json, sessionFor } from '../server.ts';

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database, { LOGIN_MAX_FAILURES: 3, LOGIN_RATE_LIMIT_PER_MINUTE: 10_000, SESSION_MAX_HOURS: 72, SESSION_TTL_HOURS: 12 });
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

type Response = Awaited<ReturnType<typeof app.inject>>;
interface Client {
  cookie: string;
  csrf: string;
}

function cookieOf(response: Response): string {
  const raw = response.headers['set-cookie'];
  const header = Array.isArray(raw) ? raw[0]! : raw!;
  return header.split(';')[0]!;
}

function clientOf(response: Response): Client {
  return { cookie: cookieOf(response), csrf: json<{ csrfToken: string }>(response).csrfToken };
}

const headersOf = (client: Client) => ({ cookie: client.cookie, 'x-csrf-token': client.csrf });
const post = (url: string, client: Client, payload: unknown = {}) => app.inject({ method: 'POST', url, headers: headersOf(client), payload: payload as object });
const sessionUser = async (cookie: string) => json<{ user: { email: string } | null; pendingSignIn: { stage: string } | null }>(await app.inject({ url: '/api/session', headers: { cookie } }));
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000);

async function passwordStep(email: string, password = 'open-irm-demo'): Promise<{ response: Response; client: Client }> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  expect(response.statusCode).toBe(200);
  return { response, client: clientOf(response) };
}

async function failureReasons(email: string, action: string): Promise<string[]> {
  const user = (await findUserByEmail(testDb.database.db, email))!;
  const rows = await queryRows<{ reason: string }>(
    testDb.database.db,
    sql`select details->>'reason' as reason from audit_events where action = ${action} and outcome = 'failure' and resource_id = ${user.id} order by id`,
  );
  return rows.map((row) => row.reason);
}

async function auditActions(email: string): Promise<string[]> {
  const user = (await findUserByEmail(testDb.database.db, email))!;
  const rows = await queryRows<{ action: string }>(testDb.database.db, sql`select action from audit_events where resource_id = ${user.id} and outcome = 'success' order by id`);
  return rows.map((row) => row.action);
}

describe('enrolment and sign-in of an optional user (the expert)', () => {
  let secret = '';
  let enrolmentCode = '';
  let recoveryCodes: string[] = [];

  it('enrols: secret and QR code, a wrong code refused, a right one switches it on with ten recovery codes and new tokens', async () => {
    const current = await sessionFor(testDb.database, DEMO_EMAILS.expert);
    const other = await sessionFor(testDb.database, DEMO_EMAILS.expert);
    expect(json<{ enabled: boolean; required: boolean }>(await app.inject({ url: '/api/account/two-factor', headers: current.headers }))).toMatchObject({ enabled: false, required: false });

    const setup = await post('/api/account/two-factor/setup', current);
    expect(setup.statusCode).toBe(200);
    const offered = json<{ secret: string; uri: string; qrCode: string }>(setup);
    expect(offered.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(offered.uri).toContain(`secret=${offered.secret}`);
    expect(offered.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(offered.qrCode.split(',')[1]!, 'base64').toString()).toContain('<svg');
    secret = offered.secret;

    const wrong = await post('/api/account/two-factor/confirm', current, { code: totpCodeAt(secret, inSeconds(-300)) });
    expect(wrong.statusCode).toBe(401);
    expect(json<{ enabled: boolean }>(await app.inject({ url: '/api/account/two-factor', headers: current.headers })).enabled).toBe(false);

    enrolmentCode = totpCodeAt(secret, new Date());
    const confirmed = await post('/api/account/two-factor/confirm', current, { code: enrolmentCode });
    expect(confirmed.statusCode).toBe(200);
    const body = json<{ recoveryCodes: string[]; user: { email: string } }>(confirmed);
    recoveryCodes = body.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(body.user.email).toBe(DEMO_EMAILS.expert);

    // Status change: both old sessions end; the acting one continues under a new token.
    expect((await sessionUser(current.cookie)).user).toBeNull();
    expect((await sessionUser(other.cookie)).user).toBeNull();
    const rotated = clientOf(confirmed);
    expect(rotated.cookie).not.toBe(current.cookie);
    const status = json<{ enabled: boolean; recoveryCodesLeft: number }>(await app.inject({ url: '/api/account/two-factor', headers: headersOf(rotated) }));
    expect(status).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });

    // Only hashes are stored.
    const stored = await queryRows<{ code_hash: string }>(testDb.database.db, sql`select code_hash from user_recovery_codes`);
    for (const code of recoveryCodes) expect(stored.map((row) => row.code_hash)).not.toContain(code);
    expect(await auditActions(DEMO_EMAILS.expert)).toContain('account.twoFactorEnable');
  });

  it('asks for a code after the password; the step used at enrolment is refused as a replay, the next one signs in', async () => {
    const { response, client } = await passwordStep(DEMO_EMAILS.expert);
    expect(json<{ user: unknown; pendingSignIn: { stage: string } }>(response)).toMatchObject({ user: null, pendingSignIn: { stage: 'mfa' } });

    const replay = await post('/api/auth/two-factor', client, { code: enrolmentCode });
    expect(replay.statusCode).toBe(401);
    const next = await post('/api/auth/two-factor', client, { code: totpCodeAt(secret, inSeconds(30)) });
    expect(next.statusCode).toBe(200);
    const signedIn = clientOf(next);
    expect(signedIn.cookie).not.toBe(client.cookie);
    expect((await sessionUser(signedIn.cookie)).user?.email).toBe(DEMO_EMAILS.expert);
    expect(await failureReasons(DEMO_EMAILS.expert, 'auth.secondFactor')).toEqual(['reused']);

    // The same code again, in a new sign-in: its step is spent.
    const again = await passwordStep(DEMO_EMAILS.expert);
    expect((await post('/api/auth/two-factor', again.client, { code: totpCodeAt(secret, inSeconds(30)) })).statusCode).toBe(401);
  });

  it('accepts a recovery code once only (any case, with or without the dash)', async () => {
    const first = await passwordStep(DEMO_EMAILS.expert);
    const code = recoveryCodes[3]!;
    const used = await post('/api/auth/two-factor', first.client, { code: code.toUpperCase().replace('-', ' ') });
    expect(used.statusCode).toBe(200);
    const left = json<{ recoveryCodesLeft: number }>(await app.inject({ url: '/api/account/two-factor', headers: headersOf(clientOf(used)) }));
    expect(left.recoveryCodesLeft).toBe(9);

    const second = await passwordStep(DEMO_EMAILS.expert);
    expect((await post('/api/auth/two-factor', second.client, { code })).statusCode).toBe(401);
    expect(await auditActions(DEMO_EMAILS.expert)).toContain('account.recoveryCodeUse');
  });

  it('regenerates recovery codes with a current code; the old ones stop working', async () => {
    const session = await sessionFor(testDb.database, DEMO_EMAILS.expert);
    expect((await post('/api/account/two-factor/recovery-codes', session, { code: recoveryCodes[0]! })).statusCode).toBe(401);
    // Both steps around now are spent; move the record back two steps, as if a minute had passed.
    await testDb.database.db.execute(sql`update users set totp_last_step = totp_last_step - 2 where email = ${DEMO_EMAILS.expert}`);
    const fresh = await post('/api/account/two-factor/recovery-codes', session, { code: totpCodeAt(secret, new Date()) });
    expect(fresh.statusCode).toBe(200);
    const codes = json<{ recoveryCodes: string[] }>(fresh).recoveryCodes;
    expect(codes).toHaveLength(10);
    const pending = await passwordStep(DEMO_EMAILS.expert);
    expect((await post('/api/auth/two-factor', pending.client, { code: recoveryCodes[0]! })).statusCode).toBe(401);
    expect((await post('/api/auth/two-factor', pending.client, { code: codes[0]! })).statusCode).toBe(200);
    recoveryCodes = codes.slice(1);
  });

  it('disables with a current code: every session ends, the acting one gets a new token; the next sign-in has one step', async () => {
    const current = await sessionFor(testDb.database, DEMO_EMAILS.expert);
    const other = await sessionFor(testDb.database, DEMO_EMAILS.expert);
    expect((await post('/api/account/two-factor/disable', current, { code: '000000' })).statusCode).toBe(401);
    const off = await post('/api/account/two-factor/disable', current, { code: recoveryCodes[0]! });
    expect(off.statusCode).toBe(200);
    expect((await sessionUser(current.cookie)).user).toBeNull();
    expect((await sessionUser(other.cookie)).user).toBeNull();
    expect((await sessionUser(clientOf(off).cookie)).user?.email).toBe(DEMO_EMAILS.expert);
    const { response } = await passwordStep(DEMO_EMAILS.expert);
    expect(json<{ user: { email: string } }>(response).user.email).toBe(DEMO_EMAILS.expert);
    expect(await auditActions(DEMO_EMAILS.expert)).toContain('account.twoFactorDisable');
  });
});

describe('a half-done sign-in', () => {
  it('cannot reach routes that need a signed-in user, nor change anything', async () => {
    const { client } = await passwordStep(DEMO_EMAILS.secretariat);
    expect((await sessionUser(client.cookie)).pendingSignIn?.stage).toBe('mfa');
    for (const url of ['/api/users', '/api/audit', '/api/account/two-factor', '/api/notifications', '/api/inbox']) {
      const response = await app.inject({ url, headers: headersOf(client) });
      expect(response.statusCode, url).toBe(401);
    }
    expect((await post('/api/account/password', client, { currentPassword: 'open-irm-demo', newPassword: 'another-long-passphrase' })).statusCode).toBe(401);
    expect((await post('/api/users', client, { email: 'x@demo.test', displayName: 'X', role: 'delegate', password: 'another-long-passphrase' })).statusCode).toBe(401);
    expect((await post('/api/auth/logout-everywhere', client)).statusCode).toBe(401);
    // Nor can it set up a second authenticator for an account that already has one.
    expect((await post('/api/account/two-factor/setup', client)).statusCode).toBe(400);
    // Abandoning it ends it.
    expect((await app.inject({ method: 'DELETE', url: '/api/auth/two-factor', headers: headersOf(client) })).statusCode).toBe(204);
    expect((await sessionUser(client.cookie)).pendingSignIn).toBeNull();
  });

  it('refuses a code without a pending sign-in, and a code from a full session', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/auth/two-factor', payload: { code: '123456' } })).statusCode).toBe(400);
    const full = await sessionFor(testDb.database, DEMO_EMAILS.secretariat);
    expect((await post('/api/auth/two-factor', full, { code: totpCodeAt(DEMO_TOTP_SECRET, new Date()) })).statusCode).toBe(400);
  });

  it('counts wrong codes with the password failures and locks the account, even against the right code', async () => {
    const { client } = await passwordStep(DEMO_EMAILS.secretariat);
    for (const code of ['000000', '999999', 'abcde-fghjk']) expect((await post('/api/auth/two-factor', client, { code })).statusCode).toBe(401);
    expect((await post('/api/auth/two-factor', client, { code: totpCodeAt(DEMO_TOTP_SECRET, inSeconds(30)) })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: DEMO_EMAILS.secretariat, password: 'open-irm-demo' } })).statusCode).toBe(401);
    expect(await failureReasons(DEMO_EMAILS.secretariat, 'auth.secondFactor')).toEqual(['wrong', 'wrong', 'wrong-recovery-code', 'locked']);
    await testDb.database.db.execute(sql`update users set failed_login_count = 0, locked_until = null where email = ${DEMO_EMAILS.secretariat}`);
  });
});

describe('required for the secretariat', () => {
  it('a new secretariat officer without two-factor gets only an enrolment session until enrolled; cannot turn it off', async () => {
    const admin = await sessionFor(testDb.database, DEMO_EMAILS.secretariat);
    const created = await post('/api/users', admin, { email: 'officer@demo.test', displayName: 'New Officer', role: 'secretariat', password: 'a-long-officer-passphrase' });
    expect(created.statusCode).toBe(201);
    expect(json<{ user: { twoFactorEnabled: boolean } }>(created).user.twoFactorEnabled).toBe(false);

    const { response, client } = await passwordStep('officer@demo.test', 'a-long-officer-passphrase');
    expect(json<{ user: unknown; pendingSignIn: { stage: string } }>(response)).toMatchObject({ user: null, pendingSignIn: { stage: 'enrol' } });
    expect((await app.inject({ url: '/api/users', headers: headersOf(client) })).statusCode).toBe(401);
    expect((await post('/api/auth/two-factor', client, { code: '123456' })).statusCode).toBe(400);

    const secret = json<{ secret: string }>(await post('/api/account/two-factor/setup', client)).secret;
    const confirmed = await post('/api/account/two-factor/confirm', client, { code: totpCodeAt(secret, new Date()) });
    expect(confirmed.statusCode).toBe(200);
    const officer = clientOf(confirmed);
    expect(json<{ user: { role: string } }>(confirmed).user.role).toBe('secretariat');
    expect((await app.inject({ url: '/api/users', headers: headersOf(officer) })).statusCode).toBe(200);
    expect((await sessionUser(client.cookie)).pendingSignIn).toBeNull();

    const refused = await post('/api/account/two-factor/disable', officer, { code: totpCodeAt(secret, inSeconds(30)) });
    expect(refused.statusCode).toBe(403);
    expect(json<{ enabled: boolean; required: boolean }>(await app.inject({ url: '/api/account/two-factor', headers: headersOf(officer) }))).toMatchObject({ enabled: true, required: true });

    // The secretariat resets it (lost phone): the officer's sessions end; the next sign-in leads to enrolment again.
    const officerId = (await findUserByEmail(testDb.database.db, 'officer@demo.test'))!.id;
    const reset = await post(`/api/users/${officerId}/two-factor/reset`, admin);
    expect(reset.statusCode).toBe(200);
    expect(json<{ user: { twoFactorEnabled: boolean } }>(reset).user.twoFactorEnabled).toBe(false);
    expect((await sessionUser(officer.cookie)).user).toBeNull();
    expect(json<{ pendingSignIn: { stage: string } }>((await passwordStep('officer@demo.test', 'a-long-officer-passphrase')).response).pendingSignIn.stage).toBe('enrol');
    expect(await auditActions('officer@demo.test')).toEqual(expect.arrayContaining(['account.twoFactorEnable', 'users.resetTwoFactor']));

    // Only the secretariat may reset.
    const expert = await sessionFor(testDb.database, DEMO_EMAILS.expert);
    expect((await post(`/api/users/${officerId}/two-factor/reset`, expert)).statusCode).toBe(403);
  });

  it('is not asked of anyone when MFA_REQUIRED_ROLES is none', async () => {
    const relaxed = await buildTestApp(testDb.database, { MFA_REQUIRED_ROLES: 'none' });
    const response = await relaxed.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'officer@demo.test', password: 'a-long-officer-passphrase' } });
    expect(json<{ user: { role: string }; pendingSignIn: unknown }>(response)).toMatchObject({ user: { role: 'secretariat' }, pendingSignIn: null });
    await relaxed.close();
  });
});

describe('session expiry', () => {
  async function sessionAt(email: string, created: Date, expires: Date): Promise<string> {
    const user = (await findUserByEmail(testDb.database.db, email))!;
    const token = newToken();
    await insertSession(testDb.database.db, { tokenHash: hashToken(token), userId: user.id, csrfToken: newToken(), expiresAt: expires, ip: null, userAgent: 'test' });
    await testDb.database.db.execute(sql`update sessions set created_at = ${created.toISOString()}::timestamptz where token_hash = ${hashToken(token)}`);
    return `${SESSION_COOKIE}=${token}`;
  }

  it('ends a session idle past its expiry', async () => {
    const cookie = await sessionAt(DEMO_EMAILS.delegate, inSeconds(-3600), inSeconds(-1));
    expect((await sessionUser(cookie)).user).toBeNull();
  });

  it('ends an active session past the absolute maximum (SESSION_MAX_HOURS), and never slides past it', async () => {
    const tooOld = await sessionAt(DEMO_EMAILS.delegate, inSeconds(-72 * 3600 - 60), inSeconds(3600));
    expect((await sessionUser(tooOld)).user).toBeNull();

    const nearlyOld = await sessionAt(DEMO_EMAILS.delegate, inSeconds(-71 * 3600), inSeconds(60));
    expect((await sessionUser(nearlyOld)).user?.email).toBe(DEMO_EMAILS.delegate);
    const token = nearlyOld.split('=')[1]!;
    const rows = await queryRows<{ expires_at: string | Date; created_at: string | Date }>(testDb.database.db, sql`select expires_at, created_at from sessions where token_hash = ${hashToken(token)}`);
    const lifetimeHours = (new Date(rows[0]!.expires_at).getTime() - new Date(rows[0]!.created_at).getTime()) / 3_600_000;
    expect(lifetimeHours).toBeGreaterThan(71.9);
    expect(lifetimeHours).toBeLessThanOrEqual(72);
  });

  it('slides a young session forward by the idle time', async () => {
    const cookie = await sessionAt(DEMO_EMAILS.delegate, inSeconds(-60), inSeconds(60));
    expect((await sessionUser(cookie)).user).not.toBeNull();
    const rows = await queryRows<{ expires_at: string | Date }>(testDb.database.db, sql`select expires_at from sessions where token_hash = ${hashToken(cookie.split('=')[1]!)}`);
    expect(new Date(rows[0]!.expires_at).getTime()).toBeGreaterThan(Date.now() + 11 * 3_600_000);
  });
});

describe('rotation on a change of role or State', () => {
  it('ends every session of a user whose role or State changes, however it is changed (database trigger)', async () => {
    const first = await sessionFor(testDb.database, DEMO_EMAILS['focal-point']);
    const second = await sessionFor(testDb.database, DEMO_EMAILS['focal-point']);
    const bystander = await sessionFor(testDb.database, DEMO_EMAILS.expert);
    await testDb.database.db.execute(sql`update users set display_name = 'Renamed' where email = ${DEMO_EMAILS['focal-point']}`);
    expect((await sessionUser(first.cookie)).user).not.toBeNull();

    await testDb.database.db.execute(sql`update users set state_iso3 = 'KEN' where email = ${DEMO_EMAILS['focal-point']}`);
    expect((await sessionUser(first.cookie)).user).toBeNull();
    expect((await sessionUser(second.cookie)).user).toBeNull();
    expect((await sessionUser(bystander.cookie)).user).not.toBeNull();

    const again = await sessionFor(testDb.database, DEMO_EMAILS['focal-point']);
    await testDb.database.db.execute(sql`update users set role = 'expert' where email = ${DEMO_EMAILS['focal-point']}`);
    expect((await sessionUser(again.cookie)).user).toBeNull();
  });
});
