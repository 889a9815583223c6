/**
 * @module public-view
 * What the public may know of a review (docs/PUBLIC.md): who is reviewed, in which cycle and
 * cohort year, by which two States, its stage and its dates — never its content (answers,
 * comments, drafts, the reasons for pauses and extensions). And the public events that the
 * Atom feeds and e-mail subscriptions announce. Pure: `now` is passed in.
 */
import type { UnLanguage } from '../parties/party.ts';
import type { DialogueType, MilestoneKind } from './milestones.ts';
import type { Review } from './review.ts';
import { stageOf, type Stage } from './stages.ts';
import { dueDateOf } from './timeline.ts';

/** The milestones the public is told about, in the order a review reaches them. */
export const PUBLIC_EVENT_KINDS = ['started', 'dialogueHeld', 'executiveSummaryPublished', 'reportPublished'] as const satisfies readonly MilestoneKind[];
export type PublicEventKind = (typeof PUBLIC_EVENT_KINDS)[number];

export interface PublicEvent {
  kind: PublicEventKind;
  /** The calendar day it happened (YYYY-MM-DD). */
  date: string;
  dialogueType: DialogueType | null;
}

/** The dated milestones of the review, without anything else (no reasons, no history). */
export interface PublicMilestone {
  kind: MilestoneKind;
  date: string;
  dialogueType: DialogueType | null;
}

export interface PublicReviewFacts {
  stateUnderReview: string;
  cycle: number;
  cohortYear: number;
  reviewers: [string, string];
  stage: Stage;
  milestones: PublicMilestone[];
  /** Pauses by their dates only: the reason is content of the review. */
  pauses: { from: string; to: string | null }[];
  startDate: string | null;
  /** The day the dialogue was held, or, while it is not, the day it is due (indicative). */
  dialogue: { date: string; held: boolean; type: DialogueType | null } | null;
}

const isPublicEventKind = (kind: MilestoneKind): kind is PublicEventKind => (PUBLIC_EVENT_KINDS as readonly string[]).includes(kind);

/** The public facts of one review. The result holds no free text entered by anyone. */
export function publicFacts(review: Review): PublicReviewFacts {
  const milestones = [...review.milestones]
    .sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind))
    .map((m) => ({ kind: m.kind, date: m.date, dialogueType: m.dialogueType ?? null }));
  const started = milestones.find((m) => m.kind === 'started');
  const held = milestones.find((m) => m.kind === 'dialogueHeld');
  const dueDialogue = started ? dueDateOf(review, 'dialogueHeld') : null;
  return {
    stateUnderReview: review.stateUnderReview,
    cycle: review.cycle,
    cohortYear: review.cohortYear,
    reviewers: [review.reviewers[0], review.reviewers[1]],
    stage: stageOf(review),
    milestones,
    pauses: review.pauses.map((p) => ({ from: p.from, to: p.to })),
    startDate: started?.date ?? null,
    dialogue: held ? { date: held.date, held: true, type: held.dialogueType } : dueDialogue ? { date: dueDialogue, held: false, type: null } : null,
  };
}

/** The events of one review the public is told about, oldest first. */
export function publicEvents(review: Review): PublicEvent[] {
  return review.milestones
    .filter((m) => isPublicEventKind(m.kind))
    .map((m) => ({ kind: m.kind as PublicEventKind, date: m.date, dialogueType: m.dialogueType ?? null }))
    .sort((a, b) => a.date.localeCompare(b.date) || PUBLIC_EVENT_KINDS.indexOf(a.kind) - PUBLIC_EVENT_KINDS.indexOf(b.kind));
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];
const DIALOGUE_WORDS: Record<DialogueType, string> = { country_visit: 'country visit', joint_meeting: 'joint meeting', virtual_visit: 'virtual country visit' };

/** The English words of a feed entry or e-mail about one event (no review content). */
export function describePublicEvent(event: PublicEvent, state: string, cycle: number, reviewers: readonly [string, string]): { title: string; summary: string } {
  const inCycle = `in the ${ORDINALS[cycle - 1] ?? `${cycle}th`} review cycle`;
  const by = `Reviewing States: ${reviewers[0]} and ${reviewers[1]}.`;
  switch (event.kind) {
    case 'started':
      return { title: `${state}: review started (cycle ${cycle})`, summary: `The review of ${state} ${inCycle} started on ${event.date}. ${by}` };
    case 'dialogueHeld': {
      const form = event.dialogueType ? ` (${DIALOGUE_WORDS[event.dialogueType]})` : '';
      return { title: `${state}: direct dialogue held${form} (cycle ${cycle})`, summary: `The direct dialogue${form} of the review of ${state} ${inCycle} was held on ${event.date}. ${by}` };
    }
    case 'executiveSummaryPublished':
      return { title: `${state}: executive summary published (cycle ${cycle})`, summary: `The executive summary of the review of ${state} ${inCycle} was published on ${event.date}.` };
    case 'reportPublished':
      return { title: `${state}: country review report published (cycle ${cycle})`, summary: `The country review report of ${state} ${inCycle} was published on ${event.date}, with the consent of ${state}.` };
  }
}


/** One published document of a review, in one language (docs/PUBLIC.md, "Published material"). */
export interface PublishedDocument {
  kind: 'executive-summary' | 'report' | 'checklist';
  language: UnLanguage;
  title: string;
  /** A correction is a new version with a note; earlier versions stay published. */
  version: number;
  publishedOn: string;
  note: string | null;
  /** Where the file is downloaded (a path of this server, or an absolute address). */
  href: string;
  /** The publication's id: its page is /publications/:id, its files …/:id.docx and .pdf. */
  id?: string;
}

/** A published recommendation or good practice of a country review report. */
export interface PublishedFinding {
  /** The article of the Convention it concerns, e.g. "15". */
  article: string;
  text: string;
  language: UnLanguage;
  /** A recommendation's stable reference, cycle/ISO3/article/sequence. */
  reference?: string;
}

/** Everything of one review that has been published. Empty until something is. */
/** A technical-assistance need of a published report, as counted in open data: its article and type, never its text. */
export interface PublishedNeed {
  article: string;
  type: string;
}

export interface PublishedMaterial {
  documents: PublishedDocument[];
  recommendations: PublishedFinding[];
  goodPractices: PublishedFinding[];
}

/** What publications hold: the material the profile shows, and the needs that open data counts. */
export interface PublishedContent extends PublishedMaterial {
  needs: PublishedNeed[];
}

export const NOTHING_PUBLISHED: PublishedContent = Object.freeze({ documents: [], recommendations: [], goodPractices: [], needs: [] });
