import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anonymousSession, cyclesResponse, HEALTH_DEMO, partiesResponse, reviewDetail, secretariatSession } from '../../../testing/fixtures.ts';
import { mockApi, problem } from '../../../testing/mock-api.ts';
import { renderApp } from '../../../testing/render-app.tsx';

function api(session = anonymousSession(), review = reviewDetail()) {
  return mockApi({
    'GET /api/session': { body: session },
    'GET /api/health': { body: HEALTH_DEMO },
    'GET /api/parties': { body: partiesResponse() },
    'GET /api/cycles': { body: cyclesResponse() },
    'GET /api/reviews/r-aut': { body: { review } },
  });
}

function step(name: string): HTMLElement {
  const list = screen.getByRole('list', { name: 'Steps of the review' });
  const item = within(list)
    .getAllByRole('listitem')
    .find((li) => li.textContent?.startsWith(name));
  if (!item) throw new Error(`No step ${name}`);
  return item;
}

describe('Review page', () => {
  it('shows the review at a glance and a timeline with every step, its dates, status and delay', async () => {
    api();
    await renderApp('/reviews/r-aut');
    expect(await screen.findByRole('heading', { level: 1, name: 'Austria · cycle 1, year 1 (2010)' })).toBeTruthy();
    const summary = screen.getByRole('region', { name: 'At a glance' });
    expect(within(summary).getByText('Self-assessment checklist')).toBeTruthy();
    expect(within(summary).getByText('Andorra')).toBeTruthy();
    expect(within(summary).getByText('Argentina')).toBeTruthy();
    expect(within(summary).getByText('Chosen by drawing of lots')).toBeTruthy();
    expect(within(summary).getByText('State under review')).toBeTruthy();
    expect(within(summary).getByText('Overdue: Checklist submitted')).toBeTruthy();
    expect(within(summary).getByText('Not agreed (executive summary only)')).toBeTruthy();

    const list = screen.getByRole('list', { name: 'Steps of the review' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(10);
    expect(step('Review started').getAttribute('data-status')).toBe('done');
    expect(within(step('Review started')).getByText('Planned: 1 January 2024 · Done: 1 January 2024')).toBeTruthy();
    expect(within(step('Focal point appointed')).getByText('Planned: 22 January 2024 · Done: 1 February 2024 · Days late: 10')).toBeTruthy();
    const checklist = step('Checklist submitted');
    expect(checklist.getAttribute('data-status')).toBe('overdue');
    expect(within(checklist).getByText('Overdue')).toBeTruthy();
    expect(within(checklist).getByText('Planned: 1 March 2024 · Days late: 30')).toBeTruthy();
    const desk = step('Desk review completed');
    expect(within(desk).getByText('Upcoming')).toBeTruthy();
    expect(within(desk).getByText('Planned: 31 March 2024 · Due: 15 May 2024')).toBeTruthy();
    expect(within(desk).getByText(/Extended to 15 May 2024, agreed by AUT, AND, ARG — Translation of the answers/)).toBeTruthy();
    expect(within(step('Full report published')).getByText('Not applicable')).toBeTruthy();

    expect(within(screen.getByRole('region', { name: 'Pauses' })).getByText('Paused from 5 February 2024 to 20 February 2024 — Elections')).toBeTruthy();
    const history = screen.getByRole('region', { name: 'History' });
    expect(within(history).getAllByRole('listitem')).toHaveLength(2);
    expect(within(history).getByText('Focal point appointed · 1 February 2024')).toBeTruthy();
    expect(within(history).getAllByText('Milestone recorded')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Record a milestone' })).toBeNull();
  });

  it('draws no tracks before the review has started', async () => {
    const timeline = reviewDetail().timeline.map((s) => ({ ...s, plannedDate: null, dueDate: null, actualDate: null, status: s.kind === 'started' ? ('due' as const) : ('upcoming' as const), daysLate: 0 }));
    api(anonymousSession(), reviewDetail({ stage: 'not-started', timeline, pauses: [], extensions: [], history: [], overdue: [], daysLate: 0 }));
    await renderApp('/reviews/r-aut');
    await screen.findByRole('list', { name: 'Steps of the review' });
    expect(step('Review started').getAttribute('data-status')).toBe('due');
    expect(screen.getByText('Nothing has been recorded yet.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Pauses' })).toBeNull();
  });

  it('lets the secretariat record the next milestone, showing the API error in place, then the new stage', async () => {
    const mock = api(secretariatSession());
    mock.on('POST /api/reviews/r-aut/milestones', problem(422, 'review.invalidDate', 'Checklist submitted on 2024-01-15 is before focal point appointed on 2024-02-01.'));
    await renderApp('/reviews/r-aut');
    fireEvent.click(await screen.findByRole('button', { name: 'Record a milestone' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record a milestone' });
    const kind = within(dialog).getByRole<HTMLSelectElement>('combobox', { name: /Milestone/ });
    expect([...kind.options].map((o) => o.textContent)).toEqual(['Checklist submitted (State under review)']);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record' }));
    expect(await within(dialog).findByText('Enter a date.')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/^Date/), { target: { value: '2024-01-15' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record' }));
    expect(await within(dialog).findByText('Checklist submitted on 2024-01-15 is before focal point appointed on 2024-02-01.')).toBeTruthy();
    const post = mock.requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({ kind: 'checklistSubmitted', date: '2024-01-15', version: 4 });
    expect(post?.headers['x-csrf-token']).toBe('csrf-sec');

    const after = reviewDetail({ stage: 'desk-review', version: 5, next: [{ kind: 'deskReviewCompleted', actor: 'reviewers' }] });
    mock.on('POST /api/reviews/r-aut/milestones', { body: { review: after } });
    fireEvent.change(within(dialog).getByLabelText(/^Date/), { target: { value: '2024-03-20' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record' }));
    expect(await screen.findByText('Recorded: Checklist submitted.')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'At a glance' })).getByText('Desk review')).toBeTruthy();
  });

  it('asks for the form of the dialogue when the dialogue is recorded', async () => {
    const mock = api(secretariatSession(), reviewDetail({ next: [{ kind: 'dialogueHeld', actor: 'secretariat' }] }));
    mock.on('POST /api/reviews/r-aut/milestones', problem(409, 'record.versionConflict', 'The review was changed by someone else.'));
    await renderApp('/reviews/r-aut');
    fireEvent.click(await screen.findByRole('button', { name: 'Record a milestone' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record a milestone' });
    fireEvent.change(within(dialog).getByLabelText(/^Date/), { target: { value: '2024-05-20' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record' }));
    expect(await within(dialog).findByText('Choose the form of the dialogue.')).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('combobox', { name: /Form of the dialogue/ }), { target: { value: 'joint_meeting' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record' }));
    expect(await within(dialog).findByText('The review was changed by someone else.')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Load the latest version of the review' })).toBeTruthy();
    expect(mock.requests.find((r) => r.method === 'POST')?.body).toEqual({ kind: 'dialogueHeld', date: '2024-05-20', dialogueType: 'joint_meeting', version: 4 });
  });

  it('lets the secretariat pause the review and extend a deadline', async () => {
    const mock = api(secretariatSession());
    mock.on('POST /api/reviews/r-aut/pause', { body: { review: reviewDetail({ stage: 'paused', pauses: [...reviewDetail().pauses, { from: '2024-04-01', to: null, reason: 'Visit postponed' }] }) } });
    mock.on('POST /api/reviews/r-aut/extensions', problem(422, 'review.invalidDate', 'The new due date must be after 2024-03-01.'));
    await renderApp('/reviews/r-aut');
    fireEvent.click(await screen.findByRole('button', { name: 'Pause the review' }));
    let dialog = await screen.findByRole('dialog', { name: 'Pause the review' });
    fireEvent.change(within(dialog).getByLabelText(/^Paused from/), { target: { value: '2024-04-01' } });
    fireEvent.change(within(dialog).getByLabelText(/^Reason/), { target: { value: ' Visit postponed ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Pause' }));
    expect(await screen.findByText('The review is paused.')).toBeTruthy();
    expect(mock.requests.find((r) => r.path.endsWith('/pause'))?.body).toEqual({ from: '2024-04-01', reason: 'Visit postponed', version: 4 });
    expect(screen.getByText('Paused since 1 April 2024 — Visit postponed')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Resume the review' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Extend a deadline' }));
    dialog = await screen.findByRole('dialog', { name: 'Extend a deadline' });
    fireEvent.change(within(dialog).getByLabelText(/^New due date/), { target: { value: '2024-02-01' } });
    fireEvent.change(within(dialog).getByLabelText(/^Reason/), { target: { value: 'Translation' } });
    fireEvent.change(within(dialog).getByLabelText(/^Agreed by/), { target: { value: 'Austria' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Extend' }));
    expect(await within(dialog).findByText('The new due date must be after 2024-03-01.')).toBeTruthy();
    expect(mock.requests.find((r) => r.path.endsWith('/extensions'))?.body).toEqual({
      milestone: 'checklistSubmitted',
      newDueDate: '2024-02-01',
      reason: 'Translation',
      agreedBy: 'Austria',
      version: 4,
    });
  });
});
