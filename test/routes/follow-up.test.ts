/**
 * Follow-up of recommendations through the API on the real database (docs/FOLLOW-UP.md):
 * rounds from the finalised report, the State's self-report with evidence, the reviewers'
 * and the secretariat's assessments, history kept, the action plan and its exports, the
 * dashboards, the reminder hook; bad input (an assessment before a self-report, a file over
 * the limit, a self-report on another State's recommendation) changes nothing; the public
 * sees only published recommendations.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/query-rows.ts';
import { systemActor } from '../../src/domain/accounts/roles.ts';
import { queueFollowUpReminders } from '../../src/server/use-cases/follow-up-reminders.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, json, openReviewWithFocalPoint, sessionFor, type TestSession } from '../server.ts';

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let secretariat: TestSession;
let focalPoint: TestSession; // AUT: the State under review
let expert: TestSession; // KEN: a reviewing State of AUT, an outsider to FRA
let delegate: TestSession;
let reviewId: string; // AUT, cycle 2, reviewed by DEU and KEN
let otherReviewId: string; // FRA, reviewed by DEU and ITA

const MAX_BYTES = 8192;
const day = (offset = 0) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

interface View {
  finalisedOn: string | null;
  rounds: { number: number; opensOn: string; dueOn: string; closedOn: string | null; state: string }[];
  upcoming: { number: number; opensOn: string } | null;
  canSeeDetail: boolean;
  may: Record<string, boolean>;
  evidenceFiles: { id: string; filename: string }[];
  recommendations: { reference: string; text: string; latest: { status: string; round: number } | null; claimed: { status: string } | null; history: { kind: string; version: number; status: string; documents?: { id: string }[] }[] }[];
}
interface Dashboard {
  totals: { total: number; counts: Record<string, number>; shareImplemented: number | null };
  by: Record<string, { key: string; total: number; shareImplemented: number | null }[]>;
  quarterly: { quarter: string; shareImplemented: number | null }[];
  mostOutstanding: { stateIso3: string; outstanding: number }[];
}

const inject = (method: 'GET' | 'POST' | 'PUT', url: string, session: TestSession | null, payload?: unknown) =>
  app.inject({ method, url, headers: session?.headers ?? {}, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const view = async (session: TestSession | null, id = reviewId) => {
  const response = await inject('GET', `/api/reviews/${id}/follow-up`, session);
  expect(response.statusCode, response.body).toBe(200);
  return json<View>(response);
};
const base = (id = reviewId) => `/api/reviews/${id}/follow-up`;
const selfReport = (session: TestSession, round: number, article: number, sequence: number, body: Record<string, unknown>, id = reviewId) =>
  inject('POST', `${base(id)}/rounds/${round}/recommendations/${article}/${sequence}/self-reports`, session, body);
const assess = (session: TestSession, round: number, article: number, sequence: number, body: Record<string, unknown>, id = reviewId) =>
  inject('POST', `${base(id)}/rounds/${round}/recommendations/${article}/${sequence}/assessments`, session, body);
const count = async (table: string) => Number((await queryRows<{ n: number }>(testDb.database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n);
const counts = async () => ({ reports: await count('follow_up_self_reports'), assessments: await count('follow_up_assessments'), files: await count('follow_up_evidence_files'), rounds: await count('follow_up_rounds') });
function upload(session: TestSession, filename: string, bytes: Buffer, id = reviewId) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), filename);
  return app.inject({ method: 'POST', url: `${base(id)}/evidence`, headers: session.headers, payload: form });
}
const dashboard = async (session: TestSession | null, query = '') => {
  const response = await inject('GET', `/api/follow-up/dashboard?asAt=${day()}${query}`, session);
  expect(response.statusCode, response.body).toBe(200);
  return json<Dashboard>(response);
};

async function finalise(id: string, iso3: string, references: [number, number][]) {
  let version = json<{ review: { version: number } }>(await inject('GET', `/api/reviews/${id}`, secretariat)).review.version;
  const steps: [string, string, string?][] = [
    ['checklistSubmitted', '2016-05-01'],
    ['deskReviewCompleted', '2016-06-01'],
    ['dialogueHeld', '2016-08-01', 'country_visit'],
    ['draftReportShared', '2016-09-01'],
    ['reportFinalised', '2017-01-10'],
  ];
  for (const [kind, date, dialogueType] of steps) {
    const response = await inject('POST', `/api/reviews/${id}/milestones`, secretariat, { kind, date, version, ...(dialogueType ? { dialogueType } : {}) });
    expect(response.statusCode, response.body).toBe(200);
    version = json<{ review: { version: number } }>(response).review.version;
  }
  for (const [article, sequence] of references) {
    await testDb.database.db.execute(sql`insert into report_recommendations (review_id, article, sequence, reference, text) values (${id}, ${article}, ${sequence}, ${`2/${iso3}/${article}/${sequence}`}, ${`Recommendation ${article}.${sequence} to ${iso3} (test).`})`);
  }
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database, { ATTACHMENT_MAX_BYTES: MAX_BYTES });
  secretariat = await sessionFor(testDb.database, 'secretariat@demo.test');
  focalPoint = await sessionFor(testDb.database, 'focal.point@demo.test');
  expert = await sessionFor(testDb.database, 'expert@demo.test');
  delegate = await sessionFor(testDb.database, 'delegate@demo.test');
  reviewId = await openReviewWithFocalPoint(app, secretariat, { state: 'AUT', cycle: 2, reviewers: ['DEU', 'KEN'], started: '2016-03-01', focalPointAppointed: '2016-03-20' });
  otherReviewId = await openReviewWithFocalPoint(app, secretariat, { state: 'FRA', cycle: 2, reviewers: ['DEU', 'ITA'], started: '2016-03-01', focalPointAppointed: '2016-03-20' });
});

afterAll(async () => {
  await app?.close();
  await testDb?.dispose();
});

describe('rounds', () => {
  it('cannot start before the report is finalised', async () => {
    expect((await view(secretariat)).finalisedOn).toBeNull();
    const refused = await inject('POST', `${base()}/rounds`, secretariat, {});
    expect(refused.statusCode).toBe(409);
    expect(json<{ code: string }>(refused).code).toBe('followUp.invalidState');
    expect((await counts()).rounds).toBe(0);
  });

  it('opens round 1 on the schedule (24 months after finalisation, due 90 days later), one at a time', async () => {
    await finalise(reviewId, 'AUT', [[5, 1], [5, 2], [9, 1]]);
    await finalise(otherReviewId, 'FRA', [[5, 1]]);
    const before = await view(secretariat);
    expect(before.finalisedOn).toBe('2017-01-10');
    expect(before.upcoming).toEqual({ number: 1, opensOn: '2019-01-10', dueOn: '2019-04-10' });
    expect((await inject('POST', `${base()}/rounds`, focalPoint, {})).statusCode).toBe(403);
    const opened = await inject('POST', `${base()}/rounds`, secretariat, {});
    expect(opened.statusCode, opened.body).toBe(201);
    expect(json(opened)).toEqual({ number: 1, opensOn: '2019-01-10', dueOn: '2019-04-10' });
    const again = await inject('POST', `${base()}/rounds`, secretariat, {});
    expect(again.statusCode).toBe(409);
    expect(json<{ detail: string }>(again).detail).toMatch(/Round 1 is still open/);
    expect((await inject('POST', `${base(otherReviewId)}/rounds`, secretariat, { opensOn: '2025-01-01' })).statusCode).toBe(201);
    const after = await view(focalPoint);
    expect(after.rounds).toEqual([{ number: 1, opensOn: '2019-01-10', dueOn: '2019-04-10', closedOn: null, state: 'overdue' }]);
    expect(after.may).toEqual({ report: true, assess: false, manage: false, plan: true });
  });
});

describe('self-reports and assessments', () => {
  let fileId: string;

  it('refuses bad input and changes nothing', async () => {
    const before = await counts();
    // An assessment before any self-report: out of order.
    const early = await assess(secretariat, 1, 5, 1, { status: 'implemented' });
    expect(early.statusCode).toBe(409);
    expect(json<{ code: string }>(early).code).toBe('followUp.invalidState');
    expect(json<{ detail: string }>(early).detail).toMatch(/has not reported on this recommendation in round 1/);
    // A file over the limit, and a program dressed as a PDF.
    const big = await upload(focalPoint, 'big.pdf', Buffer.concat([PDF, Buffer.alloc(MAX_BYTES, 0x20)]));
    expect(big.statusCode).toBe(413);
    const exe = await upload(focalPoint, 'law.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]));
    expect(exe.statusCode).toBe(415);
    // The focal point of Austria on France's recommendation; Kenya's expert in Austria's place.
    expect((await selfReport(focalPoint, 1, 5, 1, { status: 'implemented', narrative: 'Done.' }, otherReviewId)).statusCode).toBe(403);
    expect((await upload(focalPoint, 'law.pdf', PDF, otherReviewId)).statusCode).toBe(403);
    expect((await selfReport(expert, 1, 5, 1, { status: 'implemented', narrative: 'Done.' })).statusCode).toBe(403);
    // Not a recommendation of the report, an unknown round, an empty narrative, a bad link, an unknown file.
    expect((await selfReport(focalPoint, 1, 7, 1, { status: 'implemented', narrative: 'Done.' })).statusCode).toBe(404);
    expect((await selfReport(focalPoint, 2, 5, 1, { status: 'implemented', narrative: 'Done.' })).statusCode).toBe(404);
    expect((await selfReport(focalPoint, 1, 5, 1, { status: 'implemented', narrative: '   ' })).statusCode).toBe(422);
    expect((await selfReport(focalPoint, 1, 5, 1, { status: 'implemented', narrative: 'Done.', links: [{ url: 'javascript:alert(1)', title: '' }] })).statusCode).toBe(422);
    expect((await selfReport(focalPoint, 1, 5, 1, { status: 'implemented', narrative: 'Done.', documents: [reviewId] })).statusCode).toBe(422);
    expect((await selfReport(focalPoint, 1, 5, 1, { status: 'done', narrative: 'Done.' })).statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('the focal point reports a recommendation as implemented with evidence; a correction is a new version', async () => {
    const uploaded = await upload(focalPoint, 'Register statistics.pdf', PDF);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    fileId = json<{ file: { id: string } }>(uploaded).file.id;
    const first = await selfReport(focalPoint, 1, 5, 1, { status: 'implemented', narrative: 'The register of assets is online.', links: [{ url: 'https://example.org/register', title: 'Register' }], statistics: [{ label: 'Declarations filed', value: '1204', period: '2023' }], documents: [fileId] });
    expect(first.statusCode, first.body).toBe(201);
    expect(json(first)).toMatchObject({ round: 1, reference: '2/AUT/5/1', version: 1, status: 'implemented' });
    const second = await selfReport(focalPoint, 1, 5, 1, { status: 'implemented', narrative: 'The register of assets is online and audited.', documents: [fileId] });
    expect(json(second)).toMatchObject({ version: 2 });
    const mine = (await view(focalPoint)).recommendations.find((r) => r.reference === '2/AUT/5/1')!;
    expect(mine.claimed?.status).toBe('implemented');
    expect(mine.latest).toBeNull();
    expect(mine.history.map((h) => [h.kind, h.version])).toEqual([['self-report', 1], ['self-report', 2]]);
    expect(mine.history[0]!.documents).toEqual([{ id: fileId, filename: 'Register statistics.pdf' }]);
    const download = await inject('GET', `${base()}/evidence/${fileId}`, expert);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect((await inject('GET', `${base()}/evidence/${fileId}`, null)).statusCode).toBe(401);
    expect((await inject('GET', `${base()}/evidence/${fileId}`, delegate)).statusCode).toBe(403);
    const audit = await queryRows<{ action: string }>(testDb.database.db, sql`select action from audit_events where resource_id = ${reviewId} and action like 'followUp.%' order by id`);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['followUp.openRound', 'followUp.uploadEvidence', 'followUp.selfReport']));
  });

  it('the reviewers assess, the secretariat corrects; the history keeps both', async () => {
    expect((await assess(expert, 1, 5, 1, { status: 'partly-implemented', note: '' })).statusCode).toBe(422);
    expect((await assess(expert, 1, 5, 1, { status: 'implemented', assessedOn: day(-1) })).statusCode).toBe(422);
    const byExpert = await assess(expert, 1, 5, 1, { status: 'implemented', note: '' });
    expect(byExpert.statusCode, byExpert.body).toBe(201);
    const bySecretariat = await assess(secretariat, 1, 5, 1, { status: 'partly-implemented', note: 'Sanctions for false declarations are missing.' });
    expect(json(bySecretariat)).toMatchObject({ version: 2, status: 'partly-implemented' });
    expect((await assess(expert, 1, 5, 1, { status: 'implemented' }, otherReviewId)).statusCode).toBe(403);
    expect((await assess(focalPoint, 1, 5, 1, { status: 'implemented' })).statusCode).toBe(403);
    const r = (await view(secretariat)).recommendations.find((x) => x.reference === '2/AUT/5/1')!;
    expect(r.latest).toEqual({ status: 'partly-implemented', round: 1, assessedOn: day() });
    expect(r.history.filter((h) => h.kind === 'assessment').map((h) => h.status)).toEqual(['implemented', 'partly-implemented']);
  });

  it('no self-report after the round closed; the next round follows', async () => {
    const closed = await inject('POST', `${base()}/rounds/1/close`, secretariat);
    expect(closed.statusCode, closed.body).toBe(200);
    const before = await counts();
    const late = await selfReport(focalPoint, 1, 5, 2, { status: 'not-implemented', narrative: 'Draft law in parliament.' });
    expect(late.statusCode).toBe(409);
    expect(json<{ detail: string }>(late).detail).toMatch(/Round 1 closed on/);
    expect(await counts()).toEqual(before);
    // The reviewers may still assess what was reported in time.
    expect((await assess(secretariat, 1, 5, 1, { status: 'partly-implemented', note: 'Confirmed.' })).statusCode).toBe(201);
    // The database itself keeps the history: no UPDATE or DELETE of a version, no reopening.
    await expect(testDb.database.db.execute(sql`update follow_up_self_reports set status = 'not-implemented'`)).rejects.toThrow();
    await expect(testDb.database.db.execute(sql`delete from follow_up_assessments`)).rejects.toThrow();
    await expect(testDb.database.db.execute(sql`update follow_up_rounds set closed_on = null where review_id = ${reviewId}`)).rejects.toThrow();
  });
});

describe('what others see', () => {
  it('the public and other States see only published recommendations, with the assessed status and no history', async () => {
    expect((await view(null)).recommendations).toEqual([]);
    const snapshot = { stateName: 'Austria', iso3: 'AUT', cycle: 2, reviewerNames: ['Germany', 'Kenya'], symbol: '', sections: [{ article: 5, title: 'Preventive policies', chapter: 'II', content: { summary: '', observations: '', successes: '', challenges: '', recommendations: [{ text: 'Published text of 5.1.', reference: '2/AUT/5/1' }], goodPractices: [], needs: [] } }] };
    await testDb.database.db.execute(sql`insert into publications (id, review_id, document, language, version, note, snapshot, published_by) values (gen_random_uuid(), ${reviewId}, 'report', 'en', 1, '', ${JSON.stringify(snapshot)}::jsonb, 'test')`);
    for (const session of [null, delegate]) {
      const seen = await view(session);
      expect(seen.canSeeDetail).toBe(false);
      expect(seen.evidenceFiles).toEqual([]);
      expect(seen.recommendations).toEqual([{ article: 5, sequence: 1, reference: '2/AUT/5/1', text: 'Published text of 5.1.', latest: { status: 'partly-implemented', round: 1, assessedOn: day() }, claimed: null, history: [] }]);
    }
    const outsider = await view(expert, otherReviewId);
    expect(outsider.canSeeDetail).toBe(false);
    expect(outsider.recommendations).toEqual([]);
  });
});

describe('dashboards', () => {
  it('the secretariat counts every finalised recommendation; the public only published ones', async () => {
    const all = await dashboard(secretariat);
    expect(all.totals.total).toBe(4);
    expect(all.totals.counts).toMatchObject({ 'partly-implemented': 1, 'not-assessed': 3 });
    expect(all.totals.shareImplemented).toBe(0);
    expect(all.by.article!.map((a) => [a.key, a.total])).toEqual([['5', 3], ['9', 1]]);
    expect(all.mostOutstanding.map((o) => [o.stateIso3, o.outstanding])).toEqual([['AUT', 3], ['FRA', 1]]);
    // The day before, nothing was assessed yet.
    const before = json<Dashboard>(await inject('GET', `/api/follow-up/dashboard?asAt=${day(-1)}&stateIso3=AUT`, secretariat));
    expect(before.totals.counts).toMatchObject({ 'partly-implemented': 0, 'not-assessed': 3 });
    expect(before.quarterly[0]).toMatchObject({ quarter: '2017-Q1', shareImplemented: 0 });
    expect((await dashboard(secretariat, '&stateIso3=FRA')).totals.total).toBe(1);
    const pub = await dashboard(null);
    expect(pub.totals.total).toBe(1);
    expect(pub.totals.counts['partly-implemented']).toBe(1);
    const list = await inject('GET', `/api/follow-up/dashboard/recommendations?asAt=${day()}&dimension=article&key=5&status=not-assessed`, null);
    expect(json<{ recommendations: unknown[] }>(list).recommendations).toEqual([]);
    const secretariatList = json<{ recommendations: { reference: string }[] }>(await inject('GET', `/api/follow-up/dashboard/recommendations?asAt=${day()}&dimension=article&key=5&status=not-assessed`, secretariat));
    expect(secretariatList.recommendations.map((r) => r.reference)).toEqual(['2/AUT/5/2', '2/FRA/5/1']);
    expect((await inject('GET', '/api/follow-up/dashboard?asAt=2026-13-01', null)).statusCode).toBe(400);
  });
});

describe('national action plan', () => {
  let actionId: string;
  const action = { title: 'Sanctions for false declarations', ownerInstitution: 'Federal Ministry of Justice', deadline: '2027-06-30', indicators: ['Law adopted', 'First sanctions imposed'], recommendations: [{ article: 5, sequence: 1 }, { article: 5, sequence: 2 }], version: 0 };

  it('the focal point adds an action for its own recommendations only', async () => {
    const before = await count('follow_up_actions');
    expect((await inject('POST', `/api/reviews/${reviewId}/action-plan/actions`, focalPoint, { ...action, recommendations: [{ article: 7, sequence: 1 }] })).statusCode).toBe(422);
    expect((await inject('POST', `/api/reviews/${otherReviewId}/action-plan/actions`, focalPoint, action)).statusCode).toBe(403);
    expect((await inject('POST', `/api/reviews/${reviewId}/action-plan/actions`, expert, action)).statusCode).toBe(403);
    expect(await count('follow_up_actions')).toBe(before);
    const created = await inject('POST', `/api/reviews/${reviewId}/action-plan/actions`, focalPoint, action);
    expect(created.statusCode, created.body).toBe(201);
    actionId = json<{ action: { id: string } }>(created).action.id;
    expect(json<{ action: { recommendations: { reference: string }[] } }>(created).action.recommendations.map((r) => r.reference)).toEqual(['2/AUT/5/1', '2/AUT/5/2']);
  });

  it('changes append versions (a stale one is refused) and progress is reported', async () => {
    const changed = await inject('PUT', `/api/reviews/${reviewId}/action-plan/actions/${actionId}`, focalPoint, { ...action, deadline: '2027-12-31', version: 1 });
    expect(json<{ action: { version: number } }>(changed).action.version).toBe(2);
    expect((await inject('PUT', `/api/reviews/${reviewId}/action-plan/actions/${actionId}`, focalPoint, { ...action, version: 1 })).statusCode).toBe(409);
    expect((await inject('POST', `/api/reviews/${reviewId}/action-plan/actions/${actionId}/progress`, focalPoint, { percent: 140, status: 'on-track' })).statusCode).toBe(422);
    const progress = await inject('POST', `/api/reviews/${reviewId}/action-plan/actions/${actionId}/progress`, focalPoint, { percent: 40, status: 'on-track', note: 'Bill drafted.' });
    expect(progress.statusCode, progress.body).toBe(201);
    const plan = json<{ actions: { version: number; progress: { percent: number } }[] }>(await inject('GET', `/api/reviews/${reviewId}/action-plan`, expert));
    expect(plan.actions).toHaveLength(1);
    expect(plan.actions[0]).toMatchObject({ version: 2, progress: { percent: 40 } });
    expect(await count('follow_up_actions')).toBe(2);
    expect((await inject('GET', `/api/reviews/${reviewId}/action-plan`, null)).statusCode).toBe(401);
  });

  it('exports the plan as CSV and XLSX', async () => {
    const csv = await inject('GET', `/api/reviews/${reviewId}/action-plan.csv`, focalPoint);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Sanctions for false declarations,Federal Ministry of Justice,2027-12-31,Law adopted; First sanctions imposed,2/AUT/5/1; 2/AUT/5/2,40,on-track,Bill drafted.');
    const xlsx = await inject('GET', `/api/reviews/${reviewId}/action-plan.xlsx`, secretariat);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Action plan')!;
    expect(sheet.getRow(2).getCell(1).value).toBe('Sanctions for false declarations');
    expect(sheet.getRow(2).getCell(6).value).toBe(40);
  });
});

describe('reminders', () => {
  it('remind the focal point of an overdue round with unreported recommendations, once a week', async () => {
    const ctx = { db: testDb.database.db, actor: systemActor('test'), now: new Date(`${day(1)}T10:00:00Z`) };
    // Austria's round is closed; France's (opened 2025-01-01, due 2025-04-01) is overdue, but France has no focal point account.
    expect(await queueFollowUpReminders(ctx)).toBe(0);
    expect((await inject('POST', `${base()}/rounds`, secretariat, { opensOn: day(), dueOn: day(5) })).statusCode).toBe(201);
    expect(await queueFollowUpReminders(ctx)).toBe(1);
    expect(await queueFollowUpReminders(ctx)).toBe(0);
    const [note] = await queryRows<{ subject: string; link: string }>(testDb.database.db, sql`select subject, link from notifications where kind = 'followUp.reminder'`);
    expect(note).toEqual({ subject: 'Follow-up round 2 of Austria (cycle 2): self-reports due', link: `/reviews/${reviewId}/follow-up` });
  });
});
