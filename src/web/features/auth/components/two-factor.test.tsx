import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anonymousSession, HEALTH_DEMO, secretariatSession } from '../../../testing/fixtures.ts';
import { mockApi, problem } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

const pending = (stage: 'mfa' | 'enrol') => ({ ...anonymousSession(), csrfToken: 'csrf-pending', pendingSignIn: { stage, email: 'secretariat@demo.test' } });

describe('Two-factor sign-in pages', () => {
  it('asks for a code after the password, shows a refused code, then signs in and goes home', async () => {
    let attempts = 0;
    const api = mockApi({
      'GET /api/session': { body: anonymousSession() },
      'GET /api/health': { body: HEALTH_DEMO },
      'POST /api/auth/login': { body: pending('mfa') },
      'POST /api/auth/two-factor': () => {
        attempts += 1;
        return attempts === 1 ? problem(401, 'auth.invalidCredentials', 'The code is not correct.') : { body: secretariatSession() };
      },
    });
    const { history } = await renderApp('/sign-in');
    fireEvent.click(await screen.findByRole('button', { name: 'Use the account secretariat@demo.test' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Enter your code' })).toBeTruthy();
    expect(history.location.pathname).toBe('/sign-in');
    expect(screen.getByText('node bin/openirm.js user demo-code')).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/^Code from your authenticator app/), { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The code is not correct.');

    fireEvent.change(screen.getByLabelText(/^Code from your authenticator app/), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(history.location.pathname).toBe('/'));
    const sent = api.requests.filter((r) => r.path === '/api/auth/two-factor');
    expect(sent.map((r) => r.body)).toEqual([{ code: '000000' }, { code: '123456' }]);
    expect(sent[1]?.headers['x-csrf-token']).toBe('csrf-pending');
  });

  it('makes a user whose role requires it set it up, then shows the recovery codes once', async () => {
    const codes = Array.from({ length: 10 }, (_, i) => `abcd${i + 2}-fghjk`);
    mockApi({
      'GET /api/session': { body: pending('enrol') },
      'GET /api/health': { body: HEALTH_DEMO },
      'POST /api/account/two-factor/setup': { body: { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', uri: 'otpauth://totp/x', qrCode: 'data:image/svg+xml;base64,PHN2Zy8+' } },
      'POST /api/account/two-factor/confirm': { body: { ...secretariatSession(), recoveryCodes: codes } },
    });
    const { history } = await renderApp('/sign-in');
    expect(await screen.findByText(/Your role requires two-factor sign-in/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    expect(await screen.findByRole('img', { name: /QR code/ })).toBeTruthy();
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/^Code from your authenticator app/), { target: { value: '12a' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    expect(await screen.findByText('Enter the six digits the app shows.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/^Code from your authenticator app/), { target: { value: '123 456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm' }));
    const list = await screen.findByRole('list', { name: 'Your recovery codes' });
    expect(list.querySelectorAll('li')).toHaveLength(10);
    expect(history.location.pathname).toBe('/sign-in');
    fireEvent.click(screen.getByRole('button', { name: 'I have saved my codes' }));
    await waitFor(() => expect(history.location.pathname).toBe('/'));
  });
});
