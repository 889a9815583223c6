import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { chooseLanguage, DEMO, importReviewViaApi, settle, signIn } from './helpers.ts';

/** Ecuador's first-cycle review, its checklist submitted: the desk review comes next. */
const ROW = 'ECU,1,2,COL,FRA,2011-06-01,2011-06-20,2011-09-01,,,,,,,,';

test('the secretariat records the next milestone of a review; the public sees the tracker', async ({ page }) => {
  await signIn(page, DEMO.secretariat);
  const id = await importReviewViaApi(page, [ROW]);

  // The tracker, from the navigation; the review from its row.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Country reviews' }).click();
  await settle(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Country reviews' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Reviews' });
  await table.getByRole('link', { name: 'Ecuador', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/reviews/${id}$`));
  await expect(page.getByRole('heading', { level: 1, name: /^Ecuador · cycle 1, year 2/ })).toBeVisible();
  const summary = page.getByRole('region', { name: 'At a glance' });
  await expect(summary.getByText('Desk review', { exact: true })).toBeVisible();
  await expect(summary.getByText('Colombia', { exact: true })).toBeVisible();
  await expect(summary.getByText('France', { exact: true })).toBeVisible();
  const steps = page.getByRole('list', { name: 'Steps of the review' });
  await expect(steps.getByRole('listitem')).toHaveCount(10);
  await expect(steps.getByRole('listitem').filter({ hasText: 'Checklist submitted' })).toContainText('Done: 1 September 2011');

  // A date before the checklist is refused in place, with the API's words.
  await page.getByRole('button', { name: 'Record a milestone' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record a milestone' });
  await expect(dialog.getByRole('combobox', { name: /Milestone/ })).toHaveValue('deskReviewCompleted');
  await dialog.getByLabel(/^Date/).fill('2011-08-01');
  await dialog.getByRole('button', { name: 'Record' }).click();
  await expect(dialog.getByRole('alert')).toContainText('before');
  await expect(dialog).toBeVisible();

  await dialog.getByLabel(/^Date/).fill('2011-10-15');
  await dialog.getByRole('button', { name: 'Record' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Recorded: Desk review completed.')).toBeVisible();
  await expect(summary.getByText('Direct dialogue', { exact: true })).toBeVisible();
  await expect(steps.getByRole('listitem').filter({ hasText: 'Desk review completed' })).toContainText('Done: 15 October 2011');
  await expect(page.getByRole('region', { name: 'History' })).toContainText('Milestone recorded');

  // An anonymous visitor sees the tracker with the new stage, and no write action.
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.goto('/reviews');
  await settle(page);
  const row = page.getByRole('table', { name: 'Reviews' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Ecuador' }) });
  await expect(row).toContainText('Direct dialogue');
  await expect(row).toContainText('Colombia');
  await expect(row).toContainText('France');
  await page.getByRole('button', { name: /^Direct dialogue/ }).click();
  await expect(page.getByRole('button', { name: /^Direct dialogue/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(row).toBeVisible();
  await page.goto(`/reviews/${id}`);
  await settle(page);
  await expect(page.getByRole('list', { name: 'Steps of the review' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record a milestone' })).toHaveCount(0);

  const dir = process.env.SCREENSHOTS_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    await signIn(page, DEMO.secretariat);
    for (const language of ['en', 'ar'] as const) {
      await chooseLanguage(page, language);
      await page.goto('/reviews');
      await settle(page);
      await page.screenshot({ path: `${dir}/${language}-reviews.png` });
      await page.getByRole('table').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${dir}/${language}-reviews-table.png` });
      await page.goto(`/reviews/${id}`);
      await settle(page);
      await page.screenshot({ path: `${dir}/${language}-review.png`, fullPage: true });
    }
    await chooseLanguage(page, 'en');
  }
});
