import { describe, expect, it } from 'vitest';
import { addDays } from '../reviews/calendar.ts';
import { MILESTONE_KINDS, type MilestoneKind } from '../reviews/milestones.ts';
import { forecastCycle, percentile, stepSamples } from './forecast.ts';
import type { ReviewHistory } from './progress.ts';

const TODAY = '2024-06-01';
/** Days after the start of each step when every step takes exactly 10 days after its last prerequisite. */
const AT: Record<MilestoneKind, number> = {
  started: 0,
  focalPointAppointed: 10,
  checklistSubmitted: 20,
  deskReviewCompleted: 30,
  dialogueHeld: 40,
  draftReportShared: 50,
  executiveSummaryFinalised: 60,
  reportFinalised: 60,
  executiveSummaryPublished: 70,
  reportPublished: 70,
};

function review(id: string, start: string, kinds: readonly MilestoneKind[]): ReviewHistory {
  return {
    id,
    stateIso3: id.toUpperCase().padEnd(3, 'X'),
    cycle: 2,
    cohortYear: 1,
    consentToPublishReport: false,
    facts: kinds.map((kind) => ({ kind, date: addDays(start, AT[kind]), ...(kind === 'dialogueHeld' ? { dialogueType: 'country_visit' as const } : {}) })),
    pauses: [],
  };
}

const ALL = MILESTONE_KINDS.filter((k) => k !== 'reportPublished');
const COMPLETED = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map((id, i) => review(id, addDays('2023-01-01', i * 7), ALL));

describe('forecast', () => {
  it('uses the cycle\'s own durations when there are enough, the indicative timeline otherwise', () => {
    const samples = stepSamples(COMPLETED, 2);
    expect(samples.find((s) => s.kind === 'executiveSummaryFinalised')).toEqual({ kind: 'executiveSummaryFinalised', basis: 'cycle', days: [10, 10, 10, 10, 10, 10] });
    const few = stepSamples(COMPLETED.slice(0, 2), 2);
    // Indicative: summary finalised at 180 days, draft at 165.
    expect(few.find((s) => s.kind === 'executiveSummaryFinalised')).toEqual({ kind: 'executiveSummaryFinalised', basis: 'indicative', days: [15] });
  });

  it('is exact when every observed duration is the same', () => {
    // Started 5 days ago: the focal point is due in 5 more days, the rest follows 10 days apart.
    const open = review('o', addDays(TODAY, -5), ['started']);
    const f = forecastCycle([...COMPLETED, open], { cycle: 2, today: TODAY, plannedEnd: addDays(TODAY, 100), runs: 50 });
    expect(f.open).toEqual([{ id: 'o', stateIso3: 'OXX', p10: addDays(TODAY, 65), p50: addDays(TODAY, 65), p90: addDays(TODAY, 65) }]);
    expect(f.completion).toEqual({ p10: addDays(TODAY, 65), p50: addDays(TODAY, 65), p90: addDays(TODAY, 65) });
    expect(f.probabilityOnTime).toBe(1);
    expect(f.completed).toBe(6);
    expect(f.fan.at(-1)).toMatchObject({ p10: 7, p50: 7, p90: 7 });
    expect(forecastCycle([...COMPLETED, open], { cycle: 2, today: TODAY, plannedEnd: addDays(TODAY, 30), runs: 50 }).probabilityOnTime).toBe(0);
  });

  it('a step waiting longer than any observed duration starts again from today', () => {
    // The focal point is 15 days late against durations of 10: today + 10, then 60 more days.
    const late = review('l', addDays(TODAY, -15), ['started']);
    const f = forecastCycle([...COMPLETED, late], { cycle: 2, today: TODAY, plannedEnd: '2030-01-01', runs: 20 });
    expect(f.open[0]!.p50).toBe(addDays(TODAY, 70));
  });

  it('a review not started is taken to start today; a paused review waits like any other', () => {
    const notStarted = review('n', TODAY, []);
    const paused: ReviewHistory = { ...review('p', addDays(TODAY, -40), ['started', 'focalPointAppointed']), pauses: [{ from: addDays(TODAY, -20), to: null }] };
    const f = forecastCycle([...COMPLETED, notStarted, paused], { cycle: 2, today: TODAY, plannedEnd: '2030-01-01', runs: 20 });
    expect(f.open.find((r) => r.id === 'n')!.p50).toBe(addDays(TODAY, 70));
    // Checklist waited 30 days (> 10): from today 10, then 50 to the published summary.
    expect(f.open.find((r) => r.id === 'p')!.p50).toBe(addDays(TODAY, 60));
  });

  it('spreads with varied durations, in order, and is the same for the same seed', () => {
    const varied = COMPLETED.map((h, i) => ({ ...h, facts: h.facts.map((f) => (f.kind === 'executiveSummaryPublished' ? { ...f, date: addDays(f.date, i * 30) } : f)) }));
    const open = review('o', addDays(TODAY, -60), ['started', 'focalPointAppointed', 'checklistSubmitted', 'deskReviewCompleted', 'dialogueHeld', 'draftReportShared', 'executiveSummaryFinalised', 'reportFinalised']);
    const a = forecastCycle([...varied, open], { cycle: 2, today: TODAY, plannedEnd: addDays(TODAY, 60), runs: 400 });
    const b = forecastCycle([...varied, open], { cycle: 2, today: TODAY, plannedEnd: addDays(TODAY, 60), runs: 400 });
    expect(a).toEqual(b);
    const r = a.open[0]!;
    expect(r.p10 <= r.p50 && r.p50 <= r.p90).toBe(true);
    expect(r.p10 < r.p90).toBe(true);
    expect(r.p10 > TODAY).toBe(true);
    // Summary finalised 0 days ago; publication takes 10, 40, …, 160 days: one in three runs is within 60 days.
    expect(a.probabilityOnTime).toBeGreaterThan(0.2);
    expect(a.probabilityOnTime).toBeLessThan(0.5);
  });

  it('an empty cycle has no completion and no probability', () => {
    const f = forecastCycle([], { cycle: 3, today: TODAY, plannedEnd: '2030-01-01', runs: 10 });
    expect(f.completion).toBeNull();
    expect(f.probabilityOnTime).toBeNull();
    expect(f.fan).toEqual([]);
  });

  it('nearest-rank percentiles', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.1)).toBe(1);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
  });
});
