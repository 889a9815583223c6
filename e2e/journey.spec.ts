import { expect, test } from '@playwright/test';
import { chooseLanguage, DEMO, settle, signIn } from './helpers.ts';

test('the secretariat signs in, finds a State in English and in Arabic, and signs out', async ({ page }) => {
  await signIn(page, DEMO.secretariat);
  const banner = page.getByRole('banner');
  await expect(banner.getByText('Demo Secretariat Officer (fictitious)')).toBeVisible();
  await expect(banner.getByText('Secretariat', { exact: true })).toBeVisible();

  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Users' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Audit trail' })).toBeVisible();

  await nav.getByRole('link', { name: 'States parties' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'States parties' })).toBeVisible();
  await page.getByRole('searchbox', { name: /Search/ }).fill('Austria');
  const table = page.getByRole('table', { name: 'List of States' });
  await expect(table.getByRole('rowheader', { name: /Austria/ })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);

  await chooseLanguage(page, 'ar');
  expect(await page.evaluate<string>('document.documentElement.dir')).toBe('rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'الدول الأطراف' })).toBeVisible();
  const search = page.getByRole('searchbox', { name: /بحث/ });
  await search.fill('النمسا');
  const arabicTable = page.getByRole('table', { name: 'قائمة الدول' });
  await expect(arabicTable.getByRole('rowheader', { name: /النمسا/ })).toBeVisible();
  await expect(arabicTable.getByRole('row')).toHaveCount(2);

  // The choice survives a reload.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  await page.getByRole('banner').getByRole('button', { name: 'تسجيل الخروج' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'تسجيل الدخول' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'المستخدمون' })).toHaveCount(0);
  await chooseLanguage(page, 'en');
});

test('the secretariat edits a cohort; the focal point sees it but cannot edit', async ({ page }) => {
  await signIn(page, DEMO.secretariat);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Review cycles' }).click();
  await settle(page);
  await page.getByRole('button', { name: 'Edit the States under review in 2010' }).click();

  const dialog = page.getByRole('dialog', { name: 'States under review in 2010' });
  await expect(dialog).toBeVisible();
  const picker = dialog.getByRole('textbox', { name: /States under review in 2010/ });
  for (const name of ['Austria', 'Argentina']) {
    await picker.fill(name);
    await page.getByRole('option', { name, exact: true }).click();
  }
  // Close the list of options (it covers the buttons); Escape closes the list, not the dialog.
  await picker.press('Escape');
  await expect(dialog.getByText('States chosen: 2')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  const cycleOne = page.getByRole('region', { name: 'Review cycle 1' });
  const row2010 = cycleOne.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Year 1' }) });
  await expect(row2010).toContainText('Argentina, Austria');

  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, DEMO.focalPoint);
  await expect(page.getByRole('banner').getByText('Focal point · Austria')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Review cycles' }).click();
  await settle(page);
  await expect(page.getByRole('region', { name: 'Review cycle 1' })).toContainText('Argentina, Austria');
  await expect(page.getByRole('button', { name: /Edit the States under review/ })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Users' })).toHaveCount(0);
});

test('a wrong password shows the server’s message and keeps the visitor signed out', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel(/^Email address/).fill(DEMO.delegate);
  await page.getByLabel(/^Password/).fill('not the password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Sign-in failed');
  await expect(page).toHaveURL(/\/sign-in$/);
});
