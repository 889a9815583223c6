import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { proposeSlots, type Interpreter, type SchedulerParticipant, type ScheduleRequest } from './scheduler.ts';

const WEEK = [1, 2, 3, 4, 5];
const person = (id: string, timeZone: string, workStart = '09:00', workEnd = '17:30', workDays = WEEK): SchedulerParticipant => ({ id, label: id, timeZone, workStart, workEnd, workDays });
const request = (over: Partial<ScheduleRequest>): ScheduleRequest => ({
  participants: [],
  interpreters: [],
  interpretationLanguages: [],
  from: '2025-03-03',
  to: '2025-03-03',
  durationMinutes: 60,
  stepMinutes: 30,
  limit: 200,
  ...over,
});
/** UTC start times ("HH:MM") of the slots that suit everyone on one UTC day. */
const fitsAllOn = (slots: ReturnType<typeof proposeSlots>['slots'], day: string) =>
  slots.filter((s) => s.fitsAll && s.start.startsWith(day)).map((s) => s.start.slice(11, 16)).sort();

describe('scheduler: daylight-saving changes inside the range', () => {
  // Vienna and New York, 09:00–17:30 each. Overlap in UTC:
  //   until 9 March (CET/EST)        14:00–16:30
  //   9–29 March (CET/EDT)           13:00–16:30  (New York moved on the second Sunday of March)
  //   from 30 March (CEST/EDT)       13:00–15:30  (Vienna moved on the last Sunday of March)
  const result = proposeSlots(request({ participants: [person('Vienna', 'Europe/Vienna'), person('New York', 'America/New_York')], from: '2025-03-03', to: '2025-04-04' }));

  it('shifts the common hours on the day each zone changes', () => {
    expect(fitsAllOn(result.slots, '2025-03-07')).toEqual(['14:00', '14:30', '15:00', '15:30']);
    expect(fitsAllOn(result.slots, '2025-03-10')).toEqual(['13:00', '13:30', '14:00', '14:30', '15:00', '15:30']);
    expect(fitsAllOn(result.slots, '2025-03-28')).toEqual(['13:00', '13:30', '14:00', '14:30', '15:00', '15:30']);
    expect(fitsAllOn(result.slots, '2025-03-31')).toEqual(['13:00', '13:30', '14:00', '14:30']);
    // Weekends are nobody's working days.
    expect(fitsAllOn(result.slots, '2025-03-08')).toEqual([]);
    expect(fitsAllOn(result.slots, '2025-03-30')).toEqual([]);
  });

  it('lists the clock changes inside the range', () => {
    expect(result.clockChanges).toEqual([
      { timeZone: 'Europe/Vienna', at: '2025-03-30T01:00:00Z', fromOffset: '+01:00', toOffset: '+02:00' },
      { timeZone: 'America/New_York', at: '2025-03-09T07:00:00Z', fromOffset: '-05:00', toOffset: '-04:00' },
    ]);
  });

  it("shows each participant's local time with the offset in force that day", () => {
    const before = result.slots.find((s) => s.start === '2025-03-07T14:00:00Z')!;
    expect(before.participants.map((p) => [p.id, p.localStart, p.localEnd, p.utcOffset])).toEqual([
      ['Vienna', '2025-03-07T15:00', '2025-03-07T16:00', '+01:00'],
      ['New York', '2025-03-07T09:00', '2025-03-07T10:00', '-05:00'],
    ]);
    const after = result.slots.find((s) => s.start === '2025-03-31T13:00:00Z')!;
    expect(after.participants.map((p) => [p.localStart, p.utcOffset])).toEqual([
      ['2025-03-31T15:00', '+02:00'],
      ['2025-03-31T09:00', '-04:00'],
    ]);
  });

  it('gets the southern-hemisphere change right: Sydney leaves summer time on the first Sunday of April', () => {
    // Sydney 08:00–18:00, Vienna 08:00–18:00 (CEST). Sydney AEDT (+11) → AEST (+10) on 6 April.
    const r = proposeSlots(request({ participants: [person('Sydney', 'Australia/Sydney', '08:00', '18:00'), person('Vienna', 'Europe/Vienna', '08:00', '18:00')], from: '2025-04-01', to: '2025-04-11' }));
    expect(fitsAllOn(r.slots, '2025-04-04')).toEqual(['06:00']);
    expect(fitsAllOn(r.slots, '2025-04-08')).toEqual(['06:00', '06:30', '07:00']);
    const fri = r.slots.find((s) => s.start === '2025-04-04T06:00:00Z')!.participants[0]!;
    const tue = r.slots.find((s) => s.start === '2025-04-08T06:00:00Z')!.participants[0]!;
    expect([fri.localStart, fri.utcOffset]).toEqual(['2025-04-04T17:00', '+11:00']);
    expect([tue.localStart, tue.utcOffset]).toEqual(['2025-04-08T16:00', '+10:00']);
  });

  it('handles a 45-minute offset: Kathmandu (UTC+05:45) working hours in UTC are 03:15–11:15', () => {
    const r = proposeSlots(request({ participants: [person('Kathmandu', 'Asia/Kathmandu', '09:00', '17:00')], stepMinutes: 15, from: '2025-03-05', to: '2025-03-05' }));
    const starts = r.slots.filter((s) => s.fitsAll).map((s) => s.start.slice(11, 16)).sort();
    expect(starts[0]).toBe('03:15');
    expect(starts.at(-1)).toBe('10:15');
    expect(starts).toHaveLength(29);
    const first = r.slots.find((s) => s.start === '2025-03-05T03:15:00Z')!.participants[0]!;
    expect([first.localStart, first.localEnd, first.utcOffset]).toEqual(['2025-03-05T09:00', '2025-03-05T10:00', '+05:45']);
  });
});

