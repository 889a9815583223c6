/**
 * Sessions of the governing bodies through the API on the real database (docs/SESSIONS.md):
 * a joint resumed session, its meetings as a calendar read back with ical.js, the agenda
 * with documents and its adoption, carrying the agenda to the next session, documents by
 * UN symbol with language files (PDF/DOCX only), what the public sees (general
 * distribution only), and the session report from draft to locked with a silence procedure:
 * an objection breaks it, a late objection is refused, the deadline adopts it on read.
 */
import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/db/repositories/audit.ts';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, DEMO_EMAILS, json, sessionFor, type TestSession } from '../server.ts';

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let secretariat: TestSession;
let focalPoint: TestSession; // AUT
let delegate: TestSession; // no State
let expert: TestSession; // KEN
let sessionId: string;
let nextSessionId: string;

interface SessionView {
  id: string;
  name: string;
  joint: boolean;
  version: number;
  status: string;
  agendaAdoptedOn: string | null;
  bodies: { code: string }[];
  agenda: { label: string; title: string; documents: { symbol: string; documentId: string | null }[] }[];
  documents: { id: string; symbol: string; distribution: string; files: { language: string; contentType: string }[] }[];
  meetings: { title: string; bodies: string[] }[];
  report: { status: string; silence: string; adoptedOn: string | null };
  may: Record<string, boolean>;
}
interface ReportView {
  status: string;
  silence: string;
  version: number;
  adoptedOn: string | null;
  adoptionMode: string | null;
  adoptionPending: boolean;
  versions: { version: number; text: string }[];
  objections: { stateIso3: string }[];
  history: { action: string }[];
  may: Record<string, boolean>;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a30000000049454e44ae426082', 'hex');

const IRG_11_R2 = { bodies: ['IRG', 'WG2', 'EG1'], number: 11, resumedPart: 2, startDate: '2020-11-16', endDate: '2020-11-18', venue: 'Vienna', format: 'online' };

function upload(session: TestSession, documentId: string, language: string, bytes: Buffer, filename: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), filename);
  return app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/documents/${documentId}/files/${language}`, headers: session.headers, payload: form });
}

async function getSession(headers: Record<string, string> = {}, id = sessionId): Promise<SessionView> {
  const response = await app.inject({ method: 'GET', url: `/api/sessions/${id}`, headers });
  expect(response.statusCode).toBe(200);
  return json<{ session: SessionView }>(response).session;
}

async function reportCall(method: 'GET' | 'PUT' | 'POST', path: string, session: TestSession, payload?: Record<string, unknown>) {
  return app.inject({ method, url: `/api/sessions/${sessionId}/report${path}`, headers: session.headers, ...(payload === undefined ? {} : { payload }) });
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database);
  secretariat = await sessionFor(testDb.database, DEMO_EMAILS.secretariat);
  focalPoint = await sessionFor(testDb.database, DEMO_EMAILS['focal-point']);
  delegate = await sessionFor(testDb.database, DEMO_EMAILS.delegate);
  expert = await sessionFor(testDb.database, DEMO_EMAILS.expert);
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

describe('sessions', () => {
  it('lists the default bodies and creates a joint resumed session', async () => {
    const bodies = json<{ bodies: { code: string }[] }>(await app.inject({ method: 'GET', url: '/api/session-bodies' })).bodies;
    expect(bodies.map((b) => b.code)).toEqual(['IRG', 'COSP', 'WG2', 'WG4', 'EG1']);
    const created = await app.inject({ method: 'POST', url: '/api/sessions', headers: secretariat.headers, payload: IRG_11_R2 });
    expect(created.statusCode).toBe(201);
    const session = json<{ session: SessionView }>(created).session;
    sessionId = session.id;
    expect(session.joint).toBe(true);
    // Part 2 implies a part 1: "second resumed" from the start.
    expect(session.name).toBe('Implementation Review Group: second resumed eleventh session');
    const next = await app.inject({ method: 'POST', url: '/api/sessions', headers: secretariat.headers, payload: { ...IRG_11_R2, bodies: ['IRG'], number: 12, resumedPart: 0, startDate: '2021-06-14', endDate: '2021-06-18', format: 'hybrid' } });
    nextSessionId = json<{ session: SessionView }>(next).session.id;
    await app.inject({ method: 'POST', url: '/api/sessions', headers: secretariat.headers, payload: { ...IRG_11_R2, bodies: ['IRG'], resumedPart: 1, startDate: '2020-08-31', endDate: '2020-09-02', format: 'hybrid' } });
    expect((await getSession()).name).toBe('Implementation Review Group: second resumed eleventh session');
    const list = json<{ sessions: { id: string }[] }>(await app.inject({ method: 'GET', url: '/api/sessions' })).sessions;
    expect(list.map((s) => s.id)[0]).toBe(nextSessionId);
  });

  it('refuses bad sessions with clear errors and changes nothing', async () => {
    const before = json<{ sessions: unknown[] }>(await app.inject({ method: 'GET', url: '/api/sessions' })).sessions.length;
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ endDate: '2020-11-15' }, 422, /ends .* before it starts/],
      [{ bodies: ['NOPE'] }, 422, /Unknown body: NOPE/],
      [{ startDate: '2020-02-30' }, 400, /not a calendar date/],
      [{ format: 'carrier-pigeon' }, 400, /format/],
    ];
    for (const [change, status, message] of cases) {
      const response = await app.inject({ method: 'POST', url: '/api/sessions', headers: secretariat.headers, payload: { ...IRG_11_R2, ...change } });
      expect(response.statusCode, JSON.stringify(change)).toBe(status);
      expect(response.body).toMatch(message);
    }
    expect(json<{ sessions: unknown[] }>(await app.inject({ method: 'GET', url: '/api/sessions' })).sessions).toHaveLength(before);
    const stale = await app.inject({ method: 'PUT', url: `/api/sessions/${sessionId}`, headers: secretariat.headers, payload: { ...IRG_11_R2, venue: 'Vienna International Centre', version: 99 } });
    expect(stale.statusCode).toBe(409);
    const forbidden = await app.inject({ method: 'POST', url: '/api/sessions', headers: focalPoint.headers, payload: IRG_11_R2 });
    expect(forbidden.statusCode).toBe(403);
  });

  it('moves the status forward only', async () => {
    expect((await app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/status`, headers: secretariat.headers, payload: { status: 'registration' } })).statusCode).toBe(200);
    const back = await app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/status`, headers: secretariat.headers, payload: { status: 'planned' } });
    expect(back.statusCode).toBe(409);
    expect(json<{ detail: string }>(back).detail).toBe('A session cannot go from "registration" back to "planned".');
  });

  it('keeps documents by UN symbol, with PDF or DOCX files per language', async () => {
    const add = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/documents`, headers: secretariat.headers, payload: { distributedOn: '2020-09-01', role: 'other', ...payload } });
    const annotated = await add({ symbol: 'cac/cosp/irg/2020/1/add.2', title: 'Annotated provisional agenda', distribution: 'general', role: 'annotated-agenda' });
    expect(annotated.statusCode).toBe(422);
    expect(annotated.body).toMatch(/not a part of a series/);
    const ok = await add({ symbol: 'CAC/COSP/IRG/2020/1/add.2', title: 'Annotated provisional agenda', distribution: 'general', role: 'annotated-agenda' });
    expect(ok.statusCode).toBe(201);
    expect(json<{ document: { symbol: string } }>(ok).document.symbol).toBe('CAC/COSP/IRG/2020/1/Add.2');
    expect((await add({ symbol: 'CAC/COSP/IRG/2020/1/Add.2', title: 'Again', distribution: 'general' })).statusCode).toBe(409);
    const crp = await add({ symbol: 'CAC/COSP/IRG/2020/CRP.3', title: 'Conference room paper', distribution: 'general' });
    expect(crp.statusCode).toBe(422);
    expect(crp.body).toMatch(/conference room paper/);
    expect((await add({ symbol: 'CAC/COSP/IRG/2020/CRP.3', title: 'Conference room paper', distribution: 'crp' })).statusCode).toBe(201);
    expect((await add({ symbol: 'CAC/COSP/IRG/2020/7', title: 'Technical assistance needs', distribution: 'general' })).statusCode).toBe(201);
    const missing = await add({ symbol: 'CAC/COSP/IRG/2020', title: 'No number', distribution: 'general' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toMatch(/document number is missing after the year 2020/);

    const session = await getSession(secretariat.headers);
    const general = session.documents.find((d) => d.symbol === 'CAC/COSP/IRG/2020/1/Add.2')!;
    const restricted = session.documents.find((d) => d.symbol === 'CAC/COSP/IRG/2020/CRP.3')!;
    const pdf = await upload(secretariat, general.id, 'en', PDF, 'V2006789.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(json<{ document: SessionView['documents'][number] }>(pdf).document.files).toEqual([expect.objectContaining({ language: 'en', contentType: 'application/pdf' })]);
    const png = await upload(secretariat, general.id, 'fr', PNG, 'photo.pdf');
    expect(png.statusCode).toBe(415);
    expect(png.body).toMatch(/PDF or Word/);
    const text = await upload(secretariat, general.id, 'fr', Buffer.from('plain text'), 'notes.pdf');
    expect(text.statusCode).toBe(415);
    expect((await upload(focalPoint, general.id, 'fr', PDF, 'x.pdf')).statusCode).toBe(403);
    expect((await upload(secretariat, restricted.id, 'en', PDF, 'crp3.pdf')).statusCode).toBe(200);

    // The public: general-distribution documents only; the conference room paper does not exist for it.
    const publicView = await getSession();
    expect(publicView.documents.map((d) => d.symbol)).toEqual(['CAC/COSP/IRG/2020/1/Add.2', 'CAC/COSP/IRG/2020/7']);
    const publicFile = await app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/documents/${general.id}/files/en` });
    expect(publicFile.statusCode).toBe(200);
    expect(publicFile.headers['content-type']).toBe('application/pdf');
    expect(publicFile.rawPayload.equals(PDF)).toBe(true);
    expect((await app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/documents/${restricted.id}/files/en` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/documents/${restricted.id}/files/en`, headers: delegate.headers })).statusCode).toBe(200);
    expect((await getSession(delegate.headers)).documents).toHaveLength(3);
  });

  it('keeps the agenda with items, sub-items and documents; adoption; carried to the next session', async () => {
    const { version } = await getSession(secretariat.headers);
    const items = [
      { title: 'Organizational matters', documents: [], items: [{ title: 'Opening of the session', documents: [] }, { title: 'Adoption of the agenda and organization of work', documents: ['CAC/COSP/IRG/2020/1/Add.2'] }] },
      { title: 'Technical assistance', documents: ['CAC/COSP/IRG/2020/7', 'CAC/COSP/IRG/2020/CRP.3'] },
      { title: 'Provisional agenda for the twelfth session of the Implementation Review Group', documents: [] },
      { title: 'Adoption of the report of the Implementation Review Group on its eleventh session', documents: [] },
    ];
    const bad = await app.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/agenda`, headers: secretariat.headers, payload: { items: [{ title: 'X', documents: ['CAC/COSP/IRG/2020/1/Foo.1'] }], version } });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toMatch(/not an addendum/);
    const saved = await app.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/agenda`, headers: secretariat.headers, payload: { items, version } });
    expect(saved.statusCode).toBe(200);
    const session = json<{ session: SessionView }>(saved).session;
    expect(session.agenda.map((i) => i.label)).toEqual(['1', '1 (a)', '1 (b)', '2', '3', '4']);
    expect(session.agenda[3]!.documents.map((d) => d.symbol)).toEqual(['CAC/COSP/IRG/2020/7', 'CAC/COSP/IRG/2020/CRP.3']);
    // The public sees the agenda, with the general documents only.
    expect((await getSession()).agenda[3]!.documents.map((d) => d.symbol)).toEqual(['CAC/COSP/IRG/2020/7']);

    const early = await app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/agenda/adopt`, headers: secretariat.headers, payload: { on: '2020-11-01' } });
    expect(early.statusCode).toBe(422);
    expect((await app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/agenda/adopt`, headers: secretariat.headers, payload: { on: '2020-11-16' } })).statusCode).toBe(200);
    const adopted = await getSession();
    expect(adopted.agendaAdoptedOn).toBe('2020-11-16');
    const locked = await app.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/agenda`, headers: secretariat.headers, payload: { items, version: adopted.version } });
    expect(locked.statusCode).toBe(409);

    const carried = await app.inject({ method: 'POST', url: `/api/sessions/${nextSessionId}/agenda/carry`, headers: secretariat.headers, payload: { fromSessionId: sessionId } });
    expect(carried.statusCode).toBe(200);
    const next = json<{ session: SessionView }>(carried).session;
    expect(next.agenda.map((i) => i.title)).toContain('Provisional agenda for the thirteenth session of the Implementation Review Group');
    expect(next.agenda.every((i) => i.documents.length === 0)).toBe(true);
    expect((await app.inject({ method: 'POST', url: `/api/sessions/${nextSessionId}/agenda/carry`, headers: secretariat.headers, payload: { fromSessionId: sessionId } })).statusCode).toBe(409);
  });

  it("exports the session's meetings, joint ones named, as a calendar", async () => {
    const meetings = [
      { title: 'First meeting', startsAt: '2020-11-16T09:00:00Z', endsAt: '2020-11-16T11:00:00Z', room: 'Board Room D', bodies: ['IRG'] },
      { title: 'Second meeting', startsAt: '2020-11-16T12:00:00Z', endsAt: '2020-11-16T14:00:00Z', room: 'Board Room D', bodies: ['IRG', 'WG2', 'EG1'] },
    ];
    const bad = await app.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/meetings`, headers: secretariat.headers, payload: { meetings: [{ ...meetings[0], bodies: ['WG4'] }] } });
    expect(bad.statusCode).toBe(422);
    expect((await app.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/meetings`, headers: secretariat.headers, payload: { meetings } })).statusCode).toBe(200);
    const response = await app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/calendar.ics` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const events = new ICAL.Component(ICAL.parse(response.body) as unknown[]).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual(['Implementation Review Group: second resumed eleventh session: First meeting', 'Implementation Review Group: second resumed eleventh session: Second meeting']);
    expect(events[1]!.startDate.toJSDate().toISOString()).toBe('2020-11-16T12:00:00.000Z');
    expect(events[1]!.description).toMatch(/Joint meeting: Implementation Review Group; Open-ended Intergovernmental Working Group on Asset Recovery/);
    expect(events[0]!.location).toBe('Board Room D, Vienna');
  });
});

describe('session report', () => {
  it('is read by signed-in users only', async () => {
    expect((await app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/report` })).statusCode).toBe(401);
    const report = json<{ report: ReportView }>(await reportCall('GET', '', delegate)).report;
    expect(report).toMatchObject({ status: 'draft', version: 0, silence: 'none' });
    expect(report.may.edit).toBe(false);
  });

  it('goes from draft to circulated under silence; an objection breaks it; a late one is refused', async () => {
    expect((await reportCall('POST', '/circulate', secretariat, { silenceDeadline: null })).statusCode).toBe(409);
    expect((await reportCall('PUT', '', secretariat, { text: 'The Group held six meetings.', version: 0 })).statusCode).toBe(200);
    const stale = await reportCall('PUT', '', secretariat, { text: 'x', version: 0 });
    expect(stale.statusCode).toBe(409);
    expect((await reportCall('PUT', '', secretariat, { text: 'The Group held six meetings, five of them jointly.', version: 1 })).statusCode).toBe(200);
    expect((await reportCall('POST', '/circulate', secretariat, { silenceDeadline: '2020-01-01T00:00:00Z' })).statusCode).toBe(409);
    const deadline = new Date(Date.now() + 3_600_000).toISOString();
    const circulated = json<{ report: ReportView }>(await reportCall('POST', '/circulate', secretariat, { silenceDeadline: deadline })).report;
    expect(circulated).toMatchObject({ status: 'circulated', silence: 'running', version: 2 });
    // Under silence the text does not change.
    expect((await reportCall('PUT', '', secretariat, { text: 'Changed', version: 2 })).statusCode).toBe(409);
    // A delegate acting for no State, an expert, the public: refused.
    const noState = await reportCall('POST', '/objections', delegate, { note: '' });
    expect(noState.statusCode).toBe(403);
    expect(noState.body).toMatch(/acts for no State/);
    expect((await reportCall('POST', '/objections', expert, { note: '' })).statusCode).toBe(403);
    const objected = await reportCall('POST', '/objections', focalPoint, { note: 'Paragraph 14 misstates our position.' });
    expect(objected.statusCode).toBe(200);
    const broken = json<{ report: ReportView }>(objected).report;
    expect(broken).toMatchObject({ status: 'circulated', silence: 'broken' });
    expect(broken.objections).toEqual([expect.objectContaining({ stateIso3: 'AUT' })]);
    expect((await reportCall('POST', '/objections', focalPoint, { note: 'again' })).statusCode).toBe(409);

    // Amended, circulated again with a deadline that then passes (moved into the past in the database).
    expect(json<{ report: ReportView }>(await reportCall('PUT', '', secretariat, { text: 'The Group held six meetings; five were joint.', version: 2 })).report.status).toBe('amended');
    expect((await reportCall('POST', '/circulate', secretariat, { silenceDeadline: deadline })).statusCode).toBe(200);
    await testDb.database.db.execute(sql`update session_reports set silence_deadline = '2020-12-11T17:00:00Z' where session_id = ${sessionId}`);
    const read = json<{ report: ReportView }>(await reportCall('GET', '', delegate)).report;
    expect(read).toMatchObject({ status: 'adopted', adoptionMode: 'silence', adoptedOn: '2020-12-11', adoptionPending: true });
    expect((await getSession()).report).toMatchObject({ status: 'adopted', adoptedOn: '2020-12-11' });

    const late = await reportCall('POST', '/objections', focalPoint, { note: 'Too late?' });
    expect(late.statusCode).toBe(409);
    expect(late.body).toMatch(/after the deadline/);
    const after = json<{ report: ReportView }>(await reportCall('GET', '', secretariat)).report;
    expect(after).toMatchObject({ status: 'adopted', adoptionPending: false, adoptedOn: '2020-12-11' });
    expect(after.objections).toHaveLength(1);
    expect((await reportCall('POST', '/close-silence', secretariat)).statusCode).toBe(409);
    expect((await reportCall('PUT', '', secretariat, { text: 'x', version: 3 })).statusCode).toBe(409);

    const locked = json<{ report: ReportView }>(await reportCall('POST', '/lock', secretariat)).report;
    expect(locked.status).toBe('locked');
    expect(locked.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(locked.history.map((h) => h.action)).toEqual([
      'sessions.report.save',
      'sessions.report.save',
      'sessions.report.circulate',
      'sessions.report.object',
      'sessions.report.object',
      'sessions.report.save',
      'sessions.report.circulate',
      'sessions.report.adopt',
      // The late objection, refused (outcome "denied").
      'sessions.report.object',
      'sessions.report.lock',
    ]);
    const audit = await listAuditEvents(testDb.database.db, { limit: 50, resourceType: 'session', resourceId: sessionId });
    expect(audit.find((e) => e.action === 'sessions.report.object' && e.outcome === 'denied')?.details).toMatchObject({ stateIso3: 'AUT' });
  });

  it('is adopted in a meeting, or closed explicitly after a silent deadline', async () => {
    const url = (path: string) => `/api/sessions/${nextSessionId}/report${path}`;
    await app.inject({ method: 'PUT', url: url(''), headers: secretariat.headers, payload: { text: 'Draft report of the twelfth session.', version: 0 } });
    const early = await app.inject({ method: 'POST', url: url('/adopt'), headers: secretariat.headers, payload: { on: '2021-06-18' } });
    expect(early.statusCode).toBe(409);
    await app.inject({ method: 'POST', url: url('/circulate'), headers: secretariat.headers, payload: { silenceDeadline: new Date(Date.now() + 60_000).toISOString() } });
    await testDb.database.db.execute(sql`update session_reports set silence_deadline = '2021-07-01T12:00:00Z' where session_id = ${nextSessionId}`);
    const closed = await app.inject({ method: 'POST', url: url('/close-silence'), headers: secretariat.headers });
    expect(closed.statusCode).toBe(200);
    expect(json<{ report: ReportView }>(closed).report).toMatchObject({ status: 'adopted', adoptionMode: 'silence', adoptedOn: '2021-07-01', adoptionPending: false });
  });
});

