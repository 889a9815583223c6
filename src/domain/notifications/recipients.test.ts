import { describe, expect, it } from 'vitest';
import { audienceFor, selectRecipients, type Person } from './recipients.ts';

const parties = { stateUnderReview: 'AUT', reviewers: ['DEU', 'KEN'] };

const person = (id: string, role: Person['role'], stateIso3: string | null, isDisabled = false): Person => ({ id, email: `${id}@example.org`, role, stateIso3, isDisabled });
const people: Person[] = [
  person('sec', 'secretariat', null),
  person('sec-off', 'secretariat', null, true),
  person('fp-aut', 'focal-point', 'AUT'),
  person('ex-aut', 'expert', 'AUT'),
  person('fp-ken', 'focal-point', 'KEN'),
  person('ex-ken', 'expert', 'KEN'),
  person('ex-deu', 'expert', 'DEU'),
  person('ex-fra', 'expert', 'FRA'),
  person('del', 'delegate', null),
];
const ids = (list: Person[]) => list.map((p) => p.id);

describe('recipients', () => {
  it('tells the State under review and the secretariat of a new thread, not its author', () => {
    expect(ids(selectRecipients(people, audienceFor({ kind: 'thread.opened' }, parties), 'ex-ken'))).toEqual(['sec', 'fp-aut']);
  });

  it('tells the thread’s reviewing experts and the secretariat when the State under review replies', () => {
    const audience = audienceFor({ kind: 'thread.replied', replierSide: 'state-under-review', threadReviewerStates: ['KEN'] }, parties);
    expect(ids(selectRecipients(people, audience, 'fp-aut'))).toEqual(['sec', 'ex-ken']);
    // A thread the secretariat opened involves both reviewing States.
    const both = audienceFor({ kind: 'thread.replied', replierSide: 'state-under-review', threadReviewerStates: [] }, parties);
    expect(ids(selectRecipients(people, both, 'fp-aut'))).toEqual(['sec', 'ex-ken', 'ex-deu']);
  });

  it('tells the focal points when a reviewer or the secretariat replies', () => {
    for (const replierSide of ['reviewer', 'secretariat'] as const) {
      const audience = audienceFor({ kind: 'thread.replied', replierSide, threadReviewerStates: ['KEN'] }, parties);
      expect(ids(selectRecipients(people, audience, 'sec'))).toEqual(['fp-aut']);
    }
  });

  it('tells the experts of both reviewing States and the secretariat of a submitted checklist', () => {
    expect(ids(selectRecipients(people, audienceFor({ kind: 'checklist.submitted' }, parties), 'fp-aut'))).toEqual(['sec', 'ex-ken', 'ex-deu']);
  });

  it('lists a person once and never a disabled account', () => {
    expect(ids(selectRecipients([...people, people[0]!], { focalPointsOf: [], expertsOf: [], isSecretariat: true }))).toEqual(['sec']);
  });
});

