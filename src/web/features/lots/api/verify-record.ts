import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export interface VerifyOutcome {
  valid: boolean;
  problems: string[];
}

/** Re-runs a record on the server and checks every rule; anyone may ask. */
export function verifyRecord(record: Record<string, unknown>): Promise<VerifyOutcome> {
  return apiRequest<VerifyOutcome>('/api/draws/verify', { method: 'POST', body: record });
}

export function useVerifyRecord() {
  return useMutation({ mutationFn: verifyRecord });
}
