/**
 * @module scheduler
 * Proposes meeting slots for a virtual country visit (or any dialogue session) whose
 * participants sit in different time zones: the slots over a date range that fall inside
 * the working hours of the most participants, ranked, each with every participant's local
 * time. Pure: the candidate instants come from the request, not from a clock.
 *
 * Method (docs/DIALOGUE.md §3):
 * - Candidates start at every `stepMinutes` from 00:00 UTC of `from` until the last start that
 *   ends by 24:00 UTC of `to` (both days included).
 * - A participant is *inside* a slot when the whole meeting lies in one local working day:
 *   a working weekday in their zone, start ≥ workStart and end ≤ workEnd on their clock.
 *   Local times come from the time-zone database at each instant, so a daylight-saving change
 *   inside the range moves the local hours exactly on the day it happens.
 * - **Interpreters are required, not counted**: for every interpretation language needed,
 *   at least one interpreter of that language must be available for the whole slot, or the
 *   slot is not proposed. A session without its interpretation cannot be held, so a slot that
 *   suits one more delegate but has no interpreter is worse, not better.
 * - Ranking: most participants inside; then fewest minutes outside working hours in total
 *   (a 08:30 start for someone who begins at 09:00 beats a 03:00 start); then earliest.
 */
import { DomainError } from '../errors.ts';
import { formatOffset, isTimeZone, isoInstant, localTime, offsetTransitions, parseClock, zoneOffsets } from './time-zones.ts';

export interface WorkingHours {
  /** IANA time zone, e.g. Europe/Vienna. */
  timeZone: string;
  /** Local start and end of the working day, HH:MM (end after start). */
  workStart: string;
  workEnd: string;
  /** ISO weekdays worked: 1 = Monday … 7 = Sunday. */
  workDays: readonly number[];
}

export interface SchedulerParticipant extends WorkingHours {
  id: string;
  label: string;
}

export interface Interpreter extends WorkingHours {
  id: string;
  /** The language interpreted into (one of the six UN languages). */
  language: string;
}

export interface ScheduleRequest {
  participants: readonly SchedulerParticipant[];
  interpreters: readonly Interpreter[];
  /** Languages that need an interpreter for the session to be held. */
  interpretationLanguages: readonly string[];
  /** First and last day of the range (UTC calendar days, YYYY-MM-DD, both included). */
  from: string;
  to: string;
  durationMinutes: number;
  stepMinutes: number;
  /** How many ranked slots to return (default 20). */
  limit?: number;
}

export interface ParticipantAtSlot {
  id: string;
  label: string;
  timeZone: string;
  /** Wall-clock start and end, YYYY-MM-DDTHH:MM in the participant's zone. */
  localStart: string;
  localEnd: string;
  /** ISO weekday of the local start. */
  weekday: number;
  /** UTC offset at the start, "+05:45". */
  utcOffset: string;
  inside: boolean;
  /** Minutes of the meeting outside the participant's working hours (0 when inside). */
  minutesOutside: number;
}

export interface ProposedSlot {
  rank: number;
  start: string;
  end: string;
  insideCount: number;
  participantCount: number;
  /** Every participant inside their working hours. */
  fitsAll: boolean;
  minutesOutside: number;
  participants: ParticipantAtSlot[];
  /** Per language needed: the interpreters available for the whole slot. */
  interpretation: { language: string; interpreters: string[] }[];
}

export interface ScheduleResult {
  slots: ProposedSlot[];
  /** Candidates looked at, and how many were dropped for lack of an interpreter. */
  candidates: number;
  withoutInterpretation: number;
  /** Daylight-saving (or other offset) changes inside the range, per zone involved. */
  clockChanges: { timeZone: string; at: string; fromOffset: string; toOffset: string }[];
}

export const SCHEDULER_LIMITS = { maxDays: 62, minStep: 5, maxDuration: 12 * 60, maxPeople: 60, maxLimit: 200 } as const;

const MINUTE = 60_000;
const DAY = 86_400_000;

