import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { DrawDetailDto } from './get-draw.ts';

export interface RunDrawInput {
  id: string;
  publicEntropy: string;
}

/** Adds the public entropy read out in the meeting, reveals the secret and draws. */
export function runDraw({ id, publicEntropy }: RunDrawInput): Promise<{ draw: DrawDetailDto }> {
  return apiRequest(`/api/draws/${encodeURIComponent(id)}/run`, { method: 'POST', body: { publicEntropy } });
}

export function useRunDraw() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runDraw,
    onSuccess: ({ draw }) => {
      queryClient.setQueryData(['draws', draw.id], { draw });
      return queryClient.invalidateQueries({ queryKey: ['draws'], exact: true });
    },
  });
}
