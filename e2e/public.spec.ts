import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { chooseLanguage, settle } from './helpers.ts';

test('anyone, without an account, follows the review schedule to a country profile, in English and Arabic', async ({ page }) => {
  await page.goto('/schedule');
  await settle(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Review schedule' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Review schedule' });
  const allRows = await table.getByRole('row').count();
  expect(allRows).toBeGreaterThan(20);
  await expectNoSeriousViolations(page, 'schedule');

  // Filtering by cycle narrows the list.
  await page.getByRole('combobox', { name: 'Review cycle' }).selectOption('2');
  await expect.poll(() => table.getByRole('row').count()).toBeLessThan(allRows);

  // Austria's profile: stage and dates, never the content of its review.
  await table.getByRole('link', { name: 'Austria' }).first().click();
  await expect(page).toHaveURL(/\/countries\/AUT$/);
  await settle(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Austria' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Follow Austria (Atom feed)' })).toBeVisible();
  await expect(page.getByText('Fictitious demo answer')).toHaveCount(0);
  await expectNoSeriousViolations(page, 'country profile');
  await page.screenshot({ path: test.info().outputPath('country-profile-en.png'), fullPage: true });

  await chooseLanguage(page, 'ar');
  expect(await page.evaluate<string>('document.documentElement.dir')).toBe('rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'النمسا' })).toBeVisible();
  await expectNoSeriousViolations(page, 'country profile, Arabic');
  await page.screenshot({ path: test.info().outputPath('country-profile-ar.png'), fullPage: true });
  await chooseLanguage(page, 'en');
});
