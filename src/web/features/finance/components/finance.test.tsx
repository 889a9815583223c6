import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../auth/api/get-session.ts';
import { anonymousSession, HEALTH_DEMO, partiesResponse, secretariatSession } from '../../../testing/fixtures.ts';
import { mockApi, problem, type RecordedRequest } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import type { RecordsDto, StatementDto } from '../api/finance.ts';

function statement(overrides: Partial<StatementDto> = {}): StatementDto {
  return {
    asAt: '2026-11-27',
    currency: 'USD',
    contributions: { pledged: '111111.11', received: '60000.00', inKind: '1000.00', outstanding: '51111.11' },
    byEarmarking: [
      { earmarking: 'cycle-1', pledged: '0.00', received: '0.00', inKind: '0.00' },
      { earmarking: 'cycle-2', pledged: '100000.00', received: '60000.00', inKind: '0.00' },
      { earmarking: 'unearmarked', pledged: '11111.11', received: '0.00', inKind: '1000.00' },
      { earmarking: 'activity', pledged: '0.00', received: '0.00', inKind: '0.00' },
    ],
    donors: [{ donor: { kind: 'party', iso3: 'AUT' }, name: 'Austria', pledged: '100000.00', received: '60000.00', inKind: '0.00', outstanding: '40000.00' }],
    donorsAggregated: false,
    contributionList: [],
    spending: [{ cycle: 2, category: 'translation', amount: '8888.89' }],
    spentByCycle: [{ cycle: 2, amount: '8888.89' }],
    spentTotal: '8888.89',
    requirements: [{ cycle: 2, year: 2026, amount: '250000.00' }],
    requirementsToDate: '250000.00',
    fundingGap: '190000.00',
    burnRate: { months: 12, from: '2025-12-01', to: '2026-11-27', spent: '8888.89', perMonth: '740.74' },
    virtualVisits: { count: 2, perVisitCost: '25000.00', savings: '50000.00' },
    posts: { total: 2, regularBudget: 1, vacant: 1 },
    may: { manage: true },
    ...overrides,
  };
}

const RECORDS: RecordsDto = {
  contributions: [{ id: 'c-aut', donor: { kind: 'party', iso3: 'AUT' }, kind: 'cash', date: '2026-02-01', currency: 'USD', amount: '100000.00', received: '60000.00', earmarking: 'cycle-2' }],
  expenditures: [{ id: 'e-1', cycle: 2, category: 'translation', date: '2026-06-10', currency: 'EUR', amount: '8000.00', description: 'Summaries' }],
  requirements: [{ id: 'r-1', cycle: 2, year: 2026, currency: 'USD', amount: '250000.00', description: '' }],
  rates: [{ currency: 'EUR', validFrom: '2026-01-01', perUsd: '0.9' }],
  posts: [{ id: 'p-1', grade: 'P-3', title: 'Associate Programme Officer', regularBudget: true, vacantFrom: '2026-03-01', vacantTo: null }],
  visitCost: '25000.00',
};

function withFinance(session: Session, manage: boolean): Session {
  return { ...session, abilities: { ...session.abilities, 'finance.read': true, 'finance.manage': manage } };
}

function api(session: Session, body: StatementDto = statement()) {
  return mockApi({
    'GET /api/session': { body: session },
    'GET /api/health': { body: HEALTH_DEMO },
    'GET /api/parties': { body: partiesResponse() },
    'GET /api/finance/statement': { body },
    'GET /api/finance/records': { body: RECORDS },
  });
}

