import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../auth/api/get-session.ts';
import { anonymousSession, HEALTH_DEMO, partiesResponse, secretariatSession } from '../../../testing/fixtures.ts';
import { mockApi, problem, type RecordedRequest } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import type { FundingDto, PortfolioDto, ProjectsDto, UnmetDto } from '../api/ta-projects.ts';

const KEN_NEED = 'recorded/5b0c2f1e-7d3a-4c8b-9e6f-1a2b3c4d5e6f';
const UNMET: UnmetDto = {
  cycle: null,
  total: 1,
  byType: [
    { type: 'capacity-building', count: 0 },
    { type: 'model-legislation', count: 1 },
    { type: 'research-and-data', count: 0 },
  ],
  byRegion: [
    { region: 'african', count: 1 },
    { region: 'none', count: 0 },
  ],
  needs: [{ key: KEN_NEED, stateIso3: 'KEN', stateName: 'Kenya', region: 'african', cycle: 2, article: 52, types: ['model-legislation'], text: 'Model legislation on asset declarations.' }],
};
const PORTFOLIOS: PortfolioDto[] = [
  { providerKind: 'unodc', providerName: 'UNODC', projects: 2, byStatus: { offered: 1, agreed: 0, 'under-way': 0, delivered: 1 }, states: ['AUT', 'KEN'], allocated: [{ currency: 'USD', amount: '1060.00' }], spent: [{ currency: 'USD', amount: '250.50' }] },
];
const PROJECTS: ProjectsDto = {
  projects: [
    {
      id: 'p-1',
      title: 'Asset declarations system',
      providerKind: 'unodc',
      providerName: 'UNODC',
      stateIso3: 'AUT',
      stateName: 'Austria',
      status: 'offered',
      description: '',
      results: '',
      needs: ['report/x/9/1'],
      allocated: [{ currency: 'USD', amount: '1060.00' }],
      spent: [],
      allocations: [],
      allocationsHidden: 3,
    },
  ],
  may: { manage: true },
};
const FUNDING: FundingDto = {
  contributions: [{ id: 'c-1', donor: 'Austria', kind: 'cash', date: '2026-02-01', currency: 'USD', amount: '1000.00', allocated: '1000.00', available: '0.00' }],
  expenditures: [],
};

function withTa(session: Session, manage: boolean): Session {
  return { ...session, abilities: { ...session.abilities, 'ta.read': true, 'ta.manage': manage } };
}

function api(session: Session) {
  return mockApi({
    'GET /api/session': { body: session },
    'GET /api/health': { body: HEALTH_DEMO },
    'GET /api/parties': { body: partiesResponse() },
    'GET /api/ta/unmet': { body: UNMET },
    'GET /api/ta/portfolios': { body: PORTFOLIOS },
    'GET /api/ta/projects': { body: PROJECTS },
    'GET /api/ta/funding': { body: FUNDING },
  });
}

describe('Assistance projects page', () => {
  it('shows needs without a provider by type and region, and lets the secretariat record a project for the selected needs', async () => {
    const mock = api(withTa(secretariatSession(), true));
    const posts: RecordedRequest[] = [];
    mock.on('POST /api/ta/projects', (request) => {
      posts.push(request);
      return { status: 201, body: { id: 'p-new' } };
    });
    await renderApp('/ta-projects');
    expect(await screen.findByRole('heading', { level: 1, name: 'Technical assistance matched to funding' })).toBeTruthy();
    expect((await screen.findByTestId('unmet-total')).textContent).toBe('Needs with no provider yet: 1');
    expect(screen.getByTestId('count-model-legislation').textContent).toBe('1');
    expect(screen.getByTestId('count-african').textContent).toBe('1');
    expect(screen.getByRole('rowheader', { name: 'Research and data collection' })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'African States' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download for donor coordination (XLSX)' }).getAttribute('href')).toBe('/api/ta/coordination.xlsx');
    fireEvent.change(screen.getByLabelText('Cycle'), { target: { value: '2' } });
    await waitFor(() => expect(mock.requests.some((r) => r.path === '/api/ta/unmet' && r.search === '?cycle=2')).toBe(true));
    await waitFor(() => expect(screen.getByRole('link', { name: 'Download for donor coordination (XLSX)' }).getAttribute('href')).toBe('/api/ta/coordination.xlsx?cycle=2'));

    fireEvent.click(await screen.findByLabelText('Select the need of Kenya under article 52'));
    const form = screen.getByRole('form', { name: 'Record a project for the selected needs' });
    fireEvent.change(within(form).getByLabelText(/Title of the project/), { target: { value: 'Model law workshop' } });
    fireEvent.change(within(form).getByLabelText('Kind of provider'), { target: { value: 'regional-body' } });
    fireEvent.change(within(form).getByLabelText(/^Provider/), { target: { value: 'African Union' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the project' }));
    expect(await screen.findByText('Project recorded.')).toBeTruthy();
    expect(posts[0]!.body).toEqual({ title: 'Model law workshop', providerKind: 'regional-body', providerName: 'African Union', needs: [KEN_NEED] });
  });

  it('shows portfolios and projects, and the server’s message when a contribution is already fully allocated', async () => {
    const mock = api(withTa(secretariatSession(), true));
    mock.on('POST /api/ta/projects/p-1/funding', () => problem(422, 'ta.invalid', 'The contribution is already fully allocated (1000.00 USD).'));
    await renderApp('/ta-projects');
    fireEvent.click(await screen.findByRole('tab', { name: "Providers' portfolios" }));
    const portfolio = await screen.findByRole('table', { name: "Providers' portfolios" });
    expect(within(portfolio).getByRole('rowheader', { name: 'UNODC' })).toBeTruthy();
    expect(within(portfolio).getByText(/1,060\.00/)).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'Projects' }));
    expect((await screen.findByTestId('status-p-1')).textContent).toBe('Offered');
    expect(screen.getByText('Allocations of other donors not shown: 3')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'Allocate funding' });
    await waitFor(() => expect(within(form).getAllByRole('option').length).toBeGreaterThan(3));
    fireEvent.change(within(form).getByLabelText('Project'), { target: { value: 'p-1' } });
    fireEvent.change(within(form).getByLabelText('Contribution'), { target: { value: 'c-1' } });
    fireEvent.change(within(form).getByLabelText(/^Amount/), { target: { value: '0.01' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Allocate funding' }));
    expect(await within(form).findByText(/already fully allocated \(1000\.00 USD\)/)).toBeTruthy();
    const sent = mock.requests.find((r) => r.method === 'POST' && r.path === '/api/ta/projects/p-1/funding');
    expect(sent?.body).toEqual({ contributionId: 'c-1', amount: '0.01' });
  });

  it('asks the public to sign in', async () => {
    api(anonymousSession());
    await renderApp('/ta-projects');
    expect(await screen.findByRole('heading', { level: 1, name: 'Technical assistance matched to funding' })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'Projects' })).toBeNull();
  });
});
