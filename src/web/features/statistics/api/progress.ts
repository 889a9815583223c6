/**
 * Progress statistics (docs/ANALYTICS.md): figures as at a day, the reviews behind one
 * figure, the secretariat's sentence, durations and the forecast. All public.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export const FIGURES = ['underReview', 'checklistsSubmitted', 'dialoguesHeld', 'countryVisits', 'jointMeetings', 'virtualVisits', 'executiveSummariesFinalised', 'reportsFinalised', 'paused'] as const;
export type Figure = (typeof FIGURES)[number] | 'total';

export interface ProgressDto {
  cycle: number;
  asOf: string;
  total: number;
  underReview: number;
  paused: number;
  checklistsSubmitted: number;
  dialoguesHeld: { total: number; countryVisits: number; jointMeetings: number; virtualVisits: number };
  executiveSummariesFinalised: number;
  reportsFinalised: number;
}

export interface ProgressReviewsDto {
  figure: Figure;
  count: number;
  reviews: { id: string; stateIso3: string; name: string; cohortYear: number; date: string | null; dialogueType: string | null; stage: string }[];
}

export interface DurationStepDto {
  step: string;
  count: number;
  meanDays: number | null;
  medianDays: number | null;
  indicativeDays: number;
  onTime: number;
  onTimeShare: number | null;
}

export interface DurationsDto {
  cycle: number;
  groups: { cycle: number; cohortYear: number | null; reviews: number; started: number; steps: DurationStepDto[] }[];
}

export interface ForecastDto {
  cycle: number;
  today: string;
  runs: number;
  total: number;
  completed: number;
  open: { id: string; stateIso3: string; p10: string; p50: string; p90: string }[];
  completion: { p10: string; p50: string; p90: string } | null;
  plannedEnd: string;
  probabilityOnTime: number | null;
  steps: { kind: string; basis: 'cycle' | 'all-cycles' | 'indicative'; samples: number; medianDays: number | null }[];
  fan: { date: string; p10: number; p50: number; p90: number }[];
}

/** The value of a figure in the response. */
export function figureValue(p: ProgressDto, figure: Figure): number {
  switch (figure) {
    case 'dialoguesHeld':
      return p.dialoguesHeld.total;
    case 'countryVisits':
    case 'jointMeetings':
    case 'virtualVisits':
      return p.dialoguesHeld[figure];
    default:
      return p[figure];
  }
}

const query = (cycle: number, asOf: string) => `cycle=${cycle}&asOf=${encodeURIComponent(asOf)}`;

export function useProgress(cycle: number | null, asOf: string) {
  return useQuery({
    queryKey: ['stats', 'progress', cycle, asOf],
    queryFn: () => apiRequest<ProgressDto>(`/api/stats/progress?${query(cycle!, asOf)}`),
    enabled: cycle !== null && /^\d{4}-\d{2}-\d{2}$/.test(asOf),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useProgressReviews(cycle: number | null, asOf: string, figure: Figure | null) {
  return useQuery({
    queryKey: ['stats', 'progress-reviews', cycle, asOf, figure],
    queryFn: () => apiRequest<ProgressReviewsDto>(`/api/stats/progress/reviews?${query(cycle!, asOf)}&figure=${figure}`),
    enabled: cycle !== null && figure !== null,
    retry: false,
  });
}

export function useProgressSentence(cycle: number | null, asOf: string, lang: string, enabled: boolean) {
  return useQuery({
    queryKey: ['stats', 'sentence', cycle, asOf, lang],
    queryFn: () => apiRequest<{ sentence: string }>(`/api/stats/progress/sentence?${query(cycle!, asOf)}&lang=${lang}`),
    enabled: cycle !== null && enabled,
    retry: false,
  });
}

export function useDurations(cycle: number | null) {
  return useQuery({ queryKey: ['stats', 'durations', cycle], queryFn: () => apiRequest<DurationsDto>(`/api/stats/durations?cycle=${cycle}`), enabled: cycle !== null });
}

export function useForecast(cycle: number | null) {
  return useQuery({ queryKey: ['stats', 'forecast', cycle], queryFn: () => apiRequest<ForecastDto>(`/api/stats/forecast?cycle=${cycle}`), enabled: cycle !== null, staleTime: 5 * 60_000 });
}

/** The figures as CSV (RFC 4180; a header row, one figure per line). */
export function progressCsv(p: ProgressDto, label: (figure: Figure) => string): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = ['cycle,as_at,figure,label,count,of'];
  for (const figure of FIGURES) lines.push([p.cycle, p.asOf, figure, quote(label(figure)), figureValue(p, figure), p.total].join(','));
  return `${lines.join('\r\n')}\r\n`;
}
