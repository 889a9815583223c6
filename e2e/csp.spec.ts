import { expect, test } from '@playwright/test';
import { signIn, DEMO } from './helpers.ts';

/**
 * The Content Security Policy holds in a real browser (docs/SECURITY.md): on the main
 * pages, public and signed in, Chromium reports no violation ("Refused to …" in the
 * console, or a securitypolicyviolation event) — so the policy is strict without breaking
 * the app.
 */
const PUBLIC_PAGES = ['/', '/schedule', '/countries/AUT', '/parties', '/convention', '/search', '/statistics', '/sessions'];
const SIGNED_IN_PAGES = ['/', '/reviews', '/inbox', '/account'];

test('no CSP violation on the main pages, public and signed in', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Refused to|Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (event) => console.error('Content Security Policy violation: ' + event.violatedDirective + ' ' + event.blockedURI));`);
  for (const path of PUBLIC_PAGES) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  await signIn(page, DEMO.secretariat);
  for (const path of SIGNED_IN_PAGES) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  expect(violations).toEqual([]);
});
