import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import ICAL from 'ical.js';
import { austriaCycle2ReviewViaApi, DEMO, settle, signIn, signOut } from './helpers.ts';

test('the secretariat organises a joint meeting across the change to summer time; the .ics is right; an expert keeps notes and finds a slot for a virtual meeting', async ({ page }) => {
  await signIn(page, DEMO.secretariat);
  const id = await austriaCycle2ReviewViaApi(page);
  await page.goto(`/reviews/${id}`);
  await settle(page);
  await page.getByRole('link', { name: /^Direct dialogue: dates, participants/ }).click();
  await expect(page).toHaveURL(new RegExp(`/reviews/${id}/dialogue$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Direct dialogue — Austria, review cycle 2' })).toBeVisible();
  await settle(page);

  const form = page.getByRole('region', { name: 'Organise the dialogue' });
  await form.getByLabel('First day').fill('2025-03-28');
  await form.getByLabel('Last day').fill('2025-03-31');
  await form.getByRole('textbox', { name: 'Place' }).fill('Vienna International Centre');
  await form.getByRole('button', { name: 'Add a participant' }).click();
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Anna Gruber');
  await form.getByRole('button', { name: 'Add a session' }).click();
  await form.getByRole('textbox', { name: 'Session', exact: true }).fill('Opening');
  await form.getByLabel('Day', { exact: true }).fill('2025-03-28');
  await form.getByLabel('Starts', { exact: true }).fill('09:00');
  await form.getByLabel('Ends', { exact: true }).fill('10:30');
  await form.getByRole('button', { name: 'Add a session' }).click();
  await form.getByRole('textbox', { name: 'Session', exact: true }).nth(1).fill('Asset recovery');
  await form.getByLabel('Day', { exact: true }).nth(1).fill('2025-03-31');
  await form.getByLabel('Starts', { exact: true }).nth(1).fill('09:00');
  await form.getByLabel('Ends', { exact: true }).nth(1).fill('12:00');
  await form.getByRole('button', { name: 'Save the dialogue' }).click();
  await expect(page.getByText('The dialogue is saved.')).toBeVisible();

  // Both sessions at 09:00 in Vienna; in UTC (the browser's zone here) one hour apart in offset.
  await expect(page.getByTestId('session-dialogue-time')).toHaveText(['28 Mar 2025, 09:00 – 10:30 (UTC+01:00)', '31 Mar 2025, 09:00 – 12:00 (UTC+02:00)']);
  await expect(page.getByTestId('session-viewer-time')).toHaveText(['28 Mar 2025, 08:00 – 09:30', '31 Mar 2025, 07:00 – 10:00']);
  await expect(page.getByText(/The clocks change in Europe\/Vienna on 30 Mar 2025, 03:00/)).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the calendar invitation (.ics)' }).click()]);
  expect(download.suggestedFilename()).toBe('dialogue-AUT-cycle2.ics');
  const calendar = new ICAL.Component(ICAL.parse(readFileSync((await download.path()), 'utf8')) as unknown[]);
  const starts = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).startDate.toJSDate().toISOString());
  expect(starts).toEqual(['2025-03-28T08:00:00.000Z', '2025-03-31T07:00:00.000Z']);
  await expectNoSeriousViolations(page, 'dialogue page (secretariat)');
  await signOut(page);

  // An expert of Kenya, a reviewing State: writes the notes of a session and runs the scheduler.
  await signIn(page, DEMO.expert);
  await page.goto(`/reviews/${id}/dialogue`);
  await settle(page);
  await expect(page.getByRole('region', { name: 'Organise the dialogue' })).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Notes of the session “Asset recovery”' }).fill('The asset recovery office reports to the prosecutor general.');
  await page.getByRole('button', { name: 'Save the notes' }).nth(1).click();
  await expect(page.getByText('Notes saved.')).toBeVisible();

  const scheduler = page.getByRole('region', { name: 'Find a time for a virtual meeting' });
  const zones = scheduler.getByRole('textbox', { name: 'Time zone' });
  await zones.nth(0).fill('Europe/Vienna');
  await zones.nth(1).fill('Europe/Berlin');
  await zones.nth(2).fill('Africa/Nairobi');
  await scheduler.getByRole('button', { name: 'Propose slots' }).click();
  const results = scheduler.getByTestId('scheduler-results');
  await expect(results).toBeVisible();
  await expect(results.getByRole('row').nth(1)).toContainText('4 of 4');
  await expectNoSeriousViolations(page, 'dialogue page (expert, scheduler results)');
});
