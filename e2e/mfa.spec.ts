/**
 * Two-factor sign-in in the browser: the secretariat's second step, then a new account that
 * turns two-factor on from its account page (QR code, key, recovery codes), signs out and
 * signs in again with a code computed from its key, as an authenticator app would. Axe runs
 * on every new screen.
 */
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { callApi, DEMO, DEMO_PASSWORD, enterTwoFactorCode, signIn, signOut, totpCode } from './helpers.ts';

test('enrol a non-secretariat account, sign out, sign in with a code', async ({ page }) => {
  // The secretariat must give a code after the password.
  await page.goto('/sign-in');
  await page.getByLabel(/^Email address/).fill(DEMO.secretariat);
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Enter your code' })).toBeVisible();
  await expectNoSeriousViolations(page, 'sign-in, second step');
  await enterTwoFactorCode(page);
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();

  const email = `mfa-${Date.now()}@demo.test`;
  const password = 'violet-orbit-ledger-42';
  await callApi(page, 'POST', '/api/users', { email, displayName: 'Two-Factor Tester', role: 'delegate', password });
  await page.goto('/admin/users');
  await expect(page.getByText(email)).toBeVisible();
  await signOut(page);

  // The new account has no two-factor yet: one step, then it turns it on.
  await signIn(page, email, password);
  await page.goto('/account');
  const panel = page.getByRole('region', { name: 'Two-factor sign-in' });
  await expect(panel.getByText('Off', { exact: true })).toBeVisible();
  await panel.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  await expectNoSeriousViolations(page, 'two-factor set-up, QR code');
  const secret = (await page.locator('pre').filter({ hasText: /^[A-Z2-7 ]+$/ }).innerText()).replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel(/^Code from your authenticator app/).fill(totpCode(secret));
  await page.getByRole('button', { name: 'Confirm', exact: true }).click();

  const codes = page.getByRole('list', { name: 'Your recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  await expect(page.getByRole('link', { name: 'Download codes' })).toHaveAttribute('download', 'open-irm-recovery-codes.txt');
  await expectNoSeriousViolations(page, 'two-factor set-up, recovery codes');
  await page.getByRole('button', { name: 'I have saved my codes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Two-factor sign-in is on' })).toBeVisible();
  await expectNoSeriousViolations(page, 'account, two-factor on');

  // Signing in again now takes a code from the account's own key.
  await signOut(page);
  await signIn(page, email, password, secret);
  await page.goto('/account');
  await expect(page.getByRole('region', { name: 'Two-factor sign-in' }).getByText('On', { exact: true })).toBeVisible();
});
