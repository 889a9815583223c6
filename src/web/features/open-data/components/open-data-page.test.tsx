import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../../../domain/open-data/datasets.ts';
import { anonymousSession, HEALTH_DEMO } from '../../../testing/fixtures.ts';
import { mockApi, problem } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const BASE = 'https://irm.example.org';
const INDEX = {
  version: 1,
  documentation: `${BASE}/api/docs`,
  dictionary: `${BASE}/api/open/v1/dictionary`,
  bulk: `${BASE}/api/open/v1/bulk.zip`,
  feeds: [`${BASE}/api/public/feed.atom`],
  datasets: DATASETS.map((d) => ({ name: d.name, title: d.title, description: d.description, key: d.key, json: `${BASE}/api/open/v1/${d.name}.json`, csv: `${BASE}/api/open/v1/${d.name}.csv` })),
};

function api(dictionary: { body: unknown } | ReturnType<typeof problem> = { body: { version: 1, datasets: DATASETS } }) {
  return mockApi({
    'GET /api/session': { body: anonymousSession() },
    'GET /api/health': { body: HEALTH_DEMO },
    'GET /api/open/v1': { body: INDEX },
    'GET /api/open/v1/dictionary': dictionary,
  });
}

describe('Open data page', () => {
  it('offers the bulk ZIP and each data set as same-site CSV and JSON links, with its fields', async () => {
    api();
    await renderApp('/open-data');
    expect(await screen.findByRole('heading', { level: 1, name: 'Open data' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download all (ZIP)' }).getAttribute('href')).toBe('/api/open/v1/bulk.zip');
    fireEvent.click(screen.getByRole('button', { name: /Published recommendations/ }));
    const csv = await screen.findByRole('link', { name: 'CSV: Published recommendations' });
    expect(csv.getAttribute('href')).toBe('/api/open/v1/recommendations.csv');
    const fields = await screen.findAllByRole('rowheader');
    expect(fields.map((f) => f.textContent)).toEqual(expect.arrayContaining(['recommendation_id', 'text', 'url']));
    const row = fields.find((f) => f.textContent === 'recommendation_id')!.closest('tr')!;
    expect(within(row).getByText(/Stable identifier/)).toBeTruthy();
  });

  it('still lists the downloads when the dictionary cannot be read', async () => {
    api(problem(500, 'internal', 'The dictionary is unavailable.'));
    await renderApp('/open-data');
    fireEvent.click(await screen.findByRole('button', { name: /Draws of lots/ }));
    expect((await screen.findByRole('link', { name: 'JSON: Draws of lots' })).getAttribute('href')).toBe('/api/open/v1/draws.json');
    expect(await screen.findByText(/The dictionary is unavailable/)).toBeTruthy();
  });
});
