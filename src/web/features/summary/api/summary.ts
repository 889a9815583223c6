/**
 * The executive summary of one review (docs/REPORTS.md §2): the original text with its
 * document symbol, pre-filled from the report, finalised once the State has agreed to the
 * report, and its six language versions.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReportStatus } from '../../../../domain/reports/report.ts';
import type { TranslationStatus, UnLanguage } from '../../../../domain/reports/summary.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type { TranslationStatus, UnLanguage };

/** The statuses of a language version, in their order (the domain's list, kept here as data). */
export const TRANSLATION_STATUS_VALUES: readonly TranslationStatus[] = ['pending', 'in_translation', 'final'];
/** The original the secretariat drafts in [A]: its version mirrors the summary. */
export const ORIGINAL_LANGUAGE: UnLanguage = 'en';

export interface LanguageVersionDto {
  language: UnLanguage;
  status: TranslationStatus;
  text: string;
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
  publishedAt: string | null;
}

export interface SummaryResponse {
  reviewId: string;
  status: 'drafting' | 'finalised';
  symbol: string;
  text: string;
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
  finalisedAt: string | null;
  reportStatus: ReportStatus;
  may: { draft: boolean; finalise: boolean; translate: boolean };
  languages: LanguageVersionDto[];
}

const base = (reviewId: string) => `/api/reviews/${encodeURIComponent(reviewId)}/summary`;

export const summaryKey = (reviewId: string) => ['summary', reviewId] as const;

export const summaryDownloadUrl = (reviewId: string, format: 'docx' | 'pdf', language: UnLanguage) =>
  `/api/reviews/${encodeURIComponent(reviewId)}/summary.${format}?language=${encodeURIComponent(language)}`;

export function useSummary(reviewId: string) {
  return useQuery({ queryKey: summaryKey(reviewId), queryFn: () => apiRequest<SummaryResponse>(base(reviewId)) });
}

export function useSaveSummary(reviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { text: string; symbol: string; version: number }) => apiRequest<SummaryResponse>(base(reviewId), { method: 'PUT', body: input }),
    onSuccess: (summary) => queryClient.setQueryData(summaryKey(reviewId), summary),
  });
}

export function getPrefill(reviewId: string): Promise<{ text: string }> {
  return apiRequest<{ text: string }>(`${base(reviewId)}/prefill`);
}

/** Finalising publishes the original, and a final language version is published: both change the publications. */
function useAfterPublishing(reviewId: string) {
  const queryClient = useQueryClient();
  return (summary: SummaryResponse) => {
    queryClient.setQueryData(summaryKey(reviewId), summary);
    return Promise.all([queryClient.invalidateQueries({ queryKey: ['publications', reviewId] }), queryClient.invalidateQueries({ queryKey: ['reviews'] })]);
  };
}

export function useFinaliseSummary(reviewId: string) {
  const after = useAfterPublishing(reviewId);
  return useMutation({
    mutationFn: () => apiRequest<SummaryResponse>(`${base(reviewId)}/finalise`, { method: 'POST' }),
    onSuccess: after,
  });
}

export function useSaveLanguageVersion(reviewId: string, language: UnLanguage) {
  const after = useAfterPublishing(reviewId);
  return useMutation({
    mutationFn: (input: { text: string; status: TranslationStatus; version: number }) =>
      apiRequest<SummaryResponse>(`${base(reviewId)}/languages/${encodeURIComponent(language)}`, { method: 'PUT', body: input }),
    onSuccess: after,
  });
}
