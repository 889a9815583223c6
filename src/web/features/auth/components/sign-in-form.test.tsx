import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anonymousSession, HEALTH_DEMO, secretariatSession } from '../../../testing/fixtures.ts';
import { mockApi, problem } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

describe('Sign-in page', () => {
  it('shows the problem detail from the API when the sign-in fails', async () => {
    mockApi({
      'GET /api/session': { body: anonymousSession() },
      'GET /api/health': { body: HEALTH_DEMO },
      'POST /api/auth/login': problem(401, 'auth.invalidCredentials', 'The email address or the password is not correct.'),
    });
    await renderApp('/sign-in');
    fireEvent.change(screen.getByLabelText(/Email address/), { target: { value: 'someone@example.org' } });
    fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: 'wrong password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The email address or the password is not correct.');
    expect(alert.textContent).toContain('Sign-in failed');
  });

  it('asks for the missing fields before calling the API', async () => {
    const api = mockApi({ 'GET /api/session': { body: anonymousSession() }, 'GET /api/health': { body: HEALTH_DEMO } });
    await renderApp('/sign-in');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your email address.')).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    expect(api.requests.some((r) => r.path === '/api/auth/login')).toBe(false);
  });

  it('signs in with a demo account, shows the user in the header and goes home', async () => {
    const api = mockApi({
      'GET /api/session': { body: anonymousSession() },
      'GET /api/health': { body: HEALTH_DEMO },
      'POST /api/auth/login': { body: secretariatSession() },
    });
    const { history } = await renderApp('/sign-in');
    fireEvent.click(await screen.findByRole('button', { name: 'Use the account secretariat@demo.test' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(history.location.pathname).toBe('/'));
    expect(await screen.findByText('Sam Secretariat')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Users' })).toBeTruthy();
    const login = api.requests.find((r) => r.path === '/api/auth/login');
    expect(login?.body).toEqual({ email: 'secretariat@demo.test', password: 'open-irm-demo' });
  });

  it('lists the demo accounts only when the server runs on demo data', async () => {
    mockApi({
      'GET /api/session': { body: anonymousSession() },
      'GET /api/health': { body: { ...HEALTH_DEMO, demo: false } },
    });
    await renderApp('/sign-in');
    await screen.findByRole('button', { name: 'Sign in' });
    expect(screen.queryByRole('heading', { name: 'Demonstration accounts' })).toBeNull();
  });

  it('offers the identity provider the operator configured, going back to the page asked for', async () => {
    mockApi({
      'GET /api/session': { body: anonymousSession() },
      'GET /api/health': { body: HEALTH_DEMO },
      'GET /api/auth/oidc/config': { body: { enabled: true, label: 'UN Identity' } },
    });
    await renderApp('/sign-in?returnTo=%2Freviews');
    const link = await screen.findByRole('link', { name: 'Sign in with UN Identity' });
    expect(link.getAttribute('href')).toBe('/api/auth/oidc/start?returnTo=%2Freviews');
  });

  it('offers no identity provider when none is configured', async () => {
    mockApi({
      'GET /api/session': { body: anonymousSession() },
      'GET /api/health': { body: HEALTH_DEMO },
      'GET /api/auth/oidc/config': { body: { enabled: false, label: null } },
    });
    await renderApp('/sign-in');
    await screen.findByRole('button', { name: 'Sign in' });
    await waitFor(() => expect(screen.queryByText('or')).toBeNull());
    expect(screen.queryByRole('link', { name: /^Sign in with/ })).toBeNull();
  });

  it('explains why the identity provider sent the user back', async () => {
    mockApi({
      'GET /api/session': { body: anonymousSession() },
      'GET /api/health': { body: HEALTH_DEMO },
      'GET /api/auth/oidc/config': { body: { enabled: true, label: 'UN Identity' } },
    });
    await renderApp('/sign-in?error=oidc-no-account');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Single sign-on did not complete');
    expect(alert.textContent).toContain('No account here matches the email address');
  });

  it('shows an unknown provider failure as the general one, never the raw code', async () => {
    mockApi({ 'GET /api/session': { body: anonymousSession() }, 'GET /api/health': { body: HEALTH_DEMO } });
    await renderApp('/sign-in?error=oidc-%3Cscript%3E');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("The identity provider's answer could not be accepted.");
    expect(alert.textContent).not.toContain('script');
  });
});
