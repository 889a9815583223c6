import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anonymousSession, cyclesResponse, HEALTH_DEMO, partiesResponse } from '../../../testing/fixtures.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import type { DurationsDto, ForecastDto, ProgressDto } from '../api/progress.ts';

const PROGRESS: ProgressDto = {
  cycle: 2,
  asOf: '2020-11-01',
  total: 36,
  underReview: 33,
  paused: 2,
  checklistsSubmitted: 26,
  dialoguesHeld: { total: 19, countryVisits: 10, jointMeetings: 5, virtualVisits: 4 },
  executiveSummariesFinalised: 9,
  reportsFinalised: 4,
};
const DURATIONS: DurationsDto = {
  cycle: 2,
  groups: [{ cycle: 2, cohortYear: null, reviews: 36, started: 33, steps: [{ step: 'checklistSubmitted', count: 26, meanDays: 173.4, medianDays: 172, indicativeDays: 60, onTime: 0, onTimeShare: 0 }] }],
};
const FORECAST: ForecastDto = {
  cycle: 2,
  today: '2026-11-28',
  runs: 1000,
  total: 36,
  completed: 4,
  open: [{ id: 'r-1', stateIso3: 'AUT', p10: '2027-01-01', p50: '2027-06-01', p90: '2028-01-01' }],
  completion: { p10: '2029-05-25', p50: '2029-06-23', p90: '2029-07-29' },
  plannedEnd: '2024-06-30',
  probabilityOnTime: 0,
  steps: [],
  fan: [{ date: '2027-01-01', p10: 4, p50: 5, p90: 6 }],
};

function api() {
  return mockApi({
    'GET /api/session': { body: anonymousSession() },
    'GET /api/health': { body: HEALTH_DEMO },
    'GET /api/parties': { body: partiesResponse() },
    'GET /api/cycles': { body: cyclesResponse() },
    'GET /api/stats/progress': (request) => ({ body: { ...PROGRESS, asOf: new URLSearchParams(request.search).get('asOf') } }),
    'GET /api/stats/progress/sentence': { body: { cycle: 2, asOf: '2020-11-01', lang: 'en', sentence: 'As at 1 November 2020, 26 of the 36 States parties …' } },
    'GET /api/stats/progress/reviews': { body: { cycle: 2, asOf: '2020-11-01', figure: 'virtualVisits', count: 1, reviews: [{ id: 'r-1', stateIso3: 'AUT', name: 'Austria', names: {}, cohortYear: 2, date: '2019-05-01', dialogueType: 'virtual_visit', stage: 'drafting' }] } },
    'GET /api/stats/durations': { body: DURATIONS },
    'GET /api/stats/forecast': { body: FORECAST },
  });
}

describe('Statistics page', () => {
  it('shows "N of M" for the latest cycle as at today, the reviews behind a figure, the sentence, durations and forecast', async () => {
    const mock = api();
    await renderApp('/statistics');
    expect(await screen.findByRole('heading', { level: 1, name: 'Statistics of the review process' })).toBeTruthy();
    expect((await screen.findByTestId('figure-checklistsSubmitted')).textContent).toBe('26 of 36');
    expect(screen.getByTestId('figure-virtualVisits').textContent).toBe('4 of 36');
    const asked = mock.requests.find((r) => r.path === '/api/stats/progress')!;
    expect(new URLSearchParams(asked.search).get('cycle')).toBe('2');
    expect(new URLSearchParams(asked.search).get('asOf')).toBe(new Date().toISOString().slice(0, 10));
    fireEvent.click(screen.getByTestId('figure-virtualVisits'));
    const list = await screen.findByTestId('figure-reviews');
    expect(await within(list).findByRole('rowheader', { name: 'Austria' })).toBeTruthy();
    expect(mock.requests.some((r) => r.path === '/api/stats/progress/reviews' && r.search.includes('figure=virtualVisits'))).toBe(true);
    expect((await screen.findByTestId('progress-sentence')).textContent).toContain('26 of the 36 States parties');
    expect(await screen.findByTestId('durations-table')).toBeTruthy();
    expect((await screen.findByTestId('forecast-summary')).textContent).toContain('probability of finishing by then: 0%');
    const csv = decodeURIComponent(screen.getByTestId('progress-csv').getAttribute('href')!.split(',').slice(1).join(','));
    expect(csv.split('\r\n')[0]).toBe('cycle,as_at,figure,label,count,of');
    expect(csv).toContain('virtualVisits,"Virtual country visits",4,36');
  });

  it('says why a date cannot be shown instead of asking the server', async () => {
    const mock = api();
    await renderApp('/statistics');
    await screen.findByTestId('figure-checklistsSubmitted');
    const before = mock.requests.filter((r) => r.path === '/api/stats/progress').length;
    fireEvent.change(screen.getByLabelText('As at'), { target: { value: '2015-01-01' } });
    expect((await screen.findByTestId('stats-as-of-problem')).textContent).toContain('The cycle began on 1 July 2015');
    fireEvent.change(screen.getByLabelText('As at'), { target: { value: '2999-01-01' } });
    expect((await screen.findByTestId('stats-as-of-problem')).textContent).toContain('in the future');
    await waitFor(() => expect(mock.requests.filter((r) => r.path === '/api/stats/progress').length).toBe(before));
  });
});
