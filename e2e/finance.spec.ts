import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { chooseLanguage, DEMO, settle, signIn } from './helpers.ts';

/** The funding gap as shown ("USD 1,234,567.89") in cents, exactly. */
async function gapCents(page: Page): Promise<bigint> {
  const text = (await page.getByTestId('funding-gap').textContent()) ?? '';
  const match = /(-?)([\d,]+)\.(\d{2})/.exec(text.replace(/\s/g, ''));
  if (!match) throw new Error(`No amount in "${text}"`);
  const cents = BigInt(match[2]!.replace(/,/g, '')) * 100n + BigInt(match[3]!);
  return match[1] === '-' ? -cents : cents;
}

test('the secretariat records a contribution and sees the funding gap change; the page passes axe in English and Arabic', async ({ page }) => {
  await signIn(page, DEMO.secretariat);
  await page.getByRole('link', { name: 'Finances' }).click();
  await expect(page).toHaveURL(/\/finance$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Finances of the Mechanism' })).toBeVisible();
  await settle(page);
  await expect(page.getByTestId('funding-gap')).toBeVisible();
  const before = await gapCents(page);

  const form = page.getByRole('form', { name: 'Record a contribution' });
  await form.getByLabel(/^State party/).selectOption('AUT');
  await form.getByRole('textbox', { name: /^Amount/ }).fill('123456.78');
  await form.getByLabel('Received in full on this date').check();
  await form.getByRole('button', { name: 'Record the contribution' }).click();
  await expect(form.getByText('Saved.')).toBeVisible();
  await expect.poll(() => gapCents(page)).toBe(before - 123_456_78n);

  // An unknown amount format is refused with the server's message; the gap stays.
  await form.getByRole('textbox', { name: /^Amount/ }).fill('12.345');
  await form.getByRole('button', { name: 'Record the contribution' }).click();
  await expect(form.getByRole('alert')).toContainText('USD has 2 decimal digits');
  expect(await gapCents(page)).toBe(before - 123_456_78n);

  await page.getByTestId('funding-gap').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('finance-en.png'), fullPage: false });
  await page.screenshot({ path: test.info().outputPath('finance-en-full.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'finance (en)');

  await chooseLanguage(page, 'ar');
  await expect(page.getByRole('heading', { level: 1, name: 'الشؤون المالية للآلية' })).toBeVisible();
  await settle(page);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.screenshot({ path: test.info().outputPath('finance-ar.png'), fullPage: false });
  await expectNoSeriousViolations(page, 'finance (ar)');
});

test('a delegate reads the aggregate statement without any donor’s figures or forms', async ({ page }) => {
  await signIn(page, DEMO.delegate);
  await page.goto('/finance');
  await settle(page);
  await expect(page.getByTestId('funding-gap')).toBeVisible();
  await expect(page.getByTestId('donors-aggregated')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Record a contribution' })).toHaveCount(0);
  await expectNoSeriousViolations(page, 'finance (delegate)');
});
