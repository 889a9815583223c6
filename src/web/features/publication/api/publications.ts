/**
 * What a review has published (docs/REPORTS.md §3): the State's consent to publish the full
 * report and the checklist, and every publication — an immutable snapshot; a correction is
 * a new publication of the same document and language, with a note.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UnLanguage } from '../../../../domain/reports/summary.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export type PublishedDocument = 'report' | 'summary' | 'checklist';
export type ConsentDocument = 'report' | 'checklist';

export const CONSENT_DOCUMENTS: readonly ConsentDocument[] = ['report', 'checklist'];

export interface ConsentDto {
  documents: ConsentDocument[];
  languages: UnLanguage[];
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface PublicationDto {
  id: string;
  document: PublishedDocument;
  language: UnLanguage;
  version: number;
  note: string | null;
  publishedAt: string;
  publishedBy: string;
}

export interface PublicationsResponse {
  consent: ConsentDto | null;
  publications: PublicationDto[];
  may: { consent: boolean; publish: boolean };
}

const base = (reviewId: string) => `/api/reviews/${encodeURIComponent(reviewId)}`;
export const publicationsKey = (reviewId: string) => ['publications', reviewId] as const;

export function usePublications(reviewId: string) {
  return useQuery({ queryKey: publicationsKey(reviewId), queryFn: () => apiRequest<PublicationsResponse>(`${base(reviewId)}/publications`) });
}

export function useRecordConsent(reviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { documents: ConsentDocument[]; languages: UnLanguage[]; note?: string }) =>
      apiRequest<PublicationsResponse>(`${base(reviewId)}/consent`, { method: 'POST', body: input }),
    onSuccess: (data) => {
      queryClient.setQueryData(publicationsKey(reviewId), data);
      return queryClient.invalidateQueries({ queryKey: ['reviews'] });
    },
  });
}

export function usePublish(reviewId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { document: PublishedDocument; language: UnLanguage; note?: string }) =>
      apiRequest<PublicationsResponse>(`${base(reviewId)}/publications`, { method: 'POST', body: input }),
    onSuccess: (data) => {
      queryClient.setQueryData(publicationsKey(reviewId), data);
      // A publication records a milestone, and a published language version shows its date.
      return Promise.all([queryClient.invalidateQueries({ queryKey: ['reviews'] }), queryClient.invalidateQueries({ queryKey: ['summary', reviewId] })]);
    },
  });
}
