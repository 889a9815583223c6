import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { MILESTONE_KINDS } from './milestones.ts';
import type { Review } from './review.ts';
import { computeTimeline, dueDateOf, extend } from './timeline.ts';
import { reviewWith } from './testing.ts';

// Started 2024-01-01: planned focal point 01-22, checklist 03-01 (leap year), desk review
// 03-31, dialogue 05-30, draft 06-14, finalisations 06-29, publications 07-29.
const started: Review = { ...reviewWith([]), milestones: [{ kind: 'started', date: '2024-01-01' }] };

function entry(review: Review, now: string, kind: (typeof MILESTONE_KINDS)[number]) {
  const found = computeTimeline(review, new Date(`${now}T09:00:00Z`)).entries.find((e) => e.kind === kind);
  if (!found) throw new Error(kind);
  return found;
}

describe('computeTimeline', () => {
  it('plans every step from the start, by the offsets of the reference', () => {
    const timeline = computeTimeline(started, new Date('2024-01-05T00:00:00Z'));
    expect(Object.fromEntries(timeline.entries.map((e) => [e.kind, e.plannedDate]))).toEqual({
      started: '2024-01-01',
      focalPointAppointed: '2024-01-22',
      checklistSubmitted: '2024-03-01',
      deskReviewCompleted: '2024-03-31',
      dialogueHeld: '2024-05-30',
      draftReportShared: '2024-06-14',
      executiveSummaryFinalised: '2024-06-29',
      reportFinalised: '2024-06-29',
      executiveSummaryPublished: '2024-07-29',
      reportPublished: '2024-07-29',
    });
    expect(timeline.entries.map((e) => e.status)).toEqual(['done', 'due', ...Array<string>(8).fill('upcoming')]);
    expect(timeline.overdue).toEqual([]);
    expect(timeline.maxDaysLate).toBe(0);
  });

  it('has no dates before the start, and waits on the start', () => {
    const timeline = computeTimeline(reviewWith([]), new Date('2024-01-05T00:00:00Z'));
    expect(timeline.startedOn).toBeNull();
    expect(timeline.entries[0]).toMatchObject({ kind: 'started', plannedDate: null, status: 'due' });
    expect(timeline.entries.slice(1).every((e) => e.status === 'upcoming' && e.dueDate === null)).toBe(true);
  });

  it('is due on the due date itself and overdue the day after, with the days late', () => {
    expect(entry(started, '2024-01-22', 'focalPointAppointed')).toMatchObject({ status: 'due', daysLate: 0 });
    expect(entry(started, '2024-01-23', 'focalPointAppointed')).toMatchObject({ status: 'overdue', daysLate: 1 });
  });

  it('flags a later step overdue even while an earlier one is missing', () => {
    const timeline = computeTimeline(started, new Date('2024-04-10T00:00:00Z'));
    expect(timeline.overdue).toEqual(['focalPointAppointed', 'checklistSubmitted', 'deskReviewCompleted']);
    expect(timeline.maxDaysLate).toBe(79); // focal point: 2024-01-22 → 2024-04-10
  });

  it('keeps the plan from the start when a step is late, and counts the lateness of done steps', () => {
    const review: Review = { ...started, milestones: [...started.milestones, { kind: 'focalPointAppointed', date: '2024-02-01' }] };
    expect(entry(review, '2024-02-10', 'focalPointAppointed')).toMatchObject({ status: 'done', actualDate: '2024-02-01', daysLate: 10 });
    expect(entry(review, '2024-02-10', 'checklistSubmitted')).toMatchObject({ plannedDate: '2024-03-01', status: 'due' });
  });

  it('moves the due date, not the planned date, with an extension; the latest one counts', () => {
    const once = extend(started, { milestone: 'checklistSubmitted', newDueDate: '2024-04-15', reason: 'Translation of the answers', agreedBy: 'Secretariat' });
    expect(entry(once, '2024-04-01', 'checklistSubmitted')).toMatchObject({ plannedDate: '2024-03-01', dueDate: '2024-04-15', status: 'upcoming', daysLate: 0 });
    expect(entry(once, '2024-04-20', 'checklistSubmitted')).toMatchObject({ status: 'overdue', daysLate: 5 });
    const twice = extend(once, { milestone: 'checklistSubmitted', newDueDate: '2024-05-01', reason: 'Elections', agreedBy: 'Secretariat' });
    expect(dueDateOf(twice, 'checklistSubmitted')).toBe('2024-05-01');
    expect(entry(twice, '2024-04-20', 'checklistSubmitted').extension).toMatchObject({ reason: 'Elections' });
    expect(twice.extensions).toHaveLength(2);
  });

  it('marks the full report publication not applicable without consent', () => {
    expect(entry({ ...started, consentToPublishReport: false }, '2025-01-01', 'reportPublished')).toMatchObject({ status: 'not-applicable', plannedDate: null, daysLate: 0 });
    expect(entry(started, '2025-01-01', 'reportPublished').status).toBe('overdue');
  });
});

describe('extend', () => {
  const code = (fn: () => unknown): string => {
    try {
      fn();
    } catch (error) {
      if (error instanceof DomainError) return error.code;
    }
    return 'none';
  };
  const ext = { milestone: 'checklistSubmitted' as const, newDueDate: '2024-04-15', reason: 'Translation', agreedBy: 'Secretariat' };

  it('refuses an extension that is not later, has no reason or no one who agreed', () => {
    expect(code(() => extend(started, { ...ext, newDueDate: '2024-03-01' }))).toBe('review.invalidDate');
    expect(code(() => extend(started, { ...ext, newDueDate: '2024-02-31' }))).toBe('review.invalidDate');
    expect(code(() => extend(started, { ...ext, reason: ' ' }))).toBe('review.invalidTransition');
    expect(code(() => extend(started, { ...ext, agreedBy: '' }))).toBe('review.invalidTransition');
  });

  it('refuses to extend a done step, a review not started, or a step that does not apply', () => {
    expect(code(() => extend(started, { ...ext, milestone: 'started' }))).toBe('review.invalidTransition');
    expect(code(() => extend(reviewWith([]), ext))).toBe('review.invalidTransition');
    expect(code(() => extend({ ...started, consentToPublishReport: false }, { ...ext, milestone: 'reportPublished', newDueDate: '2024-12-01' }))).toBe('review.invalidTransition');
  });
});
