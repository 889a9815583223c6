import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export interface CohortDto {
  /** 1-based year of the cycle. */
  year: number;
  calendarYear: number;
  /** Optimistic-concurrency version; 0 for a year that has no cohort yet. */
  version: number;
  states: string[];
}

export interface CycleDto {
  number: number;
  title: string;
  /** Roman numerals of the chapters under review. */
  chapters: string[];
  startsOn: string;
  endsOn: string;
  extendedTo: string | null;
  years: number;
  firstYear: number;
  cohorts: CohortDto[];
}

export interface CyclesResponse {
  cycles: CycleDto[];
}

export function getCycles(): Promise<CyclesResponse> {
  return apiRequest<CyclesResponse>('/api/cycles');
}

export const cyclesQueryOptions = queryOptions({ queryKey: ['cycles'], queryFn: getCycles });

export function useCycles() {
  return useQuery(cyclesQueryOptions);
}

/** Every year of the cycle, with an empty cohort (version 0) where none is recorded yet. */
export function cohortsByYear(cycle: CycleDto): CohortDto[] {
  const recorded = new Map(cycle.cohorts.map((c) => [c.year, c]));
  return Array.from({ length: cycle.years }, (_, i) => {
    const year = i + 1;
    return recorded.get(year) ?? { year, calendarYear: cycle.firstYear + i, version: 0, states: [] };
  });
}
