import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { cyclesResponse, HEALTH_DEMO, partiesResponse, reviewDetail, secretariatSession } from '../../../testing/fixtures.ts';
import { mockApi, problem, type RecordedRequest } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import type { ReportAbilities, ReportResponse, SectionContent, SectionDto } from '../api/report.ts';

// jsdom cannot type into the ProseMirror editor: a plain text box stands in for it, as in the
// checklist's tests (the real editor is driven in Chromium by the e2e journey).
vi.mock('../../checklist/components/rich-text-editor.tsx', () => ({
  RichTextField: ({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) => (
    <label>
      {label}
      <textarea value={value} onChange={(e) => onChange(e.currentTarget.value)} />
    </label>
  ),
}));

const EMPTY: SectionContent = { summary: '', observations: '', successes: '', challenges: '', recommendations: [], goodPractices: [], needs: [] };

function section(overrides: Partial<SectionDto> = {}): SectionDto {
  return {
    article: 5,
    title: 'Preventive anti-corruption policies and practices',
    chapter: 'II',
    version: 2,
    updatedBy: 'Kim Expert',
    updatedAt: '2026-11-20T10:00:00Z',
    authors: ['Kim Expert', 'Sam Secretariat'],
    content: { ...EMPTY, summary: '<p>A national strategy since 2019.</p>', recommendations: [{ text: 'Adopt an action plan.' }], needs: [{ type: 'capacity-building', text: 'Training of prosecutors.' }] },
    commentCount: 1,
    ...overrides,
  };
}

const ALL: ReportAbilities = { draft: true, comment: true, share: true, agree: false, finalise: true };

function report(overrides: Partial<ReportResponse> = {}): ReportResponse {
  return {
    reviewId: 'r-aut',
    cycle: 2,
    state: { iso3: 'AUT', name: 'Austria' },
    status: 'drafting',
    sharedAt: null,
    agreement: null,
    agreementHolds: false,
    finalisedAt: null,
    may: ALL,
    sections: [
      section(),
      section({ article: 52, title: 'Prevention and detection of transfers of proceeds of crime', chapter: 'V', version: 0, updatedBy: null, updatedAt: null, authors: [], content: EMPTY, commentCount: 0 }),
    ],
    ...overrides,
  };
}

function api(body: ReportResponse = report()) {
  return mockApi({
    'GET /api/session': { body: secretariatSession() },
    'GET /api/health': { body: HEALTH_DEMO },
    'GET /api/parties': { body: partiesResponse() },
    'GET /api/cycles': { body: cyclesResponse() },
    'GET /api/reviews/r-aut/report': { body },
  });
}

const article5 = () => screen.getByRole('article', { name: 'Article 5. Preventive anti-corruption policies and practices' });

describe('Country review report page', () => {
  it('shows the report by chapter and article, and saves a section with the version it started from', async () => {
    // The server's report, as a reload after the save reads it.
    let stored = report();
    const mock = api();
    mock.on('GET /api/reviews/r-aut/report', () => ({ body: stored }));
    const puts: RecordedRequest[] = [];
    mock.on('PUT /api/reviews/r-aut/report/sections/5', (request) => {
      puts.push(request);
      const content = (request.body as { content: SectionContent }).content;
      const saved = section({ version: 3, content, updatedBy: 'Sam Secretariat', updatedAt: '2026-11-21T09:00:00Z' });
      stored = { ...stored, sections: stored.sections.map((s) => (s.article === 5 ? saved : s)) };
      return { body: { section: saved } };
    });
    await renderApp('/reviews/r-aut/report');
    expect(await screen.findByRole('heading', { level: 1, name: 'Country review report · Austria, cycle 2' })).toBeTruthy();
    expect(screen.getByTestId('report-status').textContent).toBe('Drafting');
    const chapterII = screen.getByRole('region', { name: 'Chapter II' });
    expect(within(chapterII).getAllByRole('article')).toHaveLength(1);
    expect(within(screen.getByRole('region', { name: 'Chapter V' })).getByText('Not written yet.')).toBeTruthy();
    const card = article5();
    expect(within(card).getByTestId('section-meta').textContent).toMatch(/^Version 2, saved by Kim Expert on /);
    expect(within(card).getByText('Authors: Kim Expert and Sam Secretariat')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Download as Word (DOCX)' }).getAttribute('href')).toBe('/api/reviews/r-aut/report.docx');
    expect(screen.getByRole('link', { name: 'Download as PDF' }).getAttribute('href')).toBe('/api/reviews/r-aut/report.pdf');

    const save = within(card).getByRole('button', { name: 'Save article 5' });
    expect(save.hasAttribute('disabled')).toBe(true);
    fireEvent.change(within(card).getByRole('textbox', { name: 'Summary of implementation (article 5)' }), { target: { value: '<p>A national strategy since 2020.</p>' } });
    expect(within(card).getByTestId('section-save-status').textContent).toBe('Unsaved changes');
    fireEvent.change(within(card).getByRole('textbox', { name: 'Recommendation 1 (article 5)' }), { target: { value: '  Adopt and fund an action plan. ' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Add a recommendation to article 5' }));
    fireEvent.change(within(card).getByRole('textbox', { name: 'Recommendation 2 (article 5)' }), { target: { value: 'Publish asset declarations.' } });
    // A good practice added and left empty is not sent.
    fireEvent.click(within(card).getByRole('button', { name: 'Add a good practice to article 5' }));
    fireEvent.change(within(card).getByRole('combobox', { name: 'Type of assistance, need 1 (article 5)' }), { target: { value: 'legal-advice' } });
    expect(screen.getByRole('button', { name: 'Share the draft with the State' }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(save);
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]!.body).toEqual({
      version: 2,
      content: {
        summary: '<p>A national strategy since 2020.</p>',
        observations: '',
        successes: '',
        challenges: '',
        recommendations: [{ text: 'Adopt and fund an action plan.' }, { text: 'Publish asset declarations.' }],
        goodPractices: [],
        needs: [{ type: 'legal-advice', text: 'Training of prosecutors.' }],
      },
    });
    await waitFor(() => expect(within(card).getByTestId('section-save-status').textContent).toBe('Saved'));
    await waitFor(() => expect(within(card).getByTestId('section-meta').textContent).toMatch(/^Version 3, saved by Sam Secretariat/));
    expect(within(card).getByRole<HTMLTextAreaElement>('textbox', { name: 'Recommendation 1 (article 5)' }).value).toBe('Adopt and fund an action plan.');
    expect(within(card).queryByRole('textbox', { name: 'Good practice 1 (article 5)' })).toBeNull();
  });

  it('on a version conflict shows both versions and saves the user text again with the stored version', async () => {
    const mock = api();
    const puts: RecordedRequest[] = [];
    mock.on('PUT /api/reviews/r-aut/report/sections/5', (request) => {
      puts.push(request);
      if (puts.length === 1) {
        return {
          status: 409,
          contentType: 'application/problem+json',
          body: {
            title: 'Conflict',
            status: 409,
            code: 'record.versionConflict',
            detail: 'Someone else saved this section.',
            current: section({ version: 3, updatedBy: 'Lucía Pérez', content: { ...EMPTY, summary: '<p>Their newer summary.</p>' } }),
          },
        };
      }
      return { body: { section: section({ version: 4, content: (request.body as { content: SectionContent }).content }) } };
    });
    await renderApp('/reviews/r-aut/report');
    const card = await screen.findByRole('article', { name: 'Article 5. Preventive anti-corruption policies and practices' });
    const box = within(card).getByRole<HTMLTextAreaElement>('textbox', { name: 'Summary of implementation (article 5)' });
    fireEvent.change(box, { target: { value: '<p>My summary.</p>' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Save article 5' }));
    const alert = await within(card).findByRole('alert');
    expect(within(alert).getByText('Someone else saved this section')).toBeTruthy();
    expect(within(within(alert).getByRole('region', { name: 'Your version' })).getByText('My summary.')).toBeTruthy();
    const theirs = within(alert).getByRole('region', { name: 'Saved version' });
    expect(within(theirs).getByText('Their newer summary.')).toBeTruthy();
    expect(within(theirs).getByText(/Saved by Lucía Pérez/)).toBeTruthy();
    expect(box.value).toBe('<p>My summary.</p>');

    fireEvent.click(within(alert).getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(puts).toHaveLength(2));
    expect(puts[1]!.body).toMatchObject({ version: 3, content: { summary: '<p>My summary.</p>' } });
    await waitFor(() => expect(within(card).queryByRole('alert')).toBeNull());
    expect(within(card).getByTestId('section-save-status').textContent).toBe('Saved');
  });

  it('can take the stored version instead', async () => {
    const mock = api();
    mock.on('PUT /api/reviews/r-aut/report/sections/5', {
      status: 409,
      contentType: 'application/problem+json',
      body: { title: 'Conflict', status: 409, detail: 'Conflict.', current: section({ version: 3, content: { ...EMPTY, summary: '<p>Stored text.</p>' } }) },
    });
    await renderApp('/reviews/r-aut/report');
    const card = await screen.findByRole('article', { name: 'Article 5. Preventive anti-corruption policies and practices' });
    const box = within(card).getByRole<HTMLTextAreaElement>('textbox', { name: 'Summary of implementation (article 5)' });
    fireEvent.change(box, { target: { value: '<p>Mine.</p>' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Save article 5' }));
    fireEvent.click(within(await within(card).findByRole('alert')).getByRole('button', { name: 'Take theirs' }));
    expect(box.value).toBe('<p>Stored text.</p>');
    expect(within(card).getByTestId('section-save-status').textContent).toBe('You now have the saved version.');
    expect(within(card).getByRole('button', { name: 'Save article 5' }).hasAttribute('disabled')).toBe(true);
  });

  it('lists the comments on a section and posts a new one', async () => {
    const mock = api();
    mock.on('GET /api/reviews/r-aut/report/sections/5/comments', {
      body: { comments: [{ id: 'c1', author: 'Fatima Focal', side: 'under-review', body: 'The strategy was renewed in 2024.', createdAt: '2026-11-22T08:00:00Z' }] },
    });
    mock.on('POST /api/reviews/r-aut/report/sections/5/comments', { body: { comment: { id: 'c2', author: 'Sam Secretariat', side: 'secretariat', body: 'Thank you, noted.', createdAt: '2026-11-22T09:00:00Z' } } });
    await renderApp('/reviews/r-aut/report');
    fireEvent.click(await screen.findByRole('button', { name: 'Comments (1) on article 5' }));
    const panel = await screen.findByRole('region', { name: 'Comments on article 5' });
    expect(await within(panel).findByText('The strategy was renewed in 2024.')).toBeTruthy();
    expect(within(panel).getByText('State under review')).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Add the comment' }));
    expect(within(panel).getByText('Write a comment first.')).toBeTruthy();
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Your comment on article 5' }), { target: { value: '  Thank you, noted. ' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Add the comment' }));
    expect(await within(panel).findByText('Thank you, noted.')).toBeTruthy();
    expect(mock.requests.find((r) => r.method === 'POST')?.body).toEqual({ body: 'Thank you, noted.' });
    expect(await screen.findByRole('button', { name: 'Comments (2) on article 5' })).toBeTruthy();
  });

  it('compares two versions of a section word by word', async () => {
    const mock = api();
    mock.on('GET /api/reviews/r-aut/report/sections/5/versions', {
      body: {
        versions: [
          { version: 2, author: 'Sam Secretariat', createdAt: '2026-11-20T10:00:00Z', content: { ...EMPTY, summary: '<p>A strategy since 2020.</p>' } },
          { version: 1, author: 'Kim Expert', createdAt: '2026-11-19T10:00:00Z', content: { ...EMPTY, summary: '<p>A strategy since 2019.</p>' } },
        ],
      },
    });
    await renderApp('/reviews/r-aut/report');
    fireEvent.click(await screen.findByRole('button', { name: 'Versions of article 5' }));
    const diff = await screen.findByTestId('word-diff');
    expect(diff.querySelector('del')?.textContent).toBe('2019');
    expect(diff.querySelector('ins')?.textContent).toBe('2020');
  });

  it('shows the State under review the report read-only, with only the steps it may take', async () => {
    const shared = report({ status: 'shared', sharedAt: '2026-11-25', may: { draft: false, comment: true, share: false, agree: true, finalise: false } });
    const mock = api(shared);
    mock.on('POST /api/reviews/r-aut/report/agree', {
      body: { ...shared, status: 'agreed', agreement: { at: '2026-11-26T10:00:00Z', by: 'Fatima Focal', versions: { '5': 2 } }, agreementHolds: true, may: { ...shared.may, agree: false } },
    });
    await renderApp('/reviews/r-aut/report');
    const card = await screen.findByRole('article', { name: 'Article 5. Preventive anti-corruption policies and practices' });
    expect(within(card).queryByRole('textbox')).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Save article 5' })).toBeNull();
    expect(within(card).getByText('A national strategy since 2019.')).toBeTruthy();
    expect(within(card).getByText('Adopt an action plan.')).toBeTruthy();
    expect(within(card).getByText('Capacity-building')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Share the draft with the State' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Finalise the report' })).toBeNull();
    expect(screen.getByText(/^Shared on /)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Agree to the report' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Agree to the report' }));
    await waitFor(() => expect(screen.getByTestId('report-status').textContent).toBe('Agreed by the State'));
    expect(mock.requests.some((r) => r.method === 'POST' && r.path === '/api/reviews/r-aut/report/agree')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Agree to the report' })).toBeNull();
    expect(screen.getAllByText(/^Agreed by Fatima Focal on /).length).toBeGreaterThan(0);
  });

  it("shows the secretariat why finalising was refused, in the server's words", async () => {
    const mock = api(report({ status: 'shared', sharedAt: '2026-11-25' }));
    mock.on('POST /api/reviews/r-aut/report/finalise', problem(409, 'report.invalidState', 'The State under review has not agreed to the report: it cannot be finalised.'));
    await renderApp('/reviews/r-aut/report');
    fireEvent.click(await screen.findByRole('button', { name: 'Finalise the report' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Finalise the report' }));
    expect(await within(dialog).findByText('The State under review has not agreed to the report: it cannot be finalised.')).toBeTruthy();
    expect(screen.getByTestId('report-status').textContent).toBe('Shared with the State');
  });
});

describe('Review page: links to the report and the summary', () => {
  it('links to the country review report and to the executive summary and publication', async () => {
    mockApi({
      'GET /api/session': { body: secretariatSession() },
      'GET /api/health': { body: HEALTH_DEMO },
      'GET /api/parties': { body: partiesResponse() },
      'GET /api/cycles': { body: cyclesResponse() },
      'GET /api/reviews/r-aut': { body: { review: reviewDetail({ canSeeContent: true }) } },
    });
    await renderApp('/reviews/r-aut');
    expect((await screen.findByRole('link', { name: 'Country review report' })).getAttribute('href')).toBe('/reviews/r-aut/report');
    expect(screen.getByRole('link', { name: 'Executive summary and publication' }).getAttribute('href')).toBe('/reviews/r-aut/summary');
  });
});
