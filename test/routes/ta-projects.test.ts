/**
 * Technical assistance matched to funding through the API on the real database
 * (docs/TA-PROJECTS.md): a project for a need, funding allocated to the cent up to a
 * contribution's amount and not a cent more (nothing changed), one project per expenditure,
 * status only forward, a need linked only to its own State's recommendations, the unmet-needs
 * counts, who sees a donor's allocations, and the coordination workbook.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, DEMO_EMAILS, json, openReviewWithFocalPoint, sessionFor, type TestSession } from '../server.ts';

const KEN_NEED = '5b0c2f1e-7d3a-4c8b-9e6f-1a2b3c4d5e6f';

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let secretariat: TestSession;
let focalPoint: TestSession; // AUT
let expert: TestSession; // KEN

interface Unmet {
  total: number;
  byType: { type: string; count: number }[];
  byRegion: { region: string; count: number }[];
  needs: { key: string; stateIso3: string; region: string; types: string[] }[];
}
interface Project {
  id: string;
  status: string;
  allocated: { currency: string; amount: string }[];
  spent: { currency: string; amount: string }[];
  allocations: { donor: string; amount: string }[];
  allocationsHidden: number;
}
interface Funding {
  contributions: { id: string; amount: string; allocated: string; available: string }[];
  expenditures: { id: string; projectId: string | null }[];
}

const inject = (method: 'GET' | 'POST' | 'PUT', url: string, session: TestSession | null, payload?: unknown) =>
  app.inject({ method, url, headers: session?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const get = async <T>(url: string, session: TestSession = secretariat): Promise<T> => {
  const response = await inject('GET', url, session);
  expect(response.statusCode, response.body).toBe(200);
  return json<T>(response);
};
const problem = (response: { statusCode: number; body: string }) => ({ status: response.statusCode, ...(JSON.parse(response.body) as { code: string; detail: string }) });

/** A need of a finalised report, a recommendation of the same review, and one made to another State. */
let need: { key: string; state: string; type: string };
let ownRecommendation: string;
let otherRecommendation: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database, { LOGIN_RATE_LIMIT_PER_MINUTE: 10_000 });
  secretariat = await sessionFor(testDb.database, DEMO_EMAILS.secretariat);
  focalPoint = await sessionFor(testDb.database, DEMO_EMAILS['focal-point']);
  expert = await sessionFor(testDb.database, DEMO_EMAILS.expert);
  // A finalised report of AUT with one need and one recommendation, one of FRA, and a need of
  // KEN recorded outside a report.
  const aut = await openReviewWithFocalPoint(app, secretariat, { state: 'AUT', cycle: 2, reviewers: ['DEU', 'KEN'], started: '2016-03-01', focalPointAppointed: '2016-03-20' });
  const fra = await openReviewWithFocalPoint(app, secretariat, { state: 'FRA', cycle: 2, reviewers: ['DEU', 'ITA'], started: '2016-03-01', focalPointAppointed: '2016-03-20' });
  const db = testDb.database.db;
  for (const [id, iso3] of [[aut, 'AUT'], [fra, 'FRA']] as const) {
    await db.execute(sql`insert into reports (review_id, finalised_at, finalised_by) values (${id}, now(), 'test')`);
    await db.execute(sql`insert into report_needs (review_id, article, sequence, type, text) values (${id}, 9, 1, 'capacity-building', ${`Training of procurement officers in ${iso3} (test).`})`);
    await db.execute(sql`insert into report_recommendations (review_id, article, sequence, reference, text) values (${id}, 9, 1, ${`2/${iso3}/9/1`}, ${`Recommendation 9.1 to ${iso3} (test).`})`);
  }
  await db.execute(sql`insert into assistance_needs (id, cycle_number, state_iso3, article, description, types, status, recorded_by) values (${KEN_NEED}, 2, 'KEN', 52, 'Model legislation on asset declarations (test).', ${JSON.stringify(['model-legislation', 'legal-advice'])}::jsonb, 'given', 'test')`);
  need = { key: `report/${aut}/9/1`, state: 'AUT', type: 'capacity-building' };
  ownRecommendation = '2/AUT/9/1';
  otherRecommendation = '2/FRA/9/1';
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

