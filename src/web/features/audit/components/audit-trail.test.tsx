import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { HEALTH_DEMO, secretariatSession } from '../../../testing/fixtures.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import { AUDIT_PAGE_SIZE, type AuditEvent } from '../api/get-audit.ts';

function events(from: number, count: number): AuditEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    id: from - i,
    occurredAt: '2026-11-27T14:05:09.000Z',
    actorLabel: 'secretariat@demo.test',
    action: 'cohorts.update',
    outcome: 'success',
    resourceType: 'cohort',
    resourceId: `1/${from - i}`,
    details: null,
  }));
}

describe('Audit trail page', () => {
  it('shows events in UTC and loads older ones before the last id', async () => {
    const mock = mockApi({
      'GET /api/session': { body: secretariatSession() },
      'GET /api/health': { body: HEALTH_DEMO },
      'GET /api/audit': (req) =>
        new URLSearchParams(req.search).get('before') === null ? { body: { events: events(100, AUDIT_PAGE_SIZE) } } : { body: { events: events(50, 3) } },
    });
    await renderApp('/admin/audit');
    expect(await screen.findByRole('columnheader', { name: 'Time (UTC)' })).toBeTruthy();
    expect((await screen.findAllByText('27 Nov 2026, 14:05:09')).length).toBe(AUDIT_PAGE_SIZE);
    fireEvent.click(screen.getByRole('button', { name: 'Load more events' }));
    expect(await screen.findByText('No older events.')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByText('27 Nov 2026, 14:05:09')).toHaveLength(AUDIT_PAGE_SIZE + 3));
    expect(mock.requests.filter((r) => r.path === '/api/audit').map((r) => r.search)).toEqual(['?limit=50', '?limit=50&before=51']);
  });
});
