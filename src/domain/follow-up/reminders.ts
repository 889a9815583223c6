/**
 * @module follow-up reminders
 * Which open follow-up rounds deserve a reminder to the State under review today: those due
 * within the window or overdue, while recommendations of the round still lack a self-report.
 * One reminder per review, round and ISO week (the dedupe key), as the deadline reminders of
 * reviews do (../notifications/reminders.ts), so the hourly worker may run as often as it likes.
 * The message names the review and the date, never a recommendation's text.
 */
import { REMINDER_WINDOW_DAYS } from '../notifications/reminders.ts';
import { isoWeekOf } from '../notifications/iso-week.ts';
import { daysLeft, roundState, type StoredRound } from './rounds.ts';

export interface RoundToRemind extends StoredRound {
  reviewId: string;
  stateIso3: string;
  cycle: number;
  /** Recommendations of the review without a self-report in this round. */
  unreported: number;
}

export interface DueRound {
  reviewId: string;
  stateIso3: string;
  cycle: number;
  round: number;
  dueOn: string;
  daysLeft: number;
  unreported: number;
  dedupeKey: string;
}

export function followUpReminderKey(reviewId: string, round: number, today: string): string {
  return `followUp.reminder:${reviewId}:${round}:${isoWeekOf(today)}`;
}

/**
 * @example selectDueRounds([{ reviewId: 'r', stateIso3: 'AUT', cycle: 1, number: 1, opensOn: '2026-01-01', dueOn: '2026-03-12', closedOn: null, unreported: 2 }], '2026-03-09')
 *   // [{ reviewId: 'r', round: 1, daysLeft: 3, dedupeKey: 'followUp.reminder:r:1:2026-W11', … }]
 */
export function selectDueRounds(rounds: readonly RoundToRemind[], today: string, windowDays = REMINDER_WINDOW_DAYS): DueRound[] {
  return rounds
    .filter((r) => r.unreported > 0 && (roundState(r, today) === 'open' || roundState(r, today) === 'overdue') && daysLeft(r, today) <= windowDays)
    .map((r) => ({ reviewId: r.reviewId, stateIso3: r.stateIso3, cycle: r.cycle, round: r.number, dueOn: r.dueOn, daysLeft: daysLeft(r, today), unreported: r.unreported, dedupeKey: followUpReminderKey(r.reviewId, r.number, today) }))
    .sort((a, b) => a.daysLeft - b.daysLeft || a.reviewId.localeCompare(b.reviewId));
}

/** The reminder's text (English, like the other notifications). */
export function reminderMessage(due: DueRound, stateName: string): { kind: string; subject: string; body: string; link: string } {
  const when = due.daysLeft < 0 ? `was due on ${due.dueOn} (${-due.daysLeft} days ago)` : due.daysLeft === 0 ? `is due today (${due.dueOn})` : `is due on ${due.dueOn} (in ${due.daysLeft} days)`;
  return {
    kind: 'followUp.reminder',
    subject: `Follow-up round ${due.round} of ${stateName} (cycle ${due.cycle}): self-reports due`,
    body: `The self-report of ${stateName} for follow-up round ${due.round} ${when}. ${due.unreported} recommendation${due.unreported === 1 ? '' : 's'} still without a self-report.`,
    link: `/reviews/${due.reviewId}/follow-up`,
  };
}
