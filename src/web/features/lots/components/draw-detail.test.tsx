import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anonymousSession, cyclesResponse, HEALTH_DEMO, partiesResponse, secretariatSession } from '../../../testing/fixtures.ts';
import { mockApi, problem } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import type { DrawDetailDto } from '../api/get-draw.ts';

const ID = '11111111-2222-4333-8444-555555555555';
const COMMITMENT = 'a'.repeat(64);

function draw(overrides: Partial<DrawDetailDto> = {}): DrawDetailDto {
  return {
    id: ID,
    kind: 'reviewers',
    status: 'published',
    cycle: 1,
    year: 1,
    commitment: COMMITMENT,
    publicEntropy: '12 7 33',
    createdAt: '2026-11-20T09:00:00.000Z',
    drawnAt: '2026-11-27T10:00:00.000Z',
    publishedAt: '2026-11-27T10:05:00.000Z',
    redrawOf: null,
    inputs: {},
    record: {
      kind: 'reviewers',
      cycle: 1,
      year: 2010,
      commitment: COMMITMENT,
      secret: 'b'.repeat(64),
      publicEntropy: '12 7 33',
      seed: 'c'.repeat(64),
      parties: [],
      result: [
        { underReview: 'AUT', reviewers: ['AND', 'ARG'] },
        { underReview: 'ARG', reviewers: ['AUT', 'CIV'] },
      ],
    },
    ...overrides,
  };
}

function api(session = anonymousSession(), detail = draw()) {
  return mockApi({
    'GET /api/session': { body: session },
    'GET /api/health': { body: HEALTH_DEMO },
    'GET /api/parties': { body: partiesResponse() },
    'GET /api/cycles': { body: cyclesResponse() },
    [`GET /api/draws/${ID}`]: { body: { draw: detail } },
  });
}

describe('Public draw page', () => {
  it('shows the result table by State name with regional groups, and the commitment in full', async () => {
    api();
    await renderApp(`/draws/${ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Draw of reviewers · cycle 1, year 1 (2010)' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: /Result of the draw/ });
    const rows = within(table).getAllByRole('row').slice(1);
    // Sorted by the name of the State under review: Argentina, then Austria.
    expect(within(rows[0]!).getByRole('rowheader').textContent).toContain('Argentina');
    const austria = rows[1]!;
    expect(within(austria).getByRole('rowheader').textContent).toContain('Austria');
    const cells = within(austria).getAllByRole('cell');
    expect(cells[0]!.textContent).toContain('Andorra');
    expect(cells[0]!.textContent).toContain('Western European and other States');
    expect(cells[1]!.textContent).toContain('Argentina');
    expect(cells[1]!.textContent).toContain('Latin American and Caribbean States');
    expect(screen.getAllByText(COMMITMENT).length).toBeGreaterThan(0);
    expect(screen.getByText('b'.repeat(64))).toBeTruthy();
    const download = screen.getByRole('link', { name: 'Download record (JSON)' });
    expect(download.getAttribute('href')).toBe(`/api/draws/${ID}/record.json`);
    expect(screen.getByText('npx openirm lots verify record.json')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Run the draw' })).toBeNull();
  });

  it('shows the result in Arabic with Arabic State names', async () => {
    window.localStorage.setItem('openirm.language', 'ar');
    api();
    await renderApp(`/draws/${ID}`);
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'ar' } });
    const table = await screen.findByRole('table', { name: /نتيجة السحب/ });
    expect(within(table).getAllByText('النمسا').length).toBeGreaterThan(0);
  });

  it('shows a committed draw without a result', async () => {
    api(anonymousSession(), draw({ status: 'committed', record: null, drawnAt: null, publishedAt: null, publicEntropy: null }));
    await renderApp(`/draws/${ID}`);
    expect(await screen.findByText('Commitment published; the draw has not been run yet')).toBeTruthy();
    expect(screen.queryByRole('table', { name: /Result of the draw/ })).toBeNull();
  });

  it('lets the secretariat run a committed draw and shows an infeasible draw in place', async () => {
    const mock = api(secretariatSession(), draw({ status: 'committed', record: null, drawnAt: null, publishedAt: null, publicEntropy: null }));
    mock.on(
      `POST /api/draws/${ID}/run`,
      problem(422, 'lots.infeasible', 'Reviewer #1 must come from the same regional group.', [{ path: 'sameGroupReviewer', message: 'AUT, AND' }]),
    );
    await renderApp(`/draws/${ID}`);
    fireEvent.change(await screen.findByLabelText(/Public entropy/), { target: { value: '  4 8 15  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run the draw' }));
    expect(await screen.findByText('No draw can satisfy the rules')).toBeTruthy();
    expect(screen.getByText(/reviewer #1 must come from the same regional group\./)).toBeTruthy();
    expect(screen.getByText('States concerned: Austria (AUT), Andorra (AND).')).toBeTruthy();
    const post = mock.requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({ publicEntropy: '  4 8 15  ' });
    expect(post?.headers['x-csrf-token']).toBe('csrf-sec');
  });
});
