import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { chooseLanguage, DEMO, settle, signIn } from './helpers.ts';

/** Runs axe on the page as it is now; fails on any serious or critical violation. */
async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).slice(0, 5).join('\n  ')}`);
  expect(summary, `${label}: serious or critical accessibility violations`).toEqual([]);
}

async function scan(page: Page, path: string, label: string): Promise<void> {
  await page.goto(path);
  await settle(page);
  await expectNoSeriousViolations(page, label);
}

test('public pages have no serious accessibility violations', async ({ page }) => {
  await scan(page, '/', 'home');
  await scan(page, '/sign-in', 'sign-in');
  await scan(page, '/parties', 'parties');
  await scan(page, '/convention', 'convention');
  await page.getByRole('button', { name: 'Expand all chapters' }).click();
  await page.getByRole('button', { name: /^Article 15/ }).click();
  await expectNoSeriousViolations(page, 'convention, expanded');
  await scan(page, '/cycles', 'cycles');
  await scan(page, '/no/such/page', '404');
  await scan(page, '/admin/users', 'users, signed out');
});

test('secretariat pages have no serious accessibility violations', async ({ page }) => {
  await signIn(page, DEMO.secretariat);
  await expectNoSeriousViolations(page, 'home, secretariat');
  await scan(page, '/parties', 'parties, secretariat');
  await page.getByRole('combobox', { name: /Status/ }).selectOption('notParty');
  const accession = page.getByRole('button', { name: /^Record accession:/ }).first();
  if (await accession.count()) {
    await accession.click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoSeriousViolations(page, 'record accession dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  }
  await scan(page, '/cycles', 'cycles, secretariat');
  await page.getByRole('button', { name: /^Edit the States under review in/ }).first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSeriousViolations(page, 'edit cohort dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await scan(page, '/admin/users', 'users');
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSeriousViolations(page, 'create user dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await scan(page, '/admin/audit', 'audit');
  await scan(page, '/account', 'account, secretariat');
});

test('focal point pages have no serious accessibility violations', async ({ page }) => {
  await signIn(page, DEMO.focalPoint);
  await scan(page, '/account', 'account, focal point');
  await scan(page, '/admin/audit', 'audit, refused to a focal point');
});

test('pages in Arabic (right to left) have no serious accessibility violations', async ({ page }) => {
  await signIn(page, DEMO.secretariat);
  await chooseLanguage(page, 'ar');
  await expectNoSeriousViolations(page, 'home, Arabic');
  for (const [path, label] of [
    ['/parties', 'parties, Arabic'],
    ['/convention', 'convention, Arabic'],
    ['/cycles', 'cycles, Arabic'],
    ['/admin/users', 'users, Arabic'],
    ['/admin/audit', 'audit, Arabic'],
  ] as const) {
    await scan(page, path, label);
  }
  await chooseLanguage(page, 'zh');
  await scan(page, '/parties', 'parties, Chinese');
});
