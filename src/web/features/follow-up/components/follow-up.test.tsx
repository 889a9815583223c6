import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anonymousSession, focalPointSession, HEALTH_DEMO, partiesResponse, secretariatSession } from '../../../testing/fixtures.ts';
import { mockApi, problem, type RecordedRequest } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import type { DashboardResponse, FollowUpResponse } from '../api/follow-up.ts';

const REVIEW = 'rev-aut';
const figure = (implemented: number, partly: number, notAssessed: number) => ({ counts: { implemented, 'partly-implemented': partly, 'not-implemented': 0, 'no-longer-applicable': 0, 'not-assessed': notAssessed }, total: implemented + partly + notAssessed, shareImplemented: implemented + partly + notAssessed === 0 ? null : Math.round((implemented * 1000) / (implemented + partly + notAssessed)) / 10 });

function followUp(overrides: Partial<FollowUpResponse> = {}): FollowUpResponse {
  return {
    reviewId: REVIEW,
    cycle: 2,
    state: { iso3: 'AUT', name: 'Austria' },
    finalisedOn: '2020-01-10',
    settings: { intervalMonths: 24, responseDays: 90 },
    rounds: [{ number: 1, opensOn: '2022-01-10', dueOn: '2022-04-10', closedOn: null, state: 'overdue' }],
    upcoming: null,
    canSeeDetail: true,
    may: { report: true, assess: false, manage: false, plan: true },
    evidenceFiles: [],
    recommendations: [
      { article: 5, sequence: 1, reference: '2/AUT/5/1', text: 'Strengthen coordination.', latest: { status: 'partly-implemented', round: 1, assessedOn: '2022-06-01' }, claimed: { status: 'implemented', round: 1, submittedOn: '2022-03-01' }, history: [] },
      { article: 5, sequence: 2, reference: '2/AUT/5/2', text: 'Collect statistics.', latest: null, claimed: null, history: [] },
    ],
    ...overrides,
  };
}

function dashboard(): DashboardResponse {
  return { asAt: '2026-11-27', isPublishedOnly: true, totals: figure(1, 1, 2), by: { article: [{ key: '5', ...figure(1, 1, 2) }], chapter: [{ key: 'II', ...figure(1, 1, 2) }], regionalGroup: [], cycle: [] }, quarterly: [], mostOutstanding: [{ stateIso3: 'AUT', name: 'Austria', outstanding: 3, total: 4 }] };
}

describe('Follow-up of a review', () => {
  it('shows each recommendation with its latest status; the focal point sends a self-report and sees the server’s refusal', async () => {
    const mock = mockApi({ 'GET /api/session': { body: focalPointSession() }, 'GET /api/health': { body: HEALTH_DEMO }, 'GET /api/parties': { body: partiesResponse() }, [`GET /api/reviews/${REVIEW}/follow-up`]: { body: followUp() } });
    const posts: RecordedRequest[] = [];
    mock.on(`POST /api/reviews/${REVIEW}/follow-up/rounds/1/recommendations/5/2/self-reports`, (request) => {
      posts.push(request);
      return posts.length === 1 ? problem(409, 'followUp.invalidState', 'Round 1 closed on 2022-05-01: report in the next round.') : { status: 201, body: {} };
    });
    await renderApp(`/reviews/${REVIEW}/follow-up`);
    const first = await screen.findByRole('article', { name: 'Recommendation 2/AUT/5/1' });
    expect(within(within(first).getByTestId('latest-2/AUT/5/1')).getByText('Partly implemented')).toBeTruthy();
    expect(within(first).getByText('State reports: Implemented satisfactorily (round 1)')).toBeTruthy();
    const second = screen.getByRole('article', { name: 'Recommendation 2/AUT/5/2' });
    expect(within(within(second).getByTestId('latest-2/AUT/5/2')).getByText('Not assessed yet')).toBeTruthy();
    const form = within(second).getByRole('form', { name: 'Self-report on 2/AUT/5/2' });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Status claimed' }), { target: { value: 'not-implemented' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /What was done/ }), { target: { value: 'A bill is before parliament.' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Statistic: what is counted' }), { target: { value: 'Cases' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Value' }), { target: { value: '12' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send the self-report' }));
    expect(await within(form).findByText(/Round 1 closed on 2022-05-01/)).toBeTruthy();
    expect(posts[0]!.body).toEqual({ status: 'not-implemented', narrative: 'A bill is before parliament.', links: [], statistics: [{ label: 'Cases', value: '12', period: '' }], documents: [] });
    expect(screen.queryByRole('form', { name: /Assessment of/ })).toBeNull();
  });

  it('the public sees no forms and is told only published recommendations are shown', async () => {
    mockApi({ 'GET /api/session': { body: anonymousSession() }, 'GET /api/health': { body: HEALTH_DEMO }, 'GET /api/parties': { body: partiesResponse() }, [`GET /api/reviews/${REVIEW}/follow-up`]: { body: followUp({ canSeeDetail: false, may: { report: false, assess: false, manage: false, plan: false } }) } });
    await renderApp(`/reviews/${REVIEW}/follow-up`);
    expect(await screen.findByText(/Only recommendations of a published report are shown/)).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByRole('link', { name: 'National action plan' })).toBeNull();
  });
});

describe('Follow-up dashboard', () => {
  it('shows the share implemented with a table, and the list behind a figure', async () => {
    const mock = mockApi({
      'GET /api/session': { body: secretariatSession() },
      'GET /api/health': { body: HEALTH_DEMO },
      'GET /api/parties': { body: partiesResponse() },
      'GET /api/follow-up/dashboard': { body: dashboard() },
      'GET /api/follow-up/dashboard/recommendations': { body: { asAt: '2026-11-27', recommendations: [{ reviewId: REVIEW, reference: '2/AUT/5/2', stateIso3: 'AUT', stateName: 'Austria', cycle: 2, article: 5, chapter: 'II', regionalGroup: 'western-european-other', text: 'Collect statistics.', status: 'not-assessed' }] } },
    });
    await renderApp('/follow-up');
    expect((await screen.findByTestId('share-implemented')).textContent).toMatch(/25 % implemented of 4 recommendations/);
    const table = screen.getByTestId('by-table');
    expect(within(table).getByRole('rowheader', { name: 'Article 5' })).toBeTruthy();
    fireEvent.click(within(table).getByRole('button', { name: 'Show the 2 recommendations: Article 5, Not assessed yet' }));
    expect(await screen.findByText('2/AUT/5/2')).toBeTruthy();
    await waitFor(() => expect(mock.requests.some((r) => r.path === '/api/follow-up/dashboard/recommendations' && r.search.includes('dimension=article') && r.search.includes('status=not-assessed'))).toBe(true));
  });
});
