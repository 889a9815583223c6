/**
 * Every registered route × every role. The expected answer comes from the policy layer:
 * a role the policy refuses gets 401 (public) or 403/404, a role it allows gets anything
 * but those. A route registered without a policy action fails this test (and startup).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Role } from '../src/domain/accounts/roles.ts';
import { may } from '../src/policies/policy.ts';
import { ACTIONS } from '../src/policies/actions.ts';
import { findUserByEmail } from '../src/db/repositories/users.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { buildTestApp, DEMO_EMAILS, sessionFor } from './server.ts';

type Subject = Role | 'public';
const SUBJECTS: Subject[] = ['public', 'secretariat', 'focal-point', 'expert', 'delegate'];

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let delegateId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database, { LOGIN_RATE_LIMIT_PER_MINUTE: 10_000 });
  delegateId = (await findUserByEmail(testDb.database.db, DEMO_EMAILS.delegate))!.id;
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

const PARAMS: Record<string, () => string> = {
  iso3: () => 'MCO',
  number: () => '2',
  year: () => '3',
  id: () => delegateId,
  provisionId: () => '5.1',
  threadId: () => delegateId,
  attachmentId: () => delegateId,
  sessionId: () => delegateId,
  article: () => '5',
  language: () => 'ar',
  publicationId: () => delegateId,
  documentId: () => delegateId,
  round: () => '1',
  fileId: () => delegateId,
  actionId: () => delegateId,
  cycle: () => '2',
  sequence: () => '1',
  '*': () => 'index.html',
};

function fillUrl(url: string): string {
  return url.replace(/:(\w+)|\*/g, (match, name: string | undefined) => {
    const fill = PARAMS[name ?? '*'];
    if (!fill) throw new Error(`No test value for route parameter ${match} in ${url}`);
    return fill();
  });
}

async function actorFor(subject: Subject): Promise<{ actor: Actor; headers: Record<string, string> }> {
  if (subject === 'public') return { actor: { kind: 'anonymous' }, headers: {} };
  const email = DEMO_EMAILS[subject];
  const user = (await findUserByEmail(testDb.database.db, email))!;
  const session = await sessionFor(testDb.database, email);
  return { actor: { kind: 'user', userId: user.id, role: subject, stateIso3: user.stateIso3, email }, headers: session.headers };
}

describe('route × role', () => {
  it('every registered route declares a known action', () => {
    expect(app.registeredRoutes.length).toBeGreaterThan(15);
    for (const route of app.registeredRoutes) expect(ACTIONS).toContain(route.action);
  });

  it('startup refuses a route without an action', async () => {
    const { buildApp } = await import('../src/server/app.ts');
    const probe = await buildApp({ config: (await import('./server.ts')).testConfig(), database: testDb.database, logger: false });
    expect(() => probe.get('/api/unguarded', async () => 'x')).toThrow(/declares no policy action/);
    await probe.close();
  });

  it('answers each role as the policy says, for every route', async () => {
    const checked: string[] = [];
    for (const route of app.registeredRoutes) {
      if (route.method === 'HEAD' || route.method === 'OPTIONS') continue;
      for (const subject of SUBJECTS) {
        // A fresh session per call: some routes (logout) end the session they run in.
        const { actor, headers } = await actorFor(subject);
        const isAllowed = may(actor, route.action);
        const response = await app.inject({
          method: route.method as 'GET',
          url: fillUrl(route.url),
          headers,
          ...(route.method === 'GET' ? {} : { payload: {} }),
        });
        const label = `${route.method} ${route.url} as ${subject} (${route.action}) → ${response.statusCode}`;
        checked.push(label);
        // The :id filled in is no review; an unknown review answers as one the caller has no
        // part in would (plugins/errors.ts), so a role allowed only on its own reviews gets 403
        // (or 400/415 when the body is refused before the review is loaded).
        const refusedOnUnknownReview = route.url.startsWith('/api/reviews/:id') && !may(actor, route.action, { relation: 'none' });
        if (isAllowed && refusedOnUnknownReview) {
          expect([400, 403, 404, 415], label).toContain(response.statusCode);
        } else if (isAllowed) {
          expect([401, 403], label).not.toContain(response.statusCode);
          expect(response.statusCode, label).toBeLessThan(500);
        } else {
          expect(subject === 'public' ? [401] : [403, 404], label).toContain(response.statusCode);
        }
      }
    }
    expect(checked.length).toBeGreaterThan(50);
  });
});
