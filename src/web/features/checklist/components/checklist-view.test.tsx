import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Session } from '../../auth/api/get-session.ts';
import { cyclesResponse, focalPointSession, HEALTH_DEMO, partiesResponse, reviewDetail } from '../../../testing/fixtures.ts';
import { mockApi, type RecordedRequest } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import type { AnswerDto, ChecklistResponse } from '../api/checklist.ts';

// jsdom cannot type into the ProseMirror editor; the page's save logic is tested through a
// plain text box standing in for it (the real editor is driven in Chromium by the e2e journey).
vi.mock('./rich-text-editor.tsx', () => ({
  RichTextField: ({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) => (
    <label>
      {label}
      <textarea value={value} onChange={(e) => onChange(e.currentTarget.value)} />
    </label>
  ),
}));

function answer(text: string, version = 1, overrides: Partial<AnswerDto> = {}): AnswerDto {
  return { compliance: null, text, assistanceNeeds: { types: [], text: '' }, version, updatedBy: 'Fatima Focal', updatedAt: '2026-11-20T10:00:00Z', ...overrides };
}

function checklist(overrides: Partial<ChecklistResponse> = {}): ChecklistResponse {
  return {
    reviewId: 'r-aut',
    cycle: 2,
    format: 'free-text',
    view: 'working',
    progress: { answered: 1, total: 3 },
    submissions: [],
    sections: [
      {
        article: 5,
        title: 'Preventive anti-corruption policies and practices',
        chapter: 'II',
        provisions: [
          { id: '5.1', label: 'article 5, paragraph 1', obligation: 'mandatory', answer: answer('Our national strategy of 2019.'), attachments: [{ id: 'f1', filename: 'Strategy 2019.pdf', contentType: 'application/pdf', sizeBytes: 250_000, uploadedBy: 'Fatima Focal', uploadedAt: '2026-11-20T10:00:00Z' }] },
          { id: '5.2', label: 'article 5, paragraph 2', obligation: 'consider', answer: null, attachments: [] },
        ],
      },
      { article: 52, title: 'Prevention and detection of transfers of proceeds of crime', chapter: 'V', provisions: [{ id: '52.1', label: 'article 52, paragraph 1', obligation: 'mandatory', answer: null, attachments: [] }] },
    ],
    ...overrides,
  };
}

function focalPoint(): Session {
  const session = focalPointSession();
  return { ...session, abilities: { ...session.abilities, 'checklist.answer': true, 'checklist.submit': true, 'deskReview.reply': true, 'deskReview.comment': false } };
}

function api(session: Session = focalPoint(), list = checklist()) {
  return mockApi({
    'GET /api/session': { body: session },
    'GET /api/health': { body: HEALTH_DEMO },
    'GET /api/parties': { body: partiesResponse() },
    'GET /api/cycles': { body: cyclesResponse() },
    'GET /api/reviews/r-aut': { body: { review: reviewDetail({ cycle: 2, canSeeContent: true }) } },
    'GET /api/reviews/r-aut/checklist': { body: list },
    'GET /api/reviews/r-aut/threads': {
      body: {
        threads: [
          { id: 't1', provisionId: '5.1', kind: 'question', status: 'open', messages: [{ author: 'Kim Expert', side: 'reviewing', body: 'Which body runs it?', createdAt: '2026-11-21T09:00:00Z' }] },
          { id: 't2', provisionId: '5.1', kind: 'observation', status: 'resolved', messages: [{ author: 'Kim Expert', side: 'reviewing', body: 'Noted.', createdAt: '2026-11-21T09:05:00Z' }] },
        ],
      },
    },
  });
}

const cards = () => screen.getAllByRole('article').map((a) => a.getAttribute('data-provision'));

describe('Checklist page', () => {
  it('shows the progress, filters by article, obligation and unanswered, and counts open threads per article', async () => {
    api();
    await renderApp('/reviews/r-aut/checklist');
    expect(await screen.findByRole('heading', { level: 1, name: 'Self-assessment checklist · Austria, cycle 2' })).toBeTruthy();
    expect(await screen.findByText('1 of 3 provisions answered')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Progress' }).getAttribute('aria-valuenow')).toBe('33');
    expect(cards()).toEqual(['5.1', '5.2', '52.1']);
    expect(await screen.findByText('Open threads: 1')).toBeTruthy();
    const card = screen.getByRole('article', { name: 'Provision 5.1' });
    expect(within(card).getByText('Mandatory')).toBeTruthy();
    expect(within(card).getByText('Which body runs it?')).toBeTruthy();
    expect(within(card).getByText('Resolved')).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: 'Level of obligation' }), { target: { value: 'mandatory' } });
    expect(cards()).toEqual(['5.1', '52.1']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Unanswered only' }));
    expect(cards()).toEqual(['52.1']);
    expect(screen.getByText('1 shown of 3')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Level of obligation' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Article' }), { target: { value: '5' } });
    expect(cards()).toEqual(['5.2']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Unanswered only' }));
    expect(cards()).toEqual(['5.1', '5.2']);
  });

  it('shows reviewers the submitted version, read-only', async () => {
    const session = focalPointSession();
    api({ ...session, abilities: { ...session.abilities, 'deskReview.comment': true, 'deskReview.reply': true } }, checklist({ view: 'submitted', submissions: [{ number: 1, reason: 'submitted', submittedAt: '2026-11-22T08:00:00Z', submittedBy: 'Fatima Focal' }] }));
    await renderApp('/reviews/r-aut/checklist');
    expect(await screen.findByText(/You are reading submission 1 of the State under review/)).toBeTruthy();
    expect(screen.getByText('Our national strategy of 2019.')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Answer on provision 5.1' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Submit the checklist' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Ask about provision 5.2' })).toBeTruthy();
  });

  it('on a version conflict shows both versions, keeps the user text, and saves it again with the current version', async () => {
    const mock = api();
    const puts: RecordedRequest[] = [];
    mock.on('PUT /api/reviews/r-aut/checklist/5.1', (request) => {
      puts.push(request);
      if (puts.length === 1) {
        return {
          status: 409,
          contentType: 'application/problem+json',
          body: { title: 'Conflict', status: 409, code: 'record.versionConflict', detail: 'Someone else saved this answer.', current: answer('Their newer text.', 2, { updatedBy: 'Sam Secretariat' }) },
        };
      }
      return { body: { answer: answer('Mine, improved.', 3) } };
    });
    await renderApp('/reviews/r-aut/checklist');
    const box = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Answer on provision 5.1' });
    fireEvent.change(box, { target: { value: 'Mine, improved.' } });
    const alert = await screen.findByRole('alert', {}, { timeout: 4000 });
    expect(within(alert).getByText('Someone else saved this answer')).toBeTruthy();
    expect(puts[0]?.body).toEqual({ text: 'Mine, improved.', assistanceNeeds: { types: [], text: '' }, version: 1 });
    expect(within(within(alert).getByRole('region', { name: 'Your version' })).getByText('Mine, improved.')).toBeTruthy();
    const theirs = within(alert).getByRole('region', { name: 'Saved version' });
    expect(within(theirs).getByText('Their newer text.')).toBeTruthy();
    expect(within(theirs).getByText(/Saved by Sam Secretariat/)).toBeTruthy();
    expect(box.value).toBe('Mine, improved.');

    fireEvent.click(within(alert).getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(puts).toHaveLength(2));
    expect(puts[1]?.body).toEqual({ text: 'Mine, improved.', assistanceNeeds: { types: [], text: '' }, version: 2 });
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says an answer is not saved yet while typing pauses, and saves at once when the tab is closed', async () => {
    const mock = api();
    const puts: RecordedRequest[] = [];
    mock.on('PUT /api/reviews/r-aut/checklist/5.1', (request) => {
      puts.push(request);
      return { body: { answer: answer('Typed just before closing.', 2) } };
    });
    await renderApp('/reviews/r-aut/checklist');
    const box = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Answer on provision 5.1' });
    fireEvent.change(box, { target: { value: 'Typed just before closing.' } });
    const card = box.closest('article') as HTMLElement;
    expect(within(card).getByRole('status').textContent).toBe('Not saved yet');
    expect(puts).toHaveLength(0);

    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]?.body).toEqual({ text: 'Typed just before closing.', assistanceNeeds: { types: [], text: '' }, version: 1 });
    await waitFor(() => expect(within(card).getByRole('status').textContent).toBe('Saved'));

    const afterwards = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(afterwards);
    expect(afterwards.defaultPrevented).toBe(false);
  });

  it('can take the other version instead, and then saves from it', async () => {
    const mock = api();
    mock.on('PUT /api/reviews/r-aut/checklist/5.2', {
      status: 409,
      contentType: 'application/problem+json',
      body: { title: 'Conflict', status: 409, code: 'record.versionConflict', detail: 'Conflict.', current: answer('Written by a colleague.', 1) },
    });
    await renderApp('/reviews/r-aut/checklist');
    const box = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Answer on provision 5.2' });
    fireEvent.change(box, { target: { value: 'My first draft.' } });
    const alert = await screen.findByRole('alert', {}, { timeout: 4000 });
    expect(mock.requests.find((r) => r.method === 'PUT')?.body).toMatchObject({ version: 0 });
    fireEvent.click(within(alert).getByRole('button', { name: 'Take theirs' }));
    expect(box.value).toBe('Written by a colleague.');
    expect(await screen.findByText('2 of 3 provisions answered')).toBeTruthy();
  });
});

