/**
 * Registration and attendance through the API on the real database (docs/SESSIONS.md §11):
 * a delegation registered in one transaction, approvals, attendance as a confirmed online
 * connection, the attendance paragraphs, who sees the list, bad input that changes nothing
 * (closed session, unknown State, attended before approved), and the lists of participants
 * read back with real parsers: exceljs for the workbook, pdftotext (poppler) for the PDF.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db.ts';
import { buildTestApp, DEMO_EMAILS, json, sessionFor, type TestSession } from '../server.ts';

let testDb: TestDatabase;
let app: Awaited<ReturnType<typeof buildTestApp>>;
let secretariat: TestSession;
let focalPoint: TestSession; // AUT
let expert: TestSession; // KEN
let sessionId: string;
let closedId: string;

interface Participant {
  id: string;
  name: string;
  email: string | null;
  status: string;
  connectedAt: string | null;
  attendedAt: string | null;
  approvedBy: string | null;
}
interface List {
  delegations: { id: string; kind: string; iso3: string | null; category: string | null; name: string; participants: Participant[] }[];
  counts: Record<string, number>;
  may: { manage: boolean; register: boolean };
}

// Dates in the future of any clock this runs on, so registration is open.
const SESSION = { bodies: ['IRG'], number: 30, resumedPart: 0, startDate: '2099-06-14', endDate: '2099-06-18', venue: '', format: 'online' };

async function list(session: TestSession = secretariat, id = sessionId): Promise<List> {
  const response = await app.inject({ method: 'GET', url: `/api/sessions/${id}/participants`, headers: session.headers });
  expect(response.statusCode).toBe(200);
  return json<List>(response);
}
function register(payload: Record<string, unknown>, session: TestSession = secretariat, id = sessionId) {
  return app.inject({ method: 'POST', url: `/api/sessions/${id}/participants`, headers: session.headers, payload });
}
function step(ids: string[], to: string, mode?: string) {
  return app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/participants/steps`, headers: secretariat.headers, payload: { ids, to, ...(mode ? { mode } : {}) } });
}
function participantsOf(l: List, key: string): Participant[] {
  return l.delegations.find((d) => d.iso3 === key || d.name === key)?.participants ?? [];
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database);
  secretariat = await sessionFor(testDb.database, DEMO_EMAILS.secretariat);
  focalPoint = await sessionFor(testDb.database, DEMO_EMAILS['focal-point']);
  expert = await sessionFor(testDb.database, DEMO_EMAILS.expert);
  const created = await app.inject({ method: 'POST', url: '/api/sessions', headers: secretariat.headers, payload: SESSION });
  sessionId = json<{ session: { id: string } }>(created).session.id;
  await app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/status`, headers: secretariat.headers, payload: { status: 'registration' } });
  const closed = await app.inject({ method: 'POST', url: '/api/sessions', headers: secretariat.headers, payload: { ...SESSION, number: 31, format: 'in-person', venue: 'Vienna' } });
  closedId = json<{ session: { id: string } }>(closed).session.id;
  await app.inject({ method: 'POST', url: `/api/sessions/${closedId}/status`, headers: secretariat.headers, payload: { status: 'closed' } });
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

describe('registration', () => {
  it('registers a delegation with its participants in one request', async () => {
    const response = await register({
      delegation: { kind: 'state', iso3: 'bra' },
      participants: [
        { name: 'Ana  Souza', title: 'Head of delegation', email: 'Ana.Souza@example.org' },
        { name: 'Bruno Lima', title: 'Adviser', email: '' },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = json<List>(response);
    const brazil = participantsOf(body, 'BRA');
    expect(brazil.map((p) => [p.name, p.email, p.status])).toEqual([
      ['Ana Souza', 'ana.souza@example.org', 'registered'],
      ['Bruno Lima', '', 'registered'],
    ]);
    expect(body.delegations.find((d) => d.iso3 === 'BRA')!.kind).toBe('party');
    // More participants for the same delegation join it.
    expect((await register({ delegation: { kind: 'state', iso3: 'BRA' }, participants: [{ name: 'Carla Dias', title: '', email: '' }] })).statusCode).toBe(201);
    expect(participantsOf(await list(), 'BRA')).toHaveLength(3);
  });

  it('registers the EU, observers and a signatory, and lists them in the UN order', async () => {
    const payloads = [
      { delegation: { kind: 'observer', name: 'World Bank', category: 'specialized-agency' }, participants: [{ name: 'Dana Roe', title: 'Observer', email: 'dana@example.org' }] },
      { delegation: { kind: 'reio' }, participants: [{ name: 'Eva Klein', title: 'Policy officer', email: '' }] },
      { delegation: { kind: 'state', iso3: 'SYR', signatory: true }, participants: [{ name: 'Farid Haddad', title: '', email: '' }] },
      { delegation: { kind: 'state', iso3: 'AUT' }, participants: [{ name: 'Anna Berger', title: 'Ministry of Justice', email: 'anna.berger@example.at' }] },
      { delegation: { kind: 'observer', name: 'International Criminal Police Organization (INTERPOL)', category: 'igo', sortAs: 'INTERPOL' }, participants: [{ name: 'Gil Ortega', title: '', email: '' }] },
    ];
    for (const payload of payloads) {
      const response = await register(payload);
      expect(response.statusCode, response.body).toBe(201);
    }
    const l = await list();
    expect(l.delegations.map((d) => d.name)).toEqual(['Austria', 'Brazil', 'Syrian Arab Republic', 'European Union', 'World Bank', 'International Criminal Police Organization (INTERPOL)']);
    expect(l.delegations.map((d) => d.kind)).toEqual(['party', 'party', 'signatory', 'reio', 'observer', 'observer']);
    expect(l.counts).toMatchObject({ delegations: 6, participants: 8, registered: 8, attended: 0 });
  });

  it('refuses bad registrations with clear errors, changing nothing', async () => {
    const before = await list();
    const cases: [Record<string, unknown>, number, RegExp, string?][] = [
      [{ delegation: { kind: 'state', iso3: 'XYZ' }, participants: [{ name: 'Nobody Known' }] }, 404, /Unknown State: XYZ/],
      [{ delegation: { kind: 'state', iso3: 'SYR' }, participants: [{ name: 'Someone Else' }] }, 422, /not a party .* signatory/],
      [{ delegation: { kind: 'observer', name: 'Transparency International', category: 'ngo' }, participants: [{ name: 'Hana Ito' }] }, 422, /Conference only/],
      [{ delegation: { kind: 'state', iso3: 'FRA' }, participants: [{ name: 'Ok Name', email: 'x@y.org' }, { name: 'Bad', email: 'not-mail' }] }, 422, /Not an e-mail address/],
      [{ delegation: { kind: 'state', iso3: 'FRA' }, participants: [{ name: 'Dup', email: 'ana.souza@example.org' }] }, 409, /already registered/],
      [{ delegation: { kind: 'state', iso3: 'FRA' }, participants: [] }, 400, /participants/],
      [{ delegation: { kind: 'state', iso3: 'AUT' }, participants: [{ name: 'Closed Session' }] }, 409, /registration is closed/, 'closed'],
    ];
    for (const [payload, status, message, which] of cases) {
      const response = await register(payload, secretariat, which === 'closed' ? closedId : sessionId);
      expect(response.statusCode, JSON.stringify(payload)).toBe(status);
      expect(response.body).toMatch(message);
    }
    expect(await list()).toEqual(before);
    expect((await list(secretariat, closedId)).delegations).toEqual([]);
  });

  it("lets a focal point register their own State's delegation only", async () => {
    const own = await register({ delegation: { kind: 'state', iso3: 'AUT' }, participants: [{ name: 'Ben Huber', title: 'Delegate', email: '' }] }, focalPoint);
    expect(own.statusCode, own.body).toBe(201);
    const other = await register({ delegation: { kind: 'state', iso3: 'DEU' }, participants: [{ name: 'Not Mine', title: '', email: '' }] }, focalPoint);
    expect(other.statusCode).toBe(403);
    expect(other.body).toMatch(/own State/);
    // The focal point sees the list, without e-mails; the expert and the public do not see it.
    const seen = await list(focalPoint);
    expect(seen.may).toEqual({ manage: false, register: true });
    expect(seen.delegations.flatMap((d) => d.participants).every((p) => p.email === null)).toBe(true);
    expect((await app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/participants`, headers: expert.headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/participants` })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/participants.pdf` })).statusCode).toBe(401);
    // Approving is the secretariat's.
    const approve = await app.inject({ method: 'POST', url: `/api/sessions/${sessionId}/participants/steps`, headers: focalPoint.headers, payload: { ids: [seen.delegations[0]!.participants[0]!.id], to: 'approved' } });
    expect(approve.statusCode).toBe(403);
  });
});

describe('approval and attendance', () => {
  it('refuses attendance before approval, for the whole batch', async () => {
    const l = await list();
    const brazil = participantsOf(l, 'BRA');
    const approved = await step([brazil[0]!.id], 'approved');
    expect(approved.statusCode).toBe(200);
    const mixed = await step([brazil[0]!.id, brazil[1]!.id], 'attended', 'online');
    expect(mixed.statusCode).toBe(409);
    expect(mixed.body).toMatch(/Bruno Lima: The registration must be approved/);
    expect(participantsOf(await list(), 'BRA').map((p) => p.status)).toEqual(['approved', 'registered', 'registered']);
  });

  it('counts only a confirmed online connection at an online session', async () => {
    const brazil = participantsOf(await list(), 'BRA');
    const inRoom = await step([brazil[0]!.id], 'attended', 'in-person');
    expect(inRoom.statusCode).toBe(409);
    expect(inRoom.body).toMatch(/confirmed online connection/);
    const connected = await step([brazil[0]!.id], 'attended', 'online');
    expect(connected.statusCode).toBe(200);
    const ana = participantsOf(json<List>(connected), 'BRA')[0]!;
    expect(ana.status).toBe('attended');
    expect(ana.connectedAt).not.toBeNull();
    expect(ana.attendedAt).toBeNull();
    expect(ana.approvedBy).toBe(DEMO_EMAILS.secretariat);
    const unknown = await step(['00000000-0000-4000-8000-000000000000'], 'approved');
    expect(unknown.statusCode).toBe(404);
  });

  it('writes the attendance paragraphs from those who attended', async () => {
    const l = await list();
    const ids = ['AUT', 'SYR', 'European Union', 'World Bank'].map((k) => participantsOf(l, k)[0]!.id);
    expect((await step(ids, 'approved')).statusCode).toBe(200);
    expect((await step(ids, 'attended', 'online')).statusCode).toBe(200);
    const en = json<{ paragraphs: string[]; text: string; basedOnConnections: boolean }>(await app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/attendance?lang=en&first=6`, headers: secretariat.headers }));
    expect(en.paragraphs).toEqual([
      'The following States parties to the Convention were represented at the session: Austria and Brazil.',
      'The following signatory State to the Convention was represented by an observer: Syrian Arab Republic.',
      'The European Union, a regional economic integration organization that is a party to the Convention, was represented at the session.',
      'In accordance with rule 2 of Conference resolution 4/5, the Conference decided that intergovernmental organizations, Secretariat units, United Nations bodies, funds and programmes, institutes of the United Nations crime prevention and criminal justice programme network, specialized agencies and other organizations of the United Nations system may be invited to participate in the sessions of the Implementation Review Group.',
      'The World Bank, a specialized agency of the United Nations, was represented by an observer.',
    ]);
    expect(en.text.startsWith('6. The following States parties')).toBe(true);
    expect(en.basedOnConnections).toBe(true);
    const zh = json<{ paragraphs: string[] }>(await app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/attendance?lang=zh`, headers: focalPoint.headers }));
    expect(zh.paragraphs[0]).toBe('下列《公约》缔约国派代表出席了会议：奥地利和巴西。');
    const bad = await app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/attendance?lang=de`, headers: secretariat.headers });
    expect(bad.statusCode).toBe(400);
  });
});

describe('lists of participants', () => {
  it('exports an XLSX that exceljs reads back, in the UN order', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/participants.xlsx`, headers: secretariat.headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Participants')!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as (string | number | null | undefined)[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]).toEqual(['Group', 'Delegation', 'ISO', 'Name', 'Title or function', 'Status']);
    expect(rows.slice(1).map((r) => `${r[1]}|${r[3]}|${r[5]}`)).toEqual([
      'Austria|Anna Berger|attended',
      'Austria|Ben Huber|registered',
      'Brazil|Ana Souza|attended',
      'Brazil|Bruno Lima|registered',
      'Brazil|Carla Dias|registered',
      'Syrian Arab Republic|Farid Haddad|attended',
      'European Union|Eva Klein|attended',
      'World Bank|Dana Roe|attended',
      'International Criminal Police Organization (INTERPOL)|Gil Ortega|registered',
    ]);
    expect(rows[6]![0]).toBe('Signatory States');
    expect(rows[9]![0]).toBe('Intergovernmental organizations');
  });

  it('exports a PDF in which pdftotext finds the names under their groups', async () => {
    // A name in Arabic and one in Chinese need their fonts.
    expect((await register({ delegation: { kind: 'state', iso3: 'EGY' }, participants: [{ name: 'أحمد حسن', title: 'Ambassador', email: '' }] })).statusCode).toBe(201);
    expect((await register({ delegation: { kind: 'state', iso3: 'CHN' }, participants: [{ name: '王小明', title: 'Counsellor', email: '' }] })).statusCode).toBe(201);
    const response = await app.inject({ method: 'GET', url: `/api/sessions/${sessionId}/participants.pdf`, headers: focalPoint.headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(path.join(tmpdir(), 'openirm-lop-'));
    try {
      const file = path.join(dir, 'list.pdf');
      writeFileSync(file, response.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      const at = (s: string) => {
        const i = text.indexOf(s);
        expect(i, `${s} in the PDF`).toBeGreaterThanOrEqual(0);
        return i;
      };
      expect(at('List of participants')).toBeLessThan(at('States parties'));
      expect(at('States parties')).toBeLessThan(at('Austria'));
      expect(at('Austria')).toBeLessThan(at('Anna Berger'));
      expect(at('Anna Berger')).toBeLessThan(at('Brazil'));
      expect(at('Brazil')).toBeLessThan(at('China'));
      expect(at('China')).toBeLessThan(at('王小明'));
      expect(at('王小明')).toBeLessThan(at('Egypt'));
      expect(at('Egypt')).toBeLessThan(at('أحمد'));
      at('حسن');
      expect(at('Signatory States')).toBeLessThan(at('Farid Haddad'));
      expect(at('European Union')).toBeLessThan(at('Specialized agencies'));
      expect(at('World Bank')).toBeLessThan(at('Intergovernmental organizations'));
      expect(text).not.toContain('Nobody Known');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('demo registrations', () => {
  it('seeds attended delegations on the joint session of November 2020', async () => {
    const demoDb = await createTestDatabase();
    try {
      const { seedDemoSessions } = await import('../../src/server/use-cases/demo-sessions.ts');
      await seedDemoSessions(demoDb.database.db, new Date());
      const demoApp = await buildTestApp(demoDb.database);
      const demoSecretariat = await sessionFor(demoDb.database, DEMO_EMAILS.secretariat);
      const sessions = json<{ sessions: { id: string; resumedPart: number; number: number }[] }>(await demoApp.inject({ method: 'GET', url: '/api/sessions' })).sessions;
      const joint = sessions.find((s) => s.number === 11 && s.resumedPart === 2)!;
      const l = json<List>(await demoApp.inject({ method: 'GET', url: `/api/sessions/${joint.id}/participants`, headers: demoSecretariat.headers }));
      expect(l.counts).toMatchObject({ delegations: 8, participants: 9, registered: 1, approved: 1, attended: 7 });
      const en = json<{ paragraphs: string[] }>(await demoApp.inject({ method: 'GET', url: `/api/sessions/${joint.id}/attendance?lang=en`, headers: demoSecretariat.headers }));
      expect(en.paragraphs[0]).toBe('The following States parties to the Convention were represented at the session: Austria, Brazil, China and Kenya.');
      expect(en.paragraphs.at(-1)).toBe('The Sovereign Order of Malta, an entity maintaining a permanent observer office at Headquarters, was represented.');
      await demoApp.close();
    } finally {
      await demoDb.dispose();
    }
  });
});
