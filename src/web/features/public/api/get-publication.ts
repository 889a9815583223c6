/**
 * One published document, for anyone (docs/REPORTS.md §3): the text as it was published —
 * an executive summary (HTML) or a country review report (its sections) — never a working
 * text. A correction is a publication of its own, with a note.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SectionContent } from '../../../../domain/reports/report.ts';
import type { UnLanguage } from '../../../../domain/parties/party.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export interface PublicPublicationResponse {
  id: string;
  document: 'report' | 'summary' | 'checklist';
  language: UnLanguage;
  version: number;
  note: string | null;
  publishedAt: string;
  state: { iso3: string; name: string };
  cycle: number;
  symbol: string;
  /** The executive summary's text. */
  html: string | null;
  /** The report's sections; recommendations may carry their stable reference. */
  sections: { article: number; title: string; chapter: string; content: SectionContent & { recommendations: { text: string; reference?: string }[] } }[] | null;
  /** The checklist's answers, by article, when the document is the self-assessment checklist. */
  checklist?: { article: number; title: string; chapter: string; provisions: { id: string; label: string; text: string }[] }[] | null;
  /** Every version of the same document and language, when the server lists them. */
  versions?: { id: string; version: number; note: string | null; publishedAt: string }[];
}

export const publicationFileUrl = (publicationId: string, format: 'docx' | 'pdf') => `/api/public/publications/${encodeURIComponent(publicationId)}.${format}`;

export function publicationQueryOptions(publicationId: string) {
  return queryOptions({
    queryKey: ['public', 'publication', publicationId],
    queryFn: () => apiRequest<PublicPublicationResponse>(`/api/public/publications/${encodeURIComponent(publicationId)}`),
  });
}

export function usePublicPublication(publicationId: string) {
  return useQuery(publicationQueryOptions(publicationId));
}
