/**
 * Every registered route × every role, with generated adversarial requests (fast-check):
 * wrong JSON types, missing and extra fields, huge and broken unicode strings, SQL and HTML
 * payloads, path traversal in URL parameters and file names, broken query strings, random
 * multipart files. Routes come from app.registeredRoutes, so a route added later is fuzzed
 * without touching this file. Properties, for every request:
 *   - never a 5xx;
 *   - never a stack trace or an internal path in the body;
 *   - an API error (4xx) is problem+json;
 *   - a rejected request (status ≥ 400) leaves the database as it was.
 * Seeded: the seed is printed; FUZZ_SEED=<n> replays a run, FUZZ_RUNS=<factor> scales it.
 */
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredRoute } from '../../src/server/app.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, DEMO_EMAILS, sessionFor } from '../server.ts';
import { bodyFor, multipartBody, paramValue, queryFor } from './adversarial.ts';
import { changedTables, fingerprint, fullChecksum, query, userTables } from './db-change.ts';

type Subject = keyof typeof DEMO_EMAILS | 'public';
const SUBJECTS: Subject[] = ['public', 'secretariat', 'focal-point', 'expert', 'delegate'];

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const SCALE = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 1;
/** Runs per route × role: reads are cheap to cover, writes get more since they can break state. */
const RUNS = { read: Math.max(1, Math.round(1 * SCALE)), write: Math.max(1, Math.round(3 * SCALE)) };
/** One rejected request in this many also gets a full content checksum, to confirm the fingerprint. */
const FULL_CHECK_EVERY = 25;

/**
 * Tables a rejected request may legitimately write: the session row it ran in (its expiry is
 * slid forward on use). Anything else written on a rejection is a failure.
 */
const MAY_CHANGE_ON_REJECTION = new Set(['sessions']);
/**
 * Per route, what a rejection writes on purpose: a failed sign-in or a wrong second-factor
 * code is audited and counted towards the account's lockout (docs/SECURITY.md).
 */
const ROUTE_MAY_WRITE_ON_REJECTION: Record<string, string[]> = Object.fromEntries(
  ['/api/auth/login', '/api/auth/two-factor', '/api/account/two-factor/confirm', '/api/account/two-factor/disable', '/api/account/two-factor/recovery-codes'].map((url) => [`POST ${url}`, ['audit_events', 'users']]),
);

/** A stack frame, a source path or the checkout's own folder in a response body. */
const LEAK = new RegExp(`\\n\\s*at \\S|\\bat \\S+ \\(|\\bat /\\S+:\\d+|node_modules|\\.ts:\\d+|${process.cwd().replace(/[/.]/g, '\\$&')}`);

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let tables: string[];
let watched: string[];
const realValues: Record<string, string[]> = {};
let rejectedCount = 0;
let requestCount = 0;

/** Values that exist in the demo data, so part of the fuzz reaches the use-cases behind the checks. */
async function collectRealValues(): Promise<void> {
  const uuids: string[] = [];
  for (const table of tables) {
    const rows = await query<{ id: string }>(testDb.database, `select id::text as id from "${table}" where pg_typeof(id) = 'uuid'::regtype limit 3`).catch(() => []);
    uuids.push(...rows.map((row) => row.id));
  }
  const common = { iso3: ['AUT', 'KEN', 'MCO', 'DEU'], small: ['1', '2', '3', '5'], provisionId: ['5.1', '2.1', '33.1'], language: ['en', 'fr', 'ar'], '*': ['index.html', 'assets/app.js', 'parties'] };
  Object.assign(realValues, {
    iso3: common.iso3,
    number: common.small,
    year: common.small,
    round: common.small,
    cycle: common.small,
    sequence: common.small,
    article: common.small,
    provisionId: common.provisionId,
    language: common.language,
    '*': common['*'],
    uuid: uuids.length ? uuids : ['00000000-0000-4000-8000-000000000000'],
  });
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database, { LOGIN_RATE_LIMIT_PER_MINUTE: 10_000, SUBSCRIPTION_RATE_LIMIT_PER_MINUTE: 10_000 });
  tables = await userTables(testDb.database);
  watched = tables.filter((t) => !MAY_CHANGE_ON_REJECTION.has(t));
  await collectRealValues();
  console.log(`route fuzz: seed ${SEED} (replay with FUZZ_SEED=${SEED}), runs per route × role: ${RUNS.read} read / ${RUNS.write} write`);
});
afterAll(async () => {
  console.log(`route fuzz: ${fuzzableRoutes().length} routes × ${SUBJECTS.length} roles, ${requestCount} requests, ${rejectedCount} rejected`);
  await app?.close();
  await testDb?.dispose();
});

