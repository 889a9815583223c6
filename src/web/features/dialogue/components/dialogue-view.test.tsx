import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cyclesResponse, focalPointSession, HEALTH_DEMO, partiesResponse, secretariatSession } from '../../../testing/fixtures.ts';
import { mockApi } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';
import type { DialogueResponse, ScheduleResult } from '../api/dialogue.ts';

function dialogueResponse(abilities: DialogueResponse['abilities']): DialogueResponse {
  return {
    reviewId: 'r-aut',
    stateUnderReview: 'AUT',
    reviewers: ['ARG', 'CIV'],
    cycle: 2,
    heldOn: null,
    abilities,
    dialogue: {
      form: 'joint_meeting',
      timeZone: 'Europe/Vienna',
      startDate: '2025-03-28',
      endDate: '2025-03-31',
      location: 'Vienna International Centre',
      stakeholdersAgreed: false,
      interpretationLanguages: ['fr'],
      version: 3,
      updatedBy: 'secretariat@demo.test',
      updatedAt: '2025-03-01T10:00:00Z',
      participants: [
        { id: 'p1', name: 'Anna Gruber', side: 'state-under-review', organisation: 'Ministry of Justice', email: null, attended: true },
        { id: 'p2', name: 'Lucía Pérez', side: 'reviewer:ARG', organisation: 'Oficina Anticorrupción', email: null, attended: null },
      ],
      sessions: [
        {
          id: 's1',
          title: 'Asset recovery',
          topic: 'Chapter V',
          start: '2025-03-31T07:00:00Z',
          end: '2025-03-31T10:00:00Z',
          local: { date: '2025-03-31', startTime: '09:00', endTime: '12:00', utcOffset: '+02:00' },
          notes: 'The registry of beneficial owners is public.',
          notesVersion: 1,
          notesUpdatedBy: 'expert@demo.test',
          notesUpdatedAt: '2025-03-31T12:00:00Z',
        },
      ],
      clockChanges: [{ at: '2025-03-30T01:00:00Z', fromOffset: '+01:00', toOffset: '+02:00' }],
    },
  };
}

const common = {
  'GET /api/health': { body: HEALTH_DEMO },
  'GET /api/parties': { body: partiesResponse() },
  'GET /api/cycles': { body: cyclesResponse() },
};

const slots: ScheduleResult = {
  candidates: 48,
  withoutInterpretation: 0,
  clockChanges: [],
  slots: [
    {
      rank: 1,
      start: '2025-03-31T13:00:00Z',
      end: '2025-03-31T14:30:00Z',
      insideCount: 2,
      participantCount: 2,
      fitsAll: true,
      minutesOutside: 0,
      interpretation: [],
      participants: [
        { id: 'sur', label: 'Austria', timeZone: 'Europe/Vienna', localStart: '2025-03-31T15:00', localEnd: '2025-03-31T16:30', weekday: 1, utcOffset: '+02:00', inside: true, minutesOutside: 0 },
        { id: 'ARG', label: 'Argentina', timeZone: 'Asia/Kathmandu', localStart: '2025-03-31T18:45', localEnd: '2025-03-31T20:15', weekday: 1, utcOffset: '+05:45', inside: false, minutesOutside: 90 },
      ],
    },
  ],
};

