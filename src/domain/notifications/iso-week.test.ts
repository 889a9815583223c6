import { describe, expect, it } from 'vitest';
import { isoWeekOf } from './iso-week.ts';

describe('isoWeekOf', () => {
  it.each([
    ['2026-01-01', '2026-W01'], // Thursday: week 1 of its own year
    ['2025-12-29', '2026-W01'], // Monday of that week, still in December
    ['2025-12-28', '2025-W52'], // the Sunday before
    ['2027-01-01', '2026-W53'], // Friday: 2026 has 53 weeks
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2024-02-29', '2024-W09'],
    ['2024-12-30', '2025-W01'],
    ['2021-01-03', '2020-W53'],
  ])('%s is in %s', (day, week) => {
    expect(isoWeekOf(day)).toBe(week);
  });

  it('gives the same week from Monday to Sunday and the next one on Monday', () => {
    const days = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15'];
    expect(new Set(days.map(isoWeekOf))).toEqual(new Set(['2026-W11']));
    expect(isoWeekOf('2026-03-16')).toBe('2026-W12');
  });

  it('refuses what is not a calendar day', () => {
    expect(() => isoWeekOf('2026-02-30')).toThrow(RangeError);
  });
});
