import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { austriaCycle2ReviewViaApi, DEMO, settle, signIn, signOut } from './helpers.ts';

async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `${label}: serious or critical accessibility violations`).toEqual([]);
}

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
