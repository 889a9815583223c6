/**
 * @module iso-week
 * The ISO 8601 week of a calendar day ("2026-W05"), the period of deadline reminders: one
 * reminder per step and week. Weeks start on Monday; week 1 is the week with the year's
 * first Thursday, so the last days of December can belong to week 1 of the next year and
 * the first days of January to week 52 or 53 of the last one.
 */
import { isCalendarDate } from '../dates.ts';

const DAY_MS = 86_400_000;

/**
 * @example isoWeekOf('2026-01-01') // '2026-W01' (a Thursday)
 * @example isoWeekOf('2027-01-01') // '2026-W53' (a Friday)
 */
export function isoWeekOf(day: string): string {
  if (!isCalendarDate(day)) throw new RangeError(`Not a calendar date: ${day}`);
  const date = Date.parse(`${day}T00:00:00Z`);
  const weekday = new Date(date).getUTCDay() || 7; // Monday 1 … Sunday 7
  // The Thursday of the same week decides the week's year.
  const thursday = new Date(date + (4 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
