/**
 * @module calendar
 * Day arithmetic on ISO calendar dates (YYYY-MM-DD). Reviews are scheduled in whole days;
 * every computation runs in UTC so that the same inputs give the same dates on any server.
 */
import { isCalendarDate } from '../dates.ts';

const DAY_MS = 86_400_000;

function toUtcMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** The UTC calendar day of an instant. The clock is always passed in, never read. */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** @example addDays('2024-01-31', 30) // '2024-03-01' */
export function addDays(date: string, days: number): string {
  return new Date(toUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

export { isCalendarDate };
