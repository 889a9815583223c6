import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { CohortDto } from './get-cycles.ts';

export interface UpdateCohortInput {
  cycleNumber: number;
  year: number;
  states: string[];
  /** The version the editor started from; the server refuses the write if it has moved on. */
  version: number;
}

export function updateCohort({ cycleNumber, year, states, version }: UpdateCohortInput): Promise<{ cohort: CohortDto }> {
  return apiRequest(`/api/cycles/${cycleNumber}/cohorts/${year}`, { method: 'PUT', body: { states, version } });
}

export function useUpdateCohort() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCohort,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cycles'] }),
  });
}
