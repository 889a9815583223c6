import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RegionalGroup } from '../../../../domain/parties/regional-groups.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export interface PoolGroupDto {
  regionalGroup: RegionalGroup | null;
  underReview: string[];
  pool: { iso3: string; reviewsSoFar: number }[];
  excluded: { iso3: string; reason: string }[];
}

export interface DrawPoolDto {
  cycle: number;
  year: number;
  calendarYear: number;
  rules: Record<string, unknown>;
  redrawLimit: number;
  /** Whether the reviewers of this cohort are already drawn and published. */
  isDrawn: boolean;
  groups: PoolGroupDto[];
}

export function getDrawPool(cycle: number, year: number): Promise<DrawPoolDto> {
  return apiRequest<DrawPoolDto>(`/api/cycles/${cycle}/cohorts/${year}/pool`);
}

export function drawPoolQueryOptions(cycle: number, year: number) {
  return queryOptions({ queryKey: ['draw-pool', cycle, year], queryFn: () => getDrawPool(cycle, year) });
}

/** Secretariat only: the cohort, the pool of each group, exclusions and reviews so far. */
export function useDrawPool(cycle: number, year: number | null) {
  return useQuery({ ...drawPoolQueryOptions(cycle, year ?? 0), enabled: year !== null });
}
