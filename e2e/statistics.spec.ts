import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { chooseLanguage, settle } from './helpers.ts';

interface Progress {
  total: number;
  underReview: number;
  paused: number;
  checklistsSubmitted: number;
  dialoguesHeld: { total: number; countryVisits: number; jointMeetings: number; virtualVisits: number };
  executiveSummariesFinalised: number;
  reportsFinalised: number;
}

const AS_OF = '2020-11-01';

async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path);
  expect(response.ok(), `${path}: ${response.status()}`).toBe(true);
  return (await response.json()) as T;
}

async function showCycle2AsOf(page: Page, asOf: string) {
  await page.getByTestId('stats-cycle').selectOption('2');
  await page.getByTestId('stats-as-of').fill(asOf);
  await expect(page.getByRole('heading', { level: 2, name: /1 November 2020|2020/ }).first()).toBeVisible();
}

test('the public statistics page shows, as at a date, the numbers the API gives; the reviews behind a figure; axe in English and Arabic', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Statistics' }).click();
  await expect(page).toHaveURL(/\/statistics$/);
  await settle(page);
  await showCycle2AsOf(page, AS_OF);
  await expect(page.getByTestId('progress-table')).toBeVisible();

  const expected = await api<Progress>(page, `/api/stats/progress?cycle=2&asOf=${AS_OF}`);
  const values: Record<string, number> = {
    underReview: expected.underReview,
    paused: expected.paused,
    checklistsSubmitted: expected.checklistsSubmitted,
    dialoguesHeld: expected.dialoguesHeld.total,
    countryVisits: expected.dialoguesHeld.countryVisits,
    jointMeetings: expected.dialoguesHeld.jointMeetings,
    virtualVisits: expected.dialoguesHeld.virtualVisits,
    executiveSummariesFinalised: expected.executiveSummariesFinalised,
    reportsFinalised: expected.reportsFinalised,
  };
  expect(expected.total).toBeGreaterThan(0);
  for (const [figure, value] of Object.entries(values)) {
    const cell = page.getByTestId(`figure-${figure}`);
    await expect(cell, figure).toHaveAttribute('data-value', String(value));
    await expect(cell, figure).toHaveText(`${value} of ${expected.total}`);
  }

  // The sentence is the API's, word for word.
  const sentence = await api<{ sentence: string }>(page, `/api/stats/progress/sentence?cycle=2&asOf=${AS_OF}&lang=en`);
  await expect(page.getByTestId('progress-sentence')).toHaveText(sentence.sentence);
  expect(sentence.sentence).toContain(`${expected.checklistsSubmitted} of the ${expected.total} States parties`);

  // One click from a figure to the reviews behind it.
  await page.getByTestId('figure-checklistsSubmitted').click();
  const list = await api<{ count: number }>(page, `/api/stats/progress/reviews?cycle=2&asOf=${AS_OF}&figure=checklistsSubmitted`);
  await expect(page.getByTestId('figure-reviews').locator('tbody tr')).toHaveCount(list.count);

  // CSV of the same figures.
  const href = await page.getByTestId('progress-csv').getAttribute('href');
  const csv = decodeURIComponent(href!.replace(/^data:text\/csv;charset=utf-8,/, ''));
  expect(csv).toContain(`2,${AS_OF},checklistsSubmitted,"Self-assessment checklists submitted",${expected.checklistsSubmitted},${expected.total}`);

  await expect(page.getByTestId('durations-table')).toBeVisible();
  await expect(page.getByTestId('forecast-summary')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('statistics-en.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'statistics (en)');

  await chooseLanguage(page, 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await settle(page);
  const arabic = await api<{ sentence: string }>(page, `/api/stats/progress/sentence?cycle=2&asOf=${AS_OF}&lang=ar`);
  await expect(page.getByTestId('progress-sentence')).toHaveText(arabic.sentence);
  await expect(page.getByTestId('figure-checklistsSubmitted')).toHaveText(`${expected.checklistsSubmitted} من أصل ${expected.total}`);
  await page.screenshot({ path: test.info().outputPath('statistics-ar.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'statistics (ar)');
});

test('a date in the future or before the cycle gives a message, not an error', async ({ page }) => {
  await page.goto('/statistics');
  await settle(page);
  await page.getByTestId('stats-cycle').selectOption('2');
  await page.getByTestId('stats-as-of').fill('2015-01-01');
  await expect(page.getByTestId('stats-as-of-problem')).toContainText('The cycle began on 6 November 2015');
  await page.getByTestId('stats-as-of').fill('2999-01-01');
  await expect(page.getByTestId('stats-as-of-problem')).toContainText('in the future');
  await expect(page.getByTestId('progress-table')).toHaveCount(0);
});
