import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anonymousSession, cyclesResponse, HEALTH_DEMO, partiesResponse } from '../../../testing/fixtures.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import type { CountryProfileResponse } from '../api/get-public.ts';
import type { PublicPublicationResponse } from '../api/get-publication.ts';

const EMPTY = { summary: '', observations: '', successes: '', challenges: '', recommendations: [], goodPractices: [], needs: [] };

const PROFILE: CountryProfileResponse = {
  asOf: '2027-06-01',
  state: { iso3: 'AUT', name: 'Austria', names: { en: 'Austria' }, regionalGroup: 'western-european-other', isParty: true, becameParty: { effectiveOn: '2006-01-11', precision: 'day' } },
  reviews: [
    {
      id: 'r-aut-1',
      cycle: 1,
      cohortYear: 1,
      stage: 'completed',
      reviewers: [{ iso3: 'ARG', name: 'Argentina', names: { en: 'Argentina' } }],
      startDate: '2010-07-01',
      dialogue: null,
      milestones: [],
      pauses: [],
    },
    {
      id: 'r-aut-2',
      cycle: 2,
      cohortYear: 1,
      stage: 'published',
      reviewers: [{ iso3: 'ARG', name: 'Argentina', names: { en: 'Argentina' } }],
      startDate: '2016-06-01',
      dialogue: null,
      milestones: [],
      pauses: [],
    },
  ],
  asReviewer: [],
  documents: [
    {
      publicationId: 'pub-sum-ar-2',
      cycle: 2,
      document: 'summary',
      language: 'ar',
      version: 2,
      note: 'Corrected figures in paragraph 4.',
      publishedAt: '2027-05-02T10:00:00Z',
      corrections: [{ version: 2, publishedAt: '2027-05-02T10:00:00Z', note: 'Corrected figures in paragraph 4.' }],
    },
    { publicationId: 'pub-rep-en-1', cycle: 2, document: 'report', language: 'en', version: 1, note: null, publishedAt: '2027-04-01T10:00:00Z', corrections: [] },
  ],
  recommendations: [{ reference: '2/AUT/5/1', cycle: 2, article: 5, text: 'Adopt an action plan for the national strategy.' }],
  goodPractices: [{ cycle: 2, article: 52, text: 'A public register of beneficial owners.' }],
};

function api(extra: Record<string, { body: unknown }> = {}) {
  return mockApi({
    'GET /api/session': { body: anonymousSession() },
    'GET /api/health': { body: HEALTH_DEMO },
    'GET /api/parties': { body: partiesResponse() },
    'GET /api/cycles': { body: cyclesResponse() },
    'GET /api/public/countries/AUT': { body: PROFILE },
    ...extra,
  });
}

describe('country profile: published documents, recommendations and good practices', () => {
  it('lists each cycle’s published documents with their files, corrections and online version, and the recommendations with their references', async () => {
    api();
    await renderApp('/countries/AUT');
    const cycle1 = await screen.findByRole('region', { name: 'Cycle 1 review (year 1)' });
    expect(within(cycle1).getAllByText('None published yet.')).toHaveLength(3);

    const cycle2 = screen.getByRole('region', { name: 'Cycle 2 review (year 1)' });
    const documents = within(cycle2).getByRole('table', { name: 'Published documents' });
    const summaryRow = within(documents).getByRole('rowheader', { name: /Executive summary/ }).closest('tr')!;
    expect(within(summaryRow).getByText('Arabic')).toBeTruthy();
    expect(within(summaryRow).getByText('2')).toBeTruthy();
    expect(within(summaryRow).getByRole('link', { name: 'Read online: Executive summary, Arabic' }).getAttribute('href')).toBe('/publications/pub-sum-ar-2');
    expect(within(summaryRow).getByRole('link', { name: 'DOCX: Executive summary, Arabic' }).getAttribute('href')).toBe('/api/public/publications/pub-sum-ar-2.docx');
    expect(within(summaryRow).getByRole('link', { name: 'PDF: Executive summary, Arabic' }).getAttribute('href')).toBe('/api/public/publications/pub-sum-ar-2.pdf');
    const corrections = within(summaryRow).getByRole('list', { name: 'Corrections of Executive summary, Arabic' });
    expect(within(corrections).getByText('Version 2, 2 May 2027: Corrected figures in paragraph 4.')).toBeTruthy();
    const reportRow = within(documents).getByRole('rowheader', { name: 'Country review report' }).closest('tr')!;
    expect(within(reportRow).getByRole('link', { name: 'Read online: Country review report, English' }).getAttribute('href')).toBe('/publications/pub-rep-en-1');

    const recommendations = within(cycle2).getByRole('list', { name: 'Recommendations' });
    expect(within(recommendations).getByText('2/AUT/5/1')).toBeTruthy();
    expect(within(recommendations).getByText(/Article 5: Adopt an action plan for the national strategy\./)).toBeTruthy();
    expect(within(within(cycle2).getByRole('list', { name: 'Good practices' })).getByText('Article 52: A public register of beneficial owners.')).toBeTruthy();
  });
});

