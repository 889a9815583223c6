import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/query-rows.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, json, sessionFor } from '../server.ts';

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database);
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

async function auditCount(action: string): Promise<number> {
  const result = { rows: await queryRows<{ n: number }>(testDb.database.db, sql`select count(*)::int as n from audit_events where action = ${action}`) };
  return Number(result.rows[0]!.n);
}

describe('GET /api/parties', () => {
  it('lists every State and the EU with party status as at today', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/parties' });
    expect(response.statusCode).toBe(200);
    const body = json<{ parties: { iso3: string; name: string; regionalGroup: string | null; isParty: boolean; names: Record<string, string> }[]; counts: { parties: number; byRegionalGroup: Record<string, number> } }>(response);
    expect(body.parties).toHaveLength(198);
    expect(body.counts.parties).toBe(192);
    const austria = body.parties.find((p) => p.iso3 === 'AUT')!;
    expect(austria).toMatchObject({ name: 'Austria', regionalGroup: 'western-european-other', isParty: true });
    expect(austria.names.fr).toBe('Autriche');
    expect(body.parties.find((p) => p.iso3 === 'AND')!.isParty).toBe(false);
    const eu = body.parties.find((p) => p.name === 'European Union')!;
    expect(eu.regionalGroup).toBeNull();
    const sumOfGroups = Object.values(body.counts.byRegionalGroup).reduce((a, b) => a + b, 0);
    expect(sumOfGroups).toBe(191); // every party but the EU belongs to a group
  });

  it('follows the dates of accession: San Marino (2025-09-25) was not a party in 2024', async () => {
    const before = json<{ parties: { iso3: string; isParty: boolean }[]; counts: { parties: number } }>(await app.inject({ url: '/api/parties?asOf=2024-12-31' }));
    const after = json<{ parties: { iso3: string; isParty: boolean }[]; counts: { parties: number } }>(await app.inject({ url: '/api/parties?asOf=2025-09-25' }));
    expect(before.parties.find((p) => p.iso3 === 'SMR')!.isParty).toBe(false);
    expect(after.parties.find((p) => p.iso3 === 'SMR')!.isParty).toBe(true);
    expect(after.counts.parties - before.counts.parties).toBe(1);
  });

  it('rejects a date that is not a calendar date', async () => {
    const response = await app.inject({ url: '/api/parties?asOf=2024-02-30' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });
});

describe('POST /api/parties/:iso3/accession', () => {
  it('lets the secretariat record an accession, which then counts from its date, with an audit row', async () => {
    const session = await sessionFor(testDb.database, 'secretariat@demo.test');
    const auditsBefore = await auditCount('parties.recordAccession');
    const response = await app.inject({ method: 'POST', url: '/api/parties/AND/accession', headers: session.headers, payload: { effectiveOn: '2026-01-10' } });
    expect(response.statusCode).toBe(200);
    expect(json<{ party: { isParty: boolean } }>(response).party.isParty).toBe(true);
    const list = json<{ parties: { iso3: string; isParty: boolean }[] }>(await app.inject({ url: '/api/parties?asOf=2026-01-09' }));
    expect(list.parties.find((p) => p.iso3 === 'AND')!.isParty).toBe(false);
    expect(await auditCount('parties.recordAccession')).toBe(auditsBefore + 1);
  });

  it('refuses a date in the future or before the Convention, and changes nothing', async () => {
    const session = await sessionFor(testDb.database, 'secretariat@demo.test');
    for (const effectiveOn of ['2999-01-01', '1999-01-01']) {
      const response = await app.inject({ method: 'POST', url: '/api/parties/MCO/accession', headers: session.headers, payload: { effectiveOn } });
      expect(response.statusCode).toBe(422);
      expect(json<{ code: string }>(response).code).toBe('party.invalidAccession');
    }
    const list = json<{ parties: { iso3: string; isParty: boolean }[] }>(await app.inject({ url: '/api/parties' }));
    expect(list.parties.find((p) => p.iso3 === 'MCO')!.isParty).toBe(false);
  });

  it('answers 401 to the public and 403 to a focal point', async () => {
    const anonymous = await app.inject({ method: 'POST', url: '/api/parties/MCO/accession', payload: { effectiveOn: '2026-01-01' } });
    expect(anonymous.statusCode).toBe(401);
    const fp = await sessionFor(testDb.database, 'focal.point@demo.test');
    const denied = await app.inject({ method: 'POST', url: '/api/parties/MCO/accession', headers: fp.headers, payload: { effectiveOn: '2026-01-01' } });
    expect(denied.statusCode).toBe(403);
  });
});

describe('GET /api/convention', () => {
  it('returns 8 chapters, 71 articles and 366 provisions in order', async () => {
    const body = json<{ chapters: { number: string; articles: { number: number; provisions: unknown[] }[] }[] }>(await app.inject({ url: '/api/convention' }));
    expect(body.chapters.map((c) => c.number)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']);
    const articles = body.chapters.flatMap((c) => c.articles);
    expect(articles.map((a) => a.number)).toEqual(Array.from({ length: 71 }, (_, i) => i + 1));
    expect(articles.reduce((n, a) => n + a.provisions.length, 0)).toBe(366);
  });
});

describe('cycles and cohorts', () => {
  it('lists the two cycles with their chapters', async () => {
    const body = json<{ cycles: { number: number; chapters: string[] }[] }>(await app.inject({ url: '/api/cycles' }));
    expect(body.cycles.map((c) => [c.number, c.chapters])).toEqual([
      [1, ['III', 'IV']],
      [2, ['II', 'V']],
    ]);
  });

  it('lets the secretariat set a cohort, refuses a stale version and a State already in another year', async () => {
    const session = await sessionFor(testDb.database, 'secretariat@demo.test');
    const put = (year: number, states: string[], version: number) =>
      app.inject({ method: 'PUT', url: `/api/cycles/2/cohorts/${year}`, headers: session.headers, payload: { states, version } });

    const created = await put(1, ['AUT', 'ken', 'BRA'], 0);
    expect(created.statusCode).toBe(200);
    expect(json<{ cohort: { version: number; states: string[]; calendarYear: number } }>(created).cohort).toMatchObject({ version: 1, states: ['AUT', 'BRA', 'KEN'] });

    const stale = await put(1, ['AUT'], 0);
    expect(stale.statusCode).toBe(409);

    const twice = await put(2, ['KEN', 'FRA'], 0);
    expect(twice.statusCode).toBe(422);
    expect(json<{ errors: { message: string }[] }>(twice).errors.map((e) => e.message).join(' ')).toContain('KEN');

    const nonParty = await put(2, ['MCO'], 0);
    expect(nonParty.statusCode).toBe(422);

    const cycles = json<{ cycles: { number: number; cohorts: { year: number; states: string[] }[] }[] }>(await app.inject({ url: '/api/cycles' }));
    const cohorts = cycles.cycles.find((c) => c.number === 2)!.cohorts;
    expect(cohorts).toEqual([{ year: 1, calendarYear: 2016, version: 1, states: ['AUT', 'BRA', 'KEN'] }]);
  });
});
