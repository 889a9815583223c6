import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { callApi, chooseLanguage, DEMO, settle, signIn } from './helpers.ts';

interface Stats {
  total: number;
  statesWithNeeds: number;
}

test('the secretariat classifies a need, corrects it, reviews an imported one and sees the counts move; axe in English and Arabic', async ({ page }) => {
  await signIn(page, DEMO.secretariat);
  await page.getByRole('link', { name: 'Technical assistance' }).click();
  await expect(page).toHaveURL(/\/assistance$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Technical-assistance needs' })).toBeVisible();
  await settle(page);
  const cycle = Number(await page.getByTestId('assistance-cycle').inputValue());
  const before = await callApi<Stats>(page, 'GET', `/api/stats/assistance?cycle=${cycle}`);
  await expect(page.getByTestId('needs-total')).toHaveText(before.total.toLocaleString('en'));

  // A need recorded elsewhere, without a type: the classifier types it and it waits for review.
  const text = `Training of prosecutors in asset tracing (${Date.now()})`;
  const imported = await callApi<{ created: number }>(page, 'POST', '/api/import/needs', { rows: [{ state_iso3: 'AUT', cycle, article: cycle === 1 ? 46 : 52, type: '', description: text }] });
  expect(imported.created).toBe(1);
  await page.reload();
  await settle(page);
  await expect(page.getByTestId('needs-total')).toHaveText((before.total + 1).toLocaleString('en'));
  const row = page.getByTestId('queue-row').filter({ hasText: text });
  await expect(row).toBeVisible();
  await row.getByRole('checkbox', { name: 'Model legislation' }).check();
  await row.getByRole('button', { name: 'Correct' }).click();
  await expect(page.getByTestId('queue-row').filter({ hasText: text })).toHaveCount(0);
  await expect(page.getByTestId('needs-by-type').getByRole('row', { name: /Model legislation/ })).toBeVisible();
  const after = await callApi<{ byType: Record<string, number> }>(page, 'GET', `/api/stats/assistance?cycle=${cycle}`);
  expect(after.byType['model-legislation']).toBeGreaterThan(0);

  // The classify box: a suggestion, then the secretariat's correction kept.
  await page.getByTestId('classify-text').fill('Development of a national anti-corruption strategy and its action plan');
  await page.getByRole('button', { name: 'Classify', exact: true }).click();
  await expect(page.getByTestId('classify-result')).toContainText('Policymaking');
  await page.getByRole('group', { name: 'Right types' }).getByRole('checkbox', { name: 'Other assistance' }).check();
  await page.getByTestId('save-correction').click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  await page.getByTestId('classify-result').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/h-needs-classify.png', fullPage: false });
  await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/h-needs-assistance-en.png', fullPage: true });
  await expectNoSeriousViolations(page, 'assistance (en)');

  await chooseLanguage(page, 'ar');
  await expect(page.getByRole('heading', { level: 1, name: 'الاحتياجات من المساعدة التقنية' })).toBeVisible();
  await settle(page);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.screenshot({ path: '/tmp/h-needs-assistance-ar.png', fullPage: false });
  await expectNoSeriousViolations(page, 'assistance (ar)');
});

test('the public sees anonymised counts, without the States, the queue or the classifier', async ({ page }) => {
  await page.goto('/assistance');
  await settle(page);
  await expect(page.getByTestId('needs-total')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Needs to review' })).toHaveCount(0);
  await expect(page.getByTestId('classify-text')).toHaveCount(0);
  await expect(page.getByTestId('needs-by-type').getByRole('columnheader', { name: 'States' })).toHaveCount(0);
  await expectNoSeriousViolations(page, 'assistance (public)');
});