describe('country profile: published material in the per-review shape', () => {
  it('reads the documents and findings a server sends inside each review', async () => {
    const review = PROFILE.reviews[1]!;
    // Held in a variable: the ids and references are newer, optional fields of these shapes.
    const published = {
      documents: [
        { kind: 'executive-summary' as const, language: 'en' as const, title: 'Executive summary: Austria (cycle 2)', version: 1, publishedOn: '2027-04-01', note: null, href: '/api/public/publications/p1.pdf', id: 'p1' },
        { kind: 'executive-summary' as const, language: 'en' as const, title: 'Executive summary: Austria (cycle 2)', version: 2, publishedOn: '2027-05-02', note: 'Corrected a date.', href: '/api/public/publications/p2.pdf', id: 'p2' },
      ],
      recommendations: [{ article: '5', text: 'Adopt an action plan.', language: 'en' as const, reference: '2/AUT/5/1' }],
      goodPractices: [],
    };
    const profile: CountryProfileResponse = { ...PROFILE, documents: undefined, recommendations: undefined, goodPractices: undefined, reviews: [{ ...review, published }] };
    mockApi({
      'GET /api/session': { body: anonymousSession() },
      'GET /api/health': { body: HEALTH_DEMO },
      'GET /api/parties': { body: partiesResponse() },
      'GET /api/cycles': { body: cyclesResponse() },
      'GET /api/public/countries/AUT': { body: profile },
    });
    await renderApp('/countries/AUT');
    const cycle2 = await screen.findByRole('region', { name: 'Cycle 2 review (year 1)' });
    const documents = within(cycle2).getByRole('table', { name: 'Published documents' });
    expect(within(documents).getAllByRole('row')).toHaveLength(2);
    expect(within(documents).getByRole('link', { name: 'Read online: Executive summary, English' }).getAttribute('href')).toBe('/publications/p2');
    expect(within(documents).getByText('Version 2, 2 May 2027: Corrected a date.')).toBeTruthy();
    expect(within(within(cycle2).getByRole('list', { name: 'Recommendations' })).getByText('2/AUT/5/1')).toBeTruthy();
  });
});

const SUMMARY_AR: PublicPublicationResponse = {
  id: 'pub-sum-ar-2',
  document: 'summary',
  language: 'ar',
  version: 2,
  note: 'Corrected figures in paragraph 4.',
  publishedAt: '2027-05-02T10:00:00Z',
  state: { iso3: 'AUT', name: 'Austria' },
  cycle: 2,
  symbol: 'CAC/COSP/IRG/II/1/1/Add.4',
  html: '<p>لدى النمسا استراتيجية وطنية لمكافحة الفساد.</p>',
  sections: null,
};

describe('public page of a published document', () => {
  it('shows an Arabic executive summary right to left, with its symbol, date, version and correction note', async () => {
    api({ 'GET /api/public/publications/pub-sum-ar-2': { body: SUMMARY_AR } });
    await renderApp('/publications/pub-sum-ar-2');
    expect(await screen.findByRole('heading', { level: 1, name: 'Executive summary: Austria, cycle 2' })).toBeTruthy();
    const text = screen.getByTestId('publication-text');
    expect(text.getAttribute('dir')).toBe('rtl');
    expect(text.getAttribute('lang')).toBe('ar');
    expect(within(text).getByText('لدى النمسا استراتيجية وطنية لمكافحة الفساد.')).toBeTruthy();
    expect(screen.getByTestId('publication-symbol').textContent).toBe('CAC/COSP/IRG/II/1/1/Add.4');
    expect(screen.getByText('2 May 2027')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Corrections' })).getByText(/Corrected figures in paragraph 4\./)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download as PDF' }).getAttribute('href')).toBe('/api/public/publications/pub-sum-ar-2.pdf');
    expect(screen.getByRole('link', { name: 'Country profile of Austria' }).getAttribute('href')).toBe('/countries/AUT');
  });

  it('shows a published report by chapter and article, left to right in English, with the recommendations’ references', async () => {
    const report: PublicPublicationResponse = {
      ...SUMMARY_AR,
      id: 'pub-rep-en-1',
      document: 'report',
      language: 'en',
      version: 1,
      note: null,
      html: null,
      sections: [
        {
          article: 5,
          title: 'Preventive anti-corruption policies and practices',
          chapter: 'II',
          content: { ...EMPTY, summary: '<p>A national strategy since 2019.</p>', recommendations: [{ text: 'Adopt an action plan.', reference: '2/AUT/5/1' }] },
        },
      ],
    };
    api({ 'GET /api/public/publications/pub-rep-en-1': { body: report } });
    await renderApp('/publications/pub-rep-en-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Country review report: Austria, cycle 2' })).toBeTruthy();
    const text = screen.getByTestId('publication-text');
    expect(text.getAttribute('dir')).toBe('ltr');
    const chapter = within(text).getByRole('region', { name: 'Chapter II' });
    const article = within(chapter).getByRole('region', { name: 'Article 5. Preventive anti-corruption policies and practices' });
    expect(within(article).getByText('A national strategy since 2019.')).toBeTruthy();
    expect(within(article).getByText('2/AUT/5/1')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Corrections' })).toBeNull();
  });
});