function fuzzableRoutes(): RegisteredRoute[] {
  return app.registeredRoutes.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
}

function isWrite(route: RegisteredRoute): boolean {
  return route.method !== 'GET';
}

/** The route's URL with each parameter replaced by a generated value. */
function urlFor(route: RegisteredRoute): fc.Arbitrary<string> {
  const names = [...route.url.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? '*');
  const values = names.map((name) => paramValue(realValues[name] ?? realValues.uuid!));
  return fc.tuple(...values, queryFor(route.schema?.querystring)).map((parts) => {
    const query = parts.pop() as string;
    let i = 0;
    const path = route.url.replace(/:(\w+)|\*/g, () => parts[i++] as string);
    return query ? `${path}?${query}` : path;
  });
}

interface FuzzRequest {
  url: string;
  body?: { kind: 'json'; value: unknown } | { kind: 'multipart'; contentType: string; payload: Buffer; filename: string } | { kind: 'raw'; contentType: string; payload: string };
}

function requestFor(route: RegisteredRoute): fc.Arbitrary<FuzzRequest> {
  if (!isWrite(route)) return urlFor(route).map((url) => ({ url }));
  const json = bodyFor(route.schema?.body).map((value) => ({ kind: 'json' as const, value }));
  const multipart = multipartBody.map((m) => ({ kind: 'multipart' as const, ...m }));
  const raw = fc.constantFrom(
    { kind: 'raw' as const, contentType: 'application/json', payload: '{"a":' },
    { kind: 'raw' as const, contentType: 'application/json', payload: '\u0000\u0001\u0002' },
    { kind: 'raw' as const, contentType: 'text/plain', payload: 'hello' },
    { kind: 'raw' as const, contentType: 'application/x-www-form-urlencoded', payload: 'a=1&b=2' },
    { kind: 'raw' as const, contentType: 'application/json; charset=utf-16', payload: '{}' },
  );
  // Routes without a JSON body schema are the upload routes (or take no body): send them files.
  const uploads = route.schema?.body === undefined && route.method === 'POST';
  const body = fc.oneof({ weight: uploads ? 1 : 6, arbitrary: json }, { weight: uploads ? 6 : 1, arbitrary: multipart }, { weight: 1, arbitrary: raw });
  return fc.record({ url: urlFor(route), body });
}

function describeRequest(route: RegisteredRoute, subject: Subject, request: FuzzRequest): string {
  const body = request.body?.kind === 'json' ? JSON.stringify(request.body.value) ?? 'undefined' : request.body ? `${request.body.kind} ${request.body.contentType} ${'filename' in request.body ? JSON.stringify(request.body.filename) : ''} ${request.body.payload.length} bytes` : '';
  const clip = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);
  return `${route.method} ${clip(request.url)} as ${subject}${body ? ` with ${clip(body)}` : ''}`;
}

async function send(route: RegisteredRoute, subject: Subject, request: FuzzRequest) {
  const headers: Record<string, string> = subject === 'public' ? {} : (await sessionFor(testDb.database, DEMO_EMAILS[subject])).headers;
  const options: InjectOptions = { method: route.method, url: request.url, headers };
  if (request.body?.kind === 'json') {
    // JSON.stringify(undefined) is undefined: send the literal so the route still gets a body.
    options.payload = JSON.stringify(request.body.value) ?? 'null';
    headers['content-type'] = 'application/json';
  } else if (request.body) {
    options.payload = request.body.payload;
    headers['content-type'] = request.body.contentType;
  }
  return app.inject(options);
}

