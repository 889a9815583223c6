import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { austriaCycle2ReviewViaApi, callApi, chooseLanguage, DEMO, importReviewViaApi, publishDrawViaApi, settle, signIn, signOut } from './helpers.ts';

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

test('drawing of lots pages have no serious accessibility violations', async ({ page }) => {
  await signIn(page, DEMO.secretariat);
  // Cycle 2 has no cohorts in the demo data: draw them, then the reviewers of its first year.
  await publishDrawViaApi(page, { kind: 'cohorts', cycle: 2 });
  await page.goto('/draws/new');
  await settle(page);
  await page.getByLabel('Review cycle').selectOption('2');
  await page.getByRole('radio', { name: /^Reviewers/ }).check();
  await expect(page.getByRole('table', { name: /reviewer pool by regional group/ })).toBeVisible();
  await page.getByRole('button', { name: 'African States' }).click();
  await expectNoSeriousViolations(page, 'secretariat draw page, with the pool');
  const published = await publishDrawViaApi(page, { kind: 'reviewers', cycle: 2, year: 1 });
  const { draw: committed } = await callApi<{ draw: { id: string } }>(page, 'POST', '/api/draws', { kind: 'reviewers', cycle: 2, year: 2 });
  await scan(page, `/draws/${committed.id}`, 'committed draw, secretariat');
  await callApi(page, 'POST', `/api/draws/${committed.id}/run`, { publicEntropy: '2 7 1 8' });
  await scan(page, `/draws/${committed.id}`, 'drawn draw, secretariat');
  await scan(page, `/draws/${published}`, 'published draw, secretariat (redraw form and queue)');
  await scan(page, '/draws', 'list of draws, secretariat');

  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await scan(page, `/draws/${published}`, 'public draw page');
  await expect(page.getByRole('table', { name: /Result of the draw/ })).toBeVisible();
  await scan(page, '/draws', 'list of draws');
  await scan(page, '/draws/verify', 'verify page');
  const record = await (await page.request.get(`/api/draws/${published}/record.json`)).text();
  await page.getByRole('textbox', { name: /Record \(JSON\)/ }).fill(record);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('VALID', { exact: true })).toBeVisible();
  await expectNoSeriousViolations(page, 'verify page, valid record');
  await page.getByRole('textbox', { name: /Record \(JSON\)/ }).fill('{"kind":"reviewers"}');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('NOT VALID', { exact: true })).toBeVisible();
  await expectNoSeriousViolations(page, 'verify page, problems');
  await chooseLanguage(page, 'ar');
  await scan(page, `/draws/${published}`, 'public draw page, Arabic');
  await scan(page, '/draws/verify', 'verify page, Arabic');
  await chooseLanguage(page, 'en');
});

test('country review pages have no serious accessibility violations', async ({ page }) => {
  await signIn(page, DEMO.secretariat);
  // A late review, so that the overdue colours and the delay bars are scanned too.
  const id = await importReviewViaApi(page, ['PER,1,2,CHL,ESP,2011-06-01,2011-06-20,2011-09-01,,,,,,,,']);
  await scan(page, '/reviews', 'tracker, secretariat');
  await page.getByRole('checkbox', { name: 'Overdue only' }).check();
  await expect(page.getByRole('table', { name: 'Reviews' }).getByRole('rowheader', { name: 'Peru' })).toBeVisible();
  await expectNoSeriousViolations(page, 'tracker, overdue only');
  await scan(page, `/reviews/${id}`, 'review page, secretariat');
  await page.getByRole('button', { name: 'Record a milestone' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSeriousViolations(page, 'record milestone dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Extend a deadline' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSeriousViolations(page, 'extension dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await chooseLanguage(page, 'ar');
  await scan(page, '/reviews', 'tracker, Arabic');
  await scan(page, `/reviews/${id}`, 'review page, Arabic');
  await chooseLanguage(page, 'en');
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await scan(page, '/reviews', 'tracker, public');
  await scan(page, `/reviews/${id}`, 'review page, public');
});

test('checklist and desk review pages have no serious accessibility violations', async ({ page }) => {
  await signIn(page, DEMO.secretariat);
  const id = await austriaCycle2ReviewViaApi(page);
  await signOut(page);

  await signIn(page, DEMO.focalPoint);
  await scan(page, `/reviews/${id}/checklist`, 'checklist, focal point');
  const card = page.getByRole('article').first();
  await card.getByRole('textbox', { name: /^Answer on provision/ }).fill('An answer, for the scan.');
  await expect(card.getByRole('status')).toHaveText('Saved', { timeout: 10_000 });
  await page.getByRole('button', { name: 'Submit the checklist' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSeriousViolations(page, 'submit checklist dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('checkbox', { name: 'Unanswered only' }).check();
  await expectNoSeriousViolations(page, 'checklist, unanswered only');
  await chooseLanguage(page, 'ar');
  await scan(page, `/reviews/${id}/checklist`, 'checklist, focal point, Arabic');
  await chooseLanguage(page, 'en');
  await signOut(page);

  await signIn(page, DEMO.expert);
  await scan(page, `/reviews/${id}/checklist`, 'checklist, expert (submitted view)');
  await page.getByRole('article').first().getByRole('button', { name: /^Ask about provision/ }).click();
  await expect(page.getByRole('form')).toBeVisible();
  await expectNoSeriousViolations(page, 'checklist, expert asking');
});
