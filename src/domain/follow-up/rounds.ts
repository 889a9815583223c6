/**
 * @module rounds
 * Follow-up rounds of a review (docs/FOLLOW-UP.md §1). Round n opens `intervalMonths × n`
 * after the report was finalised (GRECO and FATF ask every 18–24 months; the default here is
 * 24 [A]); the State's self-reports are due `responseDays` after it opens; the secretariat
 * closes it, after which the State reports in the next round. The interval and the response
 * time are settings of the mechanism (`settings.followUp`), so another mechanism sets its own.
 * Pure: today is passed in.
 */
import { DomainError } from '../errors.ts';
import { addDays, daysBetween } from '../reviews/calendar.ts';

export interface FollowUpSettings {
  /** Months between the report's finalisation and round 1, and between rounds. */
  intervalMonths: number;
  /** Days the State has, from the opening of a round, to send its self-reports. */
  responseDays: number;
}

export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = { intervalMonths: 24, responseDays: 90 };

function positiveInteger(value: unknown, max: number): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max ? value : undefined;
}

/**
 * The follow-up settings from a mechanism's settings object, each missing or invalid value
 * replaced by its default.
 * @example followUpSettings({ followUp: { intervalMonths: 18 } }) // { intervalMonths: 18, responseDays: 90 }
 */
export function followUpSettings(mechanismSettings: Record<string, unknown> | null | undefined): FollowUpSettings {
  const raw = (mechanismSettings?.followUp ?? {}) as Record<string, unknown>;
  return {
    intervalMonths: positiveInteger(raw.intervalMonths, 120) ?? DEFAULT_FOLLOW_UP_SETTINGS.intervalMonths,
    responseDays: positiveInteger(raw.responseDays, 730) ?? DEFAULT_FOLLOW_UP_SETTINGS.responseDays,
  };
}

/**
 * Adds calendar months; a day that does not exist in the target month becomes its last day
 * (31 January + 1 month = 28 or 29 February), so a round never slips into the month after.
 * @example addMonths('2024-01-31', 1) // '2024-02-29'
 */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface StoredRound {
  number: number;
  opensOn: string;
  dueOn: string;
  closedOn: string | null;
}

export type RoundState = 'scheduled' | 'open' | 'overdue' | 'closed';

/** scheduled before it opens; open until its due date; overdue after it while not closed; closed. */
export function roundState(round: StoredRound, today: string): RoundState {
  if (round.closedOn !== null) return 'closed';
  if (today < round.opensOn) return 'scheduled';
  return today > round.dueOn ? 'overdue' : 'open';
}

/** The dates of round `number` by the schedule. */
export function scheduledRound(finalisedOn: string, number: number, settings: FollowUpSettings): { number: number; opensOn: string; dueOn: string } {
  const opensOn = addMonths(finalisedOn, settings.intervalMonths * number);
  return { number, opensOn, dueOn: addDays(opensOn, settings.responseDays) };
}

/**
 * The next round to open: its number follows the last one, and its dates come from the
 * schedule unless the secretariat gives others. Refused while the last round is still open
 * (one round at a time, so that a self-report belongs to exactly one round), before the
 * report is finalised, and with dates out of order.
 * @example nextRound({ finalisedOn: '2020-05-01', rounds: [], settings: DEFAULT_FOLLOW_UP_SETTINGS }) // { number: 1, opensOn: '2022-05-01', dueOn: '2022-07-30' }
 */
export function nextRound(input: { finalisedOn: string | null; rounds: readonly StoredRound[]; settings: FollowUpSettings; opensOn?: string; dueOn?: string }): { number: number; opensOn: string; dueOn: string } {
  if (input.finalisedOn === null) throw new DomainError('followUp.invalidState', 'The report of this review is not finalised: its recommendations cannot be followed up yet.');
  const last = [...input.rounds].sort((a, b) => a.number - b.number).at(-1);
  if (last && last.closedOn === null) throw new DomainError('followUp.invalidState', `Round ${last.number} is still open: close it before opening round ${last.number + 1}.`);
  const number = (last?.number ?? 0) + 1;
  const planned = scheduledRound(input.finalisedOn, number, input.settings);
  // A round closed late pushes the next one back to its closing day, never into the past.
  const opensOn = input.opensOn ?? (last?.closedOn && last.closedOn > planned.opensOn ? last.closedOn : planned.opensOn);
  const dueOn = input.dueOn ?? addDays(opensOn, input.settings.responseDays);
  if (opensOn < input.finalisedOn) throw new DomainError('followUp.invalid', `A round cannot open (${opensOn}) before the report was finalised (${input.finalisedOn}).`);
  if (last && opensOn < (last.closedOn ?? last.opensOn)) throw new DomainError('followUp.invalid', `Round ${number} cannot open (${opensOn}) before round ${last.number} closed (${last.closedOn}).`);
  if (dueOn < opensOn) throw new DomainError('followUp.invalid', `The due date (${dueOn}) comes before the opening (${opensOn}).`);
  return { number, opensOn, dueOn };
}

/** Closing: only an open round, not before it opened. */
export function checkClose(round: StoredRound, today: string): void {
  if (round.closedOn !== null) throw new DomainError('followUp.invalidState', `Round ${round.number} was closed on ${round.closedOn}.`);
  if (today < round.opensOn) throw new DomainError('followUp.invalidState', `Round ${round.number} opens on ${round.opensOn}: it cannot be closed before.`);
}

/** Days left until the round's due date (negative once overdue). */
export function daysLeft(round: StoredRound, today: string): number {
  return daysBetween(today, round.dueOn);
}
