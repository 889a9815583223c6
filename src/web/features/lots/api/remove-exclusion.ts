import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { ExclusionDto } from './set-exclusion.ts';

export interface RemoveExclusionInput {
  cycle: number;
  year: number;
  iso3: string;
}

export function removeExclusion({ cycle, year, iso3 }: RemoveExclusionInput): Promise<{ exclusions: ExclusionDto[] }> {
  return apiRequest(`/api/cycles/${cycle}/cohorts/${year}/exclusions/${encodeURIComponent(iso3)}`, { method: 'DELETE' });
}

export function useRemoveExclusion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeExclusion,
    onSuccess: (_data, input) => queryClient.invalidateQueries({ queryKey: ['draw-pool', input.cycle, input.year] }),
  });
}
