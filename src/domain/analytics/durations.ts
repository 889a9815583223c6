/**
 * @module durations
 * How long reviews take: days from the start (T0) to each milestone and to completion, per
 * cycle and per cohort, next to the indicative timeline (milestones.ts offsets, counted from
 * T0 as the guidelines express them). Only the milestones standing today count: a withdrawn
 * step has not been reached. "On time" means reached no later than T0 + the indicative offset.
 */
import { daysBetween } from '../reviews/calendar.ts';
import { MILESTONE_KINDS, UNCAC_MILESTONES, isApplicable, type MilestoneKind, type MilestoneTable } from '../reviews/milestones.ts';
import { standingFact, type ReviewHistory } from './progress.ts';

export type DurationStep = Exclude<MilestoneKind, 'started'> | 'completion';
export const DURATION_STEPS: readonly DurationStep[] = [...MILESTONE_KINDS.filter((k): k is Exclude<MilestoneKind, 'started'> => k !== 'started'), 'completion'];

export interface DurationFigure {
  step: DurationStep;
  /** Reviews that reached the step. */
  count: number;
  meanDays: number | null;
  medianDays: number | null;
  indicativeDays: number;
  /** Reached within the indicative offset. */
  onTime: number;
  /** onTime / count, or null when no review reached the step. */
  onTimeShare: number | null;
}

export interface DurationGroup {
  cycle: number;
  /** null: the whole cycle. */
  cohortYear: number | null;
  reviews: number;
  started: number;
  steps: DurationFigure[];
}

/** The day a review was completed: every applicable milestone standing; the last one's date. */
export function completionDate(history: ReviewHistory, table: MilestoneTable = UNCAC_MILESTONES): string | null {
  let last = '';
  for (const kind of MILESTONE_KINDS) {
    if (!isApplicable(table, kind, history.consentToPublishReport)) continue;
    const fact = standingFact(history, kind);
    if (!fact) return null;
    if (fact.date > last) last = fact.date;
  }
  return last;
}

export function completionOffset(consent: boolean, table: MilestoneTable = UNCAC_MILESTONES): number {
  return Math.max(...MILESTONE_KINDS.filter((k) => isApplicable(table, k, consent)).map((k) => table[k].offsetDays));
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

function groupFigures(histories: readonly ReviewHistory[], table: MilestoneTable): DurationFigure[] {
  return DURATION_STEPS.map((step) => {
    const days: number[] = [];
    let onTime = 0;
    // The indicative of completion depends on consent; the table shows the one for a review with consent.
    const indicativeDays = step === 'completion' ? completionOffset(true, table) : table[step].offsetDays;
    for (const h of histories) {
      const start = standingFact(h, 'started')?.date;
      if (start === undefined) continue;
      const reached = step === 'completion' ? completionDate(h, table) : (standingFact(h, step)?.date ?? null);
      if (reached === null) continue;
      const d = daysBetween(start, reached);
      days.push(d);
      const allowed = step === 'completion' ? completionOffset(h.consentToPublishReport, table) : indicativeDays;
      if (d <= allowed) onTime += 1;
    }
    return {
      step,
      count: days.length,
      meanDays: mean(days),
      medianDays: median(days),
      indicativeDays,
      onTime,
      onTimeShare: days.length === 0 ? null : onTime / days.length,
    };
  });
}

/** The cycle as a whole first, then each of its cohorts in year order. */
export function durations(histories: readonly ReviewHistory[], cycle: number, table: MilestoneTable = UNCAC_MILESTONES): DurationGroup[] {
  const ofCycle = histories.filter((h) => h.cycle === cycle);
  const years = [...new Set(ofCycle.map((h) => h.cohortYear))].sort((a, b) => a - b);
  const group = (list: readonly ReviewHistory[], cohortYear: number | null): DurationGroup => ({
    cycle,
    cohortYear,
    reviews: list.length,
    started: list.filter((h) => standingFact(h, 'started')).length,
    steps: groupFigures(list, table),
  });
  return [group(ofCycle, null), ...years.map((y) => group(ofCycle.filter((h) => h.cohortYear === y), y))];
}
