import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { focalPointSession, HEALTH_DEMO, partiesResponse, secretariatSession } from '../../../testing/fixtures.ts';
import { mockApi, problem } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import type { UserDto } from '../api/get-users.ts';

const USERS: UserDto[] = [
  { id: 'u-sec', email: 'secretariat@demo.test', displayName: 'Sam Secretariat', role: 'secretariat', stateIso3: null, isDisabled: false, isDemo: true, lastLoginAt: '2026-11-27T10:00:00.000Z' },
  { id: 'u-fp', email: 'focal.point@demo.test', displayName: 'Fatima Focal', role: 'focal-point', stateIso3: 'AUT', isDisabled: false, isDemo: true, lastLoginAt: null },
];

function api(session = secretariatSession()) {
  return mockApi({
    'GET /api/session': { body: session },
    'GET /api/health': { body: HEALTH_DEMO },
    'GET /api/parties': { body: partiesResponse() },
    'GET /api/users': { body: { users: USERS } },
  });
}

describe('Users page', () => {
  it('lists accounts with role, State and status, and disables one', async () => {
    const mock = api();
    mock.on('PATCH /api/users/u-fp', { body: { user: { ...USERS[1], isDisabled: true } } });
    await renderApp('/admin/users');
    const row = (await screen.findByRole('rowheader', { name: /Fatima Focal/ })).closest('tr')!;
    expect(within(row).getByText('Focal point')).toBeTruthy();
    expect(await within(row).findByText('Austria')).toBeTruthy();
    expect(within(row).getByText('Never')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Disable Sam Secretariat' })).toBeNull();
    fireEvent.click(within(row).getByRole('button', { name: 'Disable Fatima Focal' }));
    expect(await screen.findByText('The account of Fatima Focal is disabled.')).toBeTruthy();
    const patch = mock.requests.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({ isDisabled: true });
    expect(patch?.headers['x-csrf-token']).toBe('csrf-sec');
  });

  it('asks for a State for a focal point and shows the server’s field errors', async () => {
    const mock = api();
    mock.on('POST /api/users', problem(422, 'password.weak', 'Password is too common or too repetitive.', [{ path: 'body.password', message: 'Too common.' }]));
    await renderApp('/admin/users');
    fireEvent.click(await screen.findByRole('button', { name: 'Create user' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a user' });
    fireEvent.change(within(dialog).getByLabelText(/^Email address/), { target: { value: 'new.person@example.org' } });
    fireEvent.change(within(dialog).getByLabelText(/^Display name/), { target: { value: 'New Person' } });
    fireEvent.change(within(dialog).getByRole('combobox', { name: /Role/ }), { target: { value: 'focal-point' } });
    fireEvent.change(within(dialog).getByLabelText(/^Initial password/), { target: { value: 'password1234' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create user' }));
    expect(await within(dialog).findByText('Choose the State this person acts for.')).toBeTruthy();
    expect(mock.requests.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByRole('combobox', { name: /Role/ }), { target: { value: 'delegate' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create user' }));
    expect(await within(dialog).findByText('Password is too common or too repetitive.')).toBeTruthy();
    expect(within(dialog).getAllByText('Too common.').length).toBeGreaterThan(0);
    await waitFor(() =>
      expect(mock.requests.find((r) => r.method === 'POST')?.body).toEqual({
        email: 'new.person@example.org',
        displayName: 'New Person',
        role: 'delegate',
        password: 'password1234',
      }),
    );
  });

  it('is refused to a focal point, without asking the server for the list', async () => {
    const mock = api(focalPointSession());
    await renderApp('/admin/users');
    expect(await screen.findByText('Not available to your account')).toBeTruthy();
    expect(mock.requests.some((r) => r.path === '/api/users')).toBe(false);
  });
});
