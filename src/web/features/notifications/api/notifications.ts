import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

/** One "waiting on you" item of GET /api/inbox: a review step of your side or a thread awaiting your answer. */
export interface InboxItemDto {
  kind: 'review.step' | 'thread.answer';
  reviewId: string;
  stateUnderReview: string;
  cycle: number;
  /** The milestone kind (review.step) or the provision of the thread (thread.answer). */
  subject: string;
  dueDate: string | null;
  daysLate: number;
  threadId?: string;
}

/** One of the user's notifications; `kind` is a NotificationKind (the server may add kinds). */
export interface NotificationDto {
  id: string;
  kind: string;
  subject: string;
  body: string;
  /** Path in the web app. */
  link: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationsResponse {
  unread: number;
  notifications: NotificationDto[];
}

export type EmailStatus = 'pending' | 'sent' | 'failed' | 'outbox';
export const EMAIL_STATUSES: readonly EmailStatus[] = ['pending', 'sent', 'failed', 'outbox'];

export interface OutboxEmailDto {
  id: string;
  email: string;
  recipientName: string;
  kind: string;
  subject: string;
  body: string;
  link: string;
  status: EmailStatus;
  error: string | null;
  createdAt: string;
  emailedAt: string | null;
}

export interface OutboxResponse {
  isSmtpConfigured: boolean;
  counts: Record<EmailStatus, number>;
  emails: OutboxEmailDto[];
}

export const inboxQueryKey = ['inbox'] as const;
export const notificationsQueryKey = ['notifications'] as const;

export function useInbox() {
  return useQuery({ queryKey: inboxQueryKey, queryFn: () => apiRequest<{ items: InboxItemDto[] }>('/api/inbox') });
}

export function notificationsQueryOptions(isEnabled: boolean) {
  return queryOptions({
    queryKey: notificationsQueryKey,
    queryFn: () => apiRequest<NotificationsResponse>('/api/notifications'),
    enabled: isEnabled,
    // The unread badge in the navigation follows new notifications without a reload.
    refetchInterval: isEnabled ? 60_000 : false,
  });
}

export function useNotifications(isEnabled = true) {
  return useQuery(notificationsQueryOptions(isEnabled));
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<void>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<{ marked: number }>('/api/notifications/read-all', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
  });
}

export function useOutbox(status?: EmailStatus) {
  return useQuery({
    queryKey: ['outbox', status ?? 'all'],
    queryFn: () => apiRequest<OutboxResponse>(`/api/outbox${status ? `?status=${status}` : ''}`),
    placeholderData: keepPreviousData,
  });
}
