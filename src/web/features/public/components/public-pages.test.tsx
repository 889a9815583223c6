import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { anonymousSession, cyclesResponse, HEALTH_DEMO, partiesResponse } from '../../../testing/fixtures.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import type { CountryProfileResponse, ScheduleResponse } from '../api/get-public.ts';

const SCHEDULE: ScheduleResponse = {
  asOf: '2026-11-27',
  reviews: [
    { id: 'r-aut', stateUnderReview: 'AUT', regionalGroup: 'western-european-other', cycle: 2, cohortYear: 1, reviewers: ['ARG', 'CIV'], stage: 'desk-review', startDate: '2016-06-01', dialogue: { date: '2016-10-29', held: false, type: null } },
    { id: 'r-arg', stateUnderReview: 'ARG', regionalGroup: 'latin-american-caribbean', cycle: 1, cohortYear: 2, reviewers: ['AUT', 'AND'], stage: 'published', startDate: '2011-03-01', dialogue: { date: '2012-01-10', held: true, type: 'country_visit' } },
  ],
};

const PROFILE: CountryProfileResponse = {
  asOf: '2026-11-27',
  state: { iso3: 'AUT', name: 'Austria', names: { en: 'Austria', fr: 'Autriche', ar: 'النمسا' }, regionalGroup: 'western-european-other', isParty: true, becameParty: { effectiveOn: '2006-01-11', precision: 'day' } },
  reviews: [
    {
      id: 'r-aut',
      cycle: 2,
      cohortYear: 1,
      stage: 'desk-review',
      reviewers: [
        { iso3: 'ARG', name: 'Argentina', names: { en: 'Argentina' } },
        { iso3: 'CIV', name: "Côte d'Ivoire", names: { en: "Côte d'Ivoire" } },
      ],
      startDate: '2016-06-01',
      dialogue: { date: '2016-10-29', held: false, type: null },
      milestones: [{ kind: 'started', date: '2016-06-01', dialogueType: null }],
      pauses: [],
      published: { documents: [], recommendations: [], goodPractices: [] },
    },
  ],
  asReviewer: [{ reviewId: 'r-arg', cycle: 1, stateUnderReview: { iso3: 'ARG', name: 'Argentina', names: { en: 'Argentina' } } }],
};

function api() {
  return mockApi({
    'GET /api/session': { body: anonymousSession() },
    'GET /api/health': { body: HEALTH_DEMO },
    'GET /api/parties': { body: partiesResponse() },
    'GET /api/cycles': { body: cyclesResponse() },
    'GET /api/public/schedule': { body: SCHEDULE },
    'GET /api/public/countries/AUT': { body: PROFILE },
  });
}

describe('public review schedule and country profile', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists every review without signing in, filters by regional group and stage, and links to the feed and the profiles', async () => {
    api();
    await renderApp('/schedule');
    expect(screen.getByRole('heading', { level: 1, name: 'Review schedule' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Review schedule' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByRole('link', { name: 'Follow every review (Atom feed)' }).getAttribute('href')).toBe('/api/public/feed.atom');
    expect(within(table).getByRole('link', { name: 'Austria' }).getAttribute('href')).toBe('/countries/AUT');
    const argentina = within(table).getByRole('rowheader', { name: 'Argentina' }).closest('tr')!;
    expect(within(argentina).getByText('Country visit')).toBeTruthy();
    expect(within(table).getByText(/^due /)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Regional group'), { target: { value: 'latin-american-caribbean' } });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(within(table).queryByRole('link', { name: 'Austria' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Stage'), { target: { value: 'desk-review' } });
    expect(within(table).getAllByRole('row')).toHaveLength(1);
  });

  it("shows a State's reviews with stage, dates and reviewing States, and says nothing is published yet", async () => {
    api();
    await renderApp('/countries/AUT');
    expect(screen.getByRole('heading', { level: 1, name: 'Austria' })).toBeTruthy();
    const review = screen.getByRole('region', { name: 'Cycle 2 review (year 1)' });
    expect(within(review).getByText("Argentina and Côte d'Ivoire")).toBeTruthy();
    expect(within(review).getAllByText('None published yet.')).toHaveLength(3);
    expect(screen.getByRole('link', { name: 'Follow Austria (Atom feed)' }).getAttribute('href')).toBe('/api/public/countries/AUT/feed.atom');
    expect(screen.getByRole('link', { name: 'Argentina' }).getAttribute('href')).toBe('/countries/ARG');
  });
});
