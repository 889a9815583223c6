import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { RedrawRequestDto } from './get-redraw-requests.ts';

export interface RequestRedrawInput {
  cycle: number;
  underReview: string;
  slot: 0 | 1;
  reason?: string;
  /** Beyond the limit of redraws; the secretariat only. */
  exceptionalDecision?: string;
}

export function requestRedraw(input: RequestRedrawInput): Promise<{ request: RedrawRequestDto }> {
  return apiRequest('/api/redraw-requests', { method: 'POST', body: input });
}

export function useRequestRedraw() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: requestRedraw,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['redraw-requests'] }),
  });
}
