import { describe, expect, it } from 'vitest';
import { formatOffset, isTimeZone, localTime, offsetTransitions, resolveLocal, zoneClock } from './time-zones.ts';

const at = (iso: string) => Date.parse(iso);

describe('time zones from the platform (Intl)', () => {
  it('knows IANA names and refuses the rest', () => {
    for (const zone of ['Europe/Vienna', 'America/New_York', 'Australia/Sydney', 'Asia/Kathmandu', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+5']) expect(isTimeZone(zone), zone).toBe(true);
    for (const zone of ['Europe/Vienn', 'Mars/Olympus_Mons', 'CET', '+01:00', 'UTC+1', '', 'Europe/Vienna; DROP', 'europe vienna']) expect(isTimeZone(zone), zone).toBe(false);
  });

  it('reads the wall clock on both sides of the European change (last Sunday of March, 01:00 UTC)', () => {
    expect(localTime(at('2025-03-30T00:59:00Z'), 'Europe/Vienna')).toMatchObject({ date: '2025-03-30', time: '01:59', offsetMinutes: 60, weekday: 7 });
    expect(localTime(at('2025-03-30T01:00:00Z'), 'Europe/Vienna')).toMatchObject({ date: '2025-03-30', time: '03:00', offsetMinutes: 120 });
  });

  it('reads New York on both sides of the second Sunday of March and Sydney on the first Sunday of April', () => {
    expect(localTime(at('2025-03-09T06:59:00Z'), 'America/New_York')).toMatchObject({ time: '01:59', offsetMinutes: -300 });
    expect(localTime(at('2025-03-09T07:00:00Z'), 'America/New_York')).toMatchObject({ time: '03:00', offsetMinutes: -240 });
    expect(localTime(at('2025-04-05T15:59:00Z'), 'Australia/Sydney')).toMatchObject({ date: '2025-04-06', time: '02:59', offsetMinutes: 660 });
    expect(localTime(at('2025-04-05T16:00:00Z'), 'Australia/Sydney')).toMatchObject({ date: '2025-04-06', time: '02:00', offsetMinutes: 600 });
  });

  it('handles a 45-minute offset (Kathmandu, UTC+05:45) and prints offsets', () => {
    expect(localTime(at('2025-03-05T09:00:00Z'), 'Asia/Kathmandu')).toMatchObject({ time: '14:45', offsetMinutes: 345 });
    expect(formatOffset(345)).toBe('+05:45');
    expect(formatOffset(-570)).toBe('-09:30');
    expect(formatOffset(0)).toBe('+00:00');
  });

  it('turns wall-clock times into instants: exact, skipped (gap) and repeated (ambiguous)', () => {
    expect(resolveLocal('2025-03-28', '09:00', 'Europe/Vienna')).toEqual({ kind: 'exact', utcMs: at('2025-03-28T08:00:00Z') });
    expect(resolveLocal('2025-03-31', '09:00', 'Europe/Vienna')).toEqual({ kind: 'exact', utcMs: at('2025-03-31T07:00:00Z') });
    expect(resolveLocal('2025-03-30', '02:30', 'Europe/Vienna')).toEqual({ kind: 'gap' });
    expect(resolveLocal('2025-10-26', '02:30', 'Europe/Vienna')).toEqual({ kind: 'ambiguous', utcMs: at('2025-10-26T00:30:00Z'), laterUtcMs: at('2025-10-26T01:30:00Z') });
    expect(resolveLocal('2025-03-09', '02:30', 'America/New_York')).toEqual({ kind: 'gap' });
    expect(resolveLocal('2025-04-06', '02:30', 'Australia/Sydney')).toMatchObject({ kind: 'ambiguous', utcMs: at('2025-04-05T15:30:00Z') });
    expect(resolveLocal('2025-03-05', '14:45', 'Asia/Kathmandu')).toEqual({ kind: 'exact', utcMs: at('2025-03-05T09:00:00Z') });
  });

  it('finds the offset changes of a year to the minute', () => {
    expect(offsetTransitions('Europe/Vienna', at('2025-01-01T00:00:00Z'), at('2026-01-01T00:00:00Z'))).toEqual([
      { atUtcMs: at('2025-03-30T01:00:00Z'), fromOffset: 60, toOffset: 120 },
      { atUtcMs: at('2025-10-26T01:00:00Z'), fromOffset: 120, toOffset: 60 },
    ]);
    expect(offsetTransitions('Australia/Sydney', at('2025-01-01T00:00:00Z'), at('2026-01-01T00:00:00Z'))).toEqual([
      { atUtcMs: at('2025-04-05T16:00:00Z'), fromOffset: 660, toOffset: 600 },
      { atUtcMs: at('2025-10-04T16:00:00Z'), fromOffset: 600, toOffset: 660 },
    ]);
    expect(offsetTransitions('Asia/Kathmandu', at('2025-01-01T00:00:00Z'), at('2026-01-01T00:00:00Z'))).toEqual([]);
  });

  it('reads the fast clock (offsets found once) exactly as Intl, every 17 minutes over spring and autumn', () => {
    for (const zone of ['Europe/Vienna', 'America/New_York', 'Australia/Sydney', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns']) {
      for (const [from, to] of [
        ['2025-03-01T00:00:00Z', '2025-04-15T00:00:00Z'],
        ['2025-09-25T00:00:00Z', '2025-11-10T00:00:00Z'],
      ] as const) {
        const clock = zoneClock(zone, at(from), at(to));
        for (let t = at(from); t < at(to); t += 17 * 60_000) expect(clock(t), `${zone} ${new Date(t).toISOString()}`).toEqual(localTime(t, zone));
      }
    }
  });
});
