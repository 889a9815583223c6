/**
 * @module recipients
 * Who hears of an event in a review. The other side is told, never the one who acted:
 *
 * | event | recipients |
 * | --- | --- |
 * | thread opened (a question, request or observation) | focal points of the State under review, the secretariat |
 * | reply by the State under review | experts of the thread's reviewing States (both when the secretariat opened it), the secretariat |
 * | reply by a reviewing State or the secretariat | focal points of the State under review |
 * | checklist submitted | experts of both reviewing States, the secretariat |
 *
 * Disabled accounts and the author of the event are left out.
 */
import type { Role } from '../accounts/roles.ts';

export interface Person {
  id: string;
  email: string;
  role: Role;
  stateIso3: string | null;
  isDisabled: boolean;
}

export interface ReviewParties {
  stateUnderReview: string;
  reviewers: readonly string[];
}

/** Whose voice a thread message is in (as stored with the message's side). */
export type Side = 'state-under-review' | 'reviewer' | 'secretariat';

export type AudienceEvent =
  | { kind: 'thread.opened' }
  | { kind: 'thread.replied'; replierSide: Side; threadReviewerStates: readonly string[] }
  | { kind: 'checklist.submitted' };

export interface Audience {
  focalPointsOf: string[];
  expertsOf: string[];
  isSecretariat: boolean;
}

export function audienceFor(event: AudienceEvent, review: ReviewParties): Audience {
  const sur = review.stateUnderReview;
  switch (event.kind) {
    case 'thread.opened':
      return { focalPointsOf: [sur], expertsOf: [], isSecretariat: true };
    case 'thread.replied': {
      if (event.replierSide !== 'state-under-review') return { focalPointsOf: [sur], expertsOf: [], isSecretariat: false };
      const involved = review.reviewers.filter((r) => event.threadReviewerStates.includes(r));
      return { focalPointsOf: [], expertsOf: involved.length > 0 ? involved : [...review.reviewers], isSecretariat: true };
    }
    case 'checklist.submitted':
      return { focalPointsOf: [], expertsOf: [...review.reviewers], isSecretariat: true };
  }
}

/** The people of `audience`, each once, without disabled accounts and without `authorUserId`. */
export function selectRecipients(people: readonly Person[], audience: Audience, authorUserId?: string): Person[] {
  const isIn = (p: Person) =>
    (p.role === 'secretariat' && audience.isSecretariat) ||
    (p.role === 'focal-point' && p.stateIso3 !== null && audience.focalPointsOf.includes(p.stateIso3)) ||
    (p.role === 'expert' && p.stateIso3 !== null && audience.expertsOf.includes(p.stateIso3));
  const seen = new Set<string>();
  return people.filter((p) => {
    if (p.isDisabled || p.id === authorUserId || seen.has(p.id) || !isIn(p)) return false;
    seen.add(p.id);
    return true;
  });
}
