import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../auth/api/get-session.ts';
import { anonymousSession, cyclesResponse, HEALTH_DEMO, partiesResponse, secretariatSession } from '../../../testing/fixtures.ts';
import { mockApi, problem, type RecordedRequest } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import type { AssistanceStatsDto, QueueDto } from '../api/assistance.ts';

const zeroTypes = Object.fromEntries(['capacity-building', 'legislative-assistance', 'legal-advice', 'model-legislation', 'institution-building', 'policymaking', 'research-and-data', 'international-cooperation', 'on-site-expert', 'action-plan', 'good-practices', 'other'].map((t) => [t, 0]));

function stats(detail: boolean): AssistanceStatsDto {
  return {
    cycle: 2,
    chapters: ['II', 'V'],
    total: 3,
    statesWithNeeds: 2,
    byType: { ...zeroTypes, 'capacity-building': 2, 'research-and-data': 1 },
    byArticle: { '14': 1, '52': 2 },
    byChapter: { II: 1, V: 2 },
    statesByChapter: { II: 1, V: 2 },
    shares: { byType: { ...zeroTypes, 'capacity-building': 0.6667, 'research-and-data': 0.3333 }, byArticle: { '14': 0.3333, '52': 0.6667 }, byChapter: { II: 0.3333, V: 0.6667 } },
    groups: [{ id: '14+52', articles: [14, 52], count: 3, share: 1, shareOfChapter: { II: 3, V: 1.5 }, statesWithNeeds: 2 }],
    behind: detail ? { states: ['AUT', 'KEN'], byType: { 'capacity-building': ['AUT', 'KEN'], 'research-and-data': ['KEN'] }, byArticle: { '14': ['AUT'], '52': ['AUT', 'KEN'] }, byChapter: {}, groups: {} } : null,
    may: { readDetail: detail, review: detail, import: detail },
  };
}

const QUEUE: QueueDto = {
  pending: 1,
  corrections: 0,
  needs: [{ id: 'n-1', cycle: 2, state: 'AUT', article: 52, text: 'Training of bank staff', types: ['capacity-building'], suggested: [{ type: 'capacity-building', confidence: 0.91 }], version: 1 }],
};

function api(session: Session, detail: boolean) {
  return mockApi({
    'GET /api/session': { body: session },
    'GET /api/health': { body: HEALTH_DEMO },
    'GET /api/parties': { body: partiesResponse() },
    'GET /api/cycles': { body: cyclesResponse() },
    'GET /api/stats/assistance': { body: stats(detail) },
    'GET /api/assistance/queue': { body: QUEUE },
  });
}

const withAbilities = (session: Session, review: boolean): Session => ({ ...session, abilities: { ...session.abilities, 'assistance.read': true, 'assistance.classify': review, 'assistance.review': review } });

describe('Technical-assistance page', () => {
  it('shows the public the anonymised figures only', async () => {
    api(withAbilities(anonymousSession(), false), false);
    await renderApp('/assistance');
    expect(await screen.findByRole('heading', { level: 1, name: 'Technical-assistance needs' })).toBeTruthy();
    expect((await screen.findByTestId('needs-total')).textContent).toBe('3');
    const byType = screen.getByTestId('needs-by-type');
    expect(within(byType).getByRole('row', { name: /Capacity-building 2 66\.7%/ })).toBeTruthy();
    expect(within(byType).queryByRole('columnheader', { name: 'States' })).toBeNull();
    expect(within(screen.getByTestId('needs-by-group')).getByRole('row', { name: /Articles 14 and 52 3 100%/ })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Needs to review' })).toBeNull();
    expect(screen.queryByTestId('classify-text')).toBeNull();
  });

  it('lets the secretariat see the States, correct a queued need and save a correction from the classify box', async () => {
    const mock = api(withAbilities(secretariatSession(), true), true);
    const reviews: RecordedRequest[] = [];
    const corrections: RecordedRequest[] = [];
    mock.on('POST /api/assistance/needs/n-1/review', (request) => {
      reviews.push(request);
      return { body: { id: 'n-1', types: ['legislative-assistance'], version: 2 } };
    });
    mock.on('POST /api/assistance/classify', () => ({ body: { types: [{ type: 'policymaking', confidence: 0.93, evidence: ['strategi'] }] } }));
    mock.on('POST /api/assistance/corrections', (request) => {
      corrections.push(request);
      return corrections.length === 1 ? problem(400, 'request.invalid', 'Not a type of assistance: x.') : { body: { id: 'c-1', types: ['policymaking', 'action-plan'], corrections: 1 } };
    });
    await renderApp('/assistance');
    const byType = await screen.findByTestId('needs-by-type');
    expect(within(byType).getByRole('row', { name: /Capacity-building 2 66\.7% AUT and KEN/ })).toBeTruthy();

    const row = await screen.findByTestId('queue-row');
    fireEvent.click(within(row).getByRole('checkbox', { name: 'Capacity-building' }));
    fireEvent.click(within(row).getByRole('checkbox', { name: 'Legislative assistance' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Correct' }));
    await waitFor(() => expect(reviews).toHaveLength(1));
    expect(reviews[0]!.body).toEqual({ types: ['legislative-assistance'], version: 1 });

    fireEvent.change(screen.getByTestId('classify-text'), { target: { value: 'A national strategy' } });
    fireEvent.click(screen.getByRole('button', { name: 'Classify' }));
    expect(within(await screen.findByTestId('classify-result')).getByText('Policymaking')).toBeTruthy();
    fireEvent.click(within(screen.getByRole('group', { name: 'Right types' })).getByRole('checkbox', { name: 'Development of an action plan' }));
    fireEvent.click(screen.getByTestId('save-correction'));
    expect(await screen.findByText('Not a type of assistance: x.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('save-correction'));
    expect(await screen.findByText(/learns from 1 correction/)).toBeTruthy();
    expect(corrections[1]!.body).toEqual({ text: 'A national strategy', types: ['policymaking', 'action-plan'] });
  });
});
