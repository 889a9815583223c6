import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18next } from '../../../i18n/i18n.ts';
import { anonymousSession, cyclesResponse, HEALTH_DEMO, partiesResponse } from '../../../testing/fixtures.ts';
import { mockApi, problem, type MockHandler } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import type { CountryProfileResponse } from '../../public/api/get-public.ts';

const TOKEN = 'k7Qm2c9XyZ0aBcDeFgHiJkLmNoPqRsTuVwXyZ012345';
const ACCEPTED = { status: 202, body: { status: 'accepted', detail: 'If this address can receive e-mail, …' } };

const PROFILE: CountryProfileResponse = {
  asOf: '2026-11-27',
  state: { iso3: 'AUT', name: 'Austria', names: { en: 'Austria', fr: 'Autriche', ar: 'النمسا' }, regionalGroup: 'western-european-other', isParty: true, becameParty: { effectiveOn: '2006-01-11', precision: 'day' } },
  reviews: [],
  asReviewer: [],
};

function api(routes: Record<string, MockHandler> = {}) {
  return mockApi({
    'GET /api/session': { body: anonymousSession() },
    'GET /api/health': { body: HEALTH_DEMO },
    'GET /api/parties': { body: partiesResponse() },
    'GET /api/cycles': { body: cyclesResponse() },
    'GET /api/public/schedule': { body: { asOf: '2026-11-27', reviews: [] } },
    'GET /api/public/countries/AUT': { body: PROFILE },
    'GET /api/public/subscriptions/availability': { body: { available: true } },
    'POST /api/public/subscriptions': ACCEPTED,
    ...routes,
  });
}

