/**
 * @module dashboard
 * Shares of recommendations implemented, as at a date, from the dated assessments (docs/
 * FOLLOW-UP.md §4). A recommendation counts from the day its report was finalised; its
 * status on a day is that of the latest assessment made on or before that day (later
 * rounds win over earlier ones, later versions over earlier ones), else "not assessed".
 * The share implemented is implemented ÷ (all − no longer applicable): a recommendation
 * overtaken by events is neither done nor outstanding [A]. Every figure can be traced back
 * to its rows with `listBehind`. Pure.
 */
import { FOLLOW_UP_STATUSES, isOutstanding, NOT_ASSESSED, type FollowUpStatus, type StatusOrNone } from './statuses.ts';

export interface DatedAssessment {
  round: number;
  version: number;
  assessedOn: string;
  status: FollowUpStatus;
}

export interface FollowedRecommendation {
  reviewId: string;
  reference: string;
  stateIso3: string;
  regionalGroup: string;
  cycle: number;
  article: number;
  chapter: string;
  finalisedOn: string;
  text: string;
  assessments: readonly DatedAssessment[];
}

export const DIMENSIONS = ['article', 'chapter', 'regionalGroup', 'cycle'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface DashboardFilter {
  cycle?: number;
  article?: number;
  chapter?: string;
  regionalGroup?: string;
  stateIso3?: string;
}

export type StatusCounts = Record<StatusOrNone, number>;

export interface Figure {
  counts: StatusCounts;
  total: number;
  /** Percent with one decimal, null when nothing applicable is counted. */
  shareImplemented: number | null;
}

/** The status of a recommendation on `day` (null before its report was finalised). */
export function statusOn(r: Pick<FollowedRecommendation, 'finalisedOn' | 'assessments'>, day: string): StatusOrNone | null {
  if (r.finalisedOn > day) return null;
  let best: DatedAssessment | undefined;
  for (const a of r.assessments) {
    if (a.assessedOn > day) continue;
    if (!best || a.round > best.round || (a.round === best.round && a.version > best.version)) best = a;
  }
  return best?.status ?? NOT_ASSESSED;
}

export function matches(r: FollowedRecommendation, f: DashboardFilter): boolean {
  return (
    (f.cycle === undefined || r.cycle === f.cycle) &&
    (f.article === undefined || r.article === f.article) &&
    (f.chapter === undefined || r.chapter === f.chapter) &&
    (f.regionalGroup === undefined || r.regionalGroup === f.regionalGroup) &&
    (f.stateIso3 === undefined || r.stateIso3 === f.stateIso3)
  );
}

function emptyCounts(): StatusCounts {
  return { implemented: 0, 'partly-implemented': 0, 'not-implemented': 0, 'no-longer-applicable': 0, [NOT_ASSESSED]: 0 };
}

/** Percent with one decimal, rounded half up in integer arithmetic. */
export function percent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.floor((part * 2000 + whole) / (2 * whole)) / 10;
}

export function figureOf(statuses: readonly StatusOrNone[]): Figure {
  const counts = emptyCounts();
  for (const s of statuses) counts[s] += 1;
  const total = statuses.length;
  return { counts, total, shareImplemented: percent(counts.implemented, total - counts['no-longer-applicable']) };
}

function keyFor(r: FollowedRecommendation, d: Dimension): string {
  return d === 'article' ? String(r.article) : d === 'cycle' ? String(r.cycle) : d === 'chapter' ? r.chapter : r.regionalGroup;
}

function counted(rows: readonly FollowedRecommendation[], filter: DashboardFilter, day: string) {
  const out: { row: FollowedRecommendation; status: StatusOrNone }[] = [];
  for (const row of rows) {
    if (!matches(row, filter)) continue;
    const status = statusOn(row, day);
    if (status !== null) out.push({ row, status });
  }
  return out;
}