/** Checks one request against the four properties; throws with the request when one fails. */
async function checkOne(route: RegisteredRoute, subject: Subject, request: FuzzRequest): Promise<void> {
  requestCount++;
  const full = (rejectedCount + 1) % FULL_CHECK_EVERY === 0;
  const before = await fingerprint(testDb.database, watched);
  const beforeFull = full ? await fullChecksum(testDb.database, watched) : undefined;
  const response = await send(route, subject, request);
  const what = `${describeRequest(route, subject, request)} → ${response.statusCode} ${response.body.slice(0, 300)}`;
  if (response.statusCode >= 500) throw new Error(`5xx: ${what}`);
  if (LEAK.test(response.body)) throw new Error(`stack trace or internal path in the body: ${what}`);
  if (response.statusCode < 400) return;
  rejectedCount++;
  if (request.url.startsWith('/api') && !String(response.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`4xx without problem+json (${String(response.headers['content-type'])}): ${what}`);
  }
  const allowed = new Set(ROUTE_MAY_WRITE_ON_REJECTION[`${route.method} ${route.url}`] ?? []);
  const changed = changedTables(before, await fingerprint(testDb.database, watched)).filter((t) => !allowed.has(t));
  if (changed.length) throw new Error(`rejected request changed ${changed.join(', ')}: ${what}`);
  if (beforeFull) {
    const fullChanged = changedTables(beforeFull, await fullChecksum(testDb.database, watched)).filter((t) => !allowed.has(t));
    if (fullChanged.length) throw new Error(`rejected request changed the content of ${fullChanged.join(', ')} (the fingerprint missed it): ${what}`);
  }
}

describe('route fuzz', () => {
  it('the change detector fires on an accepted write and stays still on a read', async () => {
    const secretariat = await sessionFor(testDb.database, DEMO_EMAILS.secretariat);
    let before = await fingerprint(testDb.database, watched);
    const read = await app.inject({ method: 'GET', url: '/api/reviews', headers: secretariat.headers });
    expect(read.statusCode, read.body).toBe(200);
    expect(changedTables(before, await fingerprint(testDb.database, watched))).toEqual([]);

    before = await fingerprint(testDb.database, watched);
    const beforeFull = await fullChecksum(testDb.database, watched);
    const created = await app.inject({ method: 'POST', url: '/api/reviews', headers: secretariat.headers, payload: { state: 'MCO', cycle: 2, cohortYear: 1, reviewers: ['DEU', 'KEN'] } });
    expect(created.statusCode, created.body).toBe(201);
    expect(changedTables(before, await fingerprint(testDb.database, watched))).toContain('reviews');
    expect(changedTables(beforeFull, await fullChecksum(testDb.database, watched))).toContain('reviews');

    // An update in place keeps the row count: the fingerprint still sees it (a new row version).
    before = await fingerprint(testDb.database, watched);
    await query(testDb.database, `update reviews set updated_at = updated_at where id = (select id from reviews limit 1)`);
    expect(changedTables(before, await fingerprint(testDb.database, watched))).toEqual(['reviews']);
  });

  it('a lone surrogate or a NUL in a JSON body or query is refused before any write (they broke audited sign-in and search with a 500)', async () => {
    for (const email of ['a\ud800@x.org', '\udfff', 'a\u0000@x.org']) {
      const before = await fingerprint(testDb.database, watched);
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email, password: 'Infinity' }) });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.body).toContain('not valid Unicode');
      expect(changedTables(before, await fingerprint(testDb.database, watched))).toEqual([]);
    }
    const secretariat = await sessionFor(testDb.database, DEMO_EMAILS.secretariat);
    const search = await app.inject({ method: 'GET', url: '/api/search?q=%00', headers: secretariat.headers });
    expect(search.statusCode, search.body).toBe(400);
  });

  for (const subject of SUBJECTS) {
    it(`every route as ${subject}: no 5xx, no leak, problem+json, nothing written on rejection`, async () => {
      const routes = fuzzableRoutes();
      expect(routes.length).toBeGreaterThan(50);
      const failures: string[] = [];
      for (const [index, route] of routes.entries()) {
        const seed = SEED + index * 31 + SUBJECTS.indexOf(subject);
        const result = await fc.check(
          fc.asyncProperty(requestFor(route), (request) => checkOne(route, subject, request)),
          { seed, numRuns: isWrite(route) ? RUNS.write : RUNS.read, endOnFailure: false, maxSkipsPerRun: 0 },
        );
        if (result.failed) failures.push(`${route.method} ${route.url} (seed ${seed}, path ${result.counterexamplePath}): ${String((result.errorInstance as Error | undefined)?.message ?? 'interrupted').slice(0, 1_500)}`);
      }
      expect(failures, failures.join('\n\n')).toEqual([]);
    });
  }
});
