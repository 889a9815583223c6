/**
 * Technical-assistance needs through the API on the real database (docs: "Technical-
 * assistance needs"): the figures of a cycle against a hand-written SQL count, what the
 * public and the secretariat see, the import of needs (given types, classifier types,
 * re-import, every kind of bad file changing nothing), the classifier, the review queue and
 * corrections the classifier learns from.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/query-rows.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, DEMO_EMAILS, json, sessionFor, type TestSession } from '../server.ts';

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let secretariat: TestSession;
let focalPoint: TestSession;
let delegate: TestSession;

interface Stats {
  total: number;
  statesWithNeeds: number;
  byType: Record<string, number>;
  byArticle: Record<string, number>;
  byChapter: Record<string, number>;
  statesByChapter: Record<string, number>;
  shares: { byType: Record<string, number>; byChapter: Record<string, number> };
  groups: { id: string; count: number; share: number; shareOfChapter: Record<string, number> }[];
  behind: { states: string[]; byType: Record<string, string[]>; byArticle: Record<string, string[]> } | null;
}
interface Scored {
  type: string;
  confidence: number;
}

const inject = (method: 'GET' | 'POST', url: string, session: TestSession | null, payload?: unknown, contentType?: string) =>
  app.inject({
    method,
    url,
    headers: { ...(session?.headers ?? {}), ...(contentType ? { 'content-type': contentType } : {}) },
    ...(payload === undefined ? {} : { payload: payload as string }),
  });
const stats = async (session: TestSession | null = secretariat, query = '') => {
  const response = await inject('GET', `/api/stats/assistance?cycle=2${query}`, session);
  expect(response.statusCode, response.body).toBe(200);
  return json<Stats>(response);
};
const importCsv = (csv: string, session: TestSession = secretariat) => inject('POST', '/api/import/needs', session, csv, 'text/csv');
const classify = async (text: string) => {
  const response = await inject('POST', '/api/assistance/classify', secretariat, { text });
  expect(response.statusCode, response.body).toBe(200);
  return json<{ types: Scored[] }>(response).types;
};
const recorded = async () => Number((await queryRows<{ n: string | number }>(testDb.database.db, sql`select count(*) as n from assistance_needs`))[0]!.n);

let states: string[];

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database, { LOGIN_RATE_LIMIT_PER_MINUTE: 10_000 });
  secretariat = await sessionFor(testDb.database, DEMO_EMAILS.secretariat);
  focalPoint = await sessionFor(testDb.database, DEMO_EMAILS['focal-point']);
  delegate = await sessionFor(testDb.database, DEMO_EMAILS.delegate);
  const before = await stats();
  // Two States with no need yet in cycle 2, so the State counts move by a known amount.
  const parties = await queryRows<{ iso3: string }>(testDb.database.db, sql`select iso3 from parties where kind = 'state' order by iso3`);
  states = parties.map((p) => p.iso3).filter((s) => !before.behind!.states.includes(s)).slice(0, 2);
}, 60_000);

afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

describe('the figures of a cycle', () => {
  it('match a hand-written SQL count of finalised reports\' needs and recorded needs', async () => {
    const s = await stats();
    const [row] = await queryRows<{ n: string | number; states: string | number }>(
      testDb.database.db,
      sql`select count(*) as n, count(distinct state) as states from (
            select r.state_iso3 as state from report_needs n join reviews r on r.id = n.review_id join reports p on p.review_id = r.id where r.cycle_number = 2 and p.finalised_at is not null
            union all select state_iso3 from assistance_needs where cycle_number = 2) t`,
    );
    expect(s.total).toBe(Number(row!.n));
    expect(s.statesWithNeeds).toBe(Number(row!.states));
    expect(Object.values(s.byArticle).reduce((a, b) => a + b, 0)).toBe(s.total);
    expect(Object.keys(s.byType)).toContain('research-and-data');
  });

  it('are anonymised for the public and name the States for the secretariat', async () => {
    const pub = await stats(null);
    expect(pub.behind).toBeNull();
    const own = await stats(secretariat);
    expect(own.total).toBe(pub.total);
    expect(own.behind!.states).toHaveLength(own.statesWithNeeds);
  });

  it('count groups of articles together, as asked', async () => {
    const s = await stats(secretariat, '&groups=14%2B52');
    expect(s.groups.map((g) => g.id)).toEqual(['14+52']);
    expect(s.groups[0]!.count).toBe((s.byArticle['14'] ?? 0) + (s.byArticle['52'] ?? 0));
    expect((await stats(secretariat, '&groups=')).groups).toEqual([]);
    const bad = await inject('GET', '/api/stats/assistance?cycle=2&groups=14%2B99', null);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/99/);
    expect((await inject('GET', '/api/stats/assistance?cycle=9', null)).statusCode).toBe(404);
  });
});

describe('import of needs recorded elsewhere', () => {
  it('writes needs with given types and lets the classifier type the others, once', async () => {
    const before = await stats();
    const [a, b] = states as [string, string];
    const csv = [
      'state_iso3,cycle,article,type,description',
      `${a},2,14,capacity-building;legislative-assistance,"Training of bank staff on due diligence, and a draft amendment to the AML law"`,
      `${a},2,52,,Training of compliance officers of banks on politically exposed persons`,
      `${b},2,51,research-and-data,Statistics on returned assets`,
    ].join('\n');
    const response = await importCsv(csv);
    expect(response.statusCode, response.body).toBe(200);
    expect(json(response)).toEqual({ created: 3, unchanged: 0, classified: 1 });
    const after = await stats();
    expect(after.total).toBe(before.total + 3);
    expect(after.statesWithNeeds).toBe(before.statesWithNeeds + 2);
    expect(after.byArticle['14']).toBe((before.byArticle['14'] ?? 0) + 1);
    expect(after.byType['legislative-assistance']).toBe(before.byType['legislative-assistance']! + 1);
    expect(after.byType['research-and-data']).toBe(before.byType['research-and-data']! + 1);
    expect(after.byType['capacity-building']).toBeGreaterThanOrEqual(before.byType['capacity-building']! + 1);
    expect(after.byChapter.V).toBe((before.byChapter.V ?? 0) + 2);
    expect(after.statesByChapter.II).toBe((before.statesByChapter.II ?? 0) + 1);
    expect(after.behind!.byArticle['51']).toContain(b);

    const again = await importCsv(csv);
    expect(json(again)).toEqual({ created: 0, unchanged: 3, classified: 0 });
    expect((await stats()).total).toBe(after.total);
  });

  it('refuses a bad file whole, with every bad row, and changes nothing', async () => {
    const count = await recorded();
    const cases: [string, RegExp][] = [
      [`state_iso3,cycle,article,type,description\n${states[0]},2,99,,x\n${states[0]},2,5,training,y\nXXX,2,5,,z`, /line 2: article '99' is not an article.*line 3: type 'training'.*line 4: state_iso3 'XXX'/s],
      [`state_iso3,cycle,article,type,description\n${states[0]},2,46,,Mutual legal assistance`, /article 46 is not reviewed in cycle 2/],
      ['', /no needs/],
      ['state_iso3,cycle,article,type,description\n', /no needs/],
      [`state_iso3,cycle,article,type,description\n${states[0]},2,5,,"unclosed`, /cannot be read/],
      ['state,text\nAUT,x', /Missing column/],
    ];
    for (const [csv, message] of cases) {
      const response = await importCsv(csv);
      expect(response.statusCode, csv).toBe(422);
      expect(response.body).toMatch(message);
    }
    expect(await recorded()).toBe(count);
  });

  it('is the secretariat\'s only', async () => {
    const csv = `state_iso3,cycle,article,type,description\n${states[0]},2,5,,x`;
    expect((await importCsv(csv, focalPoint)).statusCode).toBe(403);
    expect((await inject('POST', '/api/import/needs', null, csv, 'text/csv')).statusCode).toBe(401);
  });

  it('takes JSON rows too', async () => {
    const response = await inject('POST', '/api/import/needs', secretariat, { rows: [{ state_iso3: states[1], cycle: 2, article: 9, type: 'policymaking', description: 'A procurement integrity policy' }] });
    expect(response.statusCode, response.body).toBe(200);
    expect(json(response)).toMatchObject({ created: 1 });
  });
});

describe('the classifier', () => {
  it('returns the standard types best first with confidences', async () => {
    const types = await classify('Training of investigators in financial investigations');
    expect(types[0]!.type).toBe('capacity-building');
    for (let i = 1; i < types.length; i++) expect(types[i - 1]!.confidence).toBeGreaterThanOrEqual(types[i]!.confidence);
    expect((await inject('POST', '/api/assistance/classify', secretariat, { text: '  ' })).statusCode).toBe(400);
    expect((await inject('POST', '/api/assistance/classify', null, { text: 'x' })).statusCode).toBe(401);
    expect((await inject('POST', '/api/assistance/classify', delegate, { text: 'A model law on whistle-blowers' })).statusCode).toBe(200);
  });

  it('learns from a correction at the next classification', async () => {
    const text = 'Drones for the border police';
    expect((await classify(text))[0]!.type).not.toBe('international-cooperation');
    const response = await inject('POST', '/api/assistance/corrections', secretariat, { text, types: ['international-cooperation'] });
    expect(response.statusCode, response.body).toBe(200);
    expect((await classify(text))[0]!.type).toBe('international-cooperation');
    expect((await inject('POST', '/api/assistance/corrections', secretariat, { text, types: ['nonsense'] })).statusCode).toBe(400);
    expect((await inject('POST', '/api/assistance/corrections', focalPoint, { text, types: ['other'] })).statusCode).toBe(403);
  });
});

describe('the review queue', () => {
  it('lists what the classifier typed; a correction takes it out and changes the figures', async () => {
    const queue = json<{ pending: number; needs: { id: string; types: string[]; suggested: Scored[]; version: number; text: string }[] }>(await inject('GET', '/api/assistance/queue', secretariat));
    const need = queue.needs.find((n) => n.text.startsWith('Training of compliance officers'))!;
    expect(need.suggested.length).toBeGreaterThan(0);
    const before = await stats();
    const wasModel = need.types.includes('model-legislation');
    const bad = await inject('POST', `/api/assistance/needs/${need.id}/review`, secretariat, { types: ['training'], version: need.version });
    expect(bad.statusCode).toBe(400);
    const ok = await inject('POST', `/api/assistance/needs/${need.id}/review`, secretariat, { types: ['model-legislation'], version: need.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json(ok)).toMatchObject({ types: ['model-legislation'], version: need.version + 1 });
    const stale = await inject('POST', `/api/assistance/needs/${need.id}/review`, secretariat, { types: ['other'], version: need.version });
    expect(stale.statusCode).toBe(409);
    const after = await stats();
    expect(after.total).toBe(before.total);
    expect(after.byType['model-legislation']).toBe(before.byType['model-legislation']! + (wasModel ? 0 : 1));
    const queue2 = json<{ pending: number; needs: { id: string }[] }>(await inject('GET', '/api/assistance/queue', secretariat));
    expect(queue2.pending).toBe(queue.pending - 1);
    expect(queue2.needs.map((n) => n.id)).not.toContain(need.id);
    expect((await inject('GET', '/api/assistance/queue', focalPoint)).statusCode).toBe(403);
  });

  it('shows the needs behind a figure to the secretariat only', async () => {
    const response = await inject('GET', `/api/assistance/needs?cycle=2&type=research-and-data&state=${states[1]}`, secretariat);
    expect(response.statusCode, response.body).toBe(200);
    const body = json<{ total: number; needs: { text: string; types: string[] }[] }>(response);
    expect(body.needs.map((n) => n.text)).toEqual(['Statistics on returned assets']);
    expect(body.needs[0]!.types).toEqual(['research-and-data']);
    const chapter = json<{ total: number }>(await inject('GET', '/api/assistance/needs?cycle=2&chapter=V', secretariat));
    expect(chapter.total).toBe((await stats()).byChapter.V);
    expect((await inject('GET', '/api/assistance/needs?cycle=2&article=99', secretariat)).statusCode).toBe(400);
    expect((await inject('GET', '/api/assistance/needs?cycle=2&type=bogus', secretariat)).statusCode).toBe(400);
    expect((await inject('GET', '/api/assistance/needs?cycle=2', focalPoint)).statusCode).toBe(403);
  });
});
