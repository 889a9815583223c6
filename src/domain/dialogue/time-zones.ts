/**
 * @module time-zones
 * Wall-clock time in IANA time zones from the platform's own time-zone database
 * (`Intl.DateTimeFormat`, ICU with the full tz data in Node 20 and every current browser).
 * No library: the two operations the dialogue needs — "what does the clock show in zone Z at
 * instant T" and "which instant is 09:00 on this day in zone Z" — are exact with Intl, and
 * daylight-saving changes come from the same data the operating system uses.
 *
 * Pure: no clock; every instant is passed in (milliseconds since the epoch, UTC).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Accepts IANA names (Area/Location, Etc/GMT+5, UTC); refuses abbreviations and offsets ("CET", "+01:00"). */
const IANA_SHAPE = /^(?:UTC|[A-Za-z][A-Za-z0-9_-]*(?:\/[A-Za-z0-9_+-]+){1,2})$/;

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True for a time-zone name the platform knows, in IANA form (Europe/Vienna, Asia/Kathmandu, UTC). */
export function isTimeZone(name: string): boolean {
  if (typeof name !== 'string' || !IANA_SHAPE.test(name)) return false;
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

export interface LocalTime {
  /** Calendar day on the wall clock, YYYY-MM-DD. */
  date: string;
  /** Wall-clock time, HH:MM. */
  time: string;
  /** Minutes since local midnight (0–1439). */
  minuteOfDay: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Offset from UTC in minutes at that instant (Vienna in summer: 120; Kathmandu: 345). */
  offsetMinutes: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** What a clock in `zone` shows at the instant `utcMs`. */
export function localTime(utcMs: number, zone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(new Date(utcMs))) parts[p.type] = p.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  const hour = Number(parts.hour) % 24;
  const minute = Number(parts.minute);
  const second = Number(parts.second);
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const flooredInstant = Math.floor(utcMs / 1000) * 1000;
  return {
    date: `${pad(year, 4)}-${pad(month)}-${pad(day)}`,
    time: `${pad(hour)}:${pad(minute)}`,
    minuteOfDay: hour * 60 + minute,
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 0,
    offsetMinutes: Math.round((wallAsUtc - flooredInstant) / 60_000),
  };
}

/** "+05:45", "-04:00", "+00:00". */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "09:30" → 570; undefined when not a wall-clock time (24:00 is accepted as the end of a day). */
export function parseClock(value: string): number | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return undefined;
  return h * 60 + min;
}

export type ZonedResolution =
  | { kind: 'exact'; utcMs: number }
  /** The wall time happens twice (clocks go back): both instants, earlier first. */
  | { kind: 'ambiguous'; utcMs: number; laterUtcMs: number }
  /** The wall time never happens (clocks go forward over it). */
  | { kind: 'gap' };

/**
 * The instant(s) at which a clock in `zone` shows `date` `time`. Tries the offsets in force
 * a day before, at, and a day after the naive guess: a zone changes its offset at most once
 * in that span, so every real reading is found.
 */
export function resolveLocal(date: string, time: string, zone: string): ZonedResolution {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const minutes = parseClock(time) ?? 0;
  const wallAsUtc = Date.UTC(y, mo - 1, d, 0, minutes);
  const day = 86_400_000;
  const offsets = new Set([wallAsUtc - day, wallAsUtc, wallAsUtc + day].map((t) => localTime(t, zone).offsetMinutes));
  const hits = [...offsets]
    .map((offset) => wallAsUtc - offset * 60_000)
    .filter((candidate) => {
      const local = localTime(candidate, zone);
      return local.date === date && local.minuteOfDay === minutes % 1440;
    })
    .sort((a, b) => a - b);
  const unique = [...new Set(hits)];
  if (unique.length === 0) return { kind: 'gap' };
  if (unique.length === 1) return { kind: 'exact', utcMs: unique[0]! };
  return { kind: 'ambiguous', utcMs: unique[0]!, laterUtcMs: unique[unique.length - 1]! };
}

/** ISO instant without milliseconds: 2025-03-31T07:00:00Z. */
export function isoInstant(utcMs: number): string {
  return new Date(utcMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface OffsetTransition {
  /** The first instant of the new offset. */
  atUtcMs: number;
  fromOffset: number;
  toOffset: number;
}

/**
 * Every change of UTC offset of `zone` in [fromMs, toMs): daylight saving both ways and
 * permanent changes. Scans in 6-hour steps, then bisects each change to the minute.
 */
export function offsetTransitions(zone: string, fromMs: number, toMs: number): OffsetTransition[] {
  const step = 6 * 3_600_000;
  const found: OffsetTransition[] = [];
  let previousAt = fromMs;
  let previous = localTime(fromMs, zone).offsetMinutes;
  for (let t = fromMs + step; t < toMs + step; t += step) {
    const at = Math.min(t, toMs);
    const offset = localTime(at, zone).offsetMinutes;
    if (offset !== previous) {
      let lo = previousAt; // old offset
      let hi = at; // new offset
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (localTime(mid, zone).offsetMinutes === previous) lo = mid;
        else hi = mid;
      }
      found.push({ atUtcMs: hi, fromOffset: previous, toOffset: offset });
    }
    previous = offset;
    previousAt = at;
    if (at === toMs) break;
  }
  return found;
}

/** Wall clock from an instant and a known offset: plain arithmetic, no Intl call. */
function wallClock(utcMs: number, offsetMinutes: number): LocalTime {
  const wall = new Date(utcMs + offsetMinutes * 60_000);
  const dayOfWeek = wall.getUTCDay();
  const hour = wall.getUTCHours();
  const minute = wall.getUTCMinutes();
  return {
    date: `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`,
    time: `${pad(hour)}:${pad(minute)}`,
    minuteOfDay: hour * 60 + minute,
    weekday: dayOfWeek === 0 ? 7 : dayOfWeek,
    offsetMinutes,
  };
}

/**
 * The UTC offset of one zone at any instant of a period: the changes in [fromMs, toMs) are found
 * once (`offsetTransitions`), then each answer is a lookup. Exactly `localTime(t).offsetMinutes`
 * inside the period (tested against it); outside it, it asks Intl.
 */
export function zoneOffsets(zone: string, fromMs: number, toMs: number): (utcMs: number) => number {
  const initial = localTime(fromMs, zone).offsetMinutes;
  const changes = offsetTransitions(zone, fromMs, toMs);
  return (utcMs) => {
    if (utcMs < fromMs || utcMs >= toMs) return localTime(utcMs, zone).offsetMinutes;
    let offset = initial;
    for (const c of changes) {
      if (c.atUtcMs > utcMs) break;
      offset = c.toOffset;
    }
    return offset;
  };
}

/** A fast clock for one zone over a period, built on `zoneOffsets`: each reading is arithmetic. */
export function zoneClock(zone: string, fromMs: number, toMs: number): (utcMs: number) => LocalTime {
  const offsetAt = zoneOffsets(zone, fromMs, toMs);
  return (utcMs) => wallClock(utcMs, offsetAt(utcMs));
}
