import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { callApi, chooseLanguage, DEMO, settle, signIn } from './helpers.ts';

const JOINT = 'Implementation Review Group, session 11, resumed (part 2)';

test('the public sees the sessions, a joint session with its agenda and general documents only; axe in English and Arabic', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Sessions', exact: true }).click();
  await expect(page).toHaveURL(/\/sessions$/);
  await settle(page);
  const table = page.getByRole('table', { name: 'Sessions, latest first' });
  await expect(table.getByRole('link', { name: 'Implementation Review Group, session 12' })).toBeVisible();
  await expectNoSeriousViolations(page, 'sessions (en)');
  await table.getByRole('link', { name: JOINT }).click();
  await expect(page.getByRole('heading', { level: 1, name: JOINT })).toBeVisible();
  await settle(page);
  await expect(page.getByText('Joint meeting', { exact: true })).toBeVisible();
  await expect(page.getByTestId('agenda')).toContainText('(a) Opening of the session');
  await expect(page.getByTestId('agenda')).toContainText('5. Technical assistance');
  const documents = page.getByRole('table', { name: 'Documents' });
  await expect(documents.getByText('CAC/COSP/IRG/2020/7', { exact: true })).toBeVisible();
  // Conference room papers and limited documents are not public.
  await expect(documents.getByText('CAC/COSP/IRG/2020/CRP.3')).toHaveCount(0);
  await expect(documents.getByText('CAC/COSP/IRG/2020/L.1')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Report of the session' })).toContainText('Adopted by means of a silence procedure on 11 December 2020.');
  const calendar = await page.request.get((await page.getByRole('link', { name: 'Calendar (.ics)' }).getAttribute('href'))!);
  expect(calendar.headers()['content-type']).toMatch(/text\/calendar/);
  expect((await calendar.text()).match(/BEGIN:VEVENT/g)).toHaveLength(6);
  await page.screenshot({ path: test.info().outputPath('session-en.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'session (en)');

  await chooseLanguage(page, 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'فريق استعراض التنفيذ، الدورة 11 المستأنفة (الجزء 2)' })).toBeVisible();
  await settle(page);
  // Right to left: the navigation moves to the right, and the agenda ends before it, not under it.
  const clearOfNavigation = async () => {
    const agenda = await page.getByTestId('agenda').boundingBox();
    const nav = await page.getByRole('navigation').first().boundingBox();
    return agenda && nav ? nav.x - (agenda.x + agenda.width) : -1;
  };
  await expect.poll(clearOfNavigation).toBeGreaterThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath('session-ar.png') });
  await expectNoSeriousViolations(page, 'session (ar)');
  await page.goto('/sessions');
  await settle(page);
  await expectNoSeriousViolations(page, 'sessions (ar)');
});

test('the secretariat creates a session, adds a document and circulates the report under silence; a focal point breaks the silence', async ({ page, browser }) => {
  await signIn(page, DEMO.secretariat);
  await page.goto('/sessions');
  await settle(page);
  await expectNoSeriousViolations(page, 'sessions (secretariat)');
  await page.getByRole('textbox', { name: 'Session number' }).fill('13');
  await page.getByLabel('First day').fill('2027-06-14');
  await page.getByLabel('Last day').fill('2027-06-13');
  await page.getByRole('button', { name: 'Create the session' }).click();
  await expect(page.getByRole('alert')).toContainText('before it starts');
  await page.getByLabel('Last day').fill('2027-06-16');
  await page.getByRole('button', { name: 'Create the session' }).click();
  await page.getByRole('status').getByRole('link', { name: 'Implementation Review Group, session 13' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Implementation Review Group, session 13' })).toBeVisible();
  await settle(page);

  // The agenda, written as lines; a bad symbol in it is refused with the parser's reason.
  const editor = page.getByRole('region', { name: 'Edit the agenda' });
  await editor.getByLabel(/^Items/).fill('Organizational matters\n- Opening of the session\nOther matters [CAC/COSP/IRG/2027/1/Foo.1]');
  await editor.getByRole('button', { name: 'Save the agenda' }).click();
  await expect(editor.getByRole('alert')).toContainText('not an addendum');
  await editor.getByLabel(/^Items/).fill('Organizational matters\n- Opening of the session\nOther matters [CAC/COSP/IRG/2027/1/Add.1]');
  await editor.getByRole('button', { name: 'Save the agenda' }).click();
  await expect(page.getByTestId('agenda')).toContainText('(a) Opening of the session');
  await expect(page.getByTestId('agenda')).toContainText('2. Other matters CAC/COSP/IRG/2027/1/Add.1');

  // A meeting, in UTC, then in the calendar file.
  const meetings = page.getByRole('region', { name: 'Edit the meetings (times in UTC)' });
  await meetings.getByRole('button', { name: 'Add a meeting' }).click();
  await meetings.getByLabel('Meeting 1: title').fill('Opening meeting');
  await meetings.getByRole('button', { name: 'Save the meetings' }).click();
  await expect(page.getByText(/Opening meeting/).first()).toBeVisible();
  const ics = await (await page.request.get(`${page.url().replace(/\/sessions\//, '/api/sessions/')}/calendar.ics`)).text();
  expect(ics).toContain('SUMMARY:Implementation Review Group: thirteenth session: Opening meeting');
  expect(ics).toContain('DTSTART:20270614T090000Z');

  // A malformed symbol is refused with the parser's reason; a good one is written in canonical form.
  await page.getByRole('textbox', { name: /^Symbol/ }).fill('CAC/COSP/IRG/2027/1/Add');
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Annotated provisional agenda');
  await page.getByRole('button', { name: 'Add the document' }).click();
  // The participants section has alerts of its own: find the document form's by its words.
  await expect(page.getByRole('alert').filter({ hasText: '"Add" needs a number, as in Add.1' })).toBeVisible();
  await page.getByRole('textbox', { name: /^Symbol/ }).fill('CAC/COSP/IRG/2027/1/add.1');
  await page.getByRole('button', { name: 'Add the document' }).click();
  await expect(page.getByRole('table', { name: 'Documents' }).getByText('CAC/COSP/IRG/2027/1/Add.1', { exact: true })).toBeVisible();

  // The report: a first version, circulated under silence until tomorrow.
  const report = page.getByRole('region', { name: 'Report of the session' });
  await report.getByLabel('Text of the report').fill('The Group held four meetings.');
  await report.getByRole('button', { name: 'Save as a new version' }).click();
  await expect(report.getByTestId('report-status')).toHaveText('Draft');
  const sessionId = page.url().split('/').pop()!;
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
  await callApi(page, 'POST', `/api/sessions/${sessionId}/report/circulate`, { silenceDeadline: tomorrow });
  await page.reload();
  await settle(page);
  await expect(report.getByText('Silence procedure running')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('session-secretariat.png'), fullPage: true });
  await expectNoSeriousViolations(page, 'session (secretariat)');

  const context = await browser.newContext();
  const focal = await context.newPage();
  await signIn(focal, DEMO.focalPoint);
  await focal.goto(`/sessions/${sessionId}`);
  await settle(focal);
  const focalReport = focal.getByRole('region', { name: 'Report of the session' });
  await focalReport.getByLabel('Reason for the objection').fill('Paragraph 2 needs our correction.');
  await focalReport.getByRole('button', { name: 'Break the silence (object)' }).click();
  await expect(focalReport.getByText('Silence broken')).toBeVisible();
  await expect(focalReport.getByText(/AUT objected to version 1/)).toBeVisible();
  await expectNoSeriousViolations(focal, 'session (focal point)');
  await context.close();
});
