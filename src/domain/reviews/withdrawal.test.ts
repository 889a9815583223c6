import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { stageOf } from './stages.ts';
import { fixtureDate, reviewWith } from './testing.ts';
import { withdrawMilestone } from './withdrawal.ts';

const NOW = new Date('2024-06-01T12:00:00Z');

describe('withdrawing a milestone', () => {
  it('sends the review back a stage and keeps the original date', () => {
    const review = reviewWith(['started', 'focalPointAppointed', 'checklistSubmitted']);
    expect(stageOf(review)).toBe('desk-review');
    const { next, withdrawal } = withdrawMilestone(review, { kind: 'checklistSubmitted', withdrawnOn: '2024-03-01', reason: ' Returned incomplete ' }, NOW);
    expect(stageOf(next)).toBe('checklist');
    expect(withdrawal).toEqual({ kind: 'checklistSubmitted', milestoneDate: fixtureDate('checklistSubmitted'), dialogueType: null, withdrawnOn: '2024-03-01', reason: 'Returned incomplete' });
  });

  it('keeps the form of a withdrawn dialogue', () => {
    const review = reviewWith(['started', 'focalPointAppointed', 'checklistSubmitted', 'deskReviewCompleted', 'dialogueHeld']);
    expect(withdrawMilestone(review, { kind: 'dialogueHeld', withdrawnOn: '2024-05-01', reason: 'Visit to be held again' }, NOW).withdrawal.dialogueType).toBe('country_visit');
  });

  it('refuses a step others build on, one not recorded, no reason, and bad days — all at once', () => {
    const review = reviewWith(['started', 'focalPointAppointed', 'checklistSubmitted']);
    const attempt = (input: Parameters<typeof withdrawMilestone>[1]) => {
      try {
        withdrawMilestone(review, input, NOW);
      } catch (e) {
        return e as DomainError;
      }
      throw new Error('accepted');
    };
    const dependant = attempt({ kind: 'focalPointAppointed', withdrawnOn: '2024-03-01', reason: 'x' });
    expect(dependant.message).toContain('while checklist submitted is recorded');
    expect(attempt({ kind: 'dialogueHeld', withdrawnOn: '2024-03-01', reason: 'x' }).message).toContain('not recorded');
    const bad = attempt({ kind: 'checklistSubmitted', withdrawnOn: '2024-07-01', reason: ' ' });
    expect(bad.code).toBe('review.invalidTransition');
    expect(bad.details?.problems).toEqual(['A withdrawal needs a reason.', 'A withdrawal on 2024-07-01 is in the future (today is 2024-06-01).']);
    expect(attempt({ kind: 'checklistSubmitted', withdrawnOn: '2024-01-01', reason: 'x' }).code).toBe('review.invalidDate');
    expect(attempt({ kind: 'checklistSubmitted', withdrawnOn: '2024-02-30', reason: 'x' }).code).toBe('review.invalidDate');
  });
});
