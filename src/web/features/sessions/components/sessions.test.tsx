import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anonymousSession, HEALTH_DEMO, secretariatSession } from '../../../testing/fixtures.ts';
import { mockApi, problem, type RecordedRequest } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import type { SessionDto, SessionReportDto } from '../api/sessions.ts';

const BODIES = [
  { code: 'IRG', name: 'Implementation Review Group', series: 'CAC/COSP/IRG' },
  { code: 'WG2', name: 'Open-ended Intergovernmental Working Group on Asset Recovery', series: 'CAC/COSP/WG.2' },
];

function secretariat() {
  const base = secretariatSession();
  return { ...base, abilities: { ...base.abilities, 'sessions.read': true, 'sessions.readMaterial': true, 'sessions.manage': true } };
}

function session(overrides: Partial<SessionDto> = {}): SessionDto {
  return {
    id: 's-11',
    name: 'Implementation Review Group: second resumed eleventh session',
    bodies: [
      { code: 'IRG', name: 'Implementation Review Group' },
      { code: 'WG2', name: 'Open-ended Intergovernmental Working Group on Asset Recovery' },
    ],
    joint: true,
    number: 11,
    resumedPart: 2,
    startDate: '2020-11-16',
    endDate: '2020-11-18',
    venue: 'Vienna',
    format: 'online',
    status: 'held',
    agendaAdoptedOn: '2020-11-16',
    version: 3,
    meetings: [{ id: 'm1', title: 'Second meeting', startsAt: '2020-11-16T14:00:00Z', endsAt: '2020-11-16T16:00:00Z', room: 'Online', bodies: ['IRG', 'WG2'] }],
    agenda: [
      { label: '1', number: 1, letter: null, title: 'Organizational matters', depth: 0, documents: [] },
      { label: '1 (a)', number: 1, letter: 'a', title: 'Adoption of the agenda', depth: 1, documents: [{ symbol: 'CAC/COSP/IRG/2020/1/Add.2', documentId: 'd1' }] },
    ],
    documents: [{ id: 'd1', symbol: 'CAC/COSP/IRG/2020/1/Add.2', title: 'Annotated provisional agenda', distributedOn: '2020-09-29', distribution: 'general', role: 'annotated-agenda', files: [{ language: 'en', filename: 'a.pdf', contentType: 'application/pdf', sizeBytes: 10, uploadedAt: '2020-10-01T00:00:00Z' }] }],
    report: { status: 'circulated', silence: 'running', adoptedOn: null, adoptionMode: null, silenceDeadline: '2020-12-11T17:00:00Z' },
    may: { manage: true, readMaterial: true, object: false },
    ...overrides,
  };
}

function report(overrides: Partial<SessionReportDto> = {}): SessionReportDto {
  return {
    sessionId: 's-11',
    status: 'amended',
    silence: 'broken',
    version: 2,
    circulatedVersion: 1,
    circulatedAt: '2020-12-04T09:00:00Z',
    silenceDeadline: '2020-12-11T17:00:00Z',
    adoptedOn: null,
    adoptionMode: null,
    adoptionPending: false,
    lockedAt: null,
    versions: [
      { version: 2, text: 'The Group held six meetings, five jointly.', author: 'sec', createdAt: '2020-12-05T09:00:00Z' },
      { version: 1, text: 'The Group held six meetings.', author: 'sec', createdAt: '2020-12-03T09:00:00Z' },
    ],
    objections: [{ stateIso3: 'AUT', circulatedVersion: 1, note: 'Paragraph 3.', objectedBy: 'fp', objectedAt: '2020-12-05T08:00:00Z' }],
    history: [{ action: 'sessions.report.object', actor: 'fp', at: '2020-12-05T08:00:00Z', details: {} }],
    may: { edit: true, circulate: true, adopt: true, closeSilence: false, lock: false, object: false },
    ...overrides,
  };
}

