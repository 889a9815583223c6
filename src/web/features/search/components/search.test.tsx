import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anonymousSession, HEALTH_DEMO } from '../../../testing/fixtures.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import type { SearchDto } from '../api/search.ts';

const EMPTY_FACETS: SearchDto['facets'] = { kind: [], needType: [], cycle: [], chapter: [], article: [], group: [], state: [] };

function answer(overrides: Partial<SearchDto> = {}): SearchDto {
  return {
    scope: 'published',
    total: 1,
    page: 1,
    pageSize: 20,
    pages: 1,
    facets: { ...EMPTY_FACETS, kind: [{ value: 'recommendation', count: 1, label: null }], article: [{ value: '10', count: 1, label: 'Public reporting' }] },
    results: [
      {
        kind: 'recommendation',
        needType: null,
        reference: '2/KEN/10/1',
        reviewId: 'r1',
        cycle: 2,
        stateIso3: 'KEN',
        stateName: 'Kenya',
        group: 'african',
        chapter: 'II',
        article: 10,
        text: [
          { text: '<img src=x onerror=alert(1)> Collect ', hit: false },
          { text: 'statistics', hit: true },
          { text: ' now.', hit: false },
        ],
      },
    ],
    stateSuggestions: [],
    notice: null,
    ...overrides,
  };
}

describe('Search page', () => {
  it('sends the words and ticked facets, marks hits as text (never markup), and links the exports with the same query', async () => {
    const mock = mockApi({ 'GET /api/session': { body: anonymousSession() }, 'GET /api/health': { body: HEALTH_DEMO }, 'GET /api/search': { body: answer() } });
    await renderApp('/search');
    fireEvent.change(await screen.findByLabelText(/^Words/), { target: { value: 'statistics' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    await waitFor(() => expect(mock.requests.some((r) => r.path === '/api/search' && r.search.includes('q=statistics'))).toBe(true));
    const results = await screen.findByTestId('search-results');
    expect(within(results).getByText('statistics').tagName).toBe('MARK');
    expect(results.querySelector('img')).toBeNull();
    expect(results.textContent).toContain('<img src=x onerror=alert(1)>');

    fireEvent.click(screen.getByRole('checkbox', { name: /Article 10 Public reporting/ }));
    await waitFor(() => expect(mock.requests.some((r) => r.path === '/api/search' && r.search.includes('article=10') && r.search.includes('q=statistics'))).toBe(true));
    expect(screen.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toMatch(/^\/api\/search\.csv\?q=statistics&article=10&lang=en$/);
  });

  it('says why nothing is found for the public', async () => {
    mockApi({ 'GET /api/session': { body: anonymousSession() }, 'GET /api/health': { body: HEALTH_DEMO }, 'GET /api/search': { body: answer({ total: 0, results: [], facets: EMPTY_FACETS }) } });
    await renderApp('/search');
    expect((await screen.findByTestId('search-empty')).textContent).toContain('Only published country review reports can be searched');
  });
});
