import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { MILESTONE_KINDS, type MilestoneKind } from './milestones.ts';
import { pause, recordMilestone, resume, type Review } from './review.ts';
import { fixtureDate, reviewWith, through } from './testing.ts';

const now = new Date('2025-01-01T12:00:00Z');

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

/** Records `kind` on a date after every fixture date (a joint meeting for the dialogue). */
function record(review: Review, kind: MilestoneKind, date = '2024-12-01'): Review {
  return recordMilestone(review, kind === 'dialogueHeld' ? { kind, date, dialogueType: 'joint_meeting' } : { kind, date }, now);
}

/**
 * The whole transition grid: for each set of recorded milestones, exactly these may be
 * recorded next; every other unrecorded one is refused as a missing prerequisite.
 */
const GRID: { done: MilestoneKind[]; allowed: MilestoneKind[] }[] = [
  { done: [], allowed: ['started'] },
  { done: through('started'), allowed: ['focalPointAppointed'] },
  { done: through('focalPointAppointed'), allowed: ['checklistSubmitted'] },
  { done: through('checklistSubmitted'), allowed: ['deskReviewCompleted'] },
  { done: through('deskReviewCompleted'), allowed: ['dialogueHeld'] },
  { done: through('dialogueHeld'), allowed: ['draftReportShared'] },
  { done: through('draftReportShared'), allowed: ['executiveSummaryFinalised', 'reportFinalised'] },
  { done: through('executiveSummaryFinalised'), allowed: ['reportFinalised', 'executiveSummaryPublished'] },
  { done: [...through('draftReportShared'), 'reportFinalised'], allowed: ['executiveSummaryFinalised', 'reportPublished'] },
  { done: through('reportFinalised'), allowed: ['executiveSummaryPublished', 'reportPublished'] },
  { done: through('executiveSummaryPublished'), allowed: ['reportPublished'] },
];

describe('recordMilestone: every allowed and forbidden transition', () => {
  for (const { done, allowed } of GRID) {
    const review = reviewWith(done);
    for (const kind of MILESTONE_KINDS.filter((k) => !done.includes(k))) {
      const verdict = allowed.includes(kind) ? 'allows' : 'refuses';
      it(`after [${done.join(', ') || 'nothing'}] ${verdict} ${kind}`, () => {
        if (allowed.includes(kind)) {
          const next = record(review, kind);
          expect(next.milestones.at(-1)).toMatchObject({ kind, date: '2024-12-01' });
        } else {
          const error = errorOf(() => record(review, kind));
          expect(error.code).toBe('review.invalidTransition');
          expect(error.message).toMatch(/needs .* first/);
        }
      });
    }
  }

  it('says what is missing in words', () => {
    const error = errorOf(() => record(reviewWith(through('focalPointAppointed')), 'deskReviewCompleted'));
    expect(error.message).toBe('Desk review completed needs checklist submitted first.');
    expect(error.details).toEqual({ problems: ['Desk review completed needs checklist submitted first.'] });
  });

  it('runs the whole lifecycle, finalising the report before the summary', () => {
    let review = reviewWith([]);
    const order: MilestoneKind[] = [...through('draftReportShared'), 'reportFinalised', 'executiveSummaryFinalised', 'executiveSummaryPublished', 'reportPublished'];
    for (const kind of order) review = record(review, kind, fixtureDate(kind));
    expect(review.milestones.map((m) => m.kind)).toEqual(order);
  });

  it('does not change the review it was given', () => {
    const review = reviewWith(through('started'));
    record(review, 'focalPointAppointed');
    expect(review.milestones).toHaveLength(1);
  });

  it('refuses a milestone recorded twice', () => {
    const error = errorOf(() => record(reviewWith(through('checklistSubmitted')), 'checklistSubmitted'));
    expect(error.code).toBe('review.invalidTransition');
    expect(error.message).toMatch(/already recorded \(2024-01-30\)/);
  });
});

describe('recordMilestone: consent and dialogue type', () => {
  it('refuses to publish the full report without the State consent, and allows it with', () => {
    const withoutConsent = reviewWith(through('reportFinalised'), { consentToPublishReport: false });
    const error = errorOf(() => record(withoutConsent, 'reportPublished'));
    expect(error.code).toBe('review.invalidTransition');
    expect(error.message).toMatch(/consent/);
    expect(record({ ...withoutConsent, consentToPublishReport: true }, 'reportPublished').milestones.at(-1)?.kind).toBe('reportPublished');
  });

  it('needs a valid dialogue type on the dialogue and refuses one elsewhere', () => {
    const review = reviewWith(through('deskReviewCompleted'));
    expect(errorOf(() => recordMilestone(review, { kind: 'dialogueHeld', date: '2024-12-01' }, now)).message).toMatch(/needs the dialogue type/);
    expect(errorOf(() => recordMilestone(review, { kind: 'dialogueHeld', date: '2024-12-01', dialogueType: 'picnic' as never }, now)).message).toMatch(/not a dialogue type/);
    expect(recordMilestone(review, { kind: 'dialogueHeld', date: '2024-12-01', dialogueType: 'virtual_visit' }, now).milestones.at(-1)).toEqual({
      kind: 'dialogueHeld',
      date: '2024-12-01',
      dialogueType: 'virtual_visit',
    });
    const other = reviewWith(through('started'));
    expect(errorOf(() => recordMilestone(other, { kind: 'focalPointAppointed', date: '2024-12-01', dialogueType: 'country_visit' }, now)).message).toMatch(/no dialogue type/);
  });
});

