import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { callApi, DEMO, importReviewViaApi, settle, signIn, signOut } from './helpers.ts';

// A fictitious PDF: file-type recognises it from "%PDF-".
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PASSWORD = 'a long e2e password 7q2w';
const FOCAL_POINT = 'focal.point.follow-up@example.org';

function content(recommendation: string) {
  return { summary: '<p>Bribery is an offence (e2e).</p>', observations: '', successes: '', challenges: '', recommendations: [{ text: recommendation }], goodPractices: [], needs: [] };
}

/** The count of recommendations assessed as partly implemented on the dashboard's headline. */
async function partlyImplemented(page: Page): Promise<number> {
  const text = await page.getByTestId('total-partly-implemented').innerText();
  return Number(text.replace(/\D/g, ''));
}

test('a focal point reports a recommendation as implemented with evidence, the secretariat assesses it as partly implemented, and the dashboard figure changes', async ({ page }) => {
  // Three axe scans of long pages on a shared machine.
  test.setTimeout(300_000);
  await signIn(page, DEMO.secretariat);
  // A State without a first-cycle review (in the demo data or from another journey), with a focal point of its own.
  const taken = new Set((await callApi<{ reviews: { stateUnderReview: string }[] }>(page, 'GET', '/api/reviews?cycle=1')).reviews.map((r) => r.stateUnderReview));
  const { parties } = await callApi<{ parties: { iso3: string; regionalGroup: string | null }[] }>(page, 'GET', '/api/parties');
  const iso3 = parties.find((p) => p.regionalGroup && !taken.has(p.iso3) && !['AUT', 'DEU', 'KEN'].includes(p.iso3))!.iso3;
  await callApi(page, 'POST', '/api/users', { email: FOCAL_POINT, displayName: `E2E focal point of ${iso3} (fictitious)`, role: 'focal-point', stateIso3: iso3, password: PASSWORD });
  const id = await importReviewViaApi(page, [`${iso3},1,1,DEU,KEN,2011-03-01,2011-03-20,2011-06-01,2011-09-01,country_visit,2012-01-15,,,,,`]);
  const recommendation = `Collect statistics on bribery cases in ${iso3} (e2e).`;
  await callApi(page, 'PUT', `/api/reviews/${id}/report/sections/15`, { content: content(recommendation), version: 0 });
  await callApi(page, 'POST', `/api/reviews/${id}/report/share`);
  await signOut(page);
  await signIn(page, FOCAL_POINT, PASSWORD);
  await callApi(page, 'POST', `/api/reviews/${id}/report/agree`);
  await signOut(page);
  await signIn(page, DEMO.secretariat);
  await callApi(page, 'POST', `/api/reviews/${id}/report/finalise`);
  const today = new Date().toISOString().slice(0, 10);
  await callApi(page, 'POST', `/api/reviews/${id}/follow-up/rounds`, { opensOn: today });

  // The dashboard before.
  await page.goto('/follow-up');
  await settle(page);
  await expect(page.getByTestId('share-implemented')).toBeVisible();
  const before = await partlyImplemented(page);
  await signOut(page);

  // The focal point reports the recommendation as implemented, with a link, a statistic and a document.
  await signIn(page, FOCAL_POINT, PASSWORD);
  await page.goto(`/reviews/${id}/follow-up`);
  await settle(page);
  const reference = `1/${iso3}/15/1`;
  const card = page.getByRole('article', { name: `Recommendation ${reference}` });
  await expect(card.getByText(recommendation)).toBeVisible();
  const form = card.getByRole('form', { name: `Self-report on ${reference}` });
  await form.getByRole('combobox', { name: 'Status claimed' }).selectOption('implemented');
  await form.getByRole('textbox', { name: 'What was done' }).fill('A case-management system records every bribery case since 2024 (e2e).');
  await form.getByRole('textbox', { name: 'Link (web address)' }).fill('https://example.org/cases');
  await form.getByRole('textbox', { name: 'Link title' }).fill('Case statistics 2024');
  await form.getByRole('textbox', { name: 'Statistic: what is counted' }).fill('Bribery cases recorded');
  await form.getByRole('textbox', { name: 'Value' }).fill('312');
  await form.getByRole('textbox', { name: 'Period' }).fill('2024');
  await form.getByLabel('Evidence documents').setInputFiles({ name: 'case-statistics.pdf', mimeType: 'application/pdf', buffer: PDF });
  await form.getByRole('button', { name: 'Send the self-report' }).click();
  await expect(form.getByRole('status')).toHaveText('Self-report recorded.');
  await expect(card.getByRole('link', { name: 'case-statistics.pdf' })).toBeVisible();
  await expect(card.getByRole('link', { name: 'Case statistics 2024' })).toBeVisible();
  await expect(card.getByText('State reports: Implemented satisfactorily (round 1)')).toBeVisible();
  await expectNoSeriousViolations(page, 'follow-up page, focal point');
  await page.screenshot({ path: '/tmp/h-follow-review.png', fullPage: true });
  await signOut(page);

  // The secretariat assesses it as partly implemented.
  await signIn(page, DEMO.secretariat);
  await page.goto(`/reviews/${id}/follow-up`);
  await settle(page);
  const assessment = page.getByRole('article', { name: `Recommendation ${reference}` }).getByRole('form', { name: `Assessment of ${reference}` });
  await assessment.getByRole('combobox', { name: 'Assessed status' }).selectOption('partly-implemented');
  await assessment.getByRole('textbox', { name: 'Note' }).fill('The statistics do not yet show convictions (e2e).');
  await assessment.getByRole('button', { name: 'Record the assessment' }).click();
  await expect(assessment.getByRole('status')).toHaveText('Assessment recorded.');
  await expect(page.getByTestId(`latest-${reference}`).getByText('Partly implemented')).toBeVisible();

  // The dashboard figure changes, and the list behind it names the recommendation.
  await page.goto('/follow-up');
  await settle(page);
  await expect.poll(() => partlyImplemented(page)).toBe(before + 1);
  await page.getByTestId('total-partly-implemented').click();
  await expect(page.getByTestId('behind-list').getByText(reference)).toBeVisible();
  await expectNoSeriousViolations(page, 'follow-up dashboard');
  await page.screenshot({ path: '/tmp/h-follow-dashboard.png', fullPage: true });

  // The action plan page of the review.
  await page.goto(`/reviews/${id}/action-plan`);
  await settle(page);
  await page.getByRole('textbox', { name: 'Action' }).fill('Publish conviction statistics (e2e)');
  await page.getByRole('textbox', { name: 'Owner institution' }).fill('Ministry of Justice');
  await page.getByLabel('Deadline').fill('2027-12-31');
  await page.getByRole('checkbox', { name: new RegExp(reference) }).check();
  await page.getByRole('button', { name: 'Add the action' }).click();
  await expect(page.getByRole('article', { name: 'Publish conviction statistics (e2e)' })).toBeVisible();
  await expectNoSeriousViolations(page, 'action plan');
  await page.screenshot({ path: '/tmp/h-follow-plan.png', fullPage: true });
});
