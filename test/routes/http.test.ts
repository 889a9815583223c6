import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/query-rows.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, json, sessionFor } from '../server.ts';

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database, { BODY_LIMIT_BYTES: 4096 });
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

async function userCount(): Promise<number> {
  const r = { rows: await queryRows<{ n: number }>(testDb.database.db, sql`select count(*)::int as n from users`) };
  return Number(r.rows[0]!.n);
}

function expectProblem(response: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number, code?: string) {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers['content-type'])).toContain('application/problem+json');
  const body = json<{ status: number; code: string; type: string; title: string; detail: string }>(response as never);
  expect(body.status).toBe(status);
  expect(body.type).toMatch(/^urn:openirm:problem:/);
  expect(body.detail).toBeTruthy();
  expect(response.body).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+/);
  if (code) expect(body.code).toBe(code);
  return body;
}

describe('bad input', () => {
  it('answers malformed JSON with 400 problem+json and writes nothing', async () => {
    const admin = await sessionFor(testDb.database, 'secretariat@demo.test');
    const before = await userCount();
    const response = await app.inject({ method: 'POST', url: '/api/users', headers: { ...admin.headers, 'content-type': 'application/json' }, payload: '{"email": "x@y.org",' });
    expectProblem(response, 400, 'request.invalid');
    expect(await userCount()).toBe(before);
  });

  it('answers wrong types with 400 listing every problem', async () => {
    const admin = await sessionFor(testDb.database, 'secretariat@demo.test');
    const response = await app.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload: { email: 42, displayName: '', role: 'king', password: 'x' } });
    const body = expectProblem(response, 400, 'request.invalid') as unknown as { errors: { path: string }[] };
    expect(body.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['body.email', 'body.displayName', 'body.role']));
  });

  it('answers an oversize body with 413 and writes nothing', async () => {
    const admin = await sessionFor(testDb.database, 'secretariat@demo.test');
    const before = await userCount();
    const response = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { email: 'big@example.org', displayName: 'x'.repeat(10_000), role: 'delegate', password: 'correct horse battery' },
    });
    expectProblem(response, 413, 'request.tooLarge');
    expect(await userCount()).toBe(before);
  });

  it('answers a form-encoded body with 415', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'email=a&password=b' });
    expectProblem(response, 415);
  });
});

describe('routing', () => {
  it('answers an unknown API route with 404 problem+json', async () => {
    expectProblem(await app.inject({ url: '/api/nothing-here' }), 404, 'resource.notFound');
    expectProblem(await app.inject({ method: 'DELETE', url: '/api/parties' }), 404, 'resource.notFound');
  });

  it('serves the single-page app for its own paths', async () => {
    const response = await app.inject({ url: '/parties' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<div id="root">');
    const asset = await app.inject({ url: '/assets/app.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
  });
});

describe('security headers', () => {
  it('sends a strict Content-Security-Policy and related headers', async () => {
    const response = await app.inject({ url: '/' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('API description', () => {
  it('publishes an OpenAPI 3 document that covers the API routes', async () => {
    const response = await app.inject({ url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(response);
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/health', '/api/parties', '/api/convention', '/api/cycles', '/api/auth/login', '/api/cycles/{number}/cohorts/{year}']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const loginBody = JSON.stringify(doc.paths['/api/auth/login']);
    expect(loginBody).toContain('password');
  });

  it('serves the docs page', async () => {
    const response = await app.inject({ url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger');
  });
});

describe('health', () => {
  it('reports the database as up', async () => {
    const body = json<{ status: string; database: { status: string; engine: string } }>(await app.inject({ url: '/api/health' }));
    expect(body).toMatchObject({ status: 'ok', database: { status: 'up' } });
  });

  it('answers 503 with the reason when the database is unreachable', async () => {
    const broken = { ...testDb.database, ping: () => Promise.reject(new Error('connection refused')) };
    const sick = await buildTestApp(broken);
    const response = await sick.inject({ url: '/api/health' });
    expect(response.statusCode).toBe(503);
    expect(json<{ database: { status: string; reason: string } }>(response).database).toMatchObject({ status: 'down', reason: 'connection refused' });
    await sick.close();
  });
});
