import { describe, expect, it } from 'vitest';
import { authorWords, composeMessage, emailText, type ReviewRef } from './messages.ts';

const review: ReviewRef = { id: 'r-aut', stateName: 'Austria', cycle: 2 };

describe('messages', () => {
  const secret = 'Which body evaluates the strategy every two years?';

  it('names who, which review and which provision, and links to the checklist', () => {
    const message = composeMessage({ kind: 'thread.opened', review, provisionId: '5.1', threadKind: 'question', author: { role: 'expert', stateName: 'Kenya' } });
    expect(message).toMatchObject({ kind: 'thread.opened', link: '/reviews/r-aut/checklist', subject: 'Desk review: a question on provision 5.1 — review of Austria (cycle 2)' });
    expect(message.body).toMatch(/^An expert of Kenya asked a question on provision 5\.1 in the desk review of the review of Austria \(cycle 2\)\./);
    expect(message.body).toContain('does not repeat the content');
    expect(composeMessage({ kind: 'thread.opened', review, provisionId: '5.2', threadKind: 'request', author: { role: 'secretariat', stateName: null } }).body).toMatch(/^The secretariat requested more information on provision 5\.2/);
  });

  it('words replies and submissions', () => {
    const reply = composeMessage({ kind: 'thread.replied', review, provisionId: '5.1', author: { role: 'focal-point', stateName: 'Austria' } });
    expect(reply.subject).toBe('Desk review: a reply on provision 5.1 — review of Austria (cycle 2)');
    expect(reply.body).toMatch(/^The focal point of Austria replied in the thread on provision 5\.1/);
    const first = composeMessage({ kind: 'checklist.submitted', review, submission: 1, author: { role: 'focal-point', stateName: 'Austria' } });
    expect(first.subject).toBe('Checklist submitted — review of Austria (cycle 2)');
    expect(first.body).toMatch(/^Austria submitted its self-assessment checklist in the review of Austria \(cycle 2\)\. The desk review can start\./);
    expect(composeMessage({ kind: 'checklist.submitted', review, submission: 3, author: { role: 'focal-point', stateName: 'Austria' } }).body).toContain('(submission 3)');
  });

  it('words a reminder by how soon the step is due, linking to the review page', () => {
    const base = { kind: 'deadline.reminder' as const, review, step: 'checklistSubmitted' as const, side: 'stateUnderReview' as const };
    const late = composeMessage({ ...base, dueDate: '2026-03-01', daysLeft: -10 });
    expect(late.subject).toBe('Overdue by 10 days: Checklist submitted — review of Austria (cycle 2)');
    expect(late.body).toContain('"Checklist submitted", was due on 2026-03-01 and is 10 days late.');
    expect(late.body).toContain('waiting on the State under review');
    expect(late.link).toBe('/reviews/r-aut');
    expect(composeMessage({ ...base, dueDate: '2026-03-11', daysLeft: 0 }).subject).toMatch(/^Due today: /);
    expect(composeMessage({ ...base, dueDate: '2026-03-12', daysLeft: 1 }).subject).toMatch(/^Due in 1 day: /);
    expect(composeMessage({ ...base, dueDate: '2026-03-10', daysLeft: -1 }).subject).toMatch(/^Overdue by 1 day: /);
  });

  it('never carries message text: only what the caller passes in as facts', () => {
    // The input types have no field for content; this guards against adding one by mistake.
    const all = [
      composeMessage({ kind: 'thread.opened', review, provisionId: '5.1', threadKind: 'question', author: { role: 'expert', stateName: 'Kenya' } }),
      composeMessage({ kind: 'thread.replied', review, provisionId: '5.1', author: { role: 'focal-point', stateName: 'Austria' } }),
    ];
    for (const m of all) expect(`${m.subject}${m.body}`).not.toContain(secret);
  });

  it('makes the link absolute with PUBLIC_URL, keeping its path', () => {
    const message = { body: 'Body.', link: '/reviews/r-aut/checklist' };
    expect(emailText(message, 'https://irm.example.org/app/')).toContain('Open it in Open IRM: https://irm.example.org/app/reviews/r-aut/checklist');
    expect(emailText(message)).toContain('Open it in Open IRM at /reviews/r-aut/checklist');
    expect(emailText(message).startsWith('Body.\n\n')).toBe(true);
  });

  it('names authors by role and State', () => {
    expect(authorWords({ role: 'expert', stateName: null })).toBe('An expert');
    expect(authorWords({ role: 'system', stateName: null })).toBe('Open IRM');
  });
});
