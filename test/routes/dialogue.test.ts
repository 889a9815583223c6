/**
 * The direct dialogue through the API on the real database: the secretariat organises it,
 * parties read it (audited), reviewing experts keep notes, the scheduler proposes slots, and
 * the calendar file is read back with a real iCalendar parser (ical.js). Outsiders get 403.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../src/db/repositories/audit.ts';
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

interface DialogueResponse {
  dialogue: null | {
    version: number;
    form: string;
    startDate: string | null;
    participants: { id: string; name: string; side: string; attended: boolean | null }[];
    sessions: { id: string; title: string; start: string; end: string; local: { date: string; startTime: string; endTime: string; utcOffset: string }; notes: string; notesVersion: number }[];
    clockChanges: { at: string; fromOffset: string; toOffset: string }[];
  };
  abilities: { manage: boolean; writeNotes: boolean; schedule: boolean };
}

const DIALOGUE = {
  form: 'joint_meeting',
  timeZone: 'Europe/Vienna',
  startDate: '2025-03-28',
  endDate: '2025-03-31',
  location: 'Vienna International Centre, room M3',
  stakeholdersAgreed: true,
  interpretationLanguages: ['en', 'fr'],
  participants: [
    { name: 'Focal point of Austria', side: 'state-under-review', organisation: 'Federal Ministry of Justice', email: 'focal.point@demo.test' },
    { name: 'Expert of Kenya', side: 'reviewer:KEN', email: 'expert@demo.test' },
    { name: 'Expert of Germany', side: 'reviewer:DEU' },
    { name: 'Secretariat officer', side: 'secretariat' },
    { name: 'Transparency NGO', side: 'stakeholder', organisation: 'Civil society' },
  ],
  sessions: [
    { title: 'Opening and prevention', topic: 'Chapter II', date: '2025-03-28', startTime: '09:00', endTime: '10:30' },
    { title: 'Asset recovery', topic: 'Chapter V', date: '2025-03-31', startTime: '09:00', endTime: '12:00' },
  ],
};

const get = (session: TestSession | null, id = reviewId) => app.inject({ url: `/api/reviews/${id}/dialogue`, headers: session?.headers ?? {} });
const put = (session: TestSession, payload: Record<string, unknown>, id = reviewId) => app.inject({ method: 'PUT', url: `/api/reviews/${id}/dialogue`, headers: session.headers, payload });
const ics = (session: TestSession | null, id = reviewId) => app.inject({ url: `/api/reviews/${id}/dialogue.ics`, headers: session?.headers ?? {} });
const notes = (session: TestSession, sessionId: string, payload: Record<string, unknown>, id = reviewId) =>
  app.inject({ method: 'PUT', url: `/api/reviews/${id}/dialogue/sessions/${sessionId}/notes`, headers: session.headers, payload });
const audit = async (id = reviewId) => listAuditEvents(testDb.database.db, { limit: 500, resourceType: 'review', resourceId: id });

beforeAll(async () => {
  testDb = await createTestDatabase();
  app = await buildTestApp(testDb.database);
  secretariat = await sessionFor(testDb.database, 'secretariat@demo.test');
  focalPoint = await sessionFor(testDb.database, 'focal.point@demo.test');
  expert = await sessionFor(testDb.database, 'expert@demo.test');
  delegate = await sessionFor(testDb.database, 'delegate@demo.test');
  reviewId = await openReviewWithFocalPoint(app, secretariat, { state: 'AUT', cycle: 2, reviewers: ['DEU', 'KEN'], started: '2016-03-01', focalPointAppointed: '2016-03-20' });
  otherReviewId = await openReviewWithFocalPoint(app, secretariat, { state: 'FRA', cycle: 2, reviewers: ['DEU', 'ITA'], started: '2016-03-01', focalPointAppointed: '2016-03-20' });
});
afterAll(async () => {
  await app.close();
  await testDb.dispose();
});

describe('direct dialogue', () => {
  it('has none at first; an .ics request without dates is refused with 422 and changes nothing', async () => {
    const first = await get(focalPoint);
    expect(first.statusCode, first.body).toBe(200);
    expect(json<DialogueResponse>(first).dialogue).toBeNull();
    expect(json<DialogueResponse>(first).abilities).toEqual({ manage: false, writeNotes: false, schedule: true });

    const noDialogue = await ics(secretariat);
    expect(noDialogue.statusCode).toBe(422);
    expect(json(noDialogue)).toMatchObject({ code: 'dialogue.notScheduled' });

    // A virtual visit being arranged: form known, no dates yet.
    const arranged = await put(secretariat, { ...DIALOGUE, form: 'virtual_visit', startDate: null, endDate: null, sessions: [], version: 0 });
    expect(arranged.statusCode, arranged.body).toBe(200);
    const before = await audit();
    const refused = await ics(expert);
    expect(refused.statusCode).toBe(422);
    expect(json<{ code: string; detail: string }>(refused).code).toBe('dialogue.notScheduled');
    expect(json<{ code: string; detail: string }>(refused).detail).toContain('no dates yet');
    expect((await audit()).length).toBe(before.length);
    const after = json<DialogueResponse>(await get(secretariat)).dialogue!;
    expect([after.version, after.form, after.startDate]).toEqual([1, 'virtual_visit', null]);
  });

  it('lets only the secretariat organise it, and refuses a stale version', async () => {
    for (const who of [focalPoint, expert, delegate]) expect((await put(who, { ...DIALOGUE, version: 1 })).statusCode).toBe(403);
    const saved = await put(secretariat, { ...DIALOGUE, version: 1 });
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await put(secretariat, { ...DIALOGUE, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(json(stale)).toMatchObject({ code: 'record.versionConflict' });
  });

  it('stores the agenda in UTC across the change to summer time and shows it in the dialogue zone', async () => {
    const { dialogue } = json<DialogueResponse>(await get(focalPoint));
    expect(dialogue!.version).toBe(2);
    expect(dialogue!.sessions.map((s) => [s.title, s.start, s.end, s.local.startTime, s.local.utcOffset])).toEqual([
      ['Opening and prevention', '2025-03-28T08:00:00Z', '2025-03-28T09:30:00Z', '09:00', '+01:00'],
      ['Asset recovery', '2025-03-31T07:00:00Z', '2025-03-31T10:00:00Z', '09:00', '+02:00'],
    ]);
    expect(dialogue!.clockChanges).toEqual([{ at: '2025-03-30T01:00:00Z', fromOffset: '+01:00', toOffset: '+02:00' }]);
    expect(dialogue!.participants.map((p) => p.side)).toEqual(['state-under-review', 'reviewer:KEN', 'reviewer:DEU', 'secretariat', 'stakeholder']);
  });

  it('refuses bad input with every problem, changing nothing', async () => {
    const bad = await put(secretariat, {
      ...DIALOGUE,
      timeZone: 'Europe/Vienn',
      stakeholdersAgreed: false,
      interpretationLanguages: ['de'],
      participants: [{ name: 'Expert of Italy', side: 'reviewer:ITA' }, ...DIALOGUE.participants],
      version: 2,
    });
    expect(bad.statusCode).toBe(422);
    const body = json<{ code: string; errors: { message: string }[] }>(bad);
    expect(body.code).toBe('dialogue.invalid');
    expect(body.errors.map((e) => e.message)).toEqual([
      "'Europe/Vienn' is not an IANA time zone (for example Europe/Vienna).",
      "'de' is not one of the six UN languages (ar, zh, en, fr, ru, es).",
      'Participant 1 (Expert of Italy): ITA is not a reviewing State of this review (DEU, KEN).',
      'Participant 6 (Transparency NGO): non-governmental stakeholders take part only where the State under review agrees; record its agreement first.',
    ]);
    const gap = await put(secretariat, { ...DIALOGUE, sessions: [{ title: 'Night', date: '2025-03-30', startTime: '02:30', endTime: '03:30' }], version: 2 });
    expect(json<{ detail: string }>(gap).detail).toBe('Session 1 (Night): 2025-03-30 02:30 does not exist in Europe/Vienna (the clocks go forward then).');
    expect(json<DialogueResponse>(await get(secretariat)).dialogue!.version).toBe(2);
  });

  it('keeps notes by the reviewing experts and the secretariat; the State under review reads them', async () => {
    const [first] = json<DialogueResponse>(await get(secretariat)).dialogue!.sessions;
    expect((await notes(focalPoint, first!.id, { notes: 'Our view', version: 0 })).statusCode).toBe(403);
    const byExpert = await notes(expert, first!.id, { notes: 'The prevention body reports yearly.', version: 0 });
    expect(byExpert.statusCode, byExpert.body).toBe(200);
    expect(json(byExpert)).toEqual({ sessionId: first!.id, notesVersion: 1 });
    const stale = await notes(secretariat, first!.id, { notes: 'Overwrite', version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(json(stale)).toMatchObject({ current: { notes: 'The prevention body reports yearly.', notesVersion: 1 } });
    expect((await notes(secretariat, first!.id, { notes: 'The prevention body reports yearly.\nFollow up on statistics.', version: 1 })).statusCode).toBe(200);
    expect((await notes(secretariat, '00000000-0000-4000-8000-000000000000', { notes: 'x', version: 0 })).statusCode).toBe(404);

    const read = json<DialogueResponse>(await get(focalPoint));
    expect(read.dialogue!.sessions[0]).toMatchObject({ notes: 'The prevention body reports yearly.\nFollow up on statistics.', notesVersion: 2 });
    // The audit trail says notes were written and read, never what they say.
    const events = await audit();
    expect(events.some((e) => e.action === 'dialogue.notes')).toBe(true);
    expect(events.filter((e) => e.action === 'dialogue.read').length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(events)).not.toContain('prevention body');
  });

  it('keeps notes when the agenda moves, and refuses to drop a session that has notes', async () => {
    const current = json<DialogueResponse>(await get(secretariat)).dialogue!;
    const [first, second] = current.sessions;
    const moved = await put(secretariat, {
      ...DIALOGUE,
      participants: current.participants.map((p, i) => ({ ...DIALOGUE.participants[i], id: p.id, attended: p.side !== 'stakeholder' })),
      sessions: [
        { id: first!.id, title: 'Opening and prevention', topic: 'Chapter II', date: '2025-03-28', startTime: '10:00', endTime: '11:30' },
        { id: second!.id, title: 'Asset recovery', topic: 'Chapter V', date: '2025-03-31', startTime: '09:00', endTime: '12:00' },
      ],
      version: current.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = json<DialogueResponse>(moved).dialogue!;
    expect(after.sessions[0]).toMatchObject({ id: first!.id, start: '2025-03-28T09:00:00Z', notesVersion: 2 });
    expect(after.participants.map((p) => p.attended)).toEqual([true, true, true, true, false]);

    const dropped = await put(secretariat, { ...DIALOGUE, sessions: [DIALOGUE.sessions[1]], version: after.version });
    expect(dropped.statusCode).toBe(422);
    expect(json(dropped)).toMatchObject({ code: 'dialogue.invalid', detail: "Session 'Opening and prevention' has notes; keep it in the agenda (its notes would be lost)." });
    const unchanged = json<DialogueResponse>(await get(secretariat)).dialogue!;
    expect([unchanged.version, unchanged.sessions.length]).toEqual([after.version, 2]);
  });

  it('writes an iCalendar file that a real parser reads: one event per session, exact instants', async () => {
    const response = await ics(expert);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="dialogue-AUT-cycle2.ics"');
    expect(response.headers['cache-control']).toContain('no-store');
    const calendar = new ICAL.Component(ICAL.parse(response.body) as unknown[]);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual([
      'Direct dialogue — Austria — review cycle 2: Opening and prevention',
      'Direct dialogue — Austria — review cycle 2: Asset recovery',
    ]);
    const [opening, assets] = events;
    expect(opening!.startDate.zone?.tzid).toBe('UTC');
    expect(opening!.startDate.toJSDate().toISOString()).toBe('2025-03-28T09:00:00.000Z');
    expect(opening!.endDate.toJSDate().toISOString()).toBe('2025-03-28T10:30:00.000Z');
    expect(assets!.startDate.toJSDate().toISOString()).toBe('2025-03-31T07:00:00.000Z');
    // Read on a Vienna clock: 10:00 before the change to summer time, 09:00 after it.
    const vienna = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Vienna', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
    expect(vienna(opening!.startDate.toJSDate())).toBe('10:00');
    expect(vienna(assets!.startDate.toJSDate())).toBe('09:00');
    expect(opening!.location).toBe('Vienna International Centre, room M3');
    expect(opening!.description).toContain('Joint meeting: 2025-03-28 10:00–11:30 Europe/Vienna.');
    expect(opening!.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual(['mailto:focal.point@demo.test', 'mailto:expert@demo.test']);
    expect(opening!.component.getFirstPropertyValue('class')).toBe('CONFIDENTIAL');
    // Notes are confidential working material: never in the file.
    expect(response.body).not.toContain('prevention body');
    expect((await audit()).some((e) => e.action === 'dialogue.export')).toBe(true);
  });

  it('writes one all-day event over the dates while there is no agenda', async () => {
    const current = json<DialogueResponse>(await get(secretariat, otherReviewId));
    expect(current.dialogue).toBeNull();
    const saved = await put(secretariat, { ...DIALOGUE, form: 'country_visit', timeZone: 'Europe/Paris', location: 'Paris', participants: [], sessions: [], startDate: '2025-06-02', endDate: '2025-06-04', version: 0 }, otherReviewId);
    expect(saved.statusCode, saved.body).toBe(200);
    const response = await ics(secretariat, otherReviewId);
    const [event] = new ICAL.Component(ICAL.parse(response.body) as unknown[]).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(event!.startDate.isDate).toBe(true);
    expect(event!.startDate.toString()).toBe('2025-06-02');
    expect(event!.endDate.toString()).toBe('2025-06-05');
  });

  it('refuses an expert of another review, a delegate and the public (notes, calendar, scheduler)', async () => {
    const sessionId = json<DialogueResponse>(await get(secretariat)).dialogue!.sessions[0]!.id;
    // KEN is not a party to the review of France.
    expect((await get(expert, otherReviewId)).statusCode).toBe(403);
    expect((await ics(expert, otherReviewId)).statusCode).toBe(403);
    expect((await notes(expert, sessionId, { notes: 'x', version: 2 }, otherReviewId)).statusCode).toBe(403);
    expect((await get(delegate)).statusCode).toBe(403);
    expect((await ics(delegate)).statusCode).toBe(403);
    expect((await get(null)).statusCode).toBe(401);
    expect((await ics(null)).statusCode).toBe(401);
    const schedule = await app.inject({ method: 'POST', url: `/api/reviews/${otherReviewId}/dialogue/schedule`, headers: expert.headers, payload: { participants: [], from: '2025-03-03', to: '2025-03-03', durationMinutes: 60 } });
    expect(schedule.statusCode).toBe(403);
    expect(JSON.stringify([(await get(expert, otherReviewId)).body, (await get(delegate)).body])).not.toContain('prevention body');
  });

  it('proposes ranked slots for a virtual visit with each participant in their local time', async () => {
    const hours = { workStart: '09:00', workEnd: '17:30', workDays: [1, 2, 3, 4, 5] };
    const response = await app.inject({
      method: 'POST',
      url: `/api/reviews/${reviewId}/dialogue/schedule`,
      headers: focalPoint.headers,
      payload: {
        participants: [
          { id: 'aut', label: 'Austria', timeZone: 'Europe/Vienna', ...hours },
          { id: 'ken', label: 'Kenya', timeZone: 'Africa/Nairobi', ...hours },
          { id: 'unodc-ny', label: 'Liaison office', timeZone: 'America/New_York', ...hours },
        ],
        interpreters: [{ id: 'fr-1', language: 'fr', timeZone: 'Europe/Vienna', workStart: '08:00', workEnd: '18:00', workDays: [1, 2, 3, 4, 5] }],
        interpretationLanguages: ['fr'],
        from: '2025-03-24',
        to: '2025-04-04',
        durationMinutes: 90,
        stepMinutes: 30,
        limit: 5,
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = json<{ slots: { rank: number; start: string; insideCount: number; participants: { id: string; localStart: string; utcOffset: string }[] }[]; clockChanges: { timeZone: string }[] }>(response);
    expect(body.slots.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(body.slots[0]!.insideCount).toBeGreaterThanOrEqual(2);
    expect(body.slots[0]!.participants.map((p) => p.id)).toEqual(['aut', 'ken', 'unodc-ny']);
    expect(body.clockChanges.map((c) => c.timeZone)).toEqual(['Europe/Vienna']);

    const bad = await app.inject({
      method: 'POST',
      url: `/api/reviews/${reviewId}/dialogue/schedule`,
      headers: expert.headers,
      payload: { participants: [{ id: 'x', label: 'X', timeZone: 'Mars/Olympus', ...hours }], from: '2025-03-24', to: '2025-03-25', durationMinutes: 60 },
    });
    expect(bad.statusCode).toBe(422);
    expect(json(bad)).toMatchObject({ code: 'dialogue.invalid', detail: "Participant 1 (X): 'Mars/Olympus' is not an IANA time zone (for example Europe/Vienna)." });
  });

  it('records the "dialogue held" milestone from the dialogue: its last day and its form; only once, only by the secretariat, only after the desk review', async () => {
    const held = (session: TestSession) => app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/dialogue/held`, headers: session.headers });
    expect((await held(expert)).statusCode).toBe(403);
    const early = await held(secretariat);
    expect(early.statusCode).toBe(422); // the checklist and the desk review come first
    expect(json<DialogueResponse & { heldOn: string | null }>(await get(secretariat)).heldOn).toBeNull();
    let version = json<{ review: { version: number } }>(await app.inject({ url: `/api/reviews/${reviewId}`, headers: secretariat.headers })).review.version;
    for (const [kind, date] of [['checklistSubmitted', '2016-05-01'], ['deskReviewCompleted', '2016-07-01']] as const) {
      const recorded = await app.inject({ method: 'POST', url: `/api/reviews/${reviewId}/milestones`, headers: secretariat.headers, payload: { kind, date, version } });
      expect(recorded.statusCode, recorded.body).toBe(200);
      version = json<{ review: { version: number } }>(recorded).review.version;
    }
    const recorded = await held(secretariat);
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(json(recorded)).toEqual({ heldOn: DIALOGUE.endDate, dialogueType: 'joint_meeting' });
    expect(json<{ heldOn: string | null }>(await get(focalPoint)).heldOn).toBe(DIALOGUE.endDate);
    const milestones = json<{ review: { milestones: { kind: string; date: string; dialogueType?: string | null }[] } }>(await app.inject({ url: `/api/reviews/${reviewId}` })).review.milestones;
    expect(milestones.find((m) => m.kind === 'dialogueHeld')).toMatchObject({ date: DIALOGUE.endDate, dialogueType: 'joint_meeting' });
    expect((await held(secretariat)).statusCode).toBe(422);
  });
});
