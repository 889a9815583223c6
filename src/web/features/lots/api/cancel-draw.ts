import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { DrawDetailDto } from './get-draw.ts';

export interface CancelDrawInput {
  id: string;
  reason: string;
}

export function cancelDraw({ id, reason }: CancelDrawInput): Promise<{ draw: DrawDetailDto }> {
  return apiRequest(`/api/draws/${encodeURIComponent(id)}/cancel`, { method: 'POST', body: { reason } });
}

export function useCancelDraw() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelDraw,
    onSuccess: ({ draw }) => {
      queryClient.setQueryData(['draws', draw.id], { draw });
      return queryClient.invalidateQueries({ queryKey: ['draws'], exact: true });
    },
  });
}
