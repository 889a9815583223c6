import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { anonymousSession, cyclesResponse, HEALTH_DEMO, partiesResponse, reviewsResponse, REVIEW_ROWS } from '../../../testing/fixtures.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import { toCsv } from './tracker-csv.ts';

function api() {
  return mockApi({
    'GET /api/session': { body: anonymousSession() },
    'GET /api/health': { body: HEALTH_DEMO },
    'GET /api/parties': { body: partiesResponse() },
    'GET /api/cycles': { body: cyclesResponse() },
    'GET /api/reviews': (req) => {
      const q = new URLSearchParams(req.search);
      const rows = REVIEW_ROWS.filter((r) => (q.get('cycle') ? r.cycle === Number(q.get('cycle')) : true)).filter((r) =>
        q.get('overdue') === 'true' ? r.overdue.length > 0 : true,
      );
      return { body: reviewsResponse(rows) };
    },
  });
}

function rowStates(): string[] {
  const table = screen.getByRole('table', { name: 'Reviews' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('rowheader').textContent ?? '');
}

async function openTracker() {
  const mock = api();
  await renderApp('/reviews');
  await screen.findByRole('table', { name: 'Reviews' });
  return mock;
}

describe('Review tracker', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows the counts per stage and the reviews sorted by delay, with State names and who is waited on', async () => {
    await openTracker();
    expect(screen.getByRole('heading', { level: 1, name: 'Country reviews' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /All reviews\s*4/ }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: /^Overdue\s*2/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Desk review\s*1/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /Drafting the report\s*0/ })).toBeTruthy();
    expect(rowStates()).toEqual(["Côte d'Ivoire", 'Argentina', 'Austria', 'Andorra']);
    const argentina = screen.getByRole('rowheader', { name: 'Argentina' }).closest('tr')!;
    expect(within(argentina).getByText('Summary published')).toBeTruthy();
    expect(within(argentina).getByText('State under review and Secretariat')).toBeTruthy();
    expect(within(argentina).getByText('Austria')).toBeTruthy();
    expect(within(argentina).getByText("Côte d'Ivoire")).toBeTruthy();
    expect(within(argentina).getByText('Cycle 1 · year 2')).toBeTruthy();
    expect(within(argentina).getByText('2011')).toBeTruthy();
    expect(within(argentina).getByRole('link', { name: 'Argentina' }).getAttribute('href')).toBe('/reviews/r-arg');
    const andorra = screen.getByRole('rowheader', { name: 'Andorra' }).closest('tr')!;
    expect(within(andorra).getByText('On time')).toBeTruthy();
  });

  it('filters by a stage count and shows every stage count still', async () => {
    await openTracker();
    fireEvent.click(screen.getByRole('button', { name: /Paused\s*1/ }));
    await waitFor(() => expect(rowStates()).toEqual(["Côte d'Ivoire"]));
    expect(screen.getByRole('button', { name: /Paused\s*1/ }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('1 shown of 4')).toBeTruthy();
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Stage' }).value).toBe('paused');
    fireEvent.click(screen.getByRole('button', { name: /Paused\s*1/ }));
    await waitFor(() => expect(rowStates()).toHaveLength(4));
  });

  it('asks the server for a cycle and for overdue reviews only', async () => {
    const mock = await openTracker();
    fireEvent.change(screen.getByRole('combobox', { name: 'Review cycle' }), { target: { value: '2' } });
    await waitFor(() => expect(rowStates()).toEqual(["Côte d'Ivoire"]));
    expect(mock.requests.some((r) => r.path === '/api/reviews' && r.search === '?cycle=2')).toBe(true);
    fireEvent.change(screen.getByRole('combobox', { name: 'Review cycle' }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Overdue only' }));
    await waitFor(() => expect(rowStates()).toEqual(["Côte d'Ivoire", 'Austria']));
    expect(mock.requests.some((r) => r.search === '?overdue=true')).toBe(true);
  });

  it('sorts by State name on request', async () => {
    await openTracker();
    fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), { target: { value: 'state' } });
    await waitFor(() => expect(rowStates()).toEqual(['Andorra', 'Argentina', 'Austria', "Côte d'Ivoire"]));
  });

  it('exports the rows on screen as CSV', async () => {
    await openTracker();
    let blob: Blob | undefined;
    URL.createObjectURL = vi.fn((b: Blob) => {
      blob = b;
      return 'blob:reviews';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    fireEvent.click(screen.getByRole('button', { name: /Overdue\s*2/ }));
    await waitFor(() => expect(rowStates()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(click).toHaveBeenCalled();
    const text = await blob!.text();
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('ISO code,State under review,Regional group,Cycle,Year of cycle,Reviewer 1 (ISO),Reviewer 2 (ISO),Stage,Waiting on,Days late,Overdue steps');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe("CIV,Côte d'Ivoire,African States,2,1,AUT,ARG,Paused,Secretariat,95,focalPointAppointed; checklistSubmitted");
  });

  it('quotes CSV cells and defuses formulas', () => {
    expect(toCsv([['a,b', 'say "hi"', '=SUM(A1)', 3]])).toBe('\uFEFF"a,b","say ""hi""",\'=SUM(A1),3\r\n');
  });

  it('shows the tracker in Arabic with Arabic names', async () => {
    await openTracker();
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'ar' } });
    await screen.findByRole('table', { name: 'الاستعراضات' });
    expect(screen.getByRole('rowheader', { name: 'النمسا' })).toBeTruthy();
    expect(screen.getAllByText('متوقف مؤقتًا').length).toBeGreaterThan(0);
  });
});
