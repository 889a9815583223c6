import { expect, test } from '@playwright/test';
import { austriaCycle2ReviewViaApi, DEMO, settle, signIn, signOut } from './helpers.ts';

// The start of a PDF file: enough for the server to recognise the type from the bytes.
const LAW_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

test('the focal point answers, attaches a file and submits the checklist; an expert asks, the focal point replies into the answer; the tracker moves on', async ({ page }) => {
  await signIn(page, DEMO.secretariat);
  const id = await austriaCycle2ReviewViaApi(page);
  await signOut(page);

  // The focal point of Austria: from the review page to its checklist.
  await signIn(page, DEMO.focalPoint);
  await page.goto(`/reviews/${id}`);
  await settle(page);
  await page.getByRole('link', { name: /^Self-assessment checklist and desk review/ }).click();
  await expect(page).toHaveURL(new RegExp(`/reviews/${id}/checklist$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Self-assessment checklist · Austria, cycle 2' })).toBeVisible();
  await settle(page);

  const cards = page.getByRole('article');
  const first = cards.nth(0);
  const second = cards.nth(1);
  const firstId = (await first.getAttribute('data-provision')) ?? '';
  for (const [card, text] of [
    [first, 'Austria has a national anti-corruption strategy, adopted in 2018 and reviewed every two years.'],
    [second, 'The strategy is implemented by the Federal Bureau of Anti-Corruption with every ministry.'],
  ] as const) {
    await card.getByRole('textbox', { name: /^Answer on provision/ }).fill(text);
    await expect(card.getByRole('status')).toHaveText('Saved', { timeout: 10_000 });
  }
  // Rich text: a bold sentence typed after the toolbar's Bold button.
  const editor = first.getByRole('textbox', { name: /^Answer on provision/ });
  await editor.press('End');
  await first.getByRole('button', { name: 'Bold' }).click();
  await editor.pressSequentially(' See the attached strategy.');
  await expect(first.getByRole('status')).toHaveText('Saved', { timeout: 10_000 });

  // A file attached to the first answer; a program dressed as a PDF is refused.
  const fileInput = first.locator('input[type=file]');
  await fileInput.setInputFiles({ name: 'setup.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]) });
  await expect(first.getByRole('alert')).toContainText('cannot be attached');
  await fileInput.setInputFiles({ name: 'National strategy 2018.pdf', mimeType: 'application/pdf', buffer: LAW_PDF });
  await expect(first.getByRole('link', { name: 'National strategy 2018.pdf' })).toBeVisible();
  await expect(page.getByTestId('checklist-progress')).toContainText(/^[1-9]\d* of \d+ provisions answered$/);

  // Autosaved: still there after a reload.
  await page.reload();
  await settle(page);
  await expect(first.getByRole('textbox', { name: /^Answer on provision/ })).toContainText(/national anti-corruption strategy/);
  await expect(first.getByRole('textbox', { name: /^Answer on provision/ }).locator('strong')).toHaveText('See the attached strategy.');

  await page.getByRole('button', { name: 'Submit the checklist' }).click();
  const dialog = page.getByRole('dialog', { name: 'Submit the checklist?' });
  await dialog.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^Checklist submitted \(submission \d+\)/)).toBeVisible();
  await signOut(page);

  // The expert of Kenya (a reviewing State) reads the submitted version and asks a question.
  await signIn(page, DEMO.expert);
  await page.goto(`/reviews/${id}/checklist`);
  await settle(page);
  await expect(page.getByText('Submitted version')).toBeVisible();
  const asked = page.locator(`[data-provision="${firstId}"]`);
  await expect(asked.getByText(/national anti-corruption strategy/)).toBeVisible();
  await expect(asked.getByRole('textbox', { name: /^Answer on provision/ })).toHaveCount(0);
  await expect(asked.locator('strong', { hasText: 'See the attached strategy.' })).toBeVisible();
  // The reviewer downloads the attached file, byte for byte.
  const href = await asked.getByRole('link', { name: 'National strategy 2018.pdf' }).getAttribute('href');
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(Buffer.from(await download.body()).equals(LAW_PDF)).toBe(true);
  await asked.getByRole('button', { name: `Ask about provision ${firstId}` }).click();
  const form = asked.getByRole('form', { name: `Ask about provision ${firstId}` });
  await form.getByRole('combobox', { name: 'Kind' }).selectOption('question');
  await form.getByRole('textbox', { name: 'Message' }).fill('Which body evaluates the strategy every two years?');
  await form.getByRole('button', { name: 'Send' }).click();
  await expect(asked.getByText('Which body evaluates the strategy every two years?')).toBeVisible();
  const thread = asked.locator('[data-thread-status]').filter({ hasText: 'Which body evaluates the strategy every two years?' });
  await expect(thread.getByText('Open', { exact: true })).toBeVisible();
  await expect(page.getByText(/^Open threads: [1-9]/).first()).toBeVisible();
  await signOut(page);

  // The focal point replies in the thread.
  await signIn(page, DEMO.focalPoint);
  await page.goto(`/reviews/${id}/checklist`);
  await settle(page);
  const reply = page.locator(`[data-provision="${firstId}"]`).locator('[data-thread-status]').filter({ hasText: 'Which body evaluates the strategy every two years?' });
  await reply.getByRole('textbox', { name: 'Reply' }).fill('The Court of Audit, with a report to Parliament.');
  await reply.getByRole('checkbox', { name: /Also add this reply to our answer/ }).check();
  await reply.getByRole('button', { name: 'Send the reply' }).click();
  // The reply box keeps the text until the server answers; the posted message is a paragraph.
  await expect(reply.getByRole('paragraph').filter({ hasText: 'The Court of Audit, with a report to Parliament.' })).toBeVisible();
  await expect(reply.getByRole('textbox', { name: 'Reply' })).toHaveValue('');
  await expect(reply.getByText(/^Added to the answer as version \d+$/)).toBeVisible();
  await signOut(page);

  // The expert reads the reply inside the answer at once, and compares the two versions.
  await signIn(page, DEMO.expert);
  await page.goto(`/reviews/${id}/checklist`);
  await settle(page);
  const updated = page.locator(`[data-provision="${firstId}"]`);
  await expect(updated.locator('.rich-text-view')).toContainText('The Court of Audit, with a report to Parliament.');
  await updated.getByRole('button', { name: `Versions of the answer on provision ${firstId}` }).click();
  await expect(page.getByTestId('word-diff')).toContainText('The Court of Audit');
  await expect(page.getByTestId('word-diff').locator('ins').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await signOut(page);

  // The secretariat sees the review in the desk review on the tracker.
  await signIn(page, DEMO.secretariat);
  await page.goto('/reviews');
  await settle(page);
  await page.getByRole('combobox', { name: 'Review cycle' }).selectOption('2');
  const row = page.getByRole('table', { name: 'Reviews' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Austria' }) });
  await expect(row).toContainText('Desk review');
});
