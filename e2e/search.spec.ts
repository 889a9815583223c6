import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { chooseLanguage, settle } from './helpers.ts';

test('the public searches a word of a published recommendation, filters by a facet and sees the hit marked; no draft appears; axe', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/\/search$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Search recommendations' })).toBeVisible();
  await settle(page);

  await page.getByTestId('search-query').fill('statistics');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const total = page.getByTestId('search-total');
  await expect(total).toContainText('Items found:');
  const all = Number(/(\d[\d,]*)/.exec((await total.textContent()) ?? '')![1]!.replace(/,/g, ''));
  expect(all).toBeGreaterThan(0);
  const results = page.getByTestId('search-results');
  await expect(results.locator('mark').first()).toHaveText(/statistics/i);
  await expect(page.getByTestId('search-results')).not.toContainText('DEMO-UNPUBLISHED-DRAFT');

  // The words are in the address: a reload (or a shared link) gives the same search.
  await expect(page).toHaveURL(/\/search\?q=statistics$/);
  await page.reload();
  await expect(page.getByTestId('search-query')).toHaveValue('statistics');
  await expect(total).toContainText(`Items found: ${all.toLocaleString('en')}`);

  // Filter by the first article offered: fewer (or as many) items, all of that article.
  const articleFacet = page.locator('[data-facet="article"]');
  const firstArticle = articleFacet.getByRole('checkbox').first();
  const label = (await articleFacet.locator('label').first().textContent()) ?? '';
  const article = /Article (\d+)/.exec(label)![1]!;
  const expected = Number(/\((\d+)\)\s*$/.exec(label.trim())![1]);
  await firstArticle.check();
  await expect(total).toContainText(`Items found: ${expected}`);
  for (const where of await results.getByText(/· article \d+/).allTextContents()) expect(where).toContain(`article ${article}`);
  await expect(results.locator('mark').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download CSV' })).toHaveAttribute('href', new RegExp(`article=${article}`));

  await page.screenshot({ path: test.info().outputPath('search-en.png'), fullPage: true });
  await page.screenshot({ path: '/tmp/h-search-search-en.png', fullPage: false });
  await expectNoSeriousViolations(page, 'search (en)');

  // A draft's marker finds nothing for the public: the empty state says why.
  await page.getByRole('button', { name: 'Clear all filters' }).click();
  await page.getByTestId('search-query').fill('DEMO-UNPUBLISHED-DRAFT');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByTestId('search-empty')).toContainText('Only published country review reports can be searched');

  await chooseLanguage(page, 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'البحث في التوصيات' })).toBeVisible();
  await page.screenshot({ path: '/tmp/h-search-search-ar.png', fullPage: false });
  await expectNoSeriousViolations(page, 'search (ar)');
});

test('the thematic report page shows a chart and its table, and offers the DOCX; axe', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Thematic reports', exact: true }).click();
  await expect(page).toHaveURL(/\/thematic$/);
  await settle(page);
  await expect(page.getByTestId('thematic-summary')).toContainText('reviews completed');
  const chapter = page.getByTestId('thematic-chapter').first();
  await expect(chapter.getByTestId('thematic-chart').locator('svg.recharts-surface')).toBeVisible();
  await expect(chapter.getByTestId('thematic-chart').locator('.recharts-bar-rectangle').first()).toBeAttached();
  const table = chapter.getByTestId('thematic-table');
  await expect(table.getByRole('columnheader', { name: 'Recommendations', exact: true })).toBeVisible();
  expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);

  // The figures of the page are the API's.
  const api = (await (await page.request.get('/api/thematic?cycle=2&lang=en')).json()) as { recommendations: number; completedReviews: number };
  await expect(page.getByTestId('thematic-summary')).toContainText(`${api.completedReviews} reviews completed`);
  await expect(page.getByTestId('thematic-summary')).toContainText(`${api.recommendations} recommendations`);

  const docx = page.getByRole('link', { name: 'Download Word document' });
  const href = (await docx.getAttribute('href'))!;
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('wordprocessingml');

  await page.screenshot({ path: test.info().outputPath('thematic-en.png'), fullPage: true });
  await page.screenshot({ path: '/tmp/h-search-thematic-en.png', fullPage: false });
  await expectNoSeriousViolations(page, 'thematic (en)');

  await chooseLanguage(page, 'ar');
  await expect(page.getByRole('heading', { level: 1, name: 'التقارير المواضيعية' })).toBeVisible();
  await page.screenshot({ path: '/tmp/h-search-thematic-ar.png', fullPage: false });
  await expectNoSeriousViolations(page, 'thematic (ar)');
});
