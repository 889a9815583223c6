/**
 * @module action-plans
 * The State's national action plan (docs/FOLLOW-UP.md §3): actions that each serve one or
 * more recommendations of its review, with the institution that owns it, a deadline,
 * indicators, and progress reported by the focal point as a percentage or a status with a
 * note. An action is changed by appending a version; progress reports are appended too.
 * The CSV export is built here; the XLSX in the server (exceljs).
 */
import { DomainError } from '../errors.ts';
import { isCalendarDate } from '../dates.ts';
import { keyOf, type RecommendationKey } from './statuses.ts';

export const PROGRESS_STATUSES = ['not-started', 'on-track', 'delayed', 'completed'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export const MAX_INDICATORS = 20;
export const MAX_TEXT = 2_000;

export interface ActionInput {
  title: string;
  ownerInstitution: string;
  deadline: string;
  indicators: string[];
  recommendations: RecommendationKey[];
}

export interface ProgressInput {
  /** 0–100, or null when progress is told by status only. */
  percent: number | null;
  status: ProgressStatus;
  note: string;
  reportedOn: string;
}

function text(value: string, what: string, max = MAX_TEXT): string {
  const t = value.trim();
  if (t === '') throw new DomainError('followUp.invalid', `${what} cannot be empty.`);
  if (t.length > max) throw new DomainError('followUp.invalid', `${what} may hold at most ${max} characters.`);
  return t;
}

/**
 * Checks an action against the recommendations of the review it belongs to: an action
 * serves at least one, and only this review's (a recommendation of another State's review
 * cannot be planned for here).
 */
export function checkAction(input: ActionInput, recommendationsOfReview: ReadonlySet<string>): ActionInput {
  const recommendations = [...new Map(input.recommendations.map((r) => [keyOf(r), r])).values()];
  if (recommendations.length === 0) throw new DomainError('followUp.invalid', 'An action serves at least one recommendation.');
  const foreign = recommendations.filter((r) => !recommendationsOfReview.has(keyOf(r)));
  if (foreign.length > 0) throw new DomainError('followUp.invalid', `Not a recommendation of this review's finalised report: article ${foreign.map(keyOf).join(', ')}.`);
  if (!isCalendarDate(input.deadline)) throw new DomainError('followUp.invalid', `The deadline "${input.deadline}" is not a date.`);
  const indicators = input.indicators.map((i) => i.trim()).filter((i) => i !== '');
  if (indicators.length > MAX_INDICATORS) throw new DomainError('followUp.invalid', `At most ${MAX_INDICATORS} indicators per action.`);
  for (const i of indicators) text(i, 'An indicator');
  return {
    title: text(input.title, 'The title of the action'),
    ownerInstitution: text(input.ownerInstitution, 'The owner institution', 500),
    deadline: input.deadline,
    indicators,
    recommendations: recommendations.sort((a, b) => a.article - b.article || a.sequence - b.sequence),
  };
}

export function checkProgress(input: ProgressInput, today: string): ProgressInput {
  if (input.percent !== null && (!Number.isInteger(input.percent) || input.percent < 0 || input.percent > 100)) {
    throw new DomainError('followUp.invalid', `Progress is a whole percentage from 0 to 100, not ${input.percent}.`);
  }
  if (!isCalendarDate(input.reportedOn)) throw new DomainError('followUp.invalid', `"${input.reportedOn}" is not a date.`);
  if (input.reportedOn > today) throw new DomainError('followUp.invalid', `Progress cannot be reported for a future day (${input.reportedOn}).`);
  if (input.status === 'completed' && input.percent !== null && input.percent < 100) throw new DomainError('followUp.invalid', 'A completed action is at 100 %.');
  const note = input.note.trim();
  if (note.length > MAX_TEXT) throw new DomainError('followUp.invalid', `The note may hold at most ${MAX_TEXT} characters.`);
  return { percent: input.percent, status: input.status, note, reportedOn: input.reportedOn };
}

export interface PlanRow {
  title: string;
  ownerInstitution: string;
  deadline: string;
  indicators: string[];
  /** Stable references of the recommendations served. */
  references: string[];
  progress: { percent: number | null; status: ProgressStatus; note: string; reportedOn: string } | null;
}

export const PLAN_COLUMNS = ['action', 'owner_institution', 'deadline', 'indicators', 'recommendations', 'progress_percent', 'progress_status', 'progress_note', 'reported_on'] as const;

/** One row of cells per action, for CSV and XLSX alike. */
export function planCells(row: PlanRow): string[] {
  return [
    row.title,
    row.ownerInstitution,
    row.deadline,
    row.indicators.join('; '),
    row.references.join('; '),
    row.progress?.percent === null || row.progress === null ? '' : String(row.progress.percent),
    row.progress?.status ?? '',
    row.progress?.note ?? '',
    row.progress?.reportedOn ?? '',
  ];
}

/** A CSV cell (RFC 4180), with a leading quote against formulas in spreadsheets (CWE-1236). */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function planCsv(rows: readonly PlanRow[]): string {
  return [PLAN_COLUMNS.join(','), ...rows.map((r) => planCells(r).map(csvCell).join(','))].join('\r\n') + '\r\n';
}
