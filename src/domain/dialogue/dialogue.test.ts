import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { requireDates, sessionInZone, validateDialogue, type DialogueInput } from './dialogue.ts';

const parties = { stateUnderReview: 'AUT', reviewers: ['DEU', 'KEN'] };
let counter = 0;
const newId = () => `id-${(counter += 1)}`;

const base = (over: Partial<DialogueInput> = {}): DialogueInput => ({
  form: 'joint_meeting',
  timeZone: 'Europe/Vienna',
  startDate: '2025-03-28',
  endDate: '2025-03-31',
  location: 'Vienna International Centre',
  stakeholdersAgreed: false,
  interpretationLanguages: ['fr', 'en'],
  participants: [
    { name: 'Focal point of Austria', side: 'state-under-review' },
    { name: 'Expert of Kenya', side: 'reviewer:KEN', email: 'expert@example.org' },
    { name: 'UNODC officer', side: 'secretariat' },
  ],
  sessions: [
    { title: 'Opening', topic: 'Article 15', date: '2025-03-28', startTime: '09:00', endTime: '10:30' },
    { title: 'Prevention', topic: 'Chapter II', date: '2025-03-31', startTime: '09:00', endTime: '12:00' },
  ],
  ...over,
});

function problemsOf(input: DialogueInput): string[] {
  try {
    validateDialogue(input, parties, newId);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('dialogue.invalid');
    return (error as DomainError).details!.problems as string[];
  }
  throw new Error('expected a refusal');
}

describe('direct dialogue record', () => {
  it('keeps the agenda in UTC from wall-clock times in the dialogue zone, across the change to summer time', () => {
    const d = validateDialogue(base(), parties, newId);
    expect(d.sessions.map((s) => [s.title, s.start, s.end])).toEqual([
      ['Opening', '2025-03-28T08:00:00Z', '2025-03-28T09:30:00Z'],
      ['Prevention', '2025-03-31T07:00:00Z', '2025-03-31T10:00:00Z'],
    ]);
    expect(d.sessions.every((s) => s.id.startsWith('id-'))).toBe(true);
    expect(d.participants[1]).toMatchObject({ side: 'reviewer:KEN', email: 'expert@example.org', attended: null });
    // The same sessions read back in the dialogue zone and in a viewer's zone (New York).
    expect(sessionInZone(d.sessions[1]!, 'Europe/Vienna')).toMatchObject({ date: '2025-03-31', startTime: '09:00', endTime: '12:00', offsetMinutes: 120 });
    expect(sessionInZone(d.sessions[1]!, 'America/New_York')).toMatchObject({ date: '2025-03-31', startTime: '03:00', endTime: '06:00', offsetMinutes: -240 });
  });

  it('keeps given ids, so notes stay with their session', () => {
    const d = validateDialogue(base({ sessions: [{ id: 'keep-me', title: 'Opening', date: '2025-03-28', startTime: '09:00', endTime: '10:00' }] }), parties, newId);
    expect(d.sessions[0]!.id).toBe('keep-me');
  });

  it('accepts a dialogue without dates (being arranged) and one ending at midnight', () => {
    expect(validateDialogue(base({ startDate: null, endDate: null, sessions: [] }), parties, newId).startDate).toBeNull();
    const late = validateDialogue(base({ sessions: [{ title: 'Late', date: '2025-03-28', startTime: '22:00', endTime: '24:00' }] }), parties, newId);
    expect(late.sessions[0]).toMatchObject({ start: '2025-03-28T21:00:00Z', end: '2025-03-28T23:00:00Z' });
  });

  it('refuses stakeholders without the agreement of the State under review, and accepts them with it', () => {
    const withStakeholder = base({ participants: [{ name: 'Transparency NGO', side: 'stakeholder', organisation: 'NGO' }] });
    expect(problemsOf(withStakeholder)).toEqual([
      'Participant 1 (Transparency NGO): non-governmental stakeholders take part only where the State under review agrees; record its agreement first.',
    ]);
    expect(validateDialogue({ ...withStakeholder, stakeholdersAgreed: true }, parties, newId).participants[0]!.side).toBe('stakeholder');
  });

  it('refuses a wall time that the clocks skip, and reads a repeated one as its first occurrence', () => {
    expect(problemsOf(base({ startDate: '2025-03-30', endDate: '2025-03-30', sessions: [{ title: 'Night', date: '2025-03-30', startTime: '02:30', endTime: '04:00' }] }))).toEqual([
      'Session 1 (Night): 2025-03-30 02:30 does not exist in Europe/Vienna (the clocks go forward then).',
    ]);
    const autumn = validateDialogue(base({ startDate: '2025-10-26', endDate: '2025-10-26', sessions: [{ title: 'Night', date: '2025-10-26', startTime: '02:30', endTime: '04:00' }] }), parties, newId);
    expect(autumn.sessions[0]).toMatchObject({ start: '2025-10-26T00:30:00Z', end: '2025-10-26T03:00:00Z' });
  });

  it('names every problem at once', () => {
    const problems = problemsOf(
      base({
        form: 'picnic',
        timeZone: 'Europe/Vienn',
        startDate: '2025-03-31',
        endDate: '2025-03-28',
        interpretationLanguages: ['fr', 'de', 'fr'],
        participants: [
          { name: '', side: 'secretariat' },
          { name: 'Expert of Italy', side: 'reviewer:ITA' },
          { name: 'Someone', side: 'observer', email: 'not-an-address' },
        ],
        sessions: [{ title: 'Backwards', date: '2025-03-28', startTime: '12:00', endTime: '11:00' }],
      }),
    );
    expect(problems).toEqual([
      "'picnic' is not a form of dialogue (country_visit, joint_meeting, virtual_visit).",
      "'Europe/Vienn' is not an IANA time zone (for example Europe/Vienna).",
      'The dialogue ends (2025-03-28) before it starts (2025-03-31).',
      "'de' is not one of the six UN languages (ar, zh, en, fr, ru, es).",
      "Interpretation into 'fr' is listed twice.",
      'Participant 1: give a name.',
      'Participant 2 (Expert of Italy): ITA is not a reviewing State of this review (DEU, KEN).',
      "Participant 3 (Someone): 'observer' is not a side (state-under-review, reviewer:ISO3, secretariat, stakeholder).",
      "Participant 3 (Someone): 'not-an-address' is not an e-mail address.",
      'Session 1 (Backwards): it must end after it starts (12:00–11:00).',
    ]);
  });

  it('refuses one date without the other, an agenda without dates and sessions outside the dates', () => {
    expect(problemsOf(base({ endDate: null, sessions: [] }))).toEqual(['Give both the first and the last day of the dialogue, or neither.']);
    expect(problemsOf(base({ startDate: null, endDate: null }))).toContain('Set the dates of the dialogue before its agenda.');
    expect(problemsOf(base({ sessions: [{ title: 'Early', date: '2025-03-27', startTime: '09:00', endTime: '10:00' }] }))).toEqual([
      'Session 1 (Early): 2025-03-27 is outside the dialogue (2025-03-28 to 2025-03-31).',
    ]);
  });

  it('needs dates for a calendar invitation', () => {
    expect(() => requireDates(null)).toThrow(expect.objectContaining({ code: 'dialogue.notScheduled' }));
    expect(() => requireDates({ startDate: null, endDate: null })).toThrow(/no dates yet/);
    expect(requireDates({ startDate: '2025-03-28', endDate: '2025-03-31' })).toEqual({ startDate: '2025-03-28', endDate: '2025-03-31' });
  });
});
