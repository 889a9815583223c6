/**
 * Labels for the codes of notifications and e-mail statuses. Each code has its own literal
 * t() call so that the locale test can check that every key exists.
 */
import type { TFunction } from 'i18next';

export function notificationKindLabel(t: TFunction, kind: string): string {
  switch (kind) {
    case 'deadline.reminder':
      return t('notifications.kind.deadlineReminder');
    case 'thread.opened':
      return t('notifications.kind.threadOpened');
    case 'thread.replied':
      return t('notifications.kind.threadReplied');
    case 'checklist.submitted':
      return t('notifications.kind.checklistSubmitted');
    default:
      return kind;
  }
}

export function emailStatusLabel(t: TFunction, status: string): string {
  switch (status) {
    case 'pending':
      return t('notifications.outbox.status.pending');
    case 'sent':
      return t('notifications.outbox.status.sent');
    case 'failed':
      return t('notifications.outbox.status.failed');
    case 'outbox':
      return t('notifications.outbox.status.outbox');
    default:
      return status;
  }
}