function checkHours(prefix: string, h: WorkingHours, problems: string[]): void {
  if (!isTimeZone(h.timeZone)) problems.push(`${prefix}: '${h.timeZone}' is not an IANA time zone (for example Europe/Vienna).`);
  const start = parseClock(h.workStart);
  const end = parseClock(h.workEnd);
  if (start === undefined) problems.push(`${prefix}: working hours start '${h.workStart}' is not a time (HH:MM).`);
  if (end === undefined) problems.push(`${prefix}: working hours end '${h.workEnd}' is not a time (HH:MM).`);
  if (start !== undefined && end !== undefined && end <= start) problems.push(`${prefix}: working hours must end after they start (${h.workStart}–${h.workEnd}).`);
  if (h.workDays.length === 0 || h.workDays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) problems.push(`${prefix}: working days must be weekdays 1 (Monday) to 7 (Sunday).`);
}

function dayMs(date: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date ? undefined : ms;
}

/** Every problem with the request, or none. */
export function scheduleProblems(request: ScheduleRequest): string[] {
  const problems: string[] = [];
  if (request.participants.length === 0) problems.push('Name at least one participant.');
  if (request.participants.length + request.interpreters.length > SCHEDULER_LIMITS.maxPeople) problems.push(`At most ${SCHEDULER_LIMITS.maxPeople} participants and interpreters.`);
  request.participants.forEach((p, i) => checkHours(`Participant ${i + 1} (${p.label || p.id})`, p, problems));
  request.interpreters.forEach((p, i) => checkHours(`Interpreter ${i + 1} (${p.language})`, p, problems));
  const from = dayMs(request.from);
  const to = dayMs(request.to);
  if (from === undefined) problems.push(`'${request.from}' is not a calendar date (YYYY-MM-DD).`);
  if (to === undefined) problems.push(`'${request.to}' is not a calendar date (YYYY-MM-DD).`);
  if (from !== undefined && to !== undefined) {
    if (to < from) problems.push('The range ends before it starts.');
    else if ((to - from) / DAY + 1 > SCHEDULER_LIMITS.maxDays) problems.push(`The range may cover at most ${SCHEDULER_LIMITS.maxDays} days.`);
  }
  if (!Number.isInteger(request.durationMinutes) || request.durationMinutes < 15 || request.durationMinutes > SCHEDULER_LIMITS.maxDuration) {
    problems.push(`A meeting lasts 15 to ${SCHEDULER_LIMITS.maxDuration} minutes.`);
  }
  if (!Number.isInteger(request.stepMinutes) || request.stepMinutes < SCHEDULER_LIMITS.minStep || request.stepMinutes > 24 * 60) {
    problems.push(`The step between proposed starts is ${SCHEDULER_LIMITS.minStep} minutes to one day.`);
  }
  return problems;
}

interface Fit {
  inside: boolean;
  minutesOutside: number;
}

type Offsets = Map<string, (utcMs: number) => number>;

/** Local day number (days since 1970-01-01 on the wall clock) and minute of the day. */
function wall(utcMs: number, offsetMinutes: number): { day: number; minute: number; weekday: number } {
  const local = utcMs + offsetMinutes * MINUTE;
  const day = Math.floor(local / DAY);
  // 1970-01-01 was a Thursday (ISO weekday 4).
  return { day, minute: Math.round((local - day * DAY) / MINUTE), weekday: ((((day + 3) % 7) + 7) % 7) + 1 };
}

/**
 * How a meeting [startMs, endMs) sits in someone's working hours, on their clock. Numbers only:
 * this runs for every candidate and every person, so it builds no strings.
 */
function fitOf(hours: WorkingHours, startMs: number, endMs: number, offsets: Offsets): Fit {
  const offsetAt = offsets.get(hours.timeZone)!;
  const start = wall(startMs, offsetAt(startMs));
  const end = wall(endMs, offsetAt(endMs));
  const workStart = parseClock(hours.workStart)!;
  const workEnd = parseClock(hours.workEnd)!;
  const duration = Math.round((endMs - startMs) / MINUTE);
  // The end's wall clock on the start's day (an end at local midnight counts as 24:00).
  const endMinute = end.day === start.day ? end.minute : end.day === start.day + 1 && end.minute === 0 ? 1440 : Number.POSITIVE_INFINITY;
  const workingDay = hours.workDays.includes(start.weekday);
  const inside = workingDay && start.minute >= workStart && endMinute <= workEnd;
  let minutesOutside = 0;
  if (!inside) {
    if (!workingDay || endMinute === Number.POSITIVE_INFINITY) minutesOutside = duration;
    else {
      // Wall-clock overlap with the working window; DST inside the meeting is rare enough to
      // count on the wall clock here (the *inside* test above uses real instants).
      const overlap = Math.max(0, Math.min(endMinute, workEnd) - Math.max(start.minute, workStart));
      minutesOutside = Math.max(0, duration - overlap);
    }
  }
  return { inside, minutesOutside };
}

