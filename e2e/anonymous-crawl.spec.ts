import { expect, test, type Page } from '@playwright/test';
import { DEMO_MARKERS, markersIn } from '../src/server/use-cases/demo-markers.ts';

/**
 * The public web pages, as an anonymous visitor, with the demo data (issue 9,
 * docs/SECURITY.md): breadth first from the home page and the sitemap, following every
 * in-site link, at most MAX_PAGES pages; the rendered text of each must hold none of the
 * demo's confidential markers (src/server/use-cases/demo-markers.ts).
 */
const MAX_PAGES = 150;

async function pageText(page: Page): Promise<string> {
  // Rendered text, and attributes a reader or a screen reader gets too.
  return page.evaluate<string>(`(() => {
    const attributes = [...document.querySelectorAll('[title],[aria-label],[alt],[href]')].map((e) => ['title', 'aria-label', 'alt', 'href'].map((a) => e.getAttribute(a) ?? '').join(' '));
    return document.body.innerText + '\\n' + attributes.join('\\n');
  })()`);
}

test('the marker search finds a marker planted in a page', async ({ page }) => {
  await page.setContent(`<main><h1>Test</h1><p title="x">ok ${DEMO_MARKERS.checklistAnswer}</p></main>`);
  expect(markersIn(await pageText(page))).toEqual(['checklistAnswer']);
});

test('an anonymous visitor reaches no confidential demo text on any public page', async ({ page, baseURL }) => {
  // 150 pages rendered one after another: on a slow CI machine this alone can pass 5 minutes.
  test.setTimeout(900_000);
  const origin = new URL(baseURL!).origin;
  const sitemap = await (await page.request.get('/sitemap.xml')).text();
  const fromSitemap = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const queue = ['/', '/schedule', ...fromSitemap];
  const seen = new Set<string>();
  const leaks: string[] = [];
  while (queue.length > 0 && seen.size < MAX_PAGES) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await page.waitForLoadState('networkidle');
    const found = markersIn(await pageText(page));
    if (found.length > 0) leaks.push(`${path}: ${found.join(', ')}`);
    const links = await page.evaluate<string[]>(`[...document.querySelectorAll('a[href]')].map((a) => a.href)`);
    for (const link of links) {
      const url = new URL(link);
      if (url.origin !== origin || url.pathname.startsWith('/api/')) continue;
      const next = `${url.pathname}${url.search}`;
      if (!seen.has(next) && !queue.includes(next)) queue.push(next);
    }
  }
  test.info().annotations.push({ type: 'pages', description: String(seen.size) });
  console.info(`anonymous web crawl: ${seen.size} pages, ${queue.length} left in the queue`);
  expect(leaks).toEqual([]);
  expect(seen.size).toBeGreaterThan(20);
});
