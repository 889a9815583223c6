import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anonymousSession, HEALTH_DEMO, partiesResponse } from '../../../testing/fixtures.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

function api(outcome: { valid: boolean; problems: string[] }) {
  return mockApi({
    'GET /api/session': { body: anonymousSession() },
    'GET /api/health': { body: HEALTH_DEMO },
    'GET /api/parties': { body: partiesResponse() },
    'POST /api/draws/verify': { body: outcome },
  });
}

function paste(text: string) {
  fireEvent.change(screen.getByRole('textbox', { name: /Record \(JSON\)/ }), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
}

describe('Verify page', () => {
  it('sends a pasted record and shows VALID', async () => {
    const mock = api({ valid: true, problems: [] });
    await renderApp('/draws/verify');
    expect(screen.getByRole('heading', { level: 1, name: 'Verify a draw record' })).toBeTruthy();
    paste('{"format":"openirm-draw-record","kind":"reviewers"}');
    expect(await screen.findByText('VALID')).toBeTruthy();
    expect(mock.requests.find((r) => r.method === 'POST')?.body).toEqual({ format: 'openirm-draw-record', kind: 'reviewers' });
  });

  it('lists the problems of a record that does not verify', async () => {
    api({ valid: false, problems: ['CHN reviews IND twice.', 'the secret does not match the commitment'] });
    await renderApp('/draws/verify');
    paste('{"kind":"reviewers"}');
    expect(await screen.findByText('NOT VALID')).toBeTruthy();
    expect(screen.getByText('Problems found: 2. The details are given in English.')).toBeTruthy();
    expect(screen.getByText('CHN reviews IND twice.')).toBeTruthy();
    expect(screen.getByText('the secret does not match the commitment')).toBeTruthy();
  });

  it('refuses text that is not JSON without asking the server', async () => {
    const mock = api({ valid: true, problems: [] });
    await renderApp('/draws/verify');
    paste('not json');
    expect(await screen.findByText('This is not valid JSON.')).toBeTruthy();
    expect(mock.requests.some((r) => r.method === 'POST')).toBe(false);
  });
});
