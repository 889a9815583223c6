import { describe, expect, it } from 'vitest';
import { completionDate, durations, median } from './durations.ts';
import type { ReviewHistory } from './progress.ts';
import { HISTORIES } from './progress-fixtures.ts';

describe('durations from the start', () => {
  it('median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('checklist: A 60 days, B 45, C 152 (resubmitted; the withdrawn one does not count), D 38', () => {
    const [cycle] = durations(HISTORIES, 2);
    const checklist = cycle!.steps.find((s) => s.step === 'checklistSubmitted')!;
    expect(cycle!.cohortYear).toBeNull();
    expect(cycle!.reviews).toBe(5);
    expect(checklist.count).toBe(4);
    expect(checklist.meanDays).toBe(73.8); // (60 + 45 + 152 + 38) / 4
    expect(checklist.medianDays).toBe(52.5);
    expect(checklist.indicativeDays).toBe(60);
    expect(checklist.onTime).toBe(3); // 152 is late
    expect(checklist.onTimeShare).toBe(0.75);
  });

  it('per cohort: cohort 1 (A, B) and cohort 2 (C, D, E)', () => {
    const groups = durations(HISTORIES, 2);
    expect(groups.map((g) => g.cohortYear)).toEqual([null, 1, 2]);
    const dialogue = groups[1]!.steps.find((s) => s.step === 'dialogueHeld')!;
    expect(dialogue.count).toBe(2);
    expect(dialogue.meanDays).toBe(136.5); // A 152, B 121
    expect(dialogue.onTime).toBe(1);
  });

  it('completion needs every applicable milestone; with none done the figures are empty, not zero', () => {
    expect(completionDate(HISTORIES[0]!)).toBeNull(); // A has not published its summary
    const done: ReviewHistory = {
      ...HISTORIES[0]!,
      facts: [...HISTORIES[0]!.facts, { kind: 'executiveSummaryPublished', date: '2020-10-01' }],
    };
    expect(completionDate(done)).toBe('2020-10-01');
    const [cycle] = durations([done], 2);
    const completion = cycle!.steps.find((s) => s.step === 'completion')!;
    expect(completion).toMatchObject({ count: 1, meanDays: 274, medianDays: 274, indicativeDays: 210, onTime: 0, onTimeShare: 0 });
    const published = cycle!.steps.find((s) => s.step === 'reportPublished')!;
    expect(published).toMatchObject({ count: 0, meanDays: null, medianDays: null, onTimeShare: null });
  });
});
