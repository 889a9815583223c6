import { mkdirSync } from 'node:fs';
import { test, type Page } from '@playwright/test';
import { chooseLanguage, DEMO, settle, signIn } from './helpers.ts';

/**
 * Screenshots of the main pages in English and Arabic, for a person to look at. Skipped
 * unless SCREENSHOTS_DIR is set: `SCREENSHOTS_DIR=/tmp/shots npx playwright test screenshots`.
 */
const dir = process.env.SCREENSHOTS_DIR;

test.skip(!dir, 'set SCREENSHOTS_DIR to take screenshots');

const PAGES = [
  ['home', '/'],
  ['parties', '/parties'],
  ['convention', '/convention'],
  ['cycles', '/cycles'],
  ['users', '/admin/users'],
  ['audit', '/admin/audit'],
  ['account', '/account'],
  ['not-found', '/no/such/page'],
] as const;

async function shoot(page: Page, name: string): Promise<void> {
  await settle(page);
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: false });
}

test('screenshots in English and Arabic', async ({ page }) => {
  mkdirSync(dir!, { recursive: true });
  await page.goto('/sign-in');
  await shoot(page, 'en-sign-in');
  await signIn(page, DEMO.secretariat);
  for (const language of ['en', 'ar'] as const) {
    await chooseLanguage(page, language);
    for (const [name, path] of PAGES) {
      await page.goto(path);
      await shoot(page, `${language}-${name}`);
    }
    await page.goto('/convention');
    await settle(page);
    await page.getByRole('button', { name: language === 'ar' ? 'توسيع جميع الفصول' : 'Expand all chapters' }).click();
    await shoot(page, `${language}-convention-open`);
    await page.goto('/cycles');
    await settle(page);
    await page.getByRole('button', { name: language === 'ar' ? /^تعديل الدول المستعرَضة/ : /^Edit the States under review/ }).first().click();
    await page.getByRole('dialog').waitFor();
    await shoot(page, `${language}-cycles-edit`);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await chooseLanguage(page, 'en');
  await page.goto('/parties');
  await shoot(page, 'mobile-en-parties');
  await chooseLanguage(page, 'ar');
  await page.goto('/');
  await shoot(page, 'mobile-ar-home');
  await chooseLanguage(page, 'en');
});
