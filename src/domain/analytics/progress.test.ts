import { describe, expect, it } from 'vitest';
import { factAsAt, progressAsAt } from './progress.ts';
import { HISTORIES } from './progress-fixtures.ts';

describe('progress as at a date', () => {
  it('counts only what had happened by mid-May 2020, in the second cycle only', () => {
    const p = progressAsAt(HISTORIES, 2, '2020-05-15');
    expect(p.total).toBe(5);
    expect(p.underReview).toBe(4); // E starts in December
    expect(p.paused).toBe(1); // D
    // A, B, D; C's first checklist was withdrawn on 1 April and the second comes in June.
    expect(p.checklistsSubmitted).toBe(3);
    expect(p.reviews.checklistsSubmitted).toEqual(['a', 'b', 'd']);
    // B's virtual visit; A's country visit is dated after the day asked about.
    expect(p.dialoguesHeld).toEqual({ total: 1, countryVisits: 0, jointMeetings: 0, virtualVisits: 1 });
    expect(p.reviews.virtualVisits).toEqual(['b']);
    expect(p.executiveSummariesFinalised).toBe(0);
    expect(p.reportsFinalised).toBe(0);
  });

  it('counts a withdrawn milestone between its date and its withdrawal, and not on the day of the withdrawal', () => {
    expect(progressAsAt(HISTORIES, 2, '2020-03-31').reviews.checklistsSubmitted).toEqual(['a', 'b', 'c', 'd']);
    expect(progressAsAt(HISTORIES, 2, '2020-04-01').reviews.checklistsSubmitted).toEqual(['a', 'b', 'd']);
    expect(progressAsAt(HISTORIES, 2, '2020-06-01').reviews.checklistsSubmitted).toEqual(['a', 'b', 'c', 'd']);
    expect(factAsAt(HISTORIES[2]!, 'checklistSubmitted', '2020-06-02')?.date).toBe('2020-06-01');
  });

  it('a paused review keeps the steps it reached', () => {
    const p = progressAsAt(HISTORIES, 2, '2020-09-30');
    expect(p.reviews.paused).toEqual(['d']);
    expect(p.reviews.checklistsSubmitted).toContain('d');
  });

  it('counts a milestone on its own day (as at is inclusive)', () => {
    expect(progressAsAt(HISTORIES, 2, '2020-08-01').executiveSummariesFinalised).toBe(1);
    expect(progressAsAt(HISTORIES, 2, '2020-07-31').executiveSummariesFinalised).toBe(0);
  });

  it('end of September: every step of A and B', () => {
    const p = progressAsAt(HISTORIES, 2, '2020-09-30');
    expect(p.underReview).toBe(4);
    expect(p.checklistsSubmitted).toBe(4);
    expect(p.dialoguesHeld).toEqual({ total: 2, countryVisits: 1, jointMeetings: 0, virtualVisits: 1 });
    expect(p.executiveSummariesFinalised).toBe(1);
    expect(p.reportsFinalised).toBe(1);
  });

  it('a review started after the day asked about counts in M but not as under review', () => {
    expect(progressAsAt(HISTORIES, 2, '2020-11-30').reviews.underReview).not.toContain('e');
    expect(progressAsAt(HISTORIES, 2, '2020-12-01').reviews.underReview).toContain('e');
  });

  it('the first cycle has its joint meeting; an empty cycle gives zeros', () => {
    expect(progressAsAt(HISTORIES, 1, '2020-01-01').dialoguesHeld).toEqual({ total: 1, countryVisits: 0, jointMeetings: 1, virtualVisits: 0 });
    const empty = progressAsAt(HISTORIES, 3, '2020-01-01');
    expect(empty.total).toBe(0);
    expect(empty.dialoguesHeld.total).toBe(0);
  });

  it('a re-recorded milestone dated before the withdrawal of the earlier one counts once, in its own form', () => {
    const overlap = {
      id: 'o',
      stateIso3: 'OMN',
      cycle: 4,
      cohortYear: 1,
      consentToPublishReport: false,
      facts: [
        { kind: 'dialogueHeld' as const, date: '2021-02-01', dialogueType: 'country_visit' as const, withdrawnOn: '2021-04-01' },
        { kind: 'dialogueHeld' as const, date: '2021-03-01', dialogueType: 'virtual_visit' as const },
      ],
      pauses: [],
    };
    expect(progressAsAt([overlap], 4, '2021-03-15').dialoguesHeld).toEqual({ total: 1, countryVisits: 0, jointMeetings: 0, virtualVisits: 1 });
    expect(progressAsAt([overlap], 4, '2021-02-15').dialoguesHeld).toEqual({ total: 1, countryVisits: 1, jointMeetings: 0, virtualVisits: 0 });
  });
});
