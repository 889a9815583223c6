import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { focalPointSession, HEALTH_DEMO, secretariatSession } from '../../../testing/fixtures.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import type { OutboxEmailDto, OutboxResponse } from '../api/notifications.ts';

const EMAILS: OutboxEmailDto[] = [
  {
    id: 'e-2',
    email: 'expert@demo.test',
    recipientName: 'Demo Governmental Expert of Kenya (fictitious)',
    kind: 'checklist.submitted',
    subject: 'Checklist submitted — review of Austria (cycle 2)',
    body: 'Austria submitted its self-assessment checklist in the review of Austria (cycle 2).',
    link: '/reviews/r-aut/checklist',
    status: 'failed',
    error: '550 Mailbox unavailable',
    createdAt: '2026-11-27T14:05:09.000Z',
    emailedAt: '2026-11-27T14:06:00.000Z',
  },
  {
    id: 'e-1',
    email: 'focal.point@demo.test',
    recipientName: 'Demo Focal Point of Austria (fictitious)',
    kind: 'deadline.reminder',
    subject: 'Due in 3 days: Checklist submitted — review of Austria (cycle 2)',
    body: 'The next step …',
    link: '/reviews/r-aut',
    status: 'outbox',
    error: null,
    createdAt: '2026-11-27T09:00:00.000Z',
    emailedAt: '2026-11-27T09:01:00.000Z',
  },
];

function outbox(emails: OutboxEmailDto[], isSmtpConfigured = false): OutboxResponse {
  return { isSmtpConfigured, counts: { pending: 0, sent: 3, failed: 1, outbox: 1 }, emails };
}

function secretariat() {
  const base = secretariatSession();
  return { ...base, abilities: { ...base.abilities, 'outbox.read': true, 'notifications.read': true } };
}

describe('Outbox page', () => {
  it('shows every e-mail with recipient, status and error, and says that nothing is sent without SMTP', async () => {
    const mock = mockApi({
      'GET /api/session': { body: secretariat() },
      'GET /api/health': { body: HEALTH_DEMO },
      'GET /api/notifications': { body: { unread: 0, notifications: [] } },
      'GET /api/outbox': (req) => ({ body: outbox(new URLSearchParams(req.search).get('status') === 'failed' ? [EMAILS[0]!] : EMAILS) }),
    });
    await renderApp('/outbox');
    expect(screen.getByRole('heading', { level: 1, name: 'E-mail outbox' })).toBeTruthy();
    expect(await screen.findByText('No e-mail is sent')).toBeTruthy();
    expect(screen.getByText(/SMTP_URL is not set/)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Notification e-mails' });
    const failed = within(table).getByRole('rowheader', { name: /Expert of Kenya/ }).closest('tr')!;
    expect(within(failed).getByText('expert@demo.test')).toBeTruthy();
    expect(within(failed).getByText('Failed')).toBeTruthy();
    expect(within(failed).getByText('550 Mailbox unavailable')).toBeTruthy();
    expect(within(failed).getByText('Checklist submitted — review of Austria (cycle 2)')).toBeTruthy();
    expect(within(failed).getByText(/Austria submitted its self-assessment checklist/)).toBeTruthy();
    expect(within(table).getByText('Kept, not sent')).toBeTruthy();
    expect(screen.getByText('Failed: 1')).toBeTruthy();

    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'E-mail outbox' })).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'failed' } });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(mock.requests.some((r) => r.path === '/api/outbox' && r.search === '?status=failed')).toBe(true);
  });

  it('is not shown to a focal point', async () => {
    mockApi({
      'GET /api/session': { body: focalPointSession() },
      'GET /api/health': { body: HEALTH_DEMO },
    });
    await renderApp('/outbox');
    expect(await screen.findByText('Not available to your account')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).queryByRole('link', { name: 'E-mail outbox' })).toBeNull();
    expect(within(nav).getByRole('link', { name: 'Inbox' })).toBeTruthy();
  });
});
