/**
 * The recommendation search (docs/ANALYTICS.md): one query per page of results with its facet
 * counts; the export links carry the same query string.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export const FACETS = ['kind', 'needType', 'cycle', 'chapter', 'article', 'group', 'state'] as const;
export type Facet = (typeof FACETS)[number];

export interface Segment {
  text: string;
  hit: boolean;
}

export interface SearchResultDto {
  kind: 'recommendation' | 'good-practice' | 'need';
  needType: string | null;
  reference: string;
  reviewId: string;
  cycle: number;
  stateIso3: string;
  stateName: string;
  group: string | null;
  chapter: string;
  article: number;
  text: Segment[];
}

export interface SearchDto {
  scope: 'published' | 'all';
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  facets: Record<Facet, { value: string; count: number; label: string | null }[]>;
  results: SearchResultDto[];
  stateSuggestions: { iso3: string; name: string }[];
  notice: 'browse' | null;
}

export interface SearchState {
  q: string;
  selected: Record<Facet, string[]>;
  page: number;
}

export const EMPTY_SELECTION: Record<Facet, string[]> = { kind: [], needType: [], cycle: [], chapter: [], article: [], group: [], state: [] };

export function searchParams(state: SearchState, language: string, withPage = true): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const facet of FACETS) if (state.selected[facet].length) params.set(facet, state.selected[facet].join(','));
  if (withPage && state.page > 1) params.set('page', String(state.page));
  params.set('lang', language);
  return params.toString();
}

export function useSearch(state: SearchState, language: string) {
  const query = searchParams(state, language);
  return useQuery({
    queryKey: ['search', query],
    queryFn: ({ signal }) => apiRequest<SearchDto>(`/api/search?${query}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
