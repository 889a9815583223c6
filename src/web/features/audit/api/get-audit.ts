import { useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export interface AuditEvent {
  id: string | number;
  occurredAt: string;
  actorLabel: string;
  action: string;
  outcome: string;
  resourceType: string | null;
  resourceId: string | null;
  details: unknown;
}

export const AUDIT_PAGE_SIZE = 50;

export function getAuditEvents({ before }: { before?: string | number }): Promise<{ events: AuditEvent[] }> {
  const params = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  if (before !== undefined) params.set('before', String(before));
  return apiRequest(`/api/audit?${params.toString()}`);
}

/** Newest first; each page continues before the oldest event already shown. */
export function useAuditEvents({ enabled = true }: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: ['admin', 'audit'],
    queryFn: ({ pageParam }) => getAuditEvents({ before: pageParam }),
    initialPageParam: undefined as string | number | undefined,
    getNextPageParam: (lastPage) =>
      lastPage.events.length < AUDIT_PAGE_SIZE ? undefined : lastPage.events[lastPage.events.length - 1]?.id,
    enabled,
  });
}