describe('recordMilestone: dates', () => {
  const review = reviewWith(through('checklistSubmitted')); // checklist on 2024-01-30

  it('refuses a date before a prerequisite', () => {
    const error = errorOf(() => record(review, 'deskReviewCompleted', '2024-01-29'));
    expect(error.code).toBe('review.invalidDate');
    expect(error.message).toBe('Desk review completed on 2024-01-29 is before checklist submitted on 2024-01-30.');
  });

  it('accepts the same day as the prerequisite', () => {
    expect(record(review, 'deskReviewCompleted', '2024-01-30').milestones).toHaveLength(4);
  });

  it('refuses a date after today, taking today from the clock passed in (UTC)', () => {
    expect(errorOf(() => record(review, 'deskReviewCompleted', '2025-01-02')).code).toBe('review.invalidDate');
    expect(record(review, 'deskReviewCompleted', '2025-01-01').milestones).toHaveLength(4);
  });

  it('refuses something that is not a calendar date', () => {
    for (const date of ['2024-02-30', '30/01/2024', '', '2024-1-5']) {
      expect(errorOf(() => record(review, 'deskReviewCompleted', date)).code).toBe('review.invalidDate');
    }
  });

  it('reports every problem at once, coded by the first', () => {
    const error = errorOf(() => record(reviewWith(through('started')), 'checklistSubmitted', '2030-01-01'));
    expect(error.code).toBe('review.invalidDate');
    expect(error.details?.problems).toEqual([
      'Checklist submitted on 2030-01-01 is in the future (today is 2025-01-01).',
      'Checklist submitted needs focal point appointed first.',
    ]);
  });
});

describe('pause and resume', () => {
  const review = reviewWith(through('checklistSubmitted')); // last step 2024-01-30

  it('pauses and resumes, keeping the history of pauses', () => {
    const paused = pause(review, '2024-03-01', 'Country visit postponed', now);
    expect(paused.pauses).toEqual([{ from: '2024-03-01', to: null, reason: 'Country visit postponed' }]);
    const resumed = resume(paused, '2024-05-01', now);
    expect(resumed.pauses).toEqual([{ from: '2024-03-01', to: '2024-05-01', reason: 'Country visit postponed' }]);
    const again = pause(resumed, '2024-05-01', 'Elections', now);
    expect(again.pauses).toHaveLength(2);
  });

  it('refuses to resume a review that is not paused', () => {
    const error = errorOf(() => resume(review, '2024-05-01', now));
    expect(error.code).toBe('review.invalidTransition');
    expect(error.message).toMatch(/not paused/);
  });

  it('refuses a second open pause and a pause overlapping a closed one', () => {
    const paused = pause(review, '2024-03-01', 'Visit postponed', now);
    expect(errorOf(() => pause(paused, '2024-04-01', 'Again', now)).message).toMatch(/already paused since 2024-03-01/);
    const resumed = resume(paused, '2024-05-01', now);
    const overlap = errorOf(() => pause(resumed, '2024-04-15', 'Overlap', now));
    expect(overlap.code).toBe('review.invalidDate');
    expect(overlap.message).toMatch(/overlaps the pause from 2024-03-01 to 2024-05-01/);
  });

  it('refuses a pause that would contain a recorded step, or start before the review', () => {
    expect(errorOf(() => pause(review, '2024-01-20', 'Late entry', now)).message).toMatch(/would contain checklist submitted on 2024-01-30/);
    expect(errorOf(() => pause(review, '2023-12-01', 'Too early', now)).message).toMatch(/before the review started/);
  });

  it('refuses a pause of a review not started or completed, in the future, without reason', () => {
    expect(errorOf(() => pause(reviewWith([]), '2024-03-01', 'x', now)).message).toMatch(/not started/);
    expect(errorOf(() => pause(reviewWith(MILESTONE_KINDS), '2024-12-01', 'x', now)).message).toMatch(/completed/);
    expect(errorOf(() => pause(review, '2025-02-01', 'x', now)).code).toBe('review.invalidDate');
    expect(errorOf(() => pause(review, '2024-03-01', '  ', now)).message).toMatch(/needs a reason/);
  });

  it('refuses a resume date before the pause or in the future', () => {
    const paused = pause(review, '2024-03-01', 'Visit postponed', now);
    expect(errorOf(() => resume(paused, '2024-02-01', now)).code).toBe('review.invalidDate');
    expect(errorOf(() => resume(paused, '2025-03-01', now)).code).toBe('review.invalidDate');
  });

  it('refuses progress while paused, and progress dated inside a past pause', () => {
    const paused = pause(review, '2024-03-01', 'Visit postponed', now);
    const whilePaused = errorOf(() => record(paused, 'deskReviewCompleted', '2024-04-01'));
    expect(whilePaused.code).toBe('review.invalidTransition');
    expect(whilePaused.message).toMatch(/resume it before recording/);
    // a step that happened before the pause may still be entered late
    expect(record(paused, 'deskReviewCompleted', '2024-02-15').milestones).toHaveLength(4);
    const resumed = resume(paused, '2024-05-01', now);
    expect(errorOf(() => record(resumed, 'deskReviewCompleted', '2024-04-01')).message).toMatch(/falls in the pause/);
    expect(record(resumed, 'deskReviewCompleted', '2024-05-01').milestones).toHaveLength(4);
  });
});
