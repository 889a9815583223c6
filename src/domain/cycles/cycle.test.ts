import { describe, expect, it } from 'vitest';
import type { Accession } from '../parties/party.ts';
import { calendarYearOf, cycleOn, validateCohort, type Cycle } from './cycle.ts';

const cycle: Cycle = { number: 2, mechanismId: 'uncac-irm', title: 'Second', chapters: ['II', 'V'], startsOn: '2015-11-06', endsOn: '2020-11-05', extendedTo: '2024-06-30', years: 5, firstYear: 2016 };
const accessions: Accession[] = [
  { partyIso3: 'AUT', effectiveOn: null, precision: 'unknown' },
  { partyIso3: 'KEN', effectiveOn: null, precision: 'unknown' },
  { partyIso3: 'SMR', effectiveOn: '2025-09-25', precision: 'day' },
  { partyIso3: 'TON', effectiveOn: '2020-12-31', precision: 'year' },
];
const knownStates = new Set(['AUT', 'KEN', 'SMR', 'TON', 'MCO']);
const base = { cycle, otherCohorts: [], accessions, knownStates };

describe('validateCohort', () => {
  it('normalises, de-duplicates and sorts a valid list', () => {
    expect(validateCohort({ ...base, year: 1, states: ['ken', ' AUT '] })).toEqual(['AUT', 'KEN']);
  });

  it('refuses a year outside the cycle', () => {
    expect(() => validateCohort({ ...base, year: 6, states: [] })).toThrow(/years 1 to 5/);
    expect(() => validateCohort({ ...base, year: 0, states: [] })).toThrow(/years 1 to 5/);
  });

  it('lists every problem at once: unknown, duplicate, non-party, already in another year', () => {
    try {
      validateCohort({ ...base, year: 2, states: ['AUT', 'AUT', 'XXX', 'MCO', 'KEN'], otherCohorts: [{ cycleNumber: 2, year: 1, states: ['KEN'] }] });
      expect.unreachable();
    } catch (error) {
      const problems = (error as { details: { problems: string[] } }).details.problems;
      expect(problems).toEqual([
        'AUT is listed twice.',
        'XXX is not a known State.',
        'MCO is not a party by 2017-12-31.',
        'KEN is already in the cohort of year 1 of cycle 2.',
      ]);
    }
  });

  it('places a State in a year only once it is a party by the end of that year', () => {
    expect(() => validateCohort({ ...base, year: 4, states: ['TON'] })).toThrow(/TON is not a party by 2019-12-31/);
    expect(validateCohort({ ...base, year: 5, states: ['TON'] })).toEqual(['TON']);
    expect(() => validateCohort({ ...base, year: 5, states: ['SMR'] })).toThrow(/SMR is not a party/);
  });

  it('ignores the cohort being replaced and other cycles', () => {
    expect(validateCohort({ ...base, year: 1, states: ['KEN'], otherCohorts: [{ cycleNumber: 2, year: 1, states: ['KEN'] }, { cycleNumber: 1, year: 2, states: ['KEN'] }] })).toEqual(['KEN']);
  });
});

describe('calendar', () => {
  it('maps cohort years to calendar years and finds the cycle on a date, counting extensions', () => {
    expect(calendarYearOf(cycle, 1)).toBe(2016);
    expect(calendarYearOf(cycle, 5)).toBe(2020);
    expect(cycleOn([cycle], '2023-01-01')?.number).toBe(2);
    expect(cycleOn([cycle], '2025-01-01')).toBeUndefined();
  });
});