describe('scheduler: ranking', () => {
  it('ranks by participants inside their hours, then fewest minutes outside, then earliest', () => {
    // A works 09:00–17:00, B only 09:00–10:00, both in Vienna (CET, +01:00) on Monday 3 March.
    const r = proposeSlots(request({ participants: [person('A', 'Europe/Vienna', '09:00', '17:00'), person('B', 'Europe/Vienna', '09:00', '10:00')] }));
    expect(r.slots[0]).toMatchObject({ rank: 1, start: '2025-03-03T08:00:00Z', insideCount: 2, fitsAll: true, minutesOutside: 0 });
    expect(r.slots[1]).toMatchObject({ rank: 2, start: '2025-03-03T08:30:00Z', insideCount: 1, minutesOutside: 30 });
    expect(r.slots[2]).toMatchObject({ rank: 3, start: '2025-03-03T09:00:00Z', insideCount: 1, minutesOutside: 60 });
    expect(r.slots[3]).toMatchObject({ rank: 4, start: '2025-03-03T09:30:00Z', insideCount: 1, minutesOutside: 60 });
    // Slots that suit nobody are not proposed.
    expect(r.slots.some((s) => s.start === '2025-03-03T07:30:00Z')).toBe(false);
    for (let i = 1; i < r.slots.length; i += 1) {
      const [a, b] = [r.slots[i - 1]!, r.slots[i]!];
      expect(a.insideCount > b.insideCount || (a.insideCount === b.insideCount && (a.minutesOutside < b.minutesOutside || (a.minutesOutside === b.minutesOutside && a.start < b.start)))).toBe(true);
    }
  });

  it('puts the slots that suit three zones before those that suit two', () => {
    // Vienna (+1), Nairobi (+3) and New York (-5), 09:00–17:30: no hour suits all three; the best suit two.
    const r = proposeSlots(request({ participants: [person('Vienna', 'Europe/Vienna'), person('Nairobi', 'Africa/Nairobi'), person('New York', 'America/New_York')], limit: 5 }));
    expect(r.slots).toHaveLength(5);
    for (const s of r.slots) expect(s.insideCount).toBe(2);
    // 13:30Z: New York starts at 08:30, 30 minutes early; 14:00Z: Nairobi runs 30 minutes late.
    // Both beat a slot where the third person is outside for the whole hour.
    expect(r.slots.slice(0, 2).map((s) => [s.start, s.minutesOutside])).toEqual([
      ['2025-03-03T13:30:00Z', 30],
      ['2025-03-03T14:00:00Z', 30],
    ]);
    expect(r.slots[2]!.minutesOutside).toBe(60);
  });

  it('requires an interpreter for every language needed, counting what is dropped', () => {
    const interpreter: Interpreter = { id: 'fr-1', language: 'fr', timeZone: 'Europe/Vienna', workStart: '10:00', workEnd: '12:00', workDays: WEEK };
    const r = proposeSlots(request({ participants: [person('A', 'Europe/Vienna')], interpreters: [interpreter], interpretationLanguages: ['fr'] }));
    expect(r.slots.map((s) => s.start.slice(11, 16)).sort()).toEqual(['09:00', '09:30', '10:00']);
    expect(r.slots[0]!.interpretation).toEqual([{ language: 'fr', interpreters: ['fr-1'] }]);
    expect(r.withoutInterpretation).toBe(r.candidates - 3);
    const none = proposeSlots(request({ participants: [person('A', 'Europe/Vienna')], interpreters: [interpreter], interpretationLanguages: ['fr', 'ar'] }));
    expect(none.slots).toEqual([]);
    expect(none.withoutInterpretation).toBe(none.candidates);
  });

  it('returns at most the limit asked for', () => {
    const r = proposeSlots(request({ participants: [person('A', 'UTC', '00:00', '24:00', [1, 2, 3, 4, 5, 6, 7])], limit: 3 }));
    expect(r.slots.map((s) => s.rank)).toEqual([1, 2, 3]);
  });
});

