/**
 * Following the public review schedule by e-mail (docs/PUBLIC.md, "Follow by e-mail"): ask,
 * confirm with the token of the confirmation e-mail, unsubscribe with the token of any e-mail.
 * No account needed.
 */
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { UnLanguage } from '../../../../domain/parties/party.ts';
import { apiRequest } from '../../../lib/api-client.ts';

export interface Availability {
  available: boolean;
  detail?: string;
}

export interface SubscribeInput {
  email: string;
  /** ISO3 of the State to follow; null follows the whole Mechanism. */
  country: string | null;
  language: UnLanguage;
}

export interface SubscriptionState {
  status: 'pending' | 'confirmed' | 'unsubscribed';
  country: string | null;
}

export function availabilityQueryOptions() {
  return queryOptions({
    queryKey: ['public', 'subscriptions', 'availability'],
    queryFn: () => apiRequest<Availability>('/api/public/subscriptions/availability'),
    // A server setting: it changes with a restart at most.
    staleTime: Infinity,
  });
}

export function useSubscriptionAvailability() {
  return useQuery(availabilityQueryOptions());
}

export function useSubscribe() {
  return useMutation({ mutationFn: (input: SubscribeInput) => apiRequest<{ status: 'accepted'; detail: string }>('/api/public/subscriptions', { method: 'POST', body: input }) });
}

export function useConfirmSubscription() {
  return useMutation({ mutationFn: (token: string) => apiRequest<SubscriptionState>('/api/public/subscriptions/confirm', { method: 'POST', body: { token } }) });
}

export function useUnsubscribe() {
  return useMutation({ mutationFn: (token: string) => apiRequest<SubscriptionState>('/api/public/subscriptions/unsubscribe', { method: 'POST', body: { token } }) });
}
