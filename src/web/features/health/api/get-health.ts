import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export interface Health {
  status: 'ok';
  database: { engine: 'pglite' | 'postgres'; status: 'up' };
  /** True when the instance runs on the fictitious demonstration data set. Older servers omit it. */
  demo?: boolean;
  version?: string;
}

export function getHealth(): Promise<Health> {
  return apiRequest<Health>('/api/health');
}

export const healthQueryOptions = queryOptions({
  queryKey: ['health'],
  queryFn: getHealth,
  staleTime: Infinity,
  retry: false,
});

export function useHealth() {
  return useQuery(healthQueryOptions);
}