describe('Finances page', () => {
  it('shows the statement with the funding gap first, reloads it for another as-at date, and links the export', async () => {
    const mock = api(withFinance(secretariatSession(), true));
    await renderApp('/finance');
    expect(await screen.findByRole('heading', { level: 1, name: 'Finances of the Mechanism' })).toBeTruthy();
    expect((await screen.findByTestId('funding-gap')).textContent).toMatch(/USD\s*190,000\.00/);
    expect(screen.getByTestId('requirements-to-date').textContent).toMatch(/250,000\.00/);
    const donors = screen.getByRole('region', { name: 'Voluntary (extrabudgetary) contributions' });
    expect(within(donors).getByRole('rowheader', { name: 'Austria' })).toBeTruthy();
    expect(screen.getByTestId('spent-cycle-2').textContent).toMatch(/8,888\.89/);
    expect(screen.getByTestId('virtual-savings').textContent).toMatch(/50,000\.00/);
    fireEvent.change(screen.getByLabelText('As at'), { target: { value: '2025-06-30' } });
    await waitFor(() => expect(mock.requests.some((r) => r.path === '/api/finance/statement' && r.search === '?asAt=2025-06-30')).toBe(true));
    expect(screen.getByRole('link', { name: 'Download the financial statement (XLSX)' }).getAttribute('href')).toBe('/api/finance/statement.xlsx?asAt=2025-06-30');
  });

  it('lets the secretariat record a contribution and shows the server’s message for a bad one', async () => {
    const mock = api(withFinance(secretariatSession(), true));
    const posts: RecordedRequest[] = [];
    mock.on('POST /api/finance/contributions', (request) => {
      posts.push(request);
      return posts.length === 1 ? problem(422, 'finance.invalid', "Unknown currency 'XYZ': give an ISO 4217 code such as USD, EUR or CHF.") : { status: 201, body: { id: 'c-new' } };
    });
    await renderApp('/finance');
    const form = await screen.findByRole('form', { name: 'Record a contribution' });
    await waitFor(() => expect(within(form).getAllByRole('option').length).toBeGreaterThan(2));
    fireEvent.change(within(form).getByLabelText(/State party/), { target: { value: 'AUT' } });
    fireEvent.change(within(form).getByLabelText(/^Date/), { target: { value: '2026-03-01' } });
    fireEvent.change(within(form).getByLabelText(/^Amount/), { target: { value: '5000.50' } });
    fireEvent.click(within(form).getByLabelText('Received in full on this date'));
    fireEvent.click(within(form).getByRole('button', { name: 'Record the contribution' }));
    expect(await within(form).findByText(/Unknown currency 'XYZ'/)).toBeTruthy();
    expect(posts[0]!.body).toEqual({ donor: { iso3: 'AUT' }, kind: 'cash', date: '2026-03-01', currency: 'USD', amount: '5000.50', earmarking: 'unearmarked', received: true });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the contribution' }));
    expect(await within(form).findByText('Saved.')).toBeTruthy();
    await waitFor(() => expect(mock.requests.filter((r) => r.path === '/api/finance/statement').length).toBeGreaterThan(1));
  });

  it('lets the secretariat set when a post is vacant', async () => {
    const mock = api(withFinance(secretariatSession(), true));
    const puts: RecordedRequest[] = [];
    mock.on('PUT /api/finance/posts/p-1/vacancy', (request) => {
      puts.push(request);
      return { status: 204 };
    });
    await renderApp('/finance');
    const posts = await screen.findByRole('region', { name: 'Posts and vacancies' });
    fireEvent.change(within(posts).getByLabelText('Vacant until: P-3 Associate Programme Officer'), { target: { value: '2026-09-30' } });
    fireEvent.click(within(posts).getByRole('button', { name: 'Save the vacancy: P-3 Associate Programme Officer' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]!.body).toEqual({ vacantFrom: '2026-03-01', vacantTo: '2026-09-30' });
  });

  it('lets the secretariat withdraw a record entered in error, with a reason', async () => {
    const mock = api(withFinance(secretariatSession(), true));
    const withdrawals: RecordedRequest[] = [];
    mock.on('POST /api/finance/expenditures/e-1/withdraw', (request) => {
      withdrawals.push(request);
      return withdrawals.length === 1 ? problem(422, 'finance.invalid', 'Say why the record is withdrawn (for the audit trail).') : { status: 204 };
    });
    await renderApp('/finance');
    const list = await screen.findByRole('region', { name: 'Records entered' });
    fireEvent.click(await within(list).findByRole('tab', { name: /Expenditures recorded \(1\)/ }));
    fireEvent.click(await within(list).findByRole('button', { name: /^Withdraw: 2026-06-10/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Withdraw a record entered in error' });
    fireEvent.change(within(dialog).getByLabelText(/Reason/), { target: { value: 'x' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Withdraw the record' }));
    expect(await within(dialog).findByText(/Say why the record is withdrawn/)).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/Reason/), { target: { value: 'Entered twice' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Withdraw the record' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(withdrawals.map((w) => w.body)).toEqual([{ reason: 'x' }, { reason: 'Entered twice' }]);
  });

  it('shows a delegate the aggregate only, without forms', async () => {
    const delegate: Session = {
      user: { id: 'u-del', email: 'delegate@demo.test', displayName: 'Dana Delegate', role: 'delegate', stateIso3: null },
      csrfToken: 'csrf-del',
      abilities: { ...anonymousSession().abilities, 'finance.read': true, 'finance.manage': false },
    };
    api(delegate, statement({ donors: [], donorsAggregated: true, may: { manage: false } }));
    await renderApp('/finance');
    expect(await screen.findByTestId('donors-aggregated')).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'All donors (aggregated)' })).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Record a contribution' })).toBeNull();
  });

  it('asks the public to sign in', async () => {
    api(anonymousSession());
    await renderApp('/finance');
    expect(await screen.findByText('Sign in required')).toBeTruthy();
    expect(screen.queryByTestId('funding-gap')).toBeNull();
  });
});
