import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '../i18n/languages.ts';
import { anonymousSession, focalPointSession, HEALTH_DEMO, partiesResponse, secretariatSession } from '../testing/fixtures.ts';
import { mockApi } from '../testing/mock-api.ts';
import { renderApp } from '../testing/render-app.tsx';

function baseApi(session = anonymousSession(), health: unknown = HEALTH_DEMO) {
  return mockApi({
    'GET /api/session': { body: session },
    'GET /api/health': { body: health },
    'GET /api/parties': { body: partiesResponse() },
    'GET /api/cycles': { body: { cycles: [] } },
  });
}

describe('App shell', () => {
  it('switches to Arabic: right-to-left, translated, and remembered', async () => {
    baseApi();
    await renderApp('/');
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'ar' } });
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('ar');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ar');
    const nav = await screen.findByRole('navigation', { name: 'التنقل الرئيسي' });
    expect(within(nav).getByRole('link', { name: 'الدول الأطراف' })).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'اللغة' }), { target: { value: 'en' } });
    await waitFor(() => expect(document.documentElement.dir).toBe('ltr'));
  });

  it('has a skip link, a main landmark and one h1', async () => {
    baseApi();
    await renderApp('/');
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  it('shows administration links only when the server grants the abilities', async () => {
    baseApi(secretariatSession());
    await renderApp('/');
    expect(await screen.findByRole('link', { name: 'Users' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Audit trail' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Account' })).toBeTruthy();
  });

  it('shows the focal point its name, role and State, and no administration links', async () => {
    baseApi(focalPointSession());
    await renderApp('/');
    expect(await screen.findByText('Fatima Focal')).toBeTruthy();
    expect(await screen.findByText('Focal point · Austria')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Users' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Account' })).toBeTruthy();
  });

  it('notes fictitious demo data only when the health check says so', async () => {
    baseApi(anonymousSession(), { status: 'ok', database: { engine: 'pglite', status: 'up' }, version: '0.1.0' });
    await renderApp('/');
    await screen.findByText(/version 0.1.0/);
    expect(screen.queryByText(/fictitious/)).toBeNull();
  });

  it('shows a not-found page for unknown paths', async () => {
    baseApi();
    await renderApp('/no/such/page');
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toBeTruthy();
  });
});
