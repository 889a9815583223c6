/**
 * @module forecast
 * When will each open review, and the cycle, be completed? Monte Carlo over the observed
 * durations of each step (docs/ANALYTICS.md, "Forecast"):
 *
 * - A step's duration is the days from its last prerequisite to the step itself, taken from
 *   every review where both stand. The cycle's own reviews are used when they give at least
 *   MIN_SAMPLES durations, otherwise every cycle's, otherwise the indicative timeline.
 * - For each open review and each run, the missing applicable steps are drawn in prerequisite
 *   order. A step that is already waiting (its prerequisites done) is drawn only among the
 *   durations longer than the wait so far — it has not happened yet; when none is, the wait
 *   starts again from today with any observed duration.
 * - A review not yet started is taken to start today (an optimistic bound, stated in the docs).
 * - The cycle ends when its last review is completed. Percentiles are over the runs.
 * The generator is the seeded one of the drawing of lots, so the same data and day give the
 * same forecast.
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { Prng } from '../lots/prng.ts';
import { addDays, daysBetween } from '../reviews/calendar.ts';
import { UNCAC_MILESTONES, isApplicable, prerequisiteOrder, type MilestoneKind, type MilestoneTable } from '../reviews/milestones.ts';
import { completionDate } from './durations.ts';
import { standingFact, type ReviewHistory } from './progress.ts';

export const MIN_SAMPLES = 5;
export const DEFAULT_RUNS = 1000;

export type SampleBasis = 'cycle' | 'all-cycles' | 'indicative';

export interface StepSamples {
  kind: MilestoneKind;
  basis: SampleBasis;
  days: number[];
}

export interface Percentiles {
  p10: string;
  p50: string;
  p90: string;
}

export interface ReviewForecast extends Percentiles {
  id: string;
  stateIso3: string;
}

export interface FanPoint {
  date: string;
  /** Completed reviews by that date: the 10th, 50th and 90th percentile over the runs. */
  p10: number;
  p50: number;
  p90: number;
}

export interface CycleForecast {
  cycle: number;
  today: string;
  runs: number;
  seed: string;
  total: number;
  completed: number;
  open: ReviewForecast[];
  /** null when the cycle has no review. */
  completion: Percentiles | null;
  plannedEnd: string;
  /** Share of runs in which the last review is completed on or before plannedEnd. */
  probabilityOnTime: number | null;
  steps: { kind: MilestoneKind; basis: SampleBasis; samples: number; medianDays: number | null }[];
  fan: FanPoint[];
}

function lastPrerequisite(dates: Map<MilestoneKind, string>, kind: MilestoneKind, table: MilestoneTable): string | undefined {
  let last: string | undefined;
  for (const r of table[kind].requires) {
    const d = dates.get(r);
    if (d === undefined) return undefined;
    if (last === undefined || d > last) last = d;
  }
  return last;
}

/** Observed durations of each step (from its last prerequisite), with the basis used. */
export function stepSamples(histories: readonly ReviewHistory[], cycle: number, table: MilestoneTable = UNCAC_MILESTONES): StepSamples[] {
  const collect = (list: readonly ReviewHistory[], kind: MilestoneKind): number[] => {
    const days: number[] = [];
    for (const h of list) {
      const fact = standingFact(h, kind);
      if (!fact) continue;
      const dates = new Map<MilestoneKind, string>();
      for (const r of table[kind].requires) {
        const f = standingFact(h, r);
        if (f) dates.set(r, f.date);
      }
      const from = lastPrerequisite(dates, kind, table);
      if (from !== undefined) days.push(Math.max(0, daysBetween(from, fact.date)));
    }
    return days;
  };
  const own = histories.filter((h) => h.cycle === cycle);
  return prerequisiteOrder(table)
    .filter((kind) => table[kind].requires.length > 0)
    .map((kind): StepSamples => {
      const mine = collect(own, kind);
      if (mine.length >= MIN_SAMPLES) return { kind, basis: 'cycle', days: mine };
      const all = collect(histories, kind);
      if (all.length >= MIN_SAMPLES) return { kind, basis: 'all-cycles', days: all };
      const indicative = table[kind].offsetDays - Math.max(...table[kind].requires.map((r) => table[r].offsetDays));
      return { kind, basis: 'indicative', days: [Math.max(0, indicative)] };
    });
}

/** Nearest-rank percentile of sorted numbers. */
export function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank]!;
}

const EPOCH = '1970-01-01';

