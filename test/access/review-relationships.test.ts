/**
 * Every route of a review × every relationship to it (issue 9, docs/SECURITY.md).
 * Austria is under review, Kenya (the demo expert) and Germany review it. For each route
 * under /api/reviews/:id, each subject gets what `may()` says for its relation to the
 * review; a refused subject learns nothing: its answer for this review is the same as for
 * a review id that does not exist. The list of routes comes from app.registeredRoutes, so a
 * new review route is covered without editing this file; a route that looks like review
 * content but sits elsewhere must be classified in OUTSIDE_REVIEW below, or the test fails.
 */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../src/domain/accounts/roles.ts';
import { systemActor } from '../../src/domain/accounts/roles.ts';
import { findUserByEmail } from '../../src/db/repositories/users.ts';
import { may, type Relation } from '../../src/policies/policy.ts';
import { createUser } from '../../src/server/use-cases/users.ts';
import type { RegisteredRoute } from '../../src/server/app.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, DEMO_EMAILS, openReviewWithFocalPoint, sessionFor } from '../server.ts';

/** A route whose path starts here acts on one review and is checked by relationship. */
export const REVIEW_SCOPE = /^\/api\/reviews\/:id(?:[/.]|$)/;
/** Words that mark review content; a route with one of them outside REVIEW_SCOPE must be listed below. */
const REVIEWISH = /review|checklist|dialogue|report|summar|follow-up|publication|withdraw|thread|attachment|action-plan|consent|redraw/i;
/**
 * Routes that mention review content but do not act on one review, and why they are not
 * checked here (route × role covers them in test/policy-routes.test.ts).
 */
const OUTSIDE_REVIEW: Record<string, string> = {
  'GET /api/reviews': 'the public tracker: every review, public facts only',
  'GET /api/reviews/export.xlsx': 'the public tracker as a spreadsheet',
  'POST /api/reviews': 'opens a review (secretariat)',
  'POST /api/import/reviews': 'imports reviews (secretariat)',
  'POST /api/cycles/:number/reviews/from-draws': 'opens reviews from draws (secretariat)',
  'GET /api/stats/progress/reviews': 'public statistics behind a figure',
  'GET /api/follow-up/dashboard': 'published follow-up over all reviews; unpublished detail checked in the use case',
  'GET /api/follow-up/dashboard/recommendations': 'as above, by recommendation',
  'GET /api/redraw-requests': 'the secretariat’s queue',
  'POST /api/redraw-requests': 'a redraw of a cohort (lots), not of a review',
  'POST /api/redraw-requests/:id/withdraw': 'the secretariat’s queue',
  'GET /api/sessions/:id/report': 'the report of a session of the Group, not of a review',
  'PUT /api/sessions/:id/report': 'as above',
  'POST /api/sessions/:id/report/circulate': 'as above',
  'POST /api/sessions/:id/report/objections': 'as above',
  'POST /api/sessions/:id/report/close-silence': 'as above',
  'POST /api/sessions/:id/report/adopt': 'as above',
  'POST /api/sessions/:id/report/lock': 'as above',
  'GET /api/thematic/report.docx': 'thematic report over published material',
  'GET /api/public/publications/:publicationId': 'published documents (public)',
  'GET /api/public/publications/:publicationId.docx': 'as above',
  'GET /api/public/publications/:publicationId.pdf': 'as above',
  'GET /api/open/v1/reviews.json': 'open data: published material only',
  'GET /api/open/v1/reviews.csv': 'as above',
  'GET /api/open/v1/follow-up.json': 'as above',
  'GET /api/open/v1/follow-up.csv': 'as above',
  'POST /api/finance/contributions/:id/withdraw': 'finance record, not a review',
  'POST /api/finance/expenditures/:id/withdraw': 'as above',
  'POST /api/finance/requirements/:id/withdraw': 'as above',
  'POST /api/ta/needs/recommendations': 'TA project needs (secretariat)',
  'POST /api/assistance/needs/:id/review': 'the classifier’s queue (secretariat)',
  'GET /api/assistance/queue': 'as above',
};