describe('technical assistance matched to funding', () => {
  let projectId: string;
  let contributionId: string;

  it('records a project for a need, and the need leaves the unmet counts', async () => {
    const before = await get<Unmet>('/api/ta/unmet');
    expect(before.needs.map((n) => n.key)).toContain(need.key);
    const created = await inject('POST', '/api/ta/projects', secretariat, { title: 'Asset declarations system', providerKind: 'unodc', providerName: 'UNODC', needs: [need.key] });
    expect(created.statusCode, created.body).toBe(201);
    projectId = json<{ id: string }>(created).id;
    const after = await get<Unmet>('/api/ta/unmet');
    expect(after.total).toBe(before.total - 1);
    expect(after.needs.map((n) => n.key)).not.toContain(need.key);
    const typeCount = (u: Unmet) => u.byType.reduce((s, t) => s + t.count, 0);
    expect(typeCount(after)).toBe(typeCount(before) - 1);
    const region = before.needs.find((n) => n.key === need.key)!.region;
    const regionCount = (u: Unmet) => u.byRegion.find((r) => r.region === region)!.count;
    expect(regionCount(after)).toBe(regionCount(before) - 1);

    const state = await get<{ needs: { need: { key: string }; projects: { id: string; status: string }[] }[] }>(`/api/ta/states/${need.state}`, expert);
    expect(state.needs.find((l) => l.need.key === need.key)!.projects).toEqual([expect.objectContaining({ id: projectId, status: 'offered' })]);
    const portfolios = await get<{ providerName: string; projects: number; byStatus: Record<string, number> }[]>('/api/ta/portfolios', focalPoint);
    expect(portfolios.find((p) => p.providerName === 'UNODC')).toMatchObject({ projects: 1, byStatus: { offered: 1 } });
  });

  it('refuses a project for needs of two States, an unknown need and a malformed key, changing nothing', async () => {
    const other = (await get<Unmet>('/api/ta/unmet')).needs.find((n) => n.stateIso3 !== need.state)!;
    const before = await get<{ projects: Project[] }>('/api/ta/projects');
    const twoStates = await inject('POST', '/api/ta/projects', secretariat, { title: 'X', providerKind: 'unodc', providerName: 'UNODC', needs: [need.key, other.key] });
    expect(problem(twoStates)).toMatchObject({ status: 422, code: 'ta.invalid', detail: expect.stringContaining('serves the needs of one State') as string });
    const unknown = await inject('POST', '/api/ta/projects', secretariat, { title: 'X', providerKind: 'unodc', providerName: 'UNODC', needs: ['recorded/00000000-0000-4000-8000-000000000000'] });
    expect(problem(unknown)).toMatchObject({ status: 422, code: 'ta.invalid', detail: expect.stringContaining('No such need') as string });
    const malformed = await inject('POST', '/api/ta/projects', secretariat, { title: 'X', providerKind: 'unodc', providerName: 'UNODC', needs: ['need 1'] });
    expect(problem(malformed)).toMatchObject({ status: 422, detail: expect.stringContaining('is not a need') as string });
    expect((await get<{ projects: Project[] }>('/api/ta/projects')).projects).toEqual(before.projects);
  });

  it('allocates a contribution to the cent up to its amount, refuses a further 0.01 and changes nothing', async () => {
    const contribution = await inject('POST', '/api/finance/contributions', secretariat, { donor: { iso3: 'AUT' }, kind: 'cash', date: '2024-02-01', currency: 'USD', amount: '1000.00', earmarking: 'activity', activity: 'Technical assistance' });
    expect(contribution.statusCode, contribution.body).toBe(201);
    contributionId = json<{ id: string }>(contribution).id;
    const first = await inject('POST', `/api/ta/projects/${projectId}/funding`, secretariat, { contributionId, amount: '600.01' });
    expect(first.statusCode, first.body).toBe(201);
    expect(json(first)).toMatchObject({ available: '399.99', currency: 'USD' });
    const rest = await inject('POST', `/api/ta/projects/${projectId}/funding`, secretariat, { contributionId, amount: '399.99' });
    expect(json(rest)).toMatchObject({ available: '0.00' });

    const fundingBefore = await get<Funding>('/api/ta/funding');
    const projectsBefore = await get<{ projects: Project[] }>('/api/ta/projects');
    const oneCent = await inject('POST', `/api/ta/projects/${projectId}/funding`, secretariat, { contributionId, amount: '0.01' });
    expect(problem(oneCent)).toMatchObject({ status: 422, code: 'ta.invalid', detail: 'The contribution is already fully allocated (1000.00 USD).' });
    const tooPrecise = await inject('POST', `/api/ta/projects/${projectId}/funding`, secretariat, { contributionId, amount: '0.001' });
    expect(tooPrecise.statusCode).toBe(422);
    expect(await get<Funding>('/api/ta/funding')).toEqual(fundingBefore);
    expect(await get<{ projects: Project[] }>('/api/ta/projects')).toEqual(projectsBefore);
    expect(fundingBefore.contributions.find((c) => c.id === contributionId)).toMatchObject({ amount: '1000.00', allocated: '1000.00', available: '0.00' });
    const project = projectsBefore.projects.find((p) => p.id === projectId)!;
    expect(project.allocated).toEqual([{ currency: 'USD', amount: '1000.00' }]);
  });

  it('never over-allocates under two allocations at once', async () => {
    const contribution = await inject('POST', '/api/finance/contributions', secretariat, { donor: { name: 'Fictitious Fund' }, kind: 'cash', date: '2024-02-01', currency: 'USD', amount: '100.00', earmarking: 'unearmarked' });
    const id = json<{ id: string }>(contribution).id;
    const results = await Promise.all([0, 1].map(() => inject('POST', `/api/ta/projects/${projectId}/funding`, secretariat, { contributionId: id, amount: '60.00' })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    expect((await get<Funding>('/api/ta/funding')).contributions.find((c) => c.id === id)).toMatchObject({ allocated: '60.00', available: '40.00' });
    const over = await inject('POST', `/api/ta/projects/${projectId}/funding`, secretariat, { contributionId: id, amount: '40.01' });
    expect(problem(over)).toMatchObject({ status: 422, detail: 'Only 40.00 USD of the contribution is left to allocate; 40.01 USD was asked.' });
  });

  it('refuses funding from a withdrawn contribution', async () => {
    const contribution = await inject('POST', '/api/finance/contributions', secretariat, { donor: { name: 'Withdrawn Fund' }, kind: 'cash', date: '2024-02-01', currency: 'USD', amount: '10.00', earmarking: 'unearmarked' });
    const id = json<{ id: string }>(contribution).id;
    expect((await inject('POST', `/api/finance/contributions/${id}/withdraw`, secretariat, { reason: 'Entered twice' })).statusCode).toBeLessThan(300);
    const refused = await inject('POST', `/api/ta/projects/${projectId}/funding`, secretariat, { contributionId: id, amount: '1.00' });
    expect(problem(refused)).toMatchObject({ status: 422, code: 'ta.invalid', detail: expect.stringContaining('withdrawn') as string });
  });

  it("shows a donor's allocations to that donor and the secretariat only; others see totals", async () => {
    const mine = (await get<{ projects: Project[] }>('/api/ta/projects', focalPoint)).projects.find((p) => p.id === projectId)!;
    expect(mine.allocations.map((a) => a.amount)).toEqual(['600.01', '399.99']);
    expect(mine.allocationsHidden).toBe(1);
    const theirs = (await get<{ projects: Project[] }>('/api/ta/projects', expert)).projects.find((p) => p.id === projectId)!;
    expect(theirs.allocations).toEqual([]);
    expect(theirs.allocationsHidden).toBe(3);
    expect(theirs.allocated).toEqual([{ currency: 'USD', amount: '1060.00' }]);
    expect((await inject('GET', '/api/ta/projects', null)).statusCode).toBe(401);
    expect((await inject('POST', `/api/ta/projects/${projectId}/funding`, focalPoint, { contributionId, amount: '1' })).statusCode).toBe(403);
  });

  it('attributes an expenditure to one project only', async () => {
    const spent = await inject('POST', '/api/finance/expenditures', secretariat, { cycle: 2, category: 'training', date: '2024-06-10', currency: 'USD', amount: '250.50' });
    const expenditureId = json<{ id: string }>(spent).id;
    expect((await inject('POST', `/api/ta/projects/${projectId}/spending`, secretariat, { expenditureId })).statusCode).toBe(204);
    const again = await inject('POST', `/api/ta/projects/${projectId}/spending`, secretariat, { expenditureId });
    expect(problem(again)).toMatchObject({ status: 422, code: 'ta.invalid' });
    expect((await get<{ projects: Project[] }>('/api/ta/projects')).projects.find((p) => p.id === projectId)!.spent).toEqual([{ currency: 'USD', amount: '250.50' }]);
  });

  it('moves status forward one step at a time and refuses it out of order', async () => {
    const skip = await inject('PUT', `/api/ta/projects/${projectId}/status`, secretariat, { status: 'delivered' });
    expect(problem(skip)).toMatchObject({ status: 409, code: 'ta.invalidState', detail: 'A project that is offered can only become agreed next, not delivered.' });
    for (const status of ['agreed', 'under-way']) expect((await inject('PUT', `/api/ta/projects/${projectId}/status`, secretariat, { status })).statusCode).toBe(200);
    const delivered = await inject('PUT', `/api/ta/projects/${projectId}/status`, secretariat, { status: 'delivered', results: 'Declarations filed online by 300 officials' });
    expect(json(delivered)).toMatchObject({ status: 'delivered' });
    const back = await inject('PUT', `/api/ta/projects/${projectId}/status`, secretariat, { status: 'agreed' });
    expect(problem(back)).toMatchObject({ status: 409, code: 'ta.invalidState' });
    const state = await get<{ needs: { need: { key: string }; projects: { status: string; results: string }[] }[] }>(`/api/ta/states/${need.state}`);
    expect(state.needs.find((l) => l.need.key === need.key)!.projects[0]).toMatchObject({ status: 'delivered', results: 'Declarations filed online by 300 officials' });
  });

  it("links a need to its own State's recommendation and refuses another State's, changing nothing", async () => {
    const other = await inject('POST', '/api/ta/needs/recommendations', secretariat, { need: need.key, reference: otherRecommendation });
    expect(problem(other)).toMatchObject({ status: 422, code: 'ta.invalid', detail: expect.stringContaining('can only serve recommendations to its own State') as string });
    const line = async () => (await get<{ needs: { need: { key: string }; recommendations: string[] }[] }>(`/api/ta/states/${need.state}`)).needs.find((l) => l.need.key === need.key)!;
    expect((await line()).recommendations).toEqual([]);
    const own = await inject('POST', '/api/ta/needs/recommendations', secretariat, { need: need.key, reference: ownRecommendation });
    expect(json(own)).toEqual({ linked: true });
    expect((await line()).recommendations).toEqual([ownRecommendation]);
  });

  it('exports the coordination workbook', async () => {
    const response = await inject('GET', '/api/ta/coordination.xlsx', expert);
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Needs without a provider', 'Portfolios', 'Projects']);
    const unmet = await get<Unmet>('/api/ta/unmet');
    expect(workbook.getWorksheet('Needs without a provider')!.getCell('A1').text).toContain(`: ${unmet.total}`);
    const portfolios = workbook.getWorksheet('Portfolios')!;
    const unodc = portfolios.getRows(2, portfolios.rowCount - 1)!.find((r) => r.getCell(1).value === 'UNODC')!;
    expect(unodc.getCell(3).value).toBe(1);
    expect(unodc.getCell(9).value).toBe('USD');
    expect(unodc.getCell(10).value).toBe(1060);
    expect(unodc.getCell(11).value).toBe(250.5);
    expect((await inject('GET', '/api/ta/coordination.xlsx', null)).statusCode).toBe(401);
  });
});
