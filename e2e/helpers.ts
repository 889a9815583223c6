import { expect, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';

export const DEMO_PASSWORD = 'open-irm-demo';

export const DEMO = {
  secretariat: 'secretariat@demo.test',
  focalPoint: 'focal.point@demo.test',
  expert: 'expert@demo.test',
  delegate: 'delegate@demo.test',
} as const;

/**
 * The demo secretariat's two-factor key: published on purpose (src/server/use-cases/seed-demo.ts),
 * so the tests can compute its codes as an authenticator app would.
 */
export const DEMO_TOTP_SECRET = 'OPENIRMDEMOTOTPSECRETPUBLISHED23';

export function totpCode(secret: string, at = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at });
}

/**
 * Gives the second sign-in step a code. The server refuses a time step already used (another
 * test may have signed in within the same 30 s), so on refusal it waits for the next step.
 */
export async function enterTwoFactorCode(page: Page, secret = DEMO_TOTP_SECRET): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await page.getByLabel(/^Code from your authenticator app/).fill(totpCode(secret));
    const answer = page.waitForResponse((response) => response.url().endsWith('/api/auth/two-factor') && response.request().method() === 'POST');
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    if ((await answer).ok()) return;
    await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
  }
  throw new Error('The second sign-in step refused three codes in a row.');
}

/** Signs in through the sign-in form, as a person would (with the second step when asked), and waits for the home page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, totpSecret = DEMO_TOTP_SECRET): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(/^Email address/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const signOut = page.getByRole('button', { name: 'Sign out' });
  const secondStep = page.getByRole('heading', { name: 'Enter your code' });
  await expect(signOut.or(secondStep)).toBeVisible();
  if (await secondStep.isVisible()) await enterTwoFactorCode(page, totpSecret);
  await expect(page).toHaveURL(/\/$/);
  await expect(signOut).toBeVisible();
}

export async function chooseLanguage(page: Page, language: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es'): Promise<void> {
  await page.locator('header select').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** Waits until the page's data has arrived (no loading indicator left). */
export async function settle(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Loading|جارٍ التحميل/ })).toHaveCount(0);
}

/** Calls the API with the page's session cookie and its CSRF token, for setting up data. */
export async function callApi<T = unknown>(page: Page, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string | null };
  const response = await page.request.fetch(path, {
    method,
    headers: { ...(session.csrfToken ? { 'x-csrf-token': session.csrfToken } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (response.status() === 204 ? undefined : await response.json()) as T;
}

/** Publishes a draw through the API (commit, run with the given entropy, publish); returns its id. */
export async function publishDrawViaApi(page: Page, body: Record<string, unknown>, entropy = '3 1 4 1 5'): Promise<string> {
  const { draw } = await callApi<{ draw: { id: string } }>(page, 'POST', '/api/draws', body);
  await callApi(page, 'POST', `/api/draws/${draw.id}/run`, { publicEntropy: entropy });
  await callApi(page, 'POST', `/api/draws/${draw.id}/publish`);
  return draw.id;
}

export const REVIEWS_CSV_HEADER =
  'state_iso3,cycle,cohort_year,reviewer1_iso3,reviewer2_iso3,started,focal_point_appointed,checklist_submitted,desk_review_completed,dialogue_type,dialogue_held,draft_report_shared,executive_summary_finalised,report_finalised,executive_summary_published,report_published';

/**
 * Imports review histories as the signed-in secretariat (POST /api/import/reviews, text/csv)
 * and returns the id of the review of the first row's State in its cycle.
 */
export async function importReviewViaApi(page: Page, rows: string[]): Promise<string> {
  const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string | null };
  const response = await page.request.fetch('/api/import/reviews', {
    method: 'POST',
    headers: { 'content-type': 'text/csv', ...(session.csrfToken ? { 'x-csrf-token': session.csrfToken } : {}) },
    data: `${REVIEWS_CSV_HEADER}\n${rows.join('\n')}\n`,
  });
  expect(response.ok(), `import: ${response.status()} ${await response.text()}`).toBe(true);
  const [state, cycle] = (rows[0] ?? '').split(',');
  const { reviews } = await callApi<{ reviews: { id: string; stateUnderReview: string }[] }>(page, 'GET', `/api/reviews?cycle=${cycle}`);
  const review = reviews.find((r) => r.stateUnderReview === state);
  expect(review, `review of ${state} in cycle ${cycle}`).toBeTruthy();
  return review!.id;
}

/** Signs the current user out from the header and waits for the sign-in link. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
}

function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The second-cycle review of Austria with Kenya among its reviewers (the demo expert is
 * Kenyan), started, its focal point appointed and its checklist not yet submitted, as the
 * signed-in secretariat. Opened by hand when there is none; the demo data has one (reviewed
 * by other States), so then its reviewers and dates are set by re-importing its row.
 */
export async function austriaCycle2ReviewViaApi(page: Page): Promise<string> {
  const { reviews } = await callApi<{ reviews: { id: string; stateUnderReview: string; reviewers: string[]; stage: string }[] }>(page, 'GET', '/api/reviews?cycle=2');
  const existing = reviews.find((r) => r.stateUnderReview === 'AUT');
  if (existing && existing.reviewers.includes('KEN') && existing.stage === 'checklist') return existing.id;
  if (existing) return importReviewViaApi(page, [`AUT,2,1,DEU,KEN,${isoDaysAgo(20)},${isoDaysAgo(10)},,,,,,,,,`]);
  const { review } = await callApi<{ review: { id: string; version: number } }>(page, 'POST', '/api/reviews', { state: 'AUT', cycle: 2, cohortYear: 1, reviewers: ['DEU', 'KEN'] });
  const started = await callApi<{ review: { version: number } }>(page, 'POST', `/api/reviews/${review.id}/milestones`, { kind: 'started', date: isoDaysAgo(20), version: review.version });
  await callApi(page, 'POST', `/api/reviews/${review.id}/milestones`, { kind: 'focalPointAppointed', date: isoDaysAgo(10), version: started.review.version });
  return review.id;
}