/** Projects the completion of each open review of a cycle and of the cycle itself. */
export function forecastCycle(
  histories: readonly ReviewHistory[],
  options: { cycle: number; today: string; plannedEnd: string; runs?: number; seed?: string; table?: MilestoneTable },
): CycleForecast {
  const table = options.table ?? UNCAC_MILESTONES;
  const runs = options.runs ?? DEFAULT_RUNS;
  const seed = options.seed ?? `forecast:${options.cycle}:${options.today}`;
  const today = daysBetween(EPOCH, options.today);
  const samples = stepSamples(histories, options.cycle, table);
  const sorted = new Map(samples.map((s) => [s.kind, [...s.days].sort((a, b) => a - b)]));
  const order = prerequisiteOrder(table);
  const ofCycle = histories.filter((h) => h.cycle === options.cycle);
  const doneDays: number[] = [];
  const open: { history: ReviewHistory; known: Map<MilestoneKind, number> }[] = [];
  for (const h of ofCycle) {
    const done = completionDate(h, table);
    if (done !== null) {
      doneDays.push(daysBetween(EPOCH, done));
      continue;
    }
    const known = new Map<MilestoneKind, number>();
    for (const kind of order) {
      const fact = standingFact(h, kind);
      if (fact) known.set(kind, daysBetween(EPOCH, fact.date));
    }
    open.push({ history: h, known });
  }
  const prng = new Prng(utf8ToBytes(seed));
  // Draws a duration longer than `waited` days, or restarts the wait from today.
  const draw = (kind: MilestoneKind, from: number): number => {
    const list = sorted.get(kind)!;
    const waited = today - from;
    if (waited <= 0) return from + list[prng.nextInt(list.length)]!;
    // First index with a duration > waited (binary search on the sorted list).
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! > waited) hi = mid;
      else lo = mid + 1;
    }
    if (lo < list.length) return from + list[lo + prng.nextInt(list.length - lo)]!;
    return today + list[prng.nextInt(list.length)]!;
  };
  const perReview = open.map(() => new Array<number>(runs));
  const cycleEnd = new Array<number>(runs);
  const completedBy: number[][] = [];
  const baseEnd = doneDays.length > 0 ? Math.max(...doneDays) : Number.NEGATIVE_INFINITY;
  for (let run = 0; run < runs; run += 1) {
    let end = baseEnd;
    const ends: number[] = [...doneDays];
    open.forEach(({ history, known }, i) => {
      const dates = new Map(known);
      let last = Number.NEGATIVE_INFINITY;
      for (const kind of order) {
        if (!isApplicable(table, kind, history.consentToPublishReport)) continue;
        let day = dates.get(kind);
        if (day === undefined) {
          if (table[kind].requires.length === 0) day = today;
          else day = draw(kind, Math.max(...table[kind].requires.map((r) => dates.get(r)!)));
          dates.set(kind, day);
        }
        if (day > last) last = day;
      }
      perReview[i]![run] = last;
      ends.push(last);
      if (last > end) end = last;
    });
    cycleEnd[run] = end;
    completedBy.push(ends.sort((a, b) => a - b));
  }
  const toDate = (day: number) => addDays(EPOCH, day);
  const pct = (values: number[]): Percentiles => {
    const s = [...values].sort((a, b) => a - b);
    return { p10: toDate(percentile(s, 0.1)), p50: toDate(percentile(s, 0.5)), p90: toDate(percentile(s, 0.9)) };
  };
  const planned = daysBetween(EPOCH, options.plannedEnd);
  const total = ofCycle.length;
  return {
    cycle: options.cycle,
    today: options.today,
    runs,
    seed,
    total,
    completed: doneDays.length,
    open: open
      .map(({ history }, i) => ({ id: history.id, stateIso3: history.stateIso3, ...pct(perReview[i]!) }))
      .sort((a, b) => (a.p50 === b.p50 ? a.stateIso3.localeCompare(b.stateIso3) : a.p50 < b.p50 ? -1 : 1)),
    completion: total === 0 ? null : pct(cycleEnd),
    plannedEnd: options.plannedEnd,
    probabilityOnTime: total === 0 ? null : cycleEnd.filter((d) => d <= planned).length / runs,
    steps: samples.map((s) => ({ kind: s.kind, basis: s.basis, samples: s.basis === 'indicative' ? 0 : s.days.length, medianDays: s.basis === 'indicative' ? null : percentile(sorted.get(s.kind)!, 0.5) })),
    fan: total === 0 ? [] : fanChart(completedBy, today, Math.max(percentile([...cycleEnd].sort((a, b) => a - b), 0.9), planned)),
  };
}

/** Completed reviews by the first of each month from today to `until`: the band of the chart. */
function fanChart(completedBy: number[][], today: number, until: number): FanPoint[] {
  const points: FanPoint[] = [];
  const start = new Date(Date.UTC(1970, 0, 1 + today));
  let month = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  const countUpTo = (sorted: number[], day: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! <= day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // At most 15 years of months: beyond that the chart says nothing useful.
  for (let i = 0; i < 180; i += 1) {
    const date = month.toISOString().slice(0, 10);
    const day = daysBetween(EPOCH, date);
    const counts = completedBy.map((s) => countUpTo(s, day)).sort((a, b) => a - b);
    points.push({ date, p10: percentile(counts, 0.1), p50: percentile(counts, 0.5), p90: percentile(counts, 0.9) });
    if (day > until) break;
    month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
  }
  return points;
}