describe('Sessions pages', () => {
  it('lists sessions for the public, joint ones marked', async () => {
    mockApi({
      'GET /api/session': { body: anonymousSession() },
      'GET /api/health': { body: HEALTH_DEMO },
      'GET /api/sessions': { body: { sessions: [session()] } },
      'GET /api/session-bodies': { body: { bodies: BODIES } },
    });
    await renderApp('/sessions');
    expect(screen.getByRole('heading', { level: 1, name: 'Sessions of the governing bodies' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Sessions, latest first' });
    expect(within(table).getByRole('link', { name: 'Implementation Review Group, session 11, resumed (part 2)' }).getAttribute('href')).toBe('/sessions/s-11');
    expect(within(table).getByText('Joint meeting')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create the session' })).toBeNull();
  });

  it('creates a session and shows the server refusal', async () => {
    const mock = mockApi({
      'GET /api/session': { body: secretariat() },
      'GET /api/health': { body: HEALTH_DEMO },
      'GET /api/sessions': { body: { sessions: [] } },
      'GET /api/session-bodies': { body: { bodies: BODIES } },
      'POST /api/sessions': problem(422, 'session.invalid', 'The session ends (2020-11-15) before it starts (2020-11-16).'),
    });
    await renderApp('/sessions');
    fireEvent.change(await screen.findByLabelText('First day'), { target: { value: '2020-11-16' } });
    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2020-11-15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create the session' }));
    expect(await screen.findByText(/before it starts/)).toBeTruthy();
    const post = mock.requests.find((r) => r.method === 'POST')!;
    expect(post.body).toMatchObject({ bodies: ['IRG'], startDate: '2020-11-16', endDate: '2020-11-15', format: 'in-person' });
  });

  it('adds a body to the configurable list', async () => {
    const mock = mockApi({
      'GET /api/session': { body: secretariat() },
      'GET /api/health': { body: HEALTH_DEMO },
      'GET /api/sessions': { body: { sessions: [] } },
      'GET /api/session-bodies': { body: { bodies: BODIES } },
      'POST /api/session-bodies': { status: 201, body: { body: { code: 'WG5', name: 'Working Group 5', series: 'CAC/COSP/WG.5' } } },
    });
    await renderApp('/sessions');
    const form = await screen.findByRole('region', { name: 'Add a body' });
    fireEvent.change(within(form).getByLabelText(/^Code/), { target: { value: 'WG5' } });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Working Group 5' } });
    fireEvent.change(within(form).getByLabelText(/^Symbol series/), { target: { value: 'CAC/COSP/WG.5' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add the body' }));
    expect(await within(form).findByText('Working Group 5 added.')).toBeTruthy();
    expect(mock.requests.find((r) => r.method === 'POST')!.body).toEqual({ code: 'WG5', name: 'Working Group 5', series: 'CAC/COSP/WG.5' });
  });

  it('shows a session with agenda, documents and the report; saves a version and compares versions word by word', async () => {
    let stored = report();
    const puts: RecordedRequest[] = [];
    const mock = mockApi({
      'GET /api/session': { body: secretariat() },
      'GET /api/health': { body: HEALTH_DEMO },
      'GET /api/sessions/s-11': { body: { session: session() } },
      'GET /api/session-bodies': { body: { bodies: BODIES } },
    });
    mock.on('GET /api/sessions/s-11/report', () => ({ body: { report: stored } }));
    mock.on('PUT /api/sessions/s-11/report', (request) => {
      puts.push(request);
      stored = { ...stored, version: 3, versions: [{ version: 3, text: (request.body as { text: string }).text, author: 'sec', createdAt: '2020-12-06T09:00:00Z' }, ...stored.versions] };
      return { body: { report: stored } };
    });
    await renderApp('/sessions/s-11');
    expect(screen.getByRole('heading', { level: 1, name: 'Implementation Review Group, session 11, resumed (part 2)' })).toBeTruthy();
    const agenda = screen.getByTestId('agenda');
    expect(within(agenda).getByRole('link', { name: 'CAC/COSP/IRG/2020/1/Add.2' }).getAttribute('href')).toBe('/api/sessions/s-11/documents/d1/files/en');
    expect(screen.getByRole('link', { name: 'Calendar (.ics)' }).getAttribute('href')).toBe('/api/sessions/s-11/calendar.ics');
    expect(await screen.findByTestId('report-status')).toBeTruthy();
    expect(screen.getByTestId('report-status').textContent).toBe('Amended');
    expect(screen.getByText(/AUT objected to version 1/)).toBeTruthy();
    const diff = screen.getByTestId('word-diff');
    expect(diff.querySelector('ins')?.textContent).toMatch(/five/);
    fireEvent.change(screen.getByLabelText('Text of the report'), { target: { value: 'The Group held six meetings; five were joint.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]!.body).toEqual({ text: 'The Group held six meetings; five were joint.', version: 2 });
  });

  it('lets the secretariat write the agenda as lines and adopt it', async () => {
    const puts: RecordedRequest[] = [];
    const mock = mockApi({
      'GET /api/session': { body: secretariat() },
      'GET /api/health': { body: HEALTH_DEMO },
      'GET /api/sessions/s-11': { body: { session: session({ agendaAdoptedOn: null, agenda: [] }) } },
      'GET /api/sessions': { body: { sessions: [session({ id: 's-10', number: 10, resumedPart: 0 })] } },
      'GET /api/sessions/s-11/report': { body: { report: report() } },
    });
    mock.on('PUT /api/sessions/s-11/agenda', (request) => {
      puts.push(request);
      return { body: { session: session({ agendaAdoptedOn: null, version: 4 }) } };
    });
    await renderApp('/sessions/s-11');
    const editor = await screen.findByRole('region', { name: 'Edit the agenda' });
    expect(await within(editor).findByRole('button', { name: 'Carry the items' })).toBeTruthy();
    fireEvent.change(within(editor).getByLabelText(/^Items/), { target: { value: 'Organizational matters\n- Opening of the session\nTechnical assistance [CAC/COSP/IRG/2020/7]' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Save the agenda' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]!.body).toEqual({
      version: 3,
      items: [
        { title: 'Organizational matters', documents: [], items: [{ title: 'Opening of the session', documents: [] }] },
        { title: 'Technical assistance', documents: ['CAC/COSP/IRG/2020/7'] },
      ],
    });
    expect(await screen.findByRole('button', { name: 'Record the adoption of the agenda' })).toBeTruthy();
  });

  it('lets the secretariat list the meetings in UTC, joint ones with their bodies', async () => {
    const puts: RecordedRequest[] = [];
    const mock = mockApi({
      'GET /api/session': { body: secretariat() },
      'GET /api/health': { body: HEALTH_DEMO },
      'GET /api/sessions/s-11': { body: { session: session({ meetings: [] }) } },
      'GET /api/sessions/s-11/report': { body: { report: report() } },
    });
    mock.on('PUT /api/sessions/s-11/meetings', (request) => {
      puts.push(request);
      return { body: { session: session() } };
    });
    await renderApp('/sessions/s-11');
    const editor = await screen.findByRole('region', { name: 'Edit the meetings (times in UTC)' });
    fireEvent.click(within(editor).getByRole('button', { name: 'Add a meeting' }));
    fireEvent.change(within(editor).getByLabelText('Meeting 1: title'), { target: { value: 'Opening meeting' } });
    fireEvent.change(within(editor).getByLabelText('Meeting 1: start (UTC)'), { target: { value: '2020-11-16T11:00' } });
    fireEvent.change(within(editor).getByLabelText('Meeting 1: end (UTC)'), { target: { value: '2020-11-16T13:00' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Save the meetings' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]!.body).toEqual({ meetings: [{ title: 'Opening meeting', startsAt: '2020-11-16T11:00:00Z', endsAt: '2020-11-16T13:00:00Z', room: '', bodies: ['IRG'] }] });
    expect(await screen.findByText(/Second meeting · joint meeting of Implementation Review Group and Working Group on Asset Recovery/)).toBeTruthy();
  });

  it('lets the secretariat change the session with the version it read; a conflict is shown', async () => {
    const puts: RecordedRequest[] = [];
    const mock = mockApi({
      'GET /api/session': { body: secretariat() },
      'GET /api/health': { body: HEALTH_DEMO },
      'GET /api/sessions/s-11': { body: { session: session() } },
      'GET /api/session-bodies': { body: { bodies: BODIES } },
      'GET /api/sessions/s-11/report': { body: { report: report() } },
    });
    mock.on('PUT /api/sessions/s-11', (request) => {
      puts.push(request);
      return problem(409, 'record.versionConflict', 'Someone else changed this session; reload it.');
    });
    await renderApp('/sessions/s-11');
    const form = await screen.findByRole('region', { name: 'Change the session' });
    fireEvent.change(within(form).getByLabelText('Venue'), { target: { value: 'Vienna International Centre' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save the changes' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]!.body).toEqual({ bodies: ['IRG', 'WG2'], number: 11, resumedPart: 2, startDate: '2020-11-16', endDate: '2020-11-18', venue: 'Vienna International Centre', format: 'online', version: 3 });
    expect(await within(form).findByText(/Someone else changed this session/)).toBeTruthy();
  });

  it('shows the public the report status only', async () => {
    mockApi({
      'GET /api/session': { body: anonymousSession() },
      'GET /api/health': { body: HEALTH_DEMO },
      'GET /api/sessions/s-11': { body: { session: session({ may: { manage: false, readMaterial: false, object: false }, report: { status: 'adopted', silence: 'ended', adoptedOn: '2020-12-11', adoptionMode: 'silence', silenceDeadline: '2020-12-11T17:00:00Z' } }) } },
    });
    await renderApp('/sessions/s-11');
    expect(screen.getByText('Adopted by means of a silence procedure on 11 December 2020.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add the document' })).toBeNull();
  });
});
