import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { callApi, chooseLanguage, DEMO, settle, signIn } from './helpers.ts';

test('the secretariat registers a delegation, approves it, marks attendance and generates the attendance paragraph', async ({ page }) => {
  await signIn(page, DEMO.secretariat);
  // A hybrid session open for registration, in the future of any clock this runs on.
  const { session } = await callApi<{ session: { id: string } }>(page, 'POST', '/api/sessions', {
    bodies: ['IRG'],
    number: 41,
    resumedPart: 0,
    startDate: '2098-06-14',
    endDate: '2098-06-18',
    venue: 'Vienna',
    format: 'hybrid',
  });
  await callApi(page, 'POST', `/api/sessions/${session.id}/status`, { status: 'registration' });
  await page.goto(`/sessions/${session.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Implementation Review Group, session 41' })).toBeVisible();
  await settle(page);

  const participants = page.getByRole('region', { name: 'Participants' });
  await expect(participants.getByText('No participants registered yet.')).toBeVisible();
  const form = page.getByRole('region', { name: 'Register a delegation' });
  await form.getByLabel('State', { exact: true }).selectOption({ label: 'Paraguay' });
  await form.getByLabel(/^Participants/).fill('Demo Delegate Uno (fictitious); Head of delegation; uno@example.org\nDemo Delegate Dos (fictitious); Adviser');
  await form.getByRole('button', { name: 'Register' }).click();
  const table = page.getByTestId('participants-table');
  await expect(table.getByText('Demo Delegate Uno (fictitious)')).toBeVisible();
  await expect(page.getByTestId('participant-counts')).toContainText('Registered: 2');

  // Attendance before approval is not offered; approve, then mark attended in the room.
  await expect(table.getByRole('button', { name: 'Mark Demo Delegate Uno (fictitious) as attended' })).toHaveCount(0);
  await table.getByRole('button', { name: 'Approve Demo Delegate Uno (fictitious)' }).click();
  await table.getByRole('button', { name: 'Mark Demo Delegate Uno (fictitious) as attended' }).click();
  await expect(page.getByTestId('participant-counts')).toContainText('Attended: 1');
  await expect(page.getByTestId('participant-counts')).toContainText('Delegations: 1 (1 attended)');

  const paragraphs = page.getByRole('region', { name: 'Attendance paragraphs' });
  await expect(paragraphs.getByTestId('attendance-text')).toContainText('1. The following State party to the Convention was represented at the session: Paraguay.');
  await paragraphs.getByLabel('Language of the report').selectOption('es');
  await expect(paragraphs.getByTestId('attendance-text')).toContainText('Estuvo representado en el período de sesiones el siguiente Estado parte en la Convención: Paraguay.');
  await expect(paragraphs.getByRole('button', { name: 'Copy text' })).toBeVisible();

  const pdf = await page.request.get((await participants.getByRole('link', { name: 'List of participants (PDF)' }).getAttribute('href'))!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  const xlsx = await page.request.get((await participants.getByRole('link', { name: 'List of participants (Excel)' }).getAttribute('href'))!);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

  await page.screenshot({ path: test.info().outputPath('session-participants-en.png'), fullPage: true });
  await participants.screenshot({ path: '/tmp/h-att-participants-en.png' });
  await expectNoSeriousViolations(page, 'session participants (en)');

  await chooseLanguage(page, 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await settle(page);
  // The language of the paragraphs is chosen apart from the interface's.
  const arabic = page.getByRole('region', { name: 'فقرات الحضور' });
  await arabic.getByLabel('لغة التقرير').selectOption('ar');
  await expect(arabic.getByTestId('attendance-text')).toContainText('وكانت الدولة الطرف التالية في الاتفاقية ممثَّلة في الدورة: باراغواي.');
  await expect(arabic.getByTestId('attendance-text')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('region', { name: 'المشاركون' }).screenshot({ path: '/tmp/h-att-participants-ar.png' });
  await expectNoSeriousViolations(page, 'session participants (ar)');
});
