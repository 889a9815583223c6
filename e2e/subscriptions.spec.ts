import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { chooseLanguage, settle } from './helpers.ts';

/**
 * "Follow by e-mail" in a real browser. The e2e server runs without SMTP_URL, as a fresh
 * install does: the form says subscriptions are not available and points to the feed. The
 * form itself is then exercised with the availability and the request answered by the test
 * (the API is covered on both engines by test/routes/subscriptions.test.ts); the confirmation
 * and unsubscribe pages talk to the real server.
 */
const TOKEN = 'k7Qm2c9XyZ0aBcDeFgHiJkLmNoPqRsTuVwXyZ012345';

test('a server without mail says so and points to the feed', async ({ page }) => {
  await page.goto('/countries/AUT');
  await settle(page);
  const follow = page.getByRole('region', { name: 'Follow by e-mail' });
  await expect(follow.getByText('E-mail subscriptions are not available on this server.')).toBeVisible();
  await expect(follow.getByRole('link', { name: 'Follow the Atom feed instead.' })).toHaveAttribute('href', '/api/public/countries/AUT/feed.atom');
});

test('anyone follows a State by e-mail from the schedule, in English and Arabic, and is told to confirm', async ({ page }) => {
  const sent: unknown[] = [];
  await page.route('**/api/public/subscriptions/availability', (route) => route.fulfill({ json: { available: true } }));
  await page.route('**/api/public/subscriptions', async (route) => {
    sent.push(route.request().postDataJSON());
    await route.fulfill({ status: 202, json: { status: 'accepted', detail: 'If this address can receive e-mail, a message with a confirmation link is on its way.' } });
  });
  await page.goto('/schedule');
  await settle(page);
  const follow = page.getByRole('region', { name: 'Follow by e-mail' });
  await expect(follow.getByLabel('Language of the e-mails')).toHaveValue('en');
  await follow.getByLabel('Follow').selectOption('AUT');
  await follow.getByLabel(/E-mail address/).fill('civil.society@example.org');
  await expectNoSeriousViolations(page, 'schedule with the follow form');
  await follow.getByRole('button', { name: 'Subscribe' }).click();
  await expect(follow.getByRole('status')).toContainText('Check your inbox to confirm');
  expect(sent).toEqual([{ email: 'civil.society@example.org', country: 'AUT', language: 'en' }]);

  await chooseLanguage(page, 'ar');
  const arabic = page.getByRole('region', { name: 'المتابعة بالبريد الإلكتروني' });
  await expect(arabic.getByLabel('لغة الرسائل')).toHaveValue('ar');
  await expectNoSeriousViolations(page, 'schedule with the follow form, Arabic');
  await chooseLanguage(page, 'en');
});

test('the confirmation and unsubscribe pages explain a link that is not valid, and unsubscribing takes one button', async ({ page }) => {
  await page.goto(`/subscriptions/confirm?token=${TOKEN}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your subscription' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('This confirmation link is not valid');
  await expectNoSeriousViolations(page, 'confirmation page');

  await page.goto(`/subscriptions/unsubscribe?token=${TOKEN}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Unsubscribe' })).toBeVisible();
  await expectNoSeriousViolations(page, 'unsubscribe page');
  // The real server does not know this token.
  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(page.getByRole('alert')).toContainText('This unsubscribe link is not valid');

  // A known token, answered by the test: one click, then done.
  await page.route('**/api/public/subscriptions/unsubscribe', (route) => route.fulfill({ json: { status: 'unsubscribed', country: 'AUT' } }));
  await page.goto(`/subscriptions/unsubscribe?token=${TOKEN}`);
  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You are unsubscribed' })).toBeVisible();
  await expectNoSeriousViolations(page, 'unsubscribed page');
});