describe('Direct dialogue page', () => {
  it("shows the State's focal point the dialogue in the dialogue's zone, notes read-only, the calendar file and the scheduler", async () => {
    const api = mockApi({
      ...common,
      'GET /api/session': { body: focalPointSession() },
      'GET /api/reviews/r-aut/dialogue': { body: dialogueResponse({ manage: false, writeNotes: false, schedule: true }) },
      'POST /api/reviews/r-aut/dialogue/schedule': { body: slots },
    });
    await renderApp('/reviews/r-aut/dialogue');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Direct dialogue — Austria, review cycle 2');
    expect(screen.getByTestId('dialogue-dates').textContent).toBe('28 March 2025 to 31 March 2025');
    expect(screen.getByTestId('session-dialogue-time').textContent).toBe('31 Mar 2025, 09:00 – 12:00 (UTC+02:00)');
    expect(screen.getByText(/The clocks change in Europe\/Vienna on 30 Mar 2025, 03:00: UTC\+01:00 → UTC\+02:00/)).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'Reviewing State (Argentina)' })).toBeTruthy();
    expect(screen.getByText('The registry of beneficial owners is public.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save the notes' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Organise the dialogue' })).toBeNull();
    const link = screen.getByRole('link', { name: 'Download the calendar invitation (.ics)' });
    expect(link.getAttribute('href')).toBe('/api/reviews/r-aut/dialogue.ics');

    const zones = screen.getAllByRole('textbox', { name: 'Time zone' });
    fireEvent.change(zones[0]!, { target: { value: 'Europe/Vienna' } });
    fireEvent.change(zones[1]!, { target: { value: 'Asia/Kathmandu' } });
    fireEvent.click(screen.getByRole('button', { name: 'Propose slots' }));
    const table = await screen.findByTestId('scheduler-results');
    expect(within(table).getByText(/18:45 – 20:15 \(UTC\+05:45\)/)).toBeTruthy();
    expect(within(table).getByText('outside working hours')).toBeTruthy();
    const sent = api.requests.find((r) => r.method === 'POST')!.body as { participants: { timeZone: string; workDays: number[] }[]; interpretationLanguages: string[]; from: string };
    expect(sent.participants.map((p) => p.timeZone).slice(0, 2)).toEqual(['Europe/Vienna', 'Asia/Kathmandu']);
    expect(sent.participants[0]!.workDays).toEqual([1, 2, 3, 4, 5]);
    expect(sent.interpretationLanguages).toEqual(['fr']);
    expect(sent.from).toBe('2025-03-28');
  }, 20_000);

  it('lets the secretariat save the dialogue with the version read and the agenda in wall-clock times', async () => {
    const api = mockApi({
      ...common,
      'GET /api/session': { body: secretariatSession() },
      'GET /api/reviews/r-aut/dialogue': { body: dialogueResponse({ manage: true, writeNotes: true, schedule: true }) },
      'PUT /api/reviews/r-aut/dialogue': { body: { dialogue: dialogueResponse({ manage: true, writeNotes: true, schedule: true }).dialogue } },
    });
    await renderApp('/reviews/r-aut/dialogue');
    expect(screen.getByRole('button', { name: 'Save the notes' })).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Place' }), { target: { value: 'Vienna International Centre, room C3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the dialogue' }));
    expect(await screen.findByText('The dialogue is saved.')).toBeTruthy();
    const put = api.requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe('/api/reviews/r-aut/dialogue');
    expect(put.body).toMatchObject({
      form: 'joint_meeting',
      timeZone: 'Europe/Vienna',
      location: 'Vienna International Centre, room C3',
      version: 3,
      sessions: [{ id: 's1', title: 'Asset recovery', date: '2025-03-31', startTime: '09:00', endTime: '12:00' }],
      participants: [{ id: 'p1', side: 'state-under-review', attended: true }, { id: 'p2', side: 'reviewer:ARG', attended: null }],
    });
  }, 20_000);

  it('lets the secretariat record the dialogue as held on its last day, then shows it as recorded', async () => {
    const api = mockApi({
      ...common,
      'GET /api/session': { body: secretariatSession() },
      'GET /api/reviews/r-aut/dialogue': { body: dialogueResponse({ manage: true, writeNotes: true, schedule: true }) },
      'POST /api/reviews/r-aut/dialogue/held': { body: { heldOn: '2025-03-31', dialogueType: 'joint_meeting' } },
    });
    await renderApp('/reviews/r-aut/dialogue');
    expect(screen.getByText(/dated 31 March 2025 \(the last day\)/)).toBeTruthy();
    api.on('GET /api/reviews/r-aut/dialogue', () => ({ body: { ...dialogueResponse({ manage: true, writeNotes: true, schedule: true }), heldOn: '2025-03-31' } }));
    fireEvent.click(screen.getByRole('button', { name: 'Record the dialogue as held' }));
    expect((await screen.findByTestId('dialogue-held')).textContent).toBe('Recorded on the review as held on 31 March 2025.');
    expect(api.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/api/reviews/r-aut/dialogue/held']);
    expect(screen.queryByRole('button', { name: 'Record the dialogue as held' })).toBeNull();
  }, 20_000);
});
