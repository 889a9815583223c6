/**
 * @module reminders
 * Which "waiting on you" steps deserve a deadline reminder today: those of the user's side
 * that are due within a week or already overdue. One reminder per review, step and ISO week
 * (the dedupe key), so an hourly job can run as often as it likes and a late step is
 * recalled once a week until it is done.
 */
import { daysBetween } from '../reviews/calendar.ts';
import type { MilestoneKind } from '../reviews/milestones.ts';
import { isoWeekOf } from './iso-week.ts';

/** Remind this many days before the due date, and every week once it has passed. */
export const REMINDER_WINDOW_DAYS = 7;

/** The part of an inbox item a reminder needs. Thread items have no due date and are skipped. */
export interface WaitingItem {
  kind: string;
  reviewId: string;
  /** The milestone to reach, for a review step. */
  subject: string;
  dueDate: string | null;
}

export interface DueStep {
  reviewId: string;
  step: MilestoneKind;
  dueDate: string;
  /** Days until the due date: 0 on the day, negative once overdue. */
  daysLeft: number;
  dedupeKey: string;
}

export function reminderKey(reviewId: string, step: string, today: string): string {
  return `deadline.reminder:${reviewId}:${step}:${isoWeekOf(today)}`;
}

/**
 * The review steps of `items` due within `windowDays` of `today` or overdue, most urgent first.
 * @example selectDueSteps([{ kind: 'review.step', reviewId: 'r', subject: 'checklistSubmitted', dueDate: '2026-03-12' }], '2026-03-09')
 *   // [{ reviewId: 'r', step: 'checklistSubmitted', dueDate: '2026-03-12', daysLeft: 3, dedupeKey: 'deadline.reminder:r:checklistSubmitted:2026-W11' }]
 */
export function selectDueSteps(items: readonly WaitingItem[], today: string, windowDays = REMINDER_WINDOW_DAYS): DueStep[] {
  return items
    .filter((item): item is WaitingItem & { dueDate: string } => item.kind === 'review.step' && item.dueDate !== null)
    .map((item) => ({
      reviewId: item.reviewId,
      step: item.subject as MilestoneKind,
      dueDate: item.dueDate,
      daysLeft: daysBetween(today, item.dueDate),
      dedupeKey: reminderKey(item.reviewId, item.subject, today),
    }))
    .filter((due) => due.daysLeft <= windowDays)
    .sort((a, b) => a.daysLeft - b.daysLeft || a.reviewId.localeCompare(b.reviewId));
}
