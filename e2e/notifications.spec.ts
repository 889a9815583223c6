import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { austriaCycle2ReviewViaApi, DEMO, settle, signIn, signOut } from './helpers.ts';

test('the focal point finds the waiting checklist in the inbox; the secretariat sees the e-mail outbox', async ({ page }) => {
  await signIn(page, DEMO.secretariat);
  const id = await austriaCycle2ReviewViaApi(page);
  await signOut(page);

  await signIn(page, DEMO.focalPoint);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /^Inbox/ }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await settle(page);
  const waiting = page.getByRole('table', { name: 'Waiting on you' });
  const step = waiting.getByRole('row').filter({ has: page.getByRole('link', { name: 'Checklist submitted' }) }).filter({ hasText: 'Austria' });
  await expect(step).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 2, name: 'Notifications' })).toBeVisible();
  await expectNoSeriousViolations(page, 'inbox, focal point');
  await step.getByRole('link', { name: 'Checklist submitted' }).click();
  await expect(page).toHaveURL(new RegExp(`/reviews/${id}$`));
  await signOut(page);

  await signIn(page, DEMO.secretariat);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'E-mail outbox' }).click();
  await expect(page).toHaveURL(/\/outbox$/);
  await settle(page);
  // The e2e server has no SMTP_URL: nothing is sent, and the page says so.
  await expect(page.getByText('No e-mail is sent')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Notification e-mails' })).toBeVisible();
  await expectNoSeriousViolations(page, 'outbox');
});