/**
 * Refusals the policy leaves to the use case, on the state of the review rather than the
 * caller's relation: the State under review reads the draft report only once it is shared.
 */
const STATE_OF_REVIEW_REFUSALS: { action: string; relation: Relation; detail: RegExp }[] = [{ action: 'report.read', relation: 'under-review', detail: /not been shared with your State yet/ }];

/** Test values for the other parameters of review routes. */
const PARAMS: Record<string, string> = {
  provisionId: '5.1',
  article: '5',
  language: 'fr',
  round: '1',
  sequence: '1',
  threadId: randomUUID(),
  attachmentId: randomUUID(),
  fileId: randomUUID(),
  actionId: randomUUID(),
  sessionId: randomUUID(),
};

type SubjectName = 'secretariat' | 'focal point (under review)' | 'expert (reviewing, KEN)' | 'expert (reviewing, DEU)' | 'expert (unrelated, BRA)' | 'focal point (unrelated, BRA)' | 'delegate' | 'anonymous';
interface Subject {
  name: SubjectName;
  email: string | null;
  relation: Relation;
}

const SUBJECTS: Subject[] = [
  { name: 'secretariat', email: DEMO_EMAILS.secretariat, relation: 'none' },
  { name: 'focal point (under review)', email: DEMO_EMAILS['focal-point'], relation: 'under-review' },
  { name: 'expert (reviewing, KEN)', email: DEMO_EMAILS.expert, relation: 'reviewing' },
  { name: 'expert (reviewing, DEU)', email: 'expert.deu@example.org', relation: 'reviewing' },
  { name: 'expert (unrelated, BRA)', email: 'expert.bra@example.org', relation: 'none' },
  { name: 'focal point (unrelated, BRA)', email: 'focal.bra@example.org', relation: 'none' },
  { name: 'delegate', email: DEMO_EMAILS.delegate, relation: 'none' },
  { name: 'anonymous', email: null, relation: 'none' },
];

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let reviewId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database, { LOGIN_RATE_LIMIT_PER_MINUTE: 10_000 });
  const ctx = { db: testDb.database.db, actor: systemActor('test'), now: new Date() };
  const password = 'a long test password 7q2w';
  await createUser(ctx, { email: 'expert.deu@example.org', displayName: 'Expert of Germany (fictitious)', role: 'expert', stateIso3: 'DEU', password });
  await createUser(ctx, { email: 'expert.bra@example.org', displayName: 'Expert of Brazil (fictitious)', role: 'expert', stateIso3: 'BRA', password });
  await createUser(ctx, { email: 'focal.bra@example.org', displayName: 'Focal point of Brazil (fictitious)', role: 'focal-point', stateIso3: 'BRA', password });
  const secretariat = await sessionFor(testDb.database, DEMO_EMAILS.secretariat);
  reviewId = await openReviewWithFocalPoint(app, secretariat, { state: 'AUT', cycle: 2, reviewers: ['DEU', 'KEN'], started: '2016-03-01', focalPointAppointed: '2016-03-20' });
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

function key(route: RegisteredRoute): string {
  return `${route.method} ${route.url}`;
}

function reviewRoutes(): RegisteredRoute[] {
  return app.registeredRoutes.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS' && REVIEW_SCOPE.test(r.url));
}

function fill(url: string, id: string): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    if (name === 'id') return id;
    const value = PARAMS[name];
    if (value === undefined) throw new Error(`No test value for :${name} in ${url}: add it to PARAMS`);
    return encodeURIComponent(value);
  });
}