/**
 * Ranked candidate slots. Throws `dialogue.invalid` with every problem when the request
 * is malformed (an unknown time zone, hours that end before they start, a too long range).
 */
export function proposeSlots(request: ScheduleRequest): ScheduleResult {
  const problems = scheduleProblems(request);
  if (problems.length > 0) throw new DomainError('dialogue.invalid', problems[0]!, { problems });
  const from = dayMs(request.from)!;
  const toExclusive = dayMs(request.to)! + DAY;
  const duration = request.durationMinutes * MINUTE;
  const step = request.stepMinutes * MINUTE;
  const limit = Math.min(Math.max(1, request.limit ?? 20), SCHEDULER_LIMITS.maxLimit);
  const languages = [...new Set(request.interpretationLanguages)];
  const zones = [...new Set([...request.participants, ...request.interpreters].map((p) => p.timeZone))];
  // One offset table per zone over the range (and a day either side): the offset changes are
  // found once, so each of the many readings below is arithmetic rather than a call into Intl.
  const offsets: Offsets = new Map(zones.map((zone) => [zone, zoneOffsets(zone, from - DAY, toExclusive + DAY)]));

  // First pass, numbers only: every candidate's score.
  const scored: { startMs: number; insideCount: number; minutesOutside: number }[] = [];
  let candidates = 0;
  let withoutInterpretation = 0;
  for (let startMs = from; startMs + duration <= toExclusive; startMs += step) {
    candidates += 1;
    const endMs = startMs + duration;
    const interpreted = languages.every((language) => request.interpreters.some((i) => i.language === language && fitOf(i, startMs, endMs, offsets).inside));
    if (!interpreted) {
      withoutInterpretation += 1;
      continue;
    }
    let insideCount = 0;
    let minutesOutside = 0;
    for (const p of request.participants) {
      const fit = fitOf(p, startMs, endMs, offsets);
      if (fit.inside) insideCount += 1;
      minutesOutside += fit.minutesOutside;
    }
    if (insideCount > 0) scored.push({ startMs, insideCount, minutesOutside });
  }
  scored.sort((a, b) => b.insideCount - a.insideCount || a.minutesOutside - b.minutesOutside || a.startMs - b.startMs);

  // Second pass, for the slots returned: each person's local times, from the time-zone database.
  const slots = scored.slice(0, limit).map(({ startMs, insideCount, minutesOutside }, i): ProposedSlot => {
    const endMs = startMs + duration;
    const participants = request.participants.map((p): ParticipantAtSlot => {
      const fit = fitOf(p, startMs, endMs, offsets);
      const start = localTime(startMs, p.timeZone);
      const end = localTime(endMs, p.timeZone);
      return {
        id: p.id,
        label: p.label,
        timeZone: p.timeZone,
        localStart: `${start.date}T${start.time}`,
        localEnd: `${end.date}T${end.time}`,
        weekday: start.weekday,
        utcOffset: formatOffset(start.offsetMinutes),
        inside: fit.inside,
        minutesOutside: fit.minutesOutside,
      };
    });
    return {
      rank: i + 1,
      start: isoInstant(startMs),
      end: isoInstant(endMs),
      insideCount,
      participantCount: participants.length,
      fitsAll: insideCount === participants.length,
      minutesOutside,
      participants,
      interpretation: languages.map((language) => ({
        language,
        interpreters: request.interpreters.filter((it) => it.language === language && fitOf(it, startMs, endMs, offsets).inside).map((it) => it.id),
      })),
    };
  });
  const clockChanges = zones.flatMap((timeZone) =>
    offsetTransitions(timeZone, from, toExclusive).map((t) => ({ timeZone, at: isoInstant(t.atUtcMs), fromOffset: formatOffset(t.fromOffset), toOffset: formatOffset(t.toOffset) })),
  );
  return { slots, candidates, withoutInterpretation, clockChanges };
}
