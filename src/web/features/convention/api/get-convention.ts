import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

import type { Obligation } from '../../../../domain/convention/convention.ts';

export type { Obligation };

export interface Provision {
  id: string;
  label: string;
  part: string;
  obligation: Obligation;
}

export interface Article {
  number: number;
  title: string;
  provisions: Provision[];
}

export interface Chapter {
  /** Roman numeral, e.g. "III". */
  number: string;
  ordinal: number;
  title: string;
  articles: Article[];
}

export interface ConventionResponse {
  instrument: { code: string; title: string };
  chapters: Chapter[];
}

export function getConvention(): Promise<ConventionResponse> {
  return apiRequest<ConventionResponse>('/api/convention');
}

export const conventionQueryOptions = queryOptions({
  queryKey: ['convention'],
  queryFn: getConvention,
  staleTime: Infinity,
});

export function useConvention() {
  return useQuery(conventionQueryOptions);
}
