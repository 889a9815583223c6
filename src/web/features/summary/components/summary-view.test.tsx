import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { cyclesResponse, HEALTH_DEMO, partiesResponse, reviewDetail, secretariatSession } from '../../../testing/fixtures.ts';
import { mockApi, problem, type RecordedRequest } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import type { PublicationsResponse } from '../../publication/api/publications.ts';
import type { LanguageVersionDto, SummaryResponse, UnLanguage } from '../api/summary.ts';

// jsdom cannot type into the ProseMirror editor: a plain text box stands in for it.
// It passes on the text's language and direction, which the real editor puts on its text.
vi.mock('../../checklist/components/rich-text-editor.tsx', () => ({
  RichTextField: ({ label, value, onChange, lang, dir }: { label: string; value: string; onChange: (v: string) => void; lang?: string; dir?: string }) => (
    <label>
      {label}
      <textarea value={value} lang={lang} dir={dir} onChange={(e) => onChange(e.currentTarget.value)} />
    </label>
  ),
}));

function language(code: UnLanguage, overrides: Partial<LanguageVersionDto> = {}): LanguageVersionDto {
  return { language: code, status: 'pending', text: '', version: 0, updatedBy: null, updatedAt: null, publishedAt: null, ...overrides };
}

function summary(overrides: Partial<SummaryResponse> = {}): SummaryResponse {
  return {
    reviewId: 'r-aut',
    status: 'drafting',
    symbol: '',
    text: '<p>Austria has a national strategy.</p>',
    version: 1,
    updatedBy: 'Kim Expert',
    updatedAt: '2026-11-20T10:00:00Z',
    finalisedAt: null,
    reportStatus: 'shared',
    may: { draft: true, finalise: true, translate: true },
    languages: [language('ar'), language('zh'), language('en', { text: '<p>Austria has a national strategy.</p>', version: 1 }), language('fr'), language('ru'), language('es')],
    ...overrides,
  };
}

function publications(overrides: Partial<PublicationsResponse> = {}): PublicationsResponse {
  return { consent: null, publications: [], may: { consent: true, publish: true }, ...overrides };
}

function api(body: SummaryResponse = summary(), pubs: PublicationsResponse = publications()) {
  return mockApi({
    'GET /api/session': { body: secretariatSession() },
    'GET /api/health': { body: HEALTH_DEMO },
    'GET /api/parties': { body: partiesResponse() },
    'GET /api/cycles': { body: cyclesResponse() },
    'GET /api/reviews/r-aut': { body: { review: reviewDetail({ cycle: 2, canSeeContent: true }) } },
    'GET /api/reviews/r-aut/summary': { body },
    'GET /api/reviews/r-aut/publications': { body: pubs },
  });
}

const original = () => screen.getByRole('region', { name: 'Original text (English)' });

