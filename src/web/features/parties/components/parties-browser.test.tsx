import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anonymousSession, HEALTH_DEMO, partiesResponse, secretariatSession, PARTIES } from '../../../testing/fixtures.ts';
import { mockApi, problem } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

function rowNames(): string[] {
  const table = screen.getByRole('table', { name: 'List of States' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('rowheader')[0]?.querySelector('a')?.textContent ?? '');
}

async function openPartiesPage(session = anonymousSession()) {
  const api = mockApi({
    'GET /api/session': { body: session },
    'GET /api/health': { body: HEALTH_DEMO },
    'GET /api/parties': (req) => ({ body: partiesResponse(PARTIES, new URLSearchParams(req.search).get('asOf') ?? '2026-11-27') }),
  });
  await renderApp('/parties');
  await screen.findByRole('table', { name: 'List of States' });
  return api;
}

describe('States parties page', () => {
  it('lists every State and the EU, sorted by name, with status and date precision', async () => {
    await openPartiesPage();
    expect(rowNames()).toEqual(['Andorra', 'Argentina', 'Austria', "Côte d'Ivoire", 'European Union']);
    // Each name leads to the State's public country profile.
    expect(screen.getByRole('link', { name: 'Andorra' }).getAttribute('href')).toBe('/countries/AND');
    const andorra = screen.getByRole('rowheader', { name: /Andorra/ }).closest('tr')!;
    expect(within(andorra).getByText('Not a party')).toBeTruthy();
    const argentina = screen.getByRole('rowheader', { name: /Argentina/ }).closest('tr')!;
    expect(within(argentina).getByText('(year only)')).toBeTruthy();
    const ivory = screen.getByRole('rowheader', { name: /Côte/ }).closest('tr')!;
    expect(within(ivory).getByText('Date not recorded')).toBeTruthy();
    expect(screen.getByText(/5 shown of 5 · parties among them: 4/)).toBeTruthy();
  });

  it('filters rows by name, accent-insensitively, and by ISO code', async () => {
    await openPartiesPage();
    const search = screen.getByRole('searchbox', { name: /Search/ });
    fireEvent.change(search, { target: { value: 'austria' } });
    await waitFor(() => expect(rowNames()).toEqual(['Austria']));
    fireEvent.change(search, { target: { value: 'cote d' } });
    await waitFor(() => expect(rowNames()).toEqual(["Côte d'Ivoire"]));
    fireEvent.change(search, { target: { value: 'ARG' } });
    await waitFor(() => expect(rowNames()).toEqual(['Argentina']));
    expect(screen.getByText(/1 shown of 5/)).toBeTruthy();
  });

  it('filters rows by regional group', async () => {
    await openPartiesPage();
    fireEvent.change(screen.getByRole('combobox', { name: /Regional group/ }), { target: { value: 'western-european-other' } });
    await waitFor(() => expect(rowNames()).toEqual(['Andorra', 'Austria']));
    fireEvent.change(screen.getByRole('combobox', { name: /Regional group/ }), { target: { value: 'none' } });
    await waitFor(() => expect(rowNames()).toEqual(['European Union']));
  });

  it('asks the server again for another "as at" date', async () => {
    const api = await openPartiesPage();
    fireEvent.change(screen.getByLabelText(/As at/), { target: { value: '2008-01-01' } });
    await waitFor(() => expect(api.requests.some((r) => r.path === '/api/parties' && r.search === '?asOf=2008-01-01')).toBe(true));
  });

  it('shows the party names in the interface language', async () => {
    await openPartiesPage();
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'fr' } });
    await screen.findByRole('table', { name: 'Liste des États' });
    expect(screen.getByRole('rowheader', { name: /Autriche/ })).toBeTruthy();
  });

  it('offers no accession button to the public', async () => {
    await openPartiesPage();
    expect(screen.queryByRole('button', { name: /Record accession/ })).toBeNull();
  });

  it('lets the secretariat record an accession and shows the API error in the dialog', async () => {
    const api = await openPartiesPage(secretariatSession());
    api.on('POST /api/parties/AND/accession', problem(422, 'party.invalidAccession', 'An accession cannot be recorded with a date in the future.'));
    const button = await screen.findByRole('button', { name: 'Record accession: Andorra' });
    expect(screen.getAllByRole('button', { name: /Record accession:/ })).toHaveLength(1);
    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Record accession: Andorra' });
    fireEvent.change(within(dialog).getByLabelText(/Party from/), { target: { value: '2026-01-01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record accession' }));
    expect(await within(dialog).findByText('An accession cannot be recorded with a date in the future.')).toBeTruthy();
    const post = api.requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({ effectiveOn: '2026-01-01' });
    expect(post?.headers['x-csrf-token']).toBe('csrf-sec');
  });
});
