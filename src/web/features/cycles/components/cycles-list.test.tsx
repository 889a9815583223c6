import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anonymousSession, cyclesResponse, HEALTH_DEMO, partiesResponse, secretariatSession } from '../../../testing/fixtures.ts';
import { mockApi, problem } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

function api(session = anonymousSession()) {
  return mockApi({
    'GET /api/session': { body: session },
    'GET /api/health': { body: HEALTH_DEMO },
    'GET /api/parties': { body: partiesResponse() },
    'GET /api/cycles': { body: cyclesResponse() },
  });
}

describe('Review cycles page', () => {
  it('lists cycles with their cohorts by State name and no edit button for the public', async () => {
    api();
    await renderApp('/cycles');
    expect(await screen.findByRole('heading', { level: 2, name: 'Review cycle 1' })).toBeTruthy();
    expect(await screen.findByText('Argentina, Austria')).toBeTruthy();
    expect(screen.getAllByText('Chapter III and Chapter IV').length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: /Edit the States/ })).toBeNull();
  });

  it('sends the version with the edit and explains a conflict', async () => {
    const mock = api(secretariatSession());
    mock.on('PUT /api/cycles/1/cohorts/1', problem(409, 'record.versionConflict', 'The cohort was changed by someone else.'));
    await renderApp('/cycles');
    fireEvent.click(await screen.findByRole('button', { name: 'Edit the States under review in 2010' }));
    const dialog = await screen.findByRole('dialog', { name: 'States under review in 2010' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Someone else changed this list')).toBeTruthy();
    const put = mock.requests.find((r) => r.method === 'PUT');
    expect(put?.body).toEqual({ states: ['AUT', 'ARG'], version: 3 });
    expect(within(dialog).getByRole('button', { name: 'Reload the latest list' })).toBeTruthy();
  });

  it('shows the validation errors of a refused cohort', async () => {
    const mock = api(secretariatSession());
    mock.on(
      'PUT /api/cycles/2/cohorts/1',
      problem(422, 'cohort.invalid', 'The cohort is not valid.', [{ path: 'states', message: 'AUT is already in the cohort of year 1 of cycle 1.' }]),
    );
    await renderApp('/cycles');
    fireEvent.click(await screen.findByRole('button', { name: 'Edit the States under review in 2016' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('The cohort is not valid.')).toBeTruthy();
    expect(within(dialog).getByText(/AUT is already in the cohort/)).toBeTruthy();
    expect(mock.requests.find((r) => r.method === 'PUT')?.body).toEqual({ states: [], version: 0 });
  });
});
