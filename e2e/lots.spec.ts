import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { callApi, chooseLanguage, DEMO, settle, signIn } from './helpers.ts';

interface CyclesBody {
  cycles: { number: number; cohorts: { year: number; version: number; states: string[] }[] }[];
}

/** The draw of cohorts is for a cycle without cohorts: empty those an earlier journey may have set. */
async function emptyCohortsOfCycleOne(page: Page): Promise<void> {
  const { cycles } = await callApi<CyclesBody>(page, 'GET', '/api/cycles');
  for (const cohort of cycles.find((c) => c.number === 1)?.cohorts ?? []) {
    if (cohort.states.length > 0) await callApi(page, 'PUT', `/api/cycles/1/cohorts/${cohort.year}`, { states: [], version: cohort.version });
  }
}

/** On a committed draw's page: types the entropy, runs the draw, checks it is not public yet, publishes it. */
async function runAndPublish(page: Page, entropy: string): Promise<void> {
  await expect(page.getByText('Commitment published', { exact: true })).toBeVisible();
  await page.getByLabel(/^Public entropy/).fill(entropy);
  await page.getByRole('button', { name: 'Run the draw' }).click();
  await expect(page.getByText('This result is not public yet')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Secret, public entropy and seed' })).toBeVisible();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText('Published', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download record (JSON)' })).toBeVisible();
}

test('the secretariat draws cohorts and reviewers; the public sees the result and the commitment', async ({ page }) => {
  await signIn(page, DEMO.secretariat);
  await emptyCohortsOfCycleOne(page);

  // 1. The draw of cohorts for cycle 1.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Drawing of lots' }).click();
  await settle(page);
  await page.getByRole('link', { name: 'Prepare a draw' }).click();
  await settle(page);
  await page.getByLabel('Review cycle').selectOption('1');
  await page.getByRole('radio', { name: /^Cohorts/ }).check();
  await page.getByRole('button', { name: 'Publish commitment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Draw of cohorts · Cycle 1' })).toBeVisible();
  await runAndPublish(page, '17 42 8 99');
  const cohorts = page.getByRole('table', { name: /States under review in each year/ });
  await expect(cohorts.getByRole('row')).toHaveCount(6);

  // 2. The draw of reviewers for year 1 of cycle 1, after a look at the pool.
  await page.goto('/draws/new');
  await settle(page);
  await page.getByLabel('Review cycle').selectOption('1');
  await page.getByRole('radio', { name: /^Reviewers/ }).check();
  await page.getByLabel('Year of cycle').selectOption('1');
  await expect(page.getByRole('heading', { level: 2, name: 'Pool of reviewing States for 2010' })).toBeVisible();
  await expect(page.getByRole('table', { name: /reviewer pool by regional group/ })).toBeVisible();
  await page.getByRole('button', { name: 'Publish commitment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Draw of reviewers · cycle 1, year 1 (2010)' })).toBeVisible();
  const commitment = (await page.locator('dd, p').filter({ hasText: /^[0-9a-f]{64}$/ }).first().textContent())?.trim() ?? '';
  expect(commitment).toMatch(/^[0-9a-f]{64}$/);
  await runAndPublish(page, '5 23 61');
  const drawUrl = page.url();

  // 3. An anonymous visitor opens the public draw page.
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.goto(drawUrl);
  await settle(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Draw of reviewers · cycle 1, year 1 (2010)' })).toBeVisible();
  const result = page.getByRole('table', { name: /Result of the draw/ });
  await expect(result).toBeVisible();
  expect(await result.getByRole('row').count()).toBeGreaterThan(10);
  await expect(result.getByRole('columnheader', { name: 'Reviewer #1 (same regional group)' })).toBeVisible();
  await expect(page.getByText(commitment, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run the draw' })).toHaveCount(0);

  // The public list shows both draws, and the record verifies.
  await page.goto('/draws');
  await settle(page);
  const drawId = drawUrl.split('/').pop()!;
  await expect(page.getByRole('table', { name: 'Draws' }).locator(`a[href="/draws/${drawId}"]`)).toHaveText('Draw of reviewers');
  const record = await (await page.request.get(`/api/draws/${drawId}/record.json`)).text();
  await page.goto('/draws/verify');
  await settle(page);
  await page.getByRole('textbox', { name: /Record \(JSON\)/ }).fill(record);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('VALID', { exact: true })).toBeVisible();

  const dir = process.env.SCREENSHOTS_DIR;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    for (const language of ['en', 'ar'] as const) {
      await chooseLanguage(page, language);
      await page.goto(drawUrl);
      await settle(page);
      await page.screenshot({ path: `${dir}/${language}-draw.png` });
      await page.getByRole('heading', { level: 2 }).last().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${dir}/${language}-draw-bottom.png` });
    }
    await chooseLanguage(page, 'en');
  }
});