describe('follow by e-mail', () => {
  afterEach(() => vi.restoreAllMocks());

  it('on the schedule: follows the whole Mechanism or a chosen State, in the interface language by default, then says to check the inbox', async () => {
    const mock = api();
    await renderApp('/schedule');
    const form = await screen.findByRole('region', { name: 'Follow by e-mail' });
    expect(within(form).getByLabelText<HTMLSelectElement>('Language of the e-mails').value).toBe('en');
    expect(within(form).getByLabelText<HTMLSelectElement>('Follow').value).toBe('');
    await within(form).findByRole('option', { name: 'Austria' });

    fireEvent.change(within(form).getByLabelText(/E-mail address/), { target: { value: 'ngo@example' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Subscribe' }));
    expect(await within(form).findByText('Enter a valid e-mail address, such as name@example.org.')).toBeTruthy();
    expect(mock.requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText(/E-mail address/), { target: { value: ' ngo@example.org ' } });
    fireEvent.change(within(form).getByLabelText('Follow'), { target: { value: 'AUT' } });
    fireEvent.change(within(form).getByLabelText('Language of the e-mails'), { target: { value: 'es' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Subscribe' }));
    const status = await within(form).findByRole('status');
    expect(status.textContent).toContain('Check your inbox to confirm');
    const posted = mock.requests.filter((r) => r.method === 'POST' && r.path === '/api/public/subscriptions');
    expect(posted.map((r) => r.body)).toEqual([{ email: 'ngo@example.org', country: 'AUT', language: 'es' }]);
  });

  it('on a country profile: follows that State; the language follows the interface (French here)', async () => {
    await i18next.changeLanguage('fr');
    const mock = api();
    await renderApp('/countries/AUT');
    const form = await screen.findByRole('region', { name: 'Suivre par courriel' });
    expect(within(form).queryByLabelText('Suivre')).toBeNull();
    expect(within(form).getByText(/concernant cet État \(Autriche\)/)).toBeTruthy();
    expect(within(form).getByLabelText<HTMLSelectElement>('Langue des courriels').value).toBe('fr');
    fireEvent.change(within(form).getByLabelText(/Adresse électronique/), { target: { value: 'ngo@example.org' } });
    fireEvent.click(within(form).getByRole('button', { name: "S'abonner" }));
    await within(form).findByRole('status');
    expect(mock.requests.find((r) => r.method === 'POST')!.body).toEqual({ email: 'ngo@example.org', country: 'AUT', language: 'fr' });
  });

  it('says when the server cannot send e-mail, and points to the feed', async () => {
    api({ 'GET /api/public/subscriptions/availability': { body: { available: false, detail: 'no SMTP_URL' } } });
    await renderApp('/countries/AUT');
    const form = await screen.findByRole('region', { name: 'Follow by e-mail' });
    expect(await within(form).findByText(/E-mail subscriptions are not available on this server\./)).toBeTruthy();
    expect(within(form).getByRole('link', { name: 'Follow the Atom feed instead.' }).getAttribute('href')).toBe('/api/public/countries/AUT/feed.atom');
    expect(within(form).queryByRole('button', { name: 'Subscribe' })).toBeNull();
  });

  it('says so too when sending is refused with 503', async () => {
    api({ 'POST /api/public/subscriptions': problem(503, 'mail.unavailable', 'E-mail subscriptions are not available on this server: SMTP_URL is not configured.') });
    await renderApp('/schedule');
    const form = await screen.findByRole('region', { name: 'Follow by e-mail' });
    fireEvent.change(await within(form).findByLabelText(/E-mail address/), { target: { value: 'ngo@example.org' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Subscribe' }));
    expect(await within(form).findByText(/E-mail subscriptions are not available on this server\./)).toBeTruthy();
    expect(within(form).getByRole('link', { name: 'Follow the Atom feed instead.' }).getAttribute('href')).toBe('/api/public/feed.atom');
  });
});

describe('confirmation and unsubscribe pages', () => {
  afterEach(() => vi.restoreAllMocks());

  it('confirms from the token in the link and says what is followed', async () => {
    const mock = api({ 'POST /api/public/subscriptions/confirm': { body: { status: 'confirmed', country: 'AUT' } } });
    await renderApp(`/subscriptions/confirm?token=${TOKEN}`);
    expect(screen.getByRole('heading', { level: 1, name: 'Confirm your subscription' })).toBeTruthy();
    const done = await screen.findByText(/You will receive an e-mail when a review of Austria starts/);
    expect(done.closest('[role="status"]')?.textContent).toContain('Subscription confirmed');
    const posted = mock.requests.filter((r) => r.method === 'POST');
    expect(posted.map((r) => [r.path, r.body])).toEqual([['/api/public/subscriptions/confirm', { token: TOKEN }]]);
    expect(screen.getByRole('link', { name: 'Austria' }).getAttribute('href')).toBe('/countries/AUT');
  });

  it('explains an expired or unknown link, and a link cut short without asking the server', async () => {
    api({ 'POST /api/public/subscriptions/confirm': problem(404, 'resource.notFound', 'This link is not valid.') });
    await renderApp(`/subscriptions/confirm?token=${TOKEN}`);
    expect(await screen.findByText(/This confirmation link is not valid/)).toBeTruthy();

    const mock = api();
    await renderApp('/subscriptions/confirm?token=abc');
    expect((await screen.findAllByText(/This confirmation link is not valid/)).length).toBeGreaterThan(0);
    expect(mock.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('unsubscribes with one button, in Arabic too, and nothing happens before the click', async () => {
    await i18next.changeLanguage('ar');
    const mock = api({ 'POST /api/public/subscriptions/unsubscribe': { body: { status: 'unsubscribed', country: null } } });
    await renderApp(`/subscriptions/unsubscribe?token=${TOKEN}`);
    expect(screen.getByRole('heading', { level: 1, name: 'إلغاء الاشتراك' })).toBeTruthy();
    expect(document.documentElement.dir).toBe('rtl');
    expect(mock.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'إلغاء الاشتراك' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('تم إلغاء اشتراكك'));
    expect(mock.requests.filter((r) => r.method === 'POST').map((r) => [r.path, r.body])).toEqual([['/api/public/subscriptions/unsubscribe', { token: TOKEN }]]);
    expect(screen.queryByRole('button', { name: 'إلغاء الاشتراك' })).toBeNull();
  });
});
