import { describe, expect, it } from 'vitest';
import { dayOf } from '../reviews/calendar.ts';
import { reminderKey, selectDueSteps, type WaitingItem } from './reminders.ts';

const step = (reviewId: string, subject: string, dueDate: string | null): WaitingItem => ({ kind: 'review.step', reviewId, subject, dueDate });

// Wednesday 11 March 2026, ISO week 11, as the clock passed in.
const now = new Date('2026-03-11T15:30:00Z');
const today = dayOf(now);

describe('selectDueSteps', () => {
  it('keeps the steps due within seven days and the overdue ones, most urgent first', () => {
    const items = [
      step('r-soon', 'checklistSubmitted', '2026-03-18'), // in 7 days: reminded
      step('r-later', 'checklistSubmitted', '2026-03-19'), // in 8 days: not yet
      step('r-today', 'focalPointAppointed', '2026-03-11'),
      step('r-late', 'deskReviewCompleted', '2025-12-01'),
      step('r-nodate', 'started', null),
      { kind: 'thread.answer', reviewId: 'r-thread', subject: '5.1', dueDate: null },
    ];
    expect(selectDueSteps(items, today).map((d) => [d.reviewId, d.daysLeft])).toEqual([
      ['r-late', -100],
      ['r-today', 0],
      ['r-soon', 7],
    ]);
  });

  it('gives one dedupe key per review, step and ISO week', () => {
    const [due] = selectDueSteps([step('r1', 'checklistSubmitted', '2026-03-12')], today);
    expect(due).toEqual({ reviewId: 'r1', step: 'checklistSubmitted', dueDate: '2026-03-12', daysLeft: 1, dedupeKey: 'deadline.reminder:r1:checklistSubmitted:2026-W11' });
    // Later the same week (Sunday): the same key, so the reminder is not written again.
    expect(reminderKey('r1', 'checklistSubmitted', '2026-03-15')).toBe(due!.dedupeKey);
    // Next Monday: a new week, a new reminder.
    expect(reminderKey('r1', 'checklistSubmitted', '2026-03-16')).toBe('deadline.reminder:r1:checklistSubmitted:2026-W12');
    expect(reminderKey('r1', 'deskReviewCompleted', today)).not.toBe(due!.dedupeKey);
    expect(reminderKey('r2', 'checklistSubmitted', today)).not.toBe(due!.dedupeKey);
  });

  it('takes the window as a parameter', () => {
    expect(selectDueSteps([step('r', 'checklistSubmitted', '2026-03-14')], today, 2)).toEqual([]);
    expect(selectDueSteps([step('r', 'checklistSubmitted', '2026-03-13')], today, 2)).toHaveLength(1);
  });
});
