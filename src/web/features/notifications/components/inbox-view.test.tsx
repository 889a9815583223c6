import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { focalPointSession, HEALTH_DEMO, partiesResponse } from '../../../testing/fixtures.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import type { NotificationDto } from '../api/notifications.ts';

function session() {
  const base = focalPointSession();
  return { ...base, abilities: { ...base.abilities, 'notifications.read': true, 'notifications.markRead': true, 'outbox.read': false } };
}

const INBOX = {
  items: [
    { kind: 'review.step', reviewId: 'r-aut', stateUnderReview: 'AUT', cycle: 2, subject: 'checklistSubmitted', dueDate: '2026-11-01', daysLate: 26 },
    { kind: 'thread.answer', reviewId: 'r-aut', stateUnderReview: 'AUT', cycle: 2, subject: '5.1', dueDate: null, daysLate: 0, threadId: 't-1' },
  ],
};

function notifications(): NotificationDto[] {
  return [
    {
      id: 'n-2',
      kind: 'thread.opened',
      subject: 'Desk review: a question on provision 5.1 — review of Austria (cycle 2)',
      body: 'An expert of Kenya asked a question on provision 5.1 in the desk review of the review of Austria (cycle 2).',
      link: '/reviews/r-aut/checklist',
      createdAt: '2026-11-27T14:05:09.000Z',
      readAt: null,
    },
    {
      id: 'n-1',
      kind: 'deadline.reminder',
      subject: 'Overdue by 26 days: Checklist submitted — review of Austria (cycle 2)',
      body: 'The next step …',
      link: '/reviews/r-aut',
      createdAt: '2026-11-23T08:00:00.000Z',
      readAt: '2026-11-24T08:00:00.000Z',
    },
  ];
}

function api() {
  let list = notifications();
  const mock = mockApi({
    'GET /api/session': { body: session() },
    'GET /api/health': { body: HEALTH_DEMO },
    'GET /api/parties': { body: partiesResponse() },
    'GET /api/inbox': { body: INBOX },
    'GET /api/notifications': () => ({ body: { unread: list.filter((n) => n.readAt === null).length, notifications: list } }),
    'POST /api/notifications/n-2/read': () => {
      list = list.map((n) => (n.id === 'n-2' ? { ...n, readAt: '2026-11-27T15:00:00.000Z' } : n));
      return { status: 204 };
    },
  });
  return mock;
}

describe('Inbox page', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists what is waiting on the user, late steps highlighted, with links to the review and its checklist', async () => {
    api();
    await renderApp('/inbox');
    expect(screen.getByRole('heading', { level: 1, name: 'Inbox' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Waiting on you' });
    const step = within(table).getByRole('rowheader', { name: 'Checklist submitted' }).closest('tr')!;
    expect(within(step).getByRole('link', { name: 'Checklist submitted' }).getAttribute('href')).toBe('/reviews/r-aut');
    expect(within(step).getByText('Austria')).toBeTruthy();
    expect(within(step).getByText('1 November 2026')).toBeTruthy();
    expect(within(step).getAllByRole('cell').at(-1)!.textContent).toMatch(/^26\s+Overdue$/);
    const thread = within(table).getByRole('rowheader', { name: 'Answer in the desk review: provision 5.1' }).closest('tr')!;
    expect(within(thread).getByRole('link').getAttribute('href')).toBe('/reviews/r-aut/checklist');
    expect(within(thread).getByText('On time')).toBeTruthy();
  });

  it('shows the notifications, marks one read and shows the unread count in the navigation', async () => {
    const mock = api();
    await renderApp('/inbox');
    const list = await screen.findByRole('list', { name: 'Notifications' });
    const items = await within(list).findAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]!.getAttribute('data-unread')).toBe('true');
    expect(within(items[0]!).getByText('New')).toBeTruthy();
    expect(within(items[0]!).getByText('New desk-review thread')).toBeTruthy();
    expect(within(items[0]!).getByText('27 Nov 2026, 14:05:09 UTC')).toBeTruthy();
    expect(within(items[0]!).getByRole('link', { name: 'Open' }).getAttribute('href')).toBe('/reviews/r-aut/checklist');
    expect(items[1]!.getAttribute('data-unread')).toBeNull();
    expect(screen.getByText('Unread: 1')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: /^Inbox\s*1\s*unread$/ })).toBeTruthy();

    fireEvent.click(within(items[0]!).getByRole('button', { name: /^Mark as read: Desk review: a question/ }));
    await waitFor(() => expect(screen.getByText('Unread: 0')).toBeTruthy());
    expect(mock.requests.some((r) => r.method === 'POST' && r.path === '/api/notifications/n-2/read' && r.headers['x-csrf-token'] === 'csrf-fp')).toBe(true);
    expect(within(nav).getByRole('link', { name: 'Inbox' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Mark all as read' }).hasAttribute('disabled')).toBe(true);
  });

  it('asks the public to sign in', async () => {
    mockApi({
      'GET /api/session': { body: { user: null, csrfToken: 'c', abilities: {} } },
      'GET /api/health': { body: HEALTH_DEMO },
    });
    await renderApp('/inbox');
    expect(await screen.findByText('Sign in required')).toBeTruthy();
  });
});