describe('scheduler: bad input', () => {
  const problemsOf = (over: Partial<ScheduleRequest>): string[] => {
    try {
      proposeSlots(request(over));
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('dialogue.invalid');
      return (error as DomainError).details!.problems as string[];
    }
    throw new Error('expected a refusal');
  };

  it('refuses unknown or non-IANA time zones, naming each', () => {
    const problems = problemsOf({ participants: [person('A', 'Europe/Vienn'), person('B', 'CET'), person('C', '+05:45')] });
    expect(problems).toEqual([
      "Participant 1 (A): 'Europe/Vienn' is not an IANA time zone (for example Europe/Vienna).",
      "Participant 2 (B): 'CET' is not an IANA time zone (for example Europe/Vienna).",
      "Participant 3 (C): '+05:45' is not an IANA time zone (for example Europe/Vienna).",
    ]);
  });

  it('refuses hours that end before they start, bad days, ranges and durations', () => {
    const problems = problemsOf({ participants: [person('A', 'Europe/Vienna', '17:00', '09:00', [0])], from: '2025-03-10', to: '2025-03-01', durationMinutes: 5, stepMinutes: 1 });
    expect(problems).toContain('Participant 1 (A): working hours must end after they start (17:00–09:00).');
    expect(problems).toContain('Participant 1 (A): working days must be weekdays 1 (Monday) to 7 (Sunday).');
    expect(problems).toContain('The range ends before it starts.');
    expect(problems).toContain('A meeting lasts 15 to 720 minutes.');
    expect(problems).toContain('The step between proposed starts is 5 minutes to one day.');
    expect(problemsOf({ participants: [] })).toContain('Name at least one participant.');
    expect(problemsOf({ participants: [person('A', 'UTC')], from: '2025-01-01', to: '2025-06-30' })).toContain('The range may cover at most 62 days.');
  });
});