describe('demo sessions', () => {
  it('seed the eleventh session with resumed parts, a joint meeting and a report adopted by silence', async () => {
    const demoDb = await createTestDatabase();
    try {
      const { seedDemoSessions } = await import('../../src/server/use-cases/demo-sessions.ts');
      expect(await seedDemoSessions(demoDb.database.db, new Date())).toBe(5);
      expect(await seedDemoSessions(demoDb.database.db, new Date())).toBe(0);
      const demoApp = await buildTestApp(demoDb.database);
      const list = json<{ sessions: { id: string; name: string; joint: boolean }[] }>(await demoApp.inject({ method: 'GET', url: '/api/sessions' })).sessions;
      expect(list.map((s) => s.name)).toEqual([
        'Implementation Review Group: twelfth session',
        'Implementation Review Group: second resumed eleventh session',
        'Implementation Review Group: first resumed eleventh session',
        'Implementation Review Group: eleventh session',
      ]);
      const joint = json<{ session: SessionView }>(await demoApp.inject({ method: 'GET', url: `/api/sessions/${list[1]!.id}` })).session;
      expect(joint).toMatchObject({ joint: true, agendaAdoptedOn: '2020-11-16', report: { status: 'adopted', adoptionMode: 'silence', adoptedOn: '2020-12-11' } });
      expect(joint.meetings).toHaveLength(6);
      await demoApp.close();
    } finally {
      await demoDb.dispose();
    }
  });
});
