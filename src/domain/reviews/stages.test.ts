import { describe, expect, it } from 'vitest';
import { MILESTONE_KINDS } from './milestones.ts';
import { pause } from './review.ts';
import { PROGRESS_STAGES, STAGES, nextMilestones, progressStageOf, stageOf, waitingOn } from './stages.ts';
import { reviewWith, through } from './testing.ts';

const now = new Date('2025-01-01T00:00:00Z');

describe('stageOf: derived from the dated milestones', () => {
  it.each([
    { done: [], stage: 'not-started' },
    { done: through('started'), stage: 'checklist' },
    { done: through('focalPointAppointed'), stage: 'checklist' },
    { done: through('checklistSubmitted'), stage: 'desk-review' },
    { done: through('deskReviewCompleted'), stage: 'dialogue' },
    { done: through('dialogueHeld'), stage: 'drafting' },
    { done: through('draftReportShared'), stage: 'finalisation' },
    { done: through('executiveSummaryFinalised'), stage: 'finalisation' },
    { done: through('reportFinalised'), stage: 'finalisation' },
    { done: through('executiveSummaryPublished'), stage: 'published' },
    { done: MILESTONE_KINDS, stage: 'completed' },
  ] as const)('$stage after [$done]', ({ done, stage }) => {
    expect(stageOf(reviewWith(done))).toBe(stage);
  });

  it('is completed without the full report when the State did not consent', () => {
    const review = reviewWith(through('executiveSummaryPublished'), { consentToPublishReport: false });
    expect(stageOf(review)).toBe('completed');
    expect(stageOf({ ...review, consentToPublishReport: true })).toBe('published');
  });

  it('stays in finalisation while the summary is not published, even with the report out', () => {
    const review = reviewWith([...through('draftReportShared'), 'reportFinalised', 'reportPublished']);
    expect(stageOf(review)).toBe('finalisation');
  });

  it('is paused while a pause is open, and shows the stage underneath', () => {
    const paused = pause(reviewWith(through('checklistSubmitted')), '2024-03-01', 'Visit postponed', now);
    expect(stageOf(paused)).toBe('paused');
    expect(progressStageOf(paused)).toBe('desk-review');
    const resumed = { ...paused, pauses: [{ ...paused.pauses[0]!, to: '2024-04-01' }] };
    expect(stageOf(resumed)).toBe('desk-review');
  });

  it('covers every stage of the list', () => {
    expect(STAGES).toEqual([...PROGRESS_STAGES, 'paused']);
  });
});

describe('waitingOn', () => {
  it('names the actor of each next step', () => {
    expect(waitingOn(reviewWith([]))).toEqual({ pause: null, next: [{ kind: 'started', actor: 'secretariat' }], actors: ['secretariat'] });
    expect(waitingOn(reviewWith(through('focalPointAppointed'))).actors).toEqual(['stateUnderReview']);
    expect(waitingOn(reviewWith(through('checklistSubmitted'))).actors).toEqual(['reviewers']);
    expect(waitingOn(reviewWith(through('deskReviewCompleted'))).actors).toEqual(['secretariat']);
    expect(waitingOn(reviewWith(through('dialogueHeld'))).actors).toEqual(['reviewers']);
  });

  it('can wait on two steps at once after the draft and after one finalisation', () => {
    expect(waitingOn(reviewWith(through('draftReportShared'))).next.map((n) => n.kind)).toEqual(['executiveSummaryFinalised', 'reportFinalised']);
    expect(waitingOn(reviewWith(through('executiveSummaryFinalised')))).toMatchObject({
      next: [
        { kind: 'reportFinalised', actor: 'stateUnderReview' },
        { kind: 'executiveSummaryPublished', actor: 'secretariat' },
      ],
      actors: ['stateUnderReview', 'secretariat'],
    });
  });

  it('does not wait for the full report without consent, nor on anyone when completed', () => {
    const noConsent = reviewWith(through('reportFinalised'), { consentToPublishReport: false });
    expect(nextMilestones(noConsent)).toEqual(['executiveSummaryPublished']);
    expect(waitingOn(reviewWith(MILESTONE_KINDS))).toEqual({ pause: null, next: [], actors: [] });
  });

  it('reports the open pause alongside the step that will be next', () => {
    const paused = pause(reviewWith(through('checklistSubmitted')), '2024-03-01', 'Visit postponed', now);
    expect(waitingOn(paused)).toEqual({
      pause: { from: '2024-03-01', to: null, reason: 'Visit postponed' },
      next: [{ kind: 'deskReviewCompleted', actor: 'reviewers' }],
      actors: ['reviewers'],
    });
  });
});
