import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { chooseLanguage, DEMO, importReviewViaApi, settle, signIn, signOut } from './helpers.ts';

// The first-cycle review of Austria (chapters III and IV), reviewed by Germany and Kenya, its
// direct dialogue held: the demo has no such review, so nothing else touches it.
const AUSTRIA_CYCLE_1 = 'AUT,1,1,DEU,KEN,2011-03-01,2011-03-20,2011-06-01,2011-09-01,country_visit,2012-01-15,,,,,';
const RECOMMENDATION = 'Criminalize the bribery of foreign public officials in all its forms.';
const NEED = 'Training of prosecutors on bribery cases.';
const ARABIC = 'لدى النمسا إطار قانوني شامل لتجريم الرشوة.';

async function confirmStep(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name, exact: true }).click();
}

test('the secretariat drafts two sections, the State agrees, the summary is finalised and translated into Arabic, the State consents, and the public reads it, right to left in Arabic', async ({ page }) => {
  await signIn(page, DEMO.secretariat);
  const id = await importReviewViaApi(page, [AUSTRIA_CYCLE_1]);

  // From the review page to its report.
  await page.goto(`/reviews/${id}`);
  await settle(page);
  await page.getByRole('link', { name: 'Country review report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Country review report · Austria, cycle 1' })).toBeVisible();
  await settle(page);

  // Article 15: a summary, a recommendation and a typed need.
  const a15 = page.getByRole('article', { name: /^Article 15\./ });
  await a15.getByRole('textbox', { name: 'Summary of implementation (article 15)' }).fill('Bribery of national public officials is an offence under the Criminal Code.');
  await a15.getByRole('button', { name: 'Add a recommendation to article 15' }).click();
  await a15.getByRole('textbox', { name: 'Recommendation 1 (article 15)' }).fill(RECOMMENDATION);
  await a15.getByRole('button', { name: 'Add a need to article 15' }).click();
  await a15.getByRole('combobox', { name: 'Type of assistance, need 1 (article 15)' }).selectOption('capacity-building');
  await a15.getByRole('textbox', { name: 'Need 1 (article 15)' }).fill(NEED);
  await expect(a15.getByTestId('section-save-status')).toHaveText('Unsaved changes');
  await a15.getByRole('button', { name: 'Save article 15' }).click();
  await expect(a15.getByTestId('section-save-status')).toHaveText('Saved');

  // Article 16: a summary and a recommendation.
  const a16 = page.getByRole('article', { name: /^Article 16\./ });
  await a16.scrollIntoViewIfNeeded();
  await a16.getByRole('textbox', { name: 'Summary of implementation (article 16)' }).fill('Foreign bribery is covered since 2008.');
  await a16.getByRole('button', { name: 'Add a recommendation to article 16' }).click();
  await a16.getByRole('textbox', { name: 'Recommendation 1 (article 16)' }).fill('Collect statistics on foreign bribery cases.');
  await a16.getByRole('button', { name: 'Save article 16' }).click();
  await expect(a16.getByTestId('section-save-status')).toHaveText('Saved');

  await expectNoSeriousViolations(page, 'report page, drafting');
  await confirmStep(page, 'Share the draft with the State');
  await expect(page.getByTestId('report-status')).toHaveText('Shared with the State');
  await signOut(page);

  // The State under review reads the draft and agrees to it.
  await signIn(page, DEMO.focalPoint);
  await page.goto(`/reviews/${id}/report`);
  await settle(page);
  await expect(page.getByRole('article', { name: /^Article 15\./ }).getByText(RECOMMENDATION)).toBeVisible();
  await confirmStep(page, 'Agree to the report');
  await expect(page.getByTestId('report-status')).toHaveText('Agreed by the State');
  await signOut(page);

  // The secretariat finalises the report, then drafts the summary from it and finalises it.
  await signIn(page, DEMO.secretariat);
  await page.goto(`/reviews/${id}/report`);
  await settle(page);
  await confirmStep(page, 'Finalise the report');
  await expect(page.getByTestId('report-status')).toHaveText('Finalised');
  await page.goto(`/reviews/${id}/summary`);
  await settle(page);
  const original = page.getByRole('region', { name: 'Original text (English)' });
  await original.getByRole('button', { name: 'Pre-fill from the report' }).click();
  await expect(original.getByRole('textbox', { name: 'Executive summary (English original)' })).toContainText(RECOMMENDATION);
  await original.getByRole('textbox', { name: 'Document symbol' }).fill('CAC/COSP/IRG/I/1/1/Add.9');
  await original.getByRole('button', { name: 'Save the summary' }).click();
  await expect(original.getByText('Saved', { exact: true })).toBeVisible();
  await original.getByRole('button', { name: 'Finalise the executive summary' }).click();
  await expect(original.getByText(/^Finalised on /)).toBeVisible();

  // The Arabic version, written right to left, marked final: published at once.
  const languages = page.getByRole('region', { name: 'Language versions' });
  await languages.getByRole('tab', { name: 'Arabic' }).click();
  const arabicText = languages.getByRole('textbox', { name: 'Arabic text' });
  await expect(arabicText).toHaveAttribute('dir', 'rtl');
  await arabicText.fill(ARABIC);
  await languages.getByRole('combobox', { name: 'Status of the Arabic version' }).selectOption('final');
  await languages.getByRole('button', { name: 'Save the Arabic version' }).click();
  await expect(languages.getByRole('tabpanel', { name: 'Arabic' }).getByText(/^Published on /)).toBeVisible();
  await expectNoSeriousViolations(page, 'summary page, Arabic version');
  await signOut(page);

  // The State consents to publish its full report in English; the secretariat publishes it.
  await signIn(page, DEMO.focalPoint);
  await page.goto(`/reviews/${id}/summary`);
  await settle(page);
  const publication = page.getByRole('region', { name: 'Publication' });
  await publication.getByRole('checkbox', { name: 'Country review report' }).check();
  await publication.getByRole('checkbox', { name: 'English' }).check();
  await publication.getByRole('button', { name: 'Record the consent' }).click();
  await expect(publication.getByText('The State consents to publish: Country review report, in English.')).toBeVisible();
  await signOut(page);
  await signIn(page, DEMO.secretariat);
  await page.goto(`/reviews/${id}/summary`);
  await settle(page);
  await page.getByRole('region', { name: 'Publication' }).getByRole('button', { name: 'Publish Country review report, English' }).click();
  await expect(page.getByRole('region', { name: 'Publication' }).getByRole('table', { name: 'Publications' })).toContainText('Country review report');
  await signOut(page);

  // Anyone: the country profile lists the documents, the recommendation with its reference.
  await page.goto('/countries/AUT');
  await settle(page);
  const cycle1 = page.getByRole('region', { name: /^Cycle 1 review/ });
  await expect(cycle1.getByRole('table', { name: 'Published documents' })).toContainText('Arabic');
  await expect(cycle1.getByText(RECOMMENDATION)).toBeVisible();
  await expect(cycle1.getByText('1/AUT/15/1')).toBeVisible();
  await expect(page.getByText('Bribery of national public officials')).toHaveCount(0); // the report's prose is in the document, not on the profile
  await cycle1.screenshot({ path: 'test-results/screenshots/report-public-profile-en.png' });
  await expectNoSeriousViolations(page, 'country profile with published documents');

  // The Arabic summary, in the Arabic interface: right to left.
  await cycle1.getByRole('link', { name: 'Read online: Executive summary, Arabic' }).click();
  await expect(page.getByTestId('publication-text')).toContainText(ARABIC);
  await chooseLanguage(page, 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('publication-text')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('publication-text')).toHaveAttribute('lang', 'ar');
  // Right to left: the navigation moves to the right, and the text ends before it, not under it.
  const rightEdgeOfText = async () => {
    const text = await page.getByTestId('publication-text').boundingBox();
    const nav = await page.getByRole('navigation').first().boundingBox();
    return text && nav ? nav.x - (text.x + text.width) : -1;
  };
  await expect.poll(rightEdgeOfText).toBeGreaterThanOrEqual(0);
  await page.screenshot({ path: 'test-results/screenshots/report-publication-ar.png' });
  await expectNoSeriousViolations(page, 'published summary, Arabic');
  const pdf = await page.request.get(`/api/public/publications/${page.url().split('/').pop()!}.pdf`);
  expect(pdf.ok()).toBe(true);
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
});
