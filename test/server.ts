/**
 * In-process server for route tests: requests go through app.inject, no port is opened.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../src/config.ts';
import type { Database } from '../src/db/client.ts';
import { insertSession } from '../src/db/repositories/sessions.ts';
import { findUserByEmail } from '../src/db/repositories/users.ts';
import { hashToken, newToken } from '../src/server/auth/tokens.ts';
import { buildApp } from '../src/server/app.ts';
import { SESSION_COOKIE } from '../src/server/plugins/session.ts';
import { TMP_DIR } from './engines.ts';

/** A tiny stand-in for the built web app, so SPA fallback and static routes exist. */
export function fakeWebDist(): string {
  const dir = path.join(TMP_DIR, 'fake-web');
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><title>Open IRM</title></head><body><div id="root"></div></body></html>');
  writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log("app")');
  return dir;
}

export function testConfig(overrides: Record<string, unknown> = {}): Config {
  return loadConfig({}, { LOG_LEVEL: 'silent', DATA_DIR: TMP_DIR, ...overrides });
}

export async function buildTestApp(database: Database, overrides: Record<string, unknown> = {}) {
  const app = await buildApp({ config: testConfig(overrides), database, logger: false, version: 'test', webDist: fakeWebDist() });
  await app.ready();
  return app;
}

export const DEMO_EMAILS = {
  secretariat: 'secretariat@demo.test',
  'focal-point': 'focal.point@demo.test',
  expert: 'expert@demo.test',
  delegate: 'delegate@demo.test',
} as const;

export interface TestSession {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

/** Opens a session straight in the database (no argon2 round trip) for a user. */
export async function sessionFor(database: Database, email: string): Promise<TestSession> {
  const user = await findUserByEmail(database.db, email);
  if (!user) throw new Error(`No user ${email} in the test database`);
  const token = newToken();
  const csrf = newToken();
  await insertSession(database.db, { tokenHash: hashToken(token), userId: user.id, csrfToken: csrf, expiresAt: new Date(Date.now() + 3_600_000), ip: null, userAgent: 'test' });
  const cookie = `${SESSION_COOKIE}=${token}`;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

export function json<T = Record<string, unknown>>(response: LightMyRequestResponse): T {
  return JSON.parse(response.body) as T;
}

/**
 * Opens a review through the API as the secretariat and records its start and the
 * appointment of its focal point, as most checklist tests need; returns its id.
 */
export async function openReviewWithFocalPoint(
  app: { inject: (options: { method: 'POST'; url: string; headers: Record<string, string>; payload: unknown }) => Promise<LightMyRequestResponse> },
  secretariat: TestSession,
  review: { state: string; cycle: number; reviewers: [string, string]; started: string; focalPointAppointed: string },
): Promise<string> {
  const created = await app.inject({ method: 'POST', url: '/api/reviews', headers: secretariat.headers, payload: { state: review.state, cycle: review.cycle, cohortYear: 1, reviewers: review.reviewers } });
  if (created.statusCode !== 201) throw new Error(`Opening the review failed: ${created.body}`);
  const id = json<{ review: { id: string } }>(created).review.id;
  let version = json<{ review: { version: number } }>(created).review.version;
  for (const [kind, date] of [['started', review.started], ['focalPointAppointed', review.focalPointAppointed]] as const) {
    const recorded = await app.inject({ method: 'POST', url: `/api/reviews/${id}/milestones`, headers: secretariat.headers, payload: { kind, date, version } });
    if (recorded.statusCode !== 200) throw new Error(`Recording ${kind} failed: ${recorded.body}`);
    version = json<{ review: { version: number } }>(recorded).review.version;
  }
  return id;
}
