/**
 * @module dates
 * Calendar dates as ISO strings (YYYY-MM-DD), which compare correctly as text.
 */

/**
 * True for a real calendar day. Date.parse alone accepts 2026-02-30 and rolls it over,
 * so the parsed day is printed back and compared.
 * @example isCalendarDate('2024-02-29') // true
 */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