async function actorAndHeaders(subject: Subject): Promise<{ actor: Actor; headers: Record<string, string> }> {
  if (!subject.email) return { actor: { kind: 'anonymous' }, headers: {} };
  const user = (await findUserByEmail(testDb.database.db, subject.email))!;
  const session = await sessionFor(testDb.database, subject.email);
  return { actor: { kind: 'user', userId: user.id, role: user.role as Role, stateIso3: user.stateIso3, email: user.email }, headers: session.headers };
}

/** What a refusal says, minus what depends on the request: the id asked for. */
function comparable(response: LightMyRequestResponse, id: string): string {
  const type = String(response.headers['content-type'] ?? '');
  let body = response.body.split(id).join('<id>');
  if (type.includes('json')) {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    delete parsed.instance;
    body = JSON.stringify(parsed);
  }
  return `${response.statusCode} ${type} ${body}`;
}

describe('review routes × relationships', () => {
  it('classifies every route that looks like review content', () => {
    const unclassified = app.registeredRoutes
      .filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS' && r.url.startsWith('/api') && REVIEWISH.test(r.url))
      .filter((r) => !REVIEW_SCOPE.test(r.url) && !(key(r) in OUTSIDE_REVIEW))
      .map(key);
    expect(unclassified, 'review-like routes neither under /api/reviews/:id nor listed in OUTSIDE_REVIEW').toEqual([]);
    expect(reviewRoutes().length).toBeGreaterThan(40);
  });

  it('answers each subject as the policy says for its relation, and refuses without revealing that the review exists', async () => {
    const failures: string[] = [];
    let allowed = 0;
    let refused = 0;
    let validatedFirst = 0;
    // Reads first, so that the writes below (which may move the review on) do not change what they see.
    const routes = [...reviewRoutes()].sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'));
    for (const route of routes) {
      for (const subject of SUBJECTS) {
        const { actor, headers } = await actorAndHeaders(subject);
        const isAllowed = may(actor, route.action, subject.email ? { relation: subject.relation } : undefined);
        const label = `${key(route)} as ${subject.name} (${route.action}, ${subject.relation})`;
        const send = (id: string) => app.inject({ method: route.method as 'GET', url: fill(route.url, id), headers, ...(route.method === 'GET' ? {} : { payload: {} }) });
        const missingId = randomUUID();
        const missing = await send(missingId);
        const existing = await send(reviewId);
        if (existing.statusCode >= 500 || missing.statusCode >= 500) failures.push(`${label}: server error ${existing.statusCode}/${missing.statusCode}`);
        if (isAllowed) {
          allowed += 1;
          const byStateOfReview = STATE_OF_REVIEW_REFUSALS.some((r) => r.action === route.action && r.relation === subject.relation && r.detail.test(existing.body));
          if ([401, 403].includes(existing.statusCode) && !byStateOfReview) failures.push(`${label}: refused (${existing.statusCode} ${existing.body.slice(0, 160)}) though the policy allows it`);
        } else {
          refused += 1;
          // An invalid body (400, 415) is refused before the review is loaded: the same answer
          // for any review, so it reveals nothing; a valid one would get the refusal.
          const expected = subject.email ? [403, 404, 400, 415] : [401];
          if (!expected.includes(existing.statusCode)) failures.push(`${label}: ${existing.statusCode} though the policy refuses it`);
          if ([400, 415].includes(existing.statusCode)) validatedFirst += 1;
          if (comparable(existing, reviewId) !== comparable(missing, missingId)) {
            failures.push(`${label}: refusal reveals the review exists:\n    existing → ${comparable(existing, reviewId).slice(0, 200)}\n    missing  → ${comparable(missing, missingId).slice(0, 200)}`);
          }
        }
      }
    }
    console.info(`review relationships: ${routes.length} routes × ${SUBJECTS.length} subjects, ${allowed} allowed, ${refused} refused (${validatedFirst} by validation first)`);
    expect(failures, failures.join('\n')).toEqual([]);
    expect(allowed).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(100);
    // Most refusals are real refusals, not validation errors.
    expect(validatedFirst).toBeLessThan(refused / 4);
  });
});
