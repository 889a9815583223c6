/**
 * The Mechanism's finances through the API on the real database (docs/FINANCES.md): recording
 * rates, requirements, contributions and receipts, expenditures; the statement as at dates
 * (funding gap to the cent); bad input changes nothing; who sees what — aggregates for every
 * signed-in user, a donor's own figures for that donor and the secretariat only, nothing for
 * the public; the XLSX export.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/query-rows.ts';
import { systemActor } from '../../src/domain/accounts/roles.ts';
import { createUser } from '../../src/server/use-cases/users.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, DEMO_EMAILS, json, sessionFor, type TestSession } from '../server.ts';

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let secretariat: TestSession;
let focalPoint: TestSession; // AUT
let expert: TestSession; // KEN
let delegate: TestSession; // no State
let franceDelegate: TestSession; // FRA

interface Statement {
  asAt: string;
  contributions: { pledged: string; received: string; inKind: string; outstanding: string };
  donors: { donor: { kind: string; iso3?: string; name?: string }; name: string; pledged: string; received: string }[];
  donorsAggregated: boolean;
  contributionList: { id: string; name: string; receipts: unknown[] }[];
  spentByCycle: { cycle: number; amount: string }[];
  requirementsToDate: string;
  fundingGap: string;
  burnRate: { perMonth: string };
  virtualVisits: { count: number; perVisitCost: string | null; savings: string | null };
  may: { manage: boolean };
}

const inject = (method: 'GET' | 'POST' | 'PUT', url: string, session: TestSession | null, payload?: unknown) =>
  app.inject({ method, url, headers: session?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const statement = async (asAt: string, session: TestSession = secretariat) => {
  const response = await inject('GET', `/api/finance/statement?asAt=${asAt}`, session);
  expect(response.statusCode, response.body).toBe(200);
  return json<Statement>(response);
};
const cents = (text: string) => {
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const value = BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0'));
  return text.startsWith('-') ? -value : value;
};
const spent = (s: Statement, cycle: number) => cents(s.spentByCycle.find((c) => c.cycle === cycle)?.amount ?? '0');
const post = async (url: string, payload: unknown, session: TestSession = secretariat) => inject('POST', url, session, payload);

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database, { LOGIN_RATE_LIMIT_PER_MINUTE: 10_000 });
  secretariat = await sessionFor(testDb.database, DEMO_EMAILS.secretariat);
  focalPoint = await sessionFor(testDb.database, DEMO_EMAILS['focal-point']);
  expert = await sessionFor(testDb.database, DEMO_EMAILS.expert);
  delegate = await sessionFor(testDb.database, DEMO_EMAILS.delegate);
  await createUser(
    { db: testDb.database.db, actor: systemActor('test'), now: new Date() },
    { email: 'delegate.fra@example.org', displayName: 'Delegate of France (fictitious)', role: 'delegate', stateIso3: 'FRA', password: 'a long test password 9f3k' },
  );
  franceDelegate = await sessionFor(testDb.database, 'delegate.fra@example.org');
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

describe('finances', () => {
  let base: { june: Statement; feb: Statement; dec: Statement };
  let pledgeId: string;

  it('records rates, a requirement, contributions and receipts, and the funding gap follows to the cent', async () => {
    base = { june: await statement('2024-06-30'), feb: await statement('2024-02-15'), dec: await statement('2024-12-31') };
    for (const [validFrom, perUsd] of [['2024-01-01', '0.9'], ['2024-07-01', '0.8']] as const) {
      expect((await post('/api/finance/rates', { currency: 'EUR', validFrom, perUsd })).statusCode).toBe(204);
    }
    expect((await post('/api/finance/requirements', { cycle: 2, year: 2024, currency: 'USD', amount: '250000.00' })).statusCode).toBe(201);
    const pledge = await post('/api/finance/contributions', { donor: { iso3: 'AUT' }, kind: 'cash', date: '2024-02-01', currency: 'USD', amount: '100000', earmarking: 'cycle-2' });
    expect(pledge.statusCode, pledge.body).toBe(201);
    pledgeId = json<{ id: string }>(pledge).id;
    expect((await post(`/api/finance/contributions/${pledgeId}/receipts`, { date: '2024-03-01', amount: '60000.00' })).statusCode).toBe(201);
    expect((await post(`/api/finance/contributions/${pledgeId}/receipts`, { date: '2024-09-01', amount: '40000' })).statusCode).toBe(201);
    const foundation = await post('/api/finance/contributions', { donor: { name: 'Fictitious Foundation' }, kind: 'cash', date: '2024-08-01', currency: 'EUR', amount: '10000.00', earmarking: 'activity', activity: 'Training of experts', received: true });
    expect(foundation.statusCode, foundation.body).toBe(201);
    const inKind = await post('/api/finance/contributions', { donor: { iso3: 'FRA' }, kind: 'in-kind', date: '2024-05-01', currency: 'EUR', amount: '900', earmarking: 'unearmarked', description: 'Interpretation for one country visit' });
    expect(inKind.statusCode, inKind.body).toBe(201);
    expect((await post('/api/finance/expenditures', { cycle: 2, category: 'translation', date: '2024-06-10', currency: 'EUR', amount: '8000.00' })).statusCode).toBe(201);

    const june = await statement('2024-06-30');
    expect(cents(june.requirementsToDate) - cents(base.june.requirementsToDate)).toBe(250_000_00n);
    expect(cents(june.contributions.received) - cents(base.june.contributions.received)).toBe(60_000_00n);
    expect(cents(june.contributions.inKind) - cents(base.june.contributions.inKind)).toBe(1_000_00n);
    expect(cents(june.fundingGap) - cents(base.june.fundingGap)).toBe(250_000_00n - 60_000_00n);
    // 8,000.00 EUR at 0.9 per USD = 8,888.888… → 8,888.89
    expect(spent(june, 2) - spent(base.june, 2)).toBe(8_888_89n);

    // As at 15 February: the pledge counts, no receipt yet.
    const feb = await statement('2024-02-15');
    expect(cents(feb.contributions.pledged) - cents(base.feb.contributions.pledged)).toBe(100_000_00n);
    expect(cents(feb.contributions.received) - cents(base.feb.contributions.received)).toBe(0n);

    // As at 31 December: both receipts, and 10,000 EUR at 0.8 (from 1 July) = 12,500.00.
    const dec = await statement('2024-12-31');
    expect(cents(dec.contributions.received) - cents(base.dec.contributions.received)).toBe(112_500_00n);
    expect(cents(dec.fundingGap) - cents(base.dec.fundingGap)).toBe(250_000_00n - 112_500_00n);
  });

  it('answers bad input with a clear error and changes nothing', async () => {
    const before = await inject('GET', '/api/finance/records', secretariat);
    const beforeStatement = await statement('2024-12-31');
    const unknownCurrency = await post('/api/finance/expenditures', { cycle: 2, category: 'other', date: '2024-06-10', currency: 'XYZ', amount: '10' });
    expect(unknownCurrency.statusCode).toBe(422);
    expect(json<{ detail: string; code: string }>(unknownCurrency)).toMatchObject({ code: 'finance.invalid', detail: expect.stringContaining("Unknown currency 'XYZ'") as string });
    const noRate = await post('/api/finance/expenditures', { cycle: 2, category: 'other', date: '2024-06-10', currency: 'GBP', amount: '10' });
    expect(noRate.statusCode).toBe(422);
    expect(json<{ detail: string }>(noRate).detail).toMatch(/No rate for GBP valid on or before 2024-06-10/);
    const earlyRate = await post('/api/finance/expenditures', { cycle: 2, category: 'other', date: '2023-12-31', currency: 'EUR', amount: '10' });
    expect(json<{ code: string }>(earlyRate).code).toBe('finance.noRate');
    const tooPrecise = await post('/api/finance/contributions', { donor: { iso3: 'AUT' }, kind: 'cash', date: '2024-02-01', currency: 'USD', amount: '10.005', earmarking: 'unearmarked' });
    expect(tooPrecise.statusCode).toBe(422);
    expect(json<{ detail: string }>(tooPrecise).detail).toMatch(/USD has 2 decimal digits/);
    const floatAmount = await post('/api/finance/contributions', { donor: { iso3: 'AUT' }, kind: 'cash', date: '2024-02-01', currency: 'USD', amount: 10.5, earmarking: 'unearmarked' });
    expect(floatAmount.statusCode).toBe(400);
    const beyondPledge = await post(`/api/finance/contributions/${pledgeId}/receipts`, { date: '2024-10-01', amount: '0.01' });
    expect(beyondPledge.statusCode).toBe(422);
    expect(json<{ detail: string }>(beyondPledge).detail).toMatch(/exceed the amount pledged/);
    const unknownParty = await post('/api/finance/contributions', { donor: { iso3: 'ZZZ' }, kind: 'cash', date: '2024-02-01', currency: 'USD', amount: '10', earmarking: 'unearmarked' });
    expect(unknownParty.statusCode).toBe(404);
    const bothDonors = await post('/api/finance/contributions', { donor: { iso3: 'AUT', name: 'X' }, kind: 'cash', date: '2024-02-01', currency: 'USD', amount: '10', earmarking: 'unearmarked' });
    expect(bothDonors.statusCode).toBe(422);
    const noActivity = await post('/api/finance/contributions', { donor: { iso3: 'AUT' }, kind: 'cash', date: '2024-02-01', currency: 'USD', amount: '10', earmarking: 'activity' });
    expect(noActivity.statusCode).toBe(422);
    const badDate = await post('/api/finance/expenditures', { cycle: 2, category: 'other', date: '2024-02-30', currency: 'USD', amount: '10' });
    expect(badDate.statusCode).toBe(400);
    const noCycle = await post('/api/finance/expenditures', { cycle: 42, category: 'other', date: '2024-02-01', currency: 'USD', amount: '10' });
    expect(noCycle.statusCode).toBe(422);
    expect((await post('/api/finance/rates', { currency: 'EUR', validFrom: '2024-01-01', perUsd: '-1' })).statusCode).toBe(422);
    expect((await post('/api/finance/rates', { currency: 'XYZ', validFrom: '2024-01-01', perUsd: '1' })).statusCode).toBe(422);
    expect((await post('/api/finance/contributions/00000000-0000-4000-8000-000000000000/receipts', { date: '2024-10-01', amount: '1' })).statusCode).toBe(404);
    expect((await inject('GET', '/api/finance/records', secretariat)).body).toBe(before.body);
    expect(await statement('2024-12-31')).toEqual(beforeStatement);
  });

  it('shows aggregates to every signed-in user, a donor only its own figures, the public nothing', async () => {
    expect((await inject('GET', '/api/finance/statement', null)).statusCode).toBe(401);
    expect((await inject('GET', '/api/finance/statement.xlsx', null)).statusCode).toBe(401);

    const all = await statement('2024-12-31');
    expect(all.donors.map((d) => d.name)).toEqual(expect.arrayContaining(['Fictitious Foundation', expect.stringMatching(/Austria/) as string, expect.stringMatching(/France/) as string]));
    expect(all.may.manage).toBe(true);

    const austria = await statement('2024-12-31', focalPoint);
    expect(austria.donors.map((d) => d.donor)).toEqual([{ kind: 'party', iso3: 'AUT' }]);
    expect(cents(austria.donors[0]!.received)).toBeGreaterThanOrEqual(100_000_00n);
    expect(austria.contributionList.map((c) => c.id)).toContain(pledgeId);
    expect(austria.contributionList.every((c) => /Austria/.test(c.name))).toBe(true);
    expect(austria.donorsAggregated).toBe(true);
    expect(austria.fundingGap).toBe(all.fundingGap);
    expect(austria.contributions).toEqual(all.contributions);
    expect(austria.may.manage).toBe(false);

    const france = await statement('2024-12-31', franceDelegate);
    expect(france.donors.map((d) => d.donor)).toEqual([{ kind: 'party', iso3: 'FRA' }]);
    expect(france.contributionList.map((c) => c.id)).not.toContain(pledgeId);

    for (const session of [delegate, expert]) {
      const s = await statement('2024-12-31', session);
      expect(s.donors).toEqual([]);
      expect(s.contributionList).toEqual([]);
      expect(s.donorsAggregated).toBe(true);
      expect(s.fundingGap).toBe(all.fundingGap);
    }

    for (const session of [focalPoint, franceDelegate, delegate, expert]) {
      expect((await inject('GET', '/api/finance/records', session)).statusCode).toBe(403);
      expect((await post('/api/finance/expenditures', { cycle: 2, category: 'other', date: '2024-06-10', currency: 'USD', amount: '10' }, session)).statusCode).toBe(403);
      expect((await post(`/api/finance/contributions/${pledgeId}/receipts`, { date: '2024-10-01', amount: '1' }, session)).statusCode).toBe(403);
    }
  });

  it('estimates the savings of virtual visits from the per-visit cost', async () => {
    expect((await inject('PUT', '/api/finance/settings', secretariat, { visitCost: '25000.00' })).statusCode).toBe(204);
    const s = await statement('2030-12-31');
    expect(s.virtualVisits.perVisitCost).toBe('25000.00');
    expect(cents(s.virtualVisits.savings!)).toBe(25_000_00n * BigInt(s.virtualVisits.count));
    expect((await inject('PUT', '/api/finance/settings', focalPoint, { visitCost: '1' })).statusCode).toBe(403);

    // A review whose dialogue was a virtual visit on 1 March 2021, read through the reviews' milestones.
    const csv = [
      'state_iso3,cycle,cohort_year,reviewer1_iso3,reviewer2_iso3,started,focal_point_appointed,checklist_submitted,desk_review_completed,dialogue_type,dialogue_held,draft_report_shared,executive_summary_finalised,report_finalised,executive_summary_published,report_published',
      'PER,2,1,BRA,CHL,2020-06-01,2020-06-15,2020-09-01,2020-11-01,virtual_visit,2021-03-01,,,,,',
    ].join('\n');
    const before = await statement('2021-02-28');
    const imported = await app.inject({ method: 'POST', url: '/api/import/reviews', headers: { ...secretariat.headers, 'content-type': 'text/csv' }, payload: csv });
    expect(imported.statusCode, imported.body).toBe(200);
    expect((await statement('2021-02-28')).virtualVisits).toEqual(before.virtualVisits);
    const after = await statement('2021-03-01');
    expect(after.virtualVisits.count).toBe(before.virtualVisits.count + 1);
    expect(cents(after.virtualVisits.savings!) - cents(before.virtualVisits.savings!)).toBe(25_000_00n);
  });

  it('withdraws a record entered in error: the statement leaves it out, the record and the reason stay', async () => {
    const before = await statement('2025-12-31');
    const wrong = await post('/api/finance/contributions', { donor: { iso3: 'AUT' }, kind: 'cash', date: '2025-03-01', currency: 'USD', amount: '5000.00', earmarking: 'unearmarked', received: true });
    const wrongId = json<{ id: string }>(wrong).id;
    const expense = json<{ id: string }>(await post('/api/finance/expenditures', { cycle: 2, category: 'meetings', date: '2025-03-02', currency: 'USD', amount: '700.25' })).id;
    const entered = await statement('2025-12-31');
    expect(cents(entered.contributions.received) - cents(before.contributions.received)).toBe(5_000_00n);
    expect(spent(entered, 2) - spent(before, 2)).toBe(700_25n);

    // No reason, someone else, an unknown id: refused, nothing changes.
    expect((await post(`/api/finance/contributions/${wrongId}/withdraw`, { reason: ' ' })).statusCode).toBe(422);
    expect((await post(`/api/finance/contributions/${wrongId}/withdraw`, { reason: 'entered twice' }, focalPoint)).statusCode).toBe(403);
    expect((await post('/api/finance/expenditures/00000000-0000-4000-8000-000000000000/withdraw', { reason: 'entered twice' })).statusCode).toBe(404);
    expect(await statement('2025-12-31')).toEqual(entered);

    expect((await post(`/api/finance/contributions/${wrongId}/withdraw`, { reason: 'entered twice' })).statusCode).toBe(204);
    expect((await post(`/api/finance/expenditures/${expense}/withdraw`, { reason: 'wrong cycle' })).statusCode).toBe(204);
    const after = await statement('2025-12-31');
    expect(after.contributions).toEqual(before.contributions);
    expect(after.spentByCycle).toEqual(before.spentByCycle);
    expect(after.contributionList.some((c) => c.id === wrongId)).toBe(false);
    // Withdrawn once is withdrawn: a second withdrawal and a receipt on it are refused.
    expect((await post(`/api/finance/contributions/${wrongId}/withdraw`, { reason: 'again' })).statusCode).toBe(404);
    expect((await post(`/api/finance/contributions/${wrongId}/receipts`, { date: '2025-04-01', amount: '1' })).statusCode).toBe(404);

    const kept = await queryRows<{ withdrawal_reason: string }>(testDb.database.db, sql`select withdrawal_reason from finance_contributions where id = ${wrongId}`);
    expect(kept[0]?.withdrawal_reason).toBe('entered twice');
    const audit = json<{ events: { action: string; resourceId: string | null }[] }>(await inject('GET', '/api/audit?limit=20', secretariat));
    expect(audit.events.some((e) => e.action === 'finance.withdraw' && e.resourceId === wrongId)).toBe(true);
  });

  it('records posts and their vacancy', async () => {
    const created = await post('/api/finance/posts', { grade: 'P-4', title: 'Crime prevention officer (fictitious)', regularBudget: true, vacantFrom: '2024-04-01', vacantTo: null });
    expect(created.statusCode).toBe(201);
    const id = json<{ id: string }>(created).id;
    expect((await inject('PUT', `/api/finance/posts/${id}/vacancy`, secretariat, { vacantFrom: '2024-04-01', vacantTo: '2024-03-01' })).statusCode).toBe(422);
    expect((await inject('PUT', `/api/finance/posts/${id}/vacancy`, secretariat, { vacantFrom: '2024-04-01', vacantTo: '2024-10-31' })).statusCode).toBe(204);
    const records = json<{ posts: { id: string; vacantTo: string | null }[] }>(await inject('GET', '/api/finance/records', secretariat));
    expect(records.posts.find((p) => p.id === id)?.vacantTo).toBe('2024-10-31');
  });

  it('exports the statement as a workbook; a donor’s workbook holds no other donor', async () => {
    const response = await inject('GET', '/api/finance/statement.xlsx?asAt=2024-12-31', secretariat);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/spreadsheetml/);
    const text = async (body: Buffer) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(body as unknown as ArrayBuffer);
      const cells: string[] = [];
      workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(typeof cell.value === 'number' ? String(cell.value) : cell.text)));
      return cells;
    };
    const cells = await text(response.rawPayload);
    const all = await statement('2024-12-31');
    expect(cells).toContain('Fictitious Foundation');
    expect(cells).toContain('V. Funding gap');
    expect(cells).toContain(String(Number(all.fundingGap)));
    const austria = await text((await inject('GET', '/api/finance/statement.xlsx?asAt=2024-12-31', focalPoint)).rawPayload);
    expect(austria).not.toContain('Fictitious Foundation');
    expect(austria.some((c) => /France/.test(c))).toBe(false);
  });
});
