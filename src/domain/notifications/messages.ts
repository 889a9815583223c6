/**
 * @module messages
 * The words of notifications: a subject, a plain-text body and a link into the web app,
 * the same in the in-app inbox and in the e-mail. They say who did what, in which review
 * and on which provision — never the content: no answer, no question, no reply text
 * (docs/REVIEWS.md §6: the content of a review is confidential to its parties, and e-mail
 * leaves the system). English only for now (docs/REVIEWS.md "Notifications").
 */
import type { Role } from '../accounts/roles.ts';
import { UNCAC_MILESTONES, type MilestoneKind, type MilestoneTable, type ResponsibleActor } from '../reviews/milestones.ts';

export const NOTIFICATION_KINDS = ['deadline.reminder', 'thread.opened', 'thread.replied', 'checklist.submitted'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type ThreadKind = 'question' | 'request' | 'observation';

/** The review a message is about, with the State under review named as in UN documents. */
export interface ReviewRef {
  id: string;
  stateName: string;
  cycle: number;
}

/** Who acted: a role and, for focal points and experts, their State's name. */
export interface Author {
  role: Role | 'system';
  stateName: string | null;
}

export type MessageInput =
  | { kind: 'deadline.reminder'; review: ReviewRef; step: MilestoneKind; dueDate: string; daysLeft: number; side: ResponsibleActor; milestones?: MilestoneTable }
  | { kind: 'thread.opened'; review: ReviewRef; provisionId: string; threadKind: ThreadKind; author: Author }
  | { kind: 'thread.replied'; review: ReviewRef; provisionId: string; author: Author }
  | { kind: 'checklist.submitted'; review: ReviewRef; submission: number; author: Author };

export interface ComposedMessage {
  kind: NotificationKind;
  subject: string;
  body: string;
  /** Path in the web app (the e-mail makes it absolute with PUBLIC_URL). */
  link: string;
}

const THREAD_KIND_WORDS: Record<ThreadKind, { noun: string; verb: string }> = {
  question: { noun: 'a question', verb: 'asked a question' },
  request: { noun: 'a request for more information', verb: 'requested more information' },
  observation: { noun: 'a preliminary observation', verb: 'made a preliminary observation' },
};

const SIDE_WORDS: Record<ResponsibleActor, string> = {
  stateUnderReview: 'the State under review',
  reviewers: 'the reviewing States',
  secretariat: 'the secretariat',
};

const CONFIDENTIAL_NOTE = 'For confidentiality, this message does not repeat the content of the review; sign in to read it.';

export function reviewPath(reviewId: string): string {
  return `/reviews/${encodeURIComponent(reviewId)}`;
}

export function checklistPath(reviewId: string): string {
  return `${reviewPath(reviewId)}/checklist`;
}

/** "the review of Austria (cycle 2)" */
function reviewWords(review: ReviewRef): string {
  return `the review of ${review.stateName} (cycle ${review.cycle})`;
}

/** "An expert of Kenya", "The focal point of Austria", "The secretariat". */
export function authorWords(author: Author): string {
  switch (author.role) {
    case 'secretariat':
      return 'The secretariat';
    case 'focal-point':
      return author.stateName ? `The focal point of ${author.stateName}` : 'A focal point';
    case 'expert':
      return author.stateName ? `An expert of ${author.stateName}` : 'An expert';
    case 'system':
      return 'Open IRM';
    default:
      return 'A participant';
  }
}

function dueWords(dueDate: string, daysLeft: number): { headline: string; sentence: string } {
  if (daysLeft < 0) {
    const late = -daysLeft;
    return { headline: `Overdue by ${late} day${late === 1 ? '' : 's'}`, sentence: `was due on ${dueDate} and is ${late} day${late === 1 ? '' : 's'} late` };
  }
  if (daysLeft === 0) return { headline: 'Due today', sentence: `is due today (${dueDate})` };
  return { headline: `Due in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`, sentence: `is due on ${dueDate}, in ${daysLeft} day${daysLeft === 1 ? '' : 's'}` };
}

/**
 * @example composeMessage({ kind: 'thread.opened', review: { id: 'r1', stateName: 'Austria', cycle: 2 }, provisionId: '5.1', threadKind: 'question', author: { role: 'expert', stateName: 'Kenya' } })
 *   // { kind: 'thread.opened', subject: 'Desk review: a question on provision 5.1 — review of Austria (cycle 2)', link: '/reviews/r1/checklist', body: 'An expert of Kenya asked a question …' }
 */
export function composeMessage(input: MessageInput): ComposedMessage {
  const { review } = input;
  switch (input.kind) {
    case 'deadline.reminder': {
      const label = (input.milestones ?? UNCAC_MILESTONES)[input.step].label;
      const due = dueWords(input.dueDate, input.daysLeft);
      return {
        kind: input.kind,
        subject: `${due.headline}: ${label} — review of ${review.stateName} (cycle ${review.cycle})`,
        body: [
          `The next step in ${reviewWords(review)}, "${label}", ${due.sentence}.`,
          `It is waiting on ${SIDE_WORDS[input.side]}, which you act for.`,
          'You receive this reminder once a week while the step is due within seven days or late.',
        ].join('\n\n'),
        link: reviewPath(review.id),
      };
    }
    case 'thread.opened':
      return {
        kind: input.kind,
        subject: `Desk review: ${THREAD_KIND_WORDS[input.threadKind].noun} on provision ${input.provisionId} — review of ${review.stateName} (cycle ${review.cycle})`,
        body: [`${authorWords(input.author)} ${THREAD_KIND_WORDS[input.threadKind].verb} on provision ${input.provisionId} in the desk review of ${reviewWords(review)}.`, CONFIDENTIAL_NOTE].join('\n\n'),
        link: checklistPath(review.id),
      };
    case 'thread.replied':
      return {
        kind: input.kind,
        subject: `Desk review: a reply on provision ${input.provisionId} — review of ${review.stateName} (cycle ${review.cycle})`,
        body: [`${authorWords(input.author)} replied in the thread on provision ${input.provisionId} in the desk review of ${reviewWords(review)}.`, CONFIDENTIAL_NOTE].join('\n\n'),
        link: checklistPath(review.id),
      };
    case 'checklist.submitted': {
      const what = input.submission === 1 ? 'its self-assessment checklist' : `a new version of its self-assessment checklist (submission ${input.submission})`;
      return {
        kind: input.kind,
        subject: `Checklist submitted — review of ${review.stateName} (cycle ${review.cycle})`,
        body: [`${review.stateName} submitted ${what} in ${reviewWords(review)}. The desk review can ${input.submission === 1 ? 'start' : 'go on with this version'}.`, CONFIDENTIAL_NOTE].join('\n\n'),
        link: checklistPath(review.id),
      };
    }
  }
}

/**
 * The plain-text e-mail: the body, then the link — absolute when PUBLIC_URL is set, the
 * path inside Open IRM otherwise.
 */
export function emailText(message: { body: string; link: string }, publicUrl?: string): string {
  // Appended, not resolved: PUBLIC_URL may carry a path (https://example.org/irm).
  const where = publicUrl ? `Open it in Open IRM: ${publicUrl.replace(/\/+$/, '')}${message.link}` : `Open it in Open IRM at ${message.link}`;
  return `${message.body}\n\n${where}\n\n— Open IRM. This message was sent automatically; do not reply to it.\n`;
}