/** Figures per value of a dimension, in natural order (articles by number). */
export function byDimension(rows: readonly FollowedRecommendation[], dimension: Dimension, filter: DashboardFilter, asAt: string): ({ key: string } & Figure)[] {
  const groups = new Map<string, StatusOrNone[]>();
  for (const { row, status } of counted(rows, filter, asAt)) {
    const key = keyFor(row, dimension);
    groups.set(key, [...(groups.get(key) ?? []), status]);
  }
  const numeric = dimension === 'article' || dimension === 'cycle';
  return [...groups.entries()]
    .sort(([a], [b]) => (numeric ? Number(a) - Number(b) : a.localeCompare(b)))
    .map(([key, statuses]) => ({ key, ...figureOf(statuses) }));
}

export function totals(rows: readonly FollowedRecommendation[], filter: DashboardFilter, asAt: string): Figure {
  return figureOf(counted(rows, filter, asAt).map((c) => c.status));
}

/** The last day of the quarter of `day`. */
export function quarterEnd(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const endMonth = Math.ceil(m / 3) * 3;
  const last = new Date(Date.UTC(y, endMonth, 0)).getUTCDate();
  return `${y}-${String(endMonth).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

export function quarterLabel(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return `${y}-Q${Math.ceil(m / 3)}`;
}

/**
 * The figures at the end of each quarter, from the quarter of the first finalised report
 * counted up to the quarter of `asAt` (whose figure is taken on `asAt` itself), at most
 * `maxQuarters` of the latest.
 */
export function quarterly(rows: readonly FollowedRecommendation[], filter: DashboardFilter, asAt: string, maxQuarters = 40): ({ quarter: string; day: string } & Figure)[] {
  const first = rows.filter((r) => matches(r, filter) && r.finalisedOn <= asAt).reduce<string | null>((min, r) => (min === null || r.finalisedOn < min ? r.finalisedOn : min), null);
  if (first === null) return [];
  const days: string[] = [];
  let day = quarterEnd(first);
  while (day < asAt) {
    days.push(day);
    const [y, m] = day.split('-').map(Number) as [number, number];
    day = quarterEnd(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`);
  }
  days.push(asAt);
  return days.slice(-maxQuarters).map((d) => ({ quarter: quarterLabel(d), day: d, ...totals(rows, filter, d) }));
}

/** The States with the most outstanding recommendations (under the filter, e.g. one article), most first. */
export function mostOutstanding(rows: readonly FollowedRecommendation[], filter: DashboardFilter, asAt: string, limit = 10): { stateIso3: string; outstanding: number; total: number }[] {
  const byState = new Map<string, { outstanding: number; total: number }>();
  for (const { row, status } of counted(rows, filter, asAt)) {
    const entry = byState.get(row.stateIso3) ?? { outstanding: 0, total: 0 };
    entry.total += 1;
    if (isOutstanding(status)) entry.outstanding += 1;
    byState.set(row.stateIso3, entry);
  }
  return [...byState.entries()]
    .map(([stateIso3, e]) => ({ stateIso3, ...e }))
    .filter((e) => e.outstanding > 0)
    .sort((a, b) => b.outstanding - a.outstanding || a.stateIso3.localeCompare(b.stateIso3))
    .slice(0, limit);
}

export interface Behind {
  dimension?: Dimension;
  key?: string;
  status?: StatusOrNone;
  outstandingOnly?: boolean;
}

/** The recommendations behind a figure: the same filter, the figure's group and status. */
export function listBehind(rows: readonly FollowedRecommendation[], filter: DashboardFilter, asAt: string, behind: Behind): (FollowedRecommendation & { status: StatusOrNone })[] {
  return counted(rows, filter, asAt)
    .filter(({ row, status }) => (behind.dimension === undefined || behind.key === undefined || keyFor(row, behind.dimension) === behind.key) && (behind.status === undefined || status === behind.status) && (!behind.outstandingOnly || isOutstanding(status)))
    .map(({ row, status }) => ({ ...row, status }))
    .sort((a, b) => a.reference.localeCompare(b.reference, 'en', { numeric: true }));
}

export const STATUSES_SHOWN: readonly StatusOrNone[] = [...FOLLOW_UP_STATUSES, NOT_ASSESSED];