describe('Executive summary page', () => {
  it('asks before the report replaces a written text, then saves the text and symbol with the version', async () => {
    const mock = api();
    mock.on('GET /api/reviews/r-aut/summary/prefill', { body: { text: '<h3>Chapter II</h3><ul><li><p>Adopt an action plan. (art. 5)</p></li></ul>' } });
    const puts: RecordedRequest[] = [];
    mock.on('PUT /api/reviews/r-aut/summary', (request) => {
      puts.push(request);
      const input = request.body as { text: string; symbol: string };
      return { body: summary({ ...input, version: 2 }) };
    });
    await renderApp('/reviews/r-aut/summary');
    expect(await screen.findByRole('heading', { level: 1, name: 'Executive summary · Austria, cycle 2' })).toBeTruthy();
    const box = await within(original()).findByRole<HTMLTextAreaElement>('textbox', { name: 'Executive summary (English original)' });

    fireEvent.click(within(original()).getByRole('button', { name: 'Pre-fill from the report' }));
    let dialog = await screen.findByRole('dialog', { name: 'Replace the text?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(mock.requests.some((r) => r.path.endsWith('/prefill'))).toBe(false);
    expect(box.value).toBe('<p>Austria has a national strategy.</p>');

    fireEvent.click(within(original()).getByRole('button', { name: 'Pre-fill from the report' }));
    dialog = await screen.findByRole('dialog', { name: 'Replace the text?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Replace the text' }));
    await waitFor(() => expect(box.value).toBe('<h3>Chapter II</h3><ul><li><p>Adopt an action plan. (art. 5)</p></li></ul>'));
    expect(within(original()).getByText('Unsaved changes')).toBeTruthy();

    fireEvent.change(within(original()).getByRole('textbox', { name: /Document symbol/ }), { target: { value: 'CAC/COSP/IRG/II/1/1/Add.4' } });
    fireEvent.click(within(original()).getByRole('button', { name: 'Save the summary' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]!.body).toEqual({ text: '<h3>Chapter II</h3><ul><li><p>Adopt an action plan. (art. 5)</p></li></ul>', symbol: 'CAC/COSP/IRG/II/1/1/Add.4', version: 1 });
    expect(await within(original()).findByText('Saved')).toBeTruthy();
  });

  it('pre-fills an empty summary without asking', async () => {
    const mock = api(summary({ text: '', version: 0 }));
    mock.on('GET /api/reviews/r-aut/summary/prefill', { body: { text: '<p>From the report.</p>' } });
    await renderApp('/reviews/r-aut/summary');
    const box = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Executive summary (English original)' });
    fireEvent.click(screen.getByRole('button', { name: 'Pre-fill from the report' }));
    await waitFor(() => expect(box.value).toBe('<p>From the report.</p>'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('on a version conflict shows both texts and can take the stored one', async () => {
    const mock = api();
    mock.on('PUT /api/reviews/r-aut/summary', {
      status: 409,
      contentType: 'application/problem+json',
      body: { title: 'Conflict', status: 409, detail: 'Someone else saved the summary.', current: summary({ text: '<p>Their summary.</p>', version: 2, updatedBy: 'Sam Secretariat' }) },
    });
    await renderApp('/reviews/r-aut/summary');
    const box = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Executive summary (English original)' });
    fireEvent.change(box, { target: { value: '<p>My summary.</p>' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the summary' }));
    const alert = await within(original()).findByRole('alert');
    expect(within(within(alert).getByRole('region', { name: 'Your version' })).getByText('My summary.')).toBeTruthy();
    expect(within(within(alert).getByRole('region', { name: 'Saved version' })).getByText('Their summary.')).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: 'Take theirs' }));
    expect(box.value).toBe('<p>Their summary.</p>');
    expect(within(original()).queryByRole('alert')).toBeNull();
  });

  it("explains what finalising needs and shows the server's reason when it is refused", async () => {
    const mock = api();
    mock.on('POST /api/reviews/r-aut/summary/finalise', problem(409, 'report.invalidState', 'The State under review has not agreed to the report: its executive summary cannot be finalised yet.'));
    await renderApp('/reviews/r-aut/summary');
    const block = await screen.findByRole('region', { name: 'Finalise the executive summary' });
    expect(within(block).getByText(/needs the State's agreement to the report/)).toBeTruthy();
    fireEvent.click(within(block).getByRole('button', { name: 'Finalise the executive summary' }));
    const alert = await within(block).findByRole('alert');
    expect(within(alert).getByText('The summary was not finalised')).toBeTruthy();
    expect(within(alert).getByText('The State under review has not agreed to the report: its executive summary cannot be finalised yet.')).toBeTruthy();
  });

  it('writes Arabic right to left and saves a language version with its status', async () => {
    const mock = api(summary({ status: 'finalised', finalisedAt: '2026-11-28T10:00:00Z', reportStatus: 'agreed' }));
    const puts: RecordedRequest[] = [];
    mock.on('PUT /api/reviews/r-aut/summary/languages/ar', (request) => {
      puts.push(request);
      const input = request.body as { text: string; status: 'final' };
      return {
        body: summary({
          status: 'finalised',
          finalisedAt: '2026-11-28T10:00:00Z',
          languages: summary().languages.map((l) =>
            l.language === 'ar' ? language('ar', { ...input, version: 1, updatedBy: 'Sam Secretariat', updatedAt: '2026-11-29T10:00:00Z', publishedAt: '2026-11-29T10:00:00Z' }) : l,
          ),
        }),
      };
    });
    await renderApp('/reviews/r-aut/summary');
    // Finalised: the original is read-only.
    await screen.findByRole('region', { name: 'Original text (English)' });
    expect(within(original()).getByText('Austria has a national strategy.')).toBeTruthy();
    expect(within(original()).queryByRole('textbox')).toBeNull();

    fireEvent.click(screen.getByRole('tab', { name: 'Arabic' }));
    const editor = await screen.findByRole('textbox', { name: 'Arabic text' });
    expect(editor.getAttribute('dir')).toBe('rtl');
    expect(editor.getAttribute('lang')).toBe('ar');
    const download = screen.getByRole('link', { name: 'Arabic version as Word (DOCX)' });
    expect(download.getAttribute('href')).toBe('/api/reviews/r-aut/summary.docx?language=ar');
    fireEvent.change(screen.getByRole('combobox', { name: /Status of the Arabic version/ }), { target: { value: 'final' } });
    fireEvent.change(editor, { target: { value: '<p>لدى النمسا استراتيجية وطنية.</p>' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the Arabic version' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]!.body).toEqual({ text: '<p>لدى النمسا استراتيجية وطنية.</p>', status: 'final', version: 0 });
    expect(await screen.findByText(/^Published on /)).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'French' }));
    const french = await screen.findByRole('textbox', { name: 'French text' });
    expect(french.getAttribute('dir')).toBe('ltr');
    expect(french.getAttribute('lang')).toBe('fr');
  });
});

describe('Publication panel', () => {
  it("records the State's consent, publishes the report and publishes a correction with its note", async () => {
    const final = summary({ status: 'finalised', finalisedAt: '2026-11-28T10:00:00Z', reportStatus: 'finalised', languages: [language('en', { status: 'final', text: '<p>x</p>', version: 1, publishedAt: '2026-11-28T10:00:00Z' })] });
    const published = { id: 'p1', document: 'summary' as const, language: 'en' as const, version: 1, note: '', publishedAt: '2026-11-28T10:00:00Z', publishedBy: 'Sam Secretariat' };
    const mock = api(final, publications({ publications: [published] }));
    const consent = { documents: ['report' as const], languages: ['en' as const, 'fr' as const], note: 'By letter of 3 May.', recordedBy: 'Sam Secretariat', recordedAt: '2026-11-29T10:00:00Z' };
    mock.on('POST /api/reviews/r-aut/consent', { body: publications({ consent, publications: [published] }) });
    const posts: RecordedRequest[] = [];
    mock.on('POST /api/reviews/r-aut/publications', (request) => {
      posts.push(request);
      return { body: publications({ consent, publications: [published, { ...published, id: `p${posts.length + 1}`, ...(request.body as object) }] }) };
    });
    await renderApp('/reviews/r-aut/summary');
    const panel = await screen.findByRole('region', { name: 'Publication' });
    expect(await within(panel).findByText(/No consent recorded/)).toBeTruthy();

    fireEvent.click(within(panel).getByRole('checkbox', { name: 'Country review report' }));
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'English' }));
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'French' }));
    fireEvent.change(within(panel).getByRole('textbox', { name: 'Note (optional)' }), { target: { value: ' By letter of 3 May. ' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Record the consent' }));
    await waitFor(() => expect(mock.requests.find((r) => r.path.endsWith('/consent'))?.body).toEqual({ documents: ['report'], languages: ['en', 'fr'], note: 'By letter of 3 May.' }));
    expect(await within(panel).findByText('The State consents to publish: Country review report, in English and French.')).toBeTruthy();

    fireEvent.click(within(panel).getByRole('button', { name: 'Publish Country review report, English' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]!.body).toEqual({ document: 'report', language: 'en' });

    const correction = within(panel).getByRole('button', { name: 'Publish a correction: Executive summary, English' });
    fireEvent.click(correction);
    expect(within(panel).getByText('Say what the correction changes.')).toBeTruthy();
    expect(posts).toHaveLength(1);
    fireEvent.change(within(panel).getByRole('textbox', { name: 'What the correction changes (Executive summary, English)' }), { target: { value: 'Typo in paragraph 3.' } });
    fireEvent.click(correction);
    await waitFor(() => expect(posts).toHaveLength(2));
    expect(posts[1]!.body).toEqual({ document: 'summary', language: 'en', note: 'Typo in paragraph 3.' });
    const list = within(panel).getByRole('table', { name: 'Publications' });
    expect(await within(list).findByText('Typo in paragraph 3.')).toBeTruthy();
  });

  it('shows no consent form and no publish buttons to whom the server does not allow them', async () => {
    api(summary(), publications({ may: { consent: false, publish: false } }));
    await renderApp('/reviews/r-aut/summary');
    const panel = await screen.findByRole('region', { name: 'Publication' });
    expect(await within(panel).findByText('Nothing published yet.')).toBeTruthy();
    expect(within(panel).queryByRole('button', { name: 'Record the consent' })).toBeNull();
    expect(within(panel).queryByRole('button', { name: /^Publish/ })).toBeNull();
  });
});