describe('Checklist attachments, versions and desk-review answers', () => {
  it('lists the files of an answer, uploads one and shows why a file is refused', async () => {
    const mock = api();
    let uploads = 0;
    mock.on('POST /api/reviews/r-aut/checklist/5.2/attachments', () => {
      uploads += 1;
      return uploads === 1
        ? { status: 415, contentType: 'application/problem+json', body: { title: 'Unsupported', status: 415, code: 'attachment.forbiddenType', detail: '"setup.pdf" cannot be attached: its content is application/x-msdownload.' } }
        : { status: 201, body: { attachment: { id: 'f2', filename: 'Cases.csv', contentType: 'text/csv', sizeBytes: 1200, uploadedBy: 'Fatima Focal', uploadedAt: '2026-11-23T10:00:00Z' } } };
    });
    await renderApp('/reviews/r-aut/checklist');
    const card = await screen.findByRole('article', { name: 'Provision 5.1' });
    const link = within(card).getByRole('link', { name: 'Strategy 2019.pdf' });
    expect(link.getAttribute('href')).toBe('/api/reviews/r-aut/attachments/f1');

    const other = screen.getByRole('article', { name: 'Provision 5.2' });
    const input = other.querySelector<HTMLInputElement>('input[type=file]')!;
    fireEvent.change(input, { target: { files: [new File(['MZ'], 'setup.pdf')] } });
    expect(await within(other).findByText(/cannot be attached: its content is application\/x-msdownload/)).toBeTruthy();
    fireEvent.change(input, { target: { files: [new File(['year,cases'], 'Cases.csv')] } });
    expect(await within(other).findByRole('link', { name: 'Cases.csv' })).toBeTruthy();
  });

  it('compares two versions of an answer word by word', async () => {
    const mock = api();
    mock.on('GET /api/reviews/r-aut/checklist/5.1/versions', {
      body: {
        versions: [
          { ...answer('<p>Our national strategy of 2020.</p>', 2), source: 'desk-review', submissions: [2] },
          { ...answer('<p>Our national strategy of 2019.</p>', 1), source: 'checklist', submissions: [1] },
        ],
      },
    });
    await renderApp('/reviews/r-aut/checklist');
    fireEvent.click(await screen.findByRole('button', { name: 'Versions of the answer on provision 5.1' }));
    const diff = await screen.findByTestId('word-diff');
    expect(diff.querySelector('del')?.textContent).toBe('2019');
    expect(diff.querySelector('ins')?.textContent).toBe('2020');
    expect(screen.getByText('from a desk-review reply')).toBeTruthy();
  });

  it('lets the State add its reply to the answer', async () => {
    const mock = api();
    mock.on('POST /api/reviews/r-aut/threads/t1/messages', { status: 204 });
    await renderApp('/reviews/r-aut/checklist');
    const card = await screen.findByRole('article', { name: 'Provision 5.1' });
    const replies = await within(card).findAllByRole('textbox', { name: 'Reply' });
    fireEvent.change(replies[0]!, { target: { value: 'The Federal Bureau runs it.' } });
    fireEvent.click(within(card).getAllByRole('checkbox', { name: /Also add this reply to our answer/ })[0]!);
    fireEvent.click(within(card).getAllByRole('button', { name: 'Send the reply' })[0]!);
    await waitFor(() => expect(mock.requests.find((r) => r.method === 'POST' && r.path.endsWith('/messages'))?.body).toEqual({ body: 'The Federal Bureau runs it.', addToAnswer: true }));
  });
});
