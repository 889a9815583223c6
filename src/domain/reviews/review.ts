/**
 * @module review
 * A country review (one per State under review and cycle) and the rules for changing it:
 * record a milestone, pause, resume. Each function is pure, takes the clock as `now`, and
 * returns a new value or throws a DomainError; the use case persists the value and writes
 * the audit row. The review stores only dated facts; its stage is derived (stages.ts).
 */
import { DomainError } from '../errors.ts';
import { dayOf, isCalendarDate } from './calendar.ts';
import {
  DIALOGUE_TYPES,
  UNCAC_MILESTONES,
  isApplicable,
  isDialogueType,
  isMilestoneKind,
  type DialogueType,
  type MilestoneKind,
  type MilestoneTable,
} from './milestones.ts';

export interface RecordedMilestone {
  kind: MilestoneKind;
  /** ISO calendar date on which the step happened. */
  date: string;
  /** Only on `dialogueHeld`. */
  dialogueType?: DialogueType;
}

/** A suspension of the review (e.g. a postponed visit). `to` is the day work resumed. */
export interface Pause {
  from: string;
  to: string | null;
  reason: string;
}

/** A new due date for one milestone, agreed by someone, for a reason (§5 practice note). */
export interface Extension {
  milestone: MilestoneKind;
  newDueDate: string;
  reason: string;
  /** Who agreed, as free text or a user id ("Secretariat, J. Doe"). */
  agreedBy: string;
}

export interface Review {
  stateUnderReview: string;
  cycle: number;
  cohortYear: number;
  /** The two reviewing States (§3: two reviewers per State under review). */
  reviewers: readonly [string, string];
  milestones: readonly RecordedMilestone[];
  pauses: readonly Pause[];
  extensions: readonly Extension[];
  /** The State agreed to publish its full report (§4 "Publication"). */
  consentToPublishReport: boolean;
}

export interface MilestoneInput {
  kind: MilestoneKind;
  date: string;
  dialogueType?: DialogueType;
}

export interface ReviewProblem {
  code: 'review.invalidTransition' | 'review.invalidDate';
  message: string;
}

export function milestoneDate(review: Pick<Review, 'milestones'>, kind: MilestoneKind): string | undefined {
  return review.milestones.find((m) => m.kind === kind)?.date;
}

export function openPause(review: Pick<Review, 'pauses'>): Pause | undefined {
  return review.pauses.find((p) => p.to === null);
}

/** Every milestone that applies to the review (the full report's publication needs consent) is recorded. */
export function isComplete(review: Review, table: MilestoneTable = UNCAC_MILESTONES): boolean {
  const done = new Set(review.milestones.map((m) => m.kind));
  return (Object.keys(table) as MilestoneKind[]).every((kind) => done.has(kind) || !isApplicable(table, kind, review.consentToPublishReport));
}

function lower(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * Every reason why a milestone cannot be recorded, empty when it can. Shared by
 * recordMilestone and the import (import-rows.ts), so both apply the same rules with the
 * same words. `dialogueType` is a plain string here because imported values are unchecked.
 */
export function checkMilestone(
  review: Review,
  input: { kind: MilestoneKind; date: string; dialogueType?: string },
  today: string,
  table: MilestoneTable = UNCAC_MILESTONES,
): ReviewProblem[] {
  const problems: ReviewProblem[] = [];
  const transition = (message: string) => problems.push({ code: 'review.invalidTransition', message });
  const badDate = (message: string) => problems.push({ code: 'review.invalidDate', message });
  if (!isMilestoneKind(input.kind)) {
    transition(`There is no milestone '${String(input.kind)}'.`);
    return problems;
  }
  const definition = table[input.kind];
  const label = definition.label;
  const recorded = milestoneDate(review, input.kind);
  if (recorded !== undefined) transition(`${label} is already recorded (${recorded}).`);
  const dateOk = isCalendarDate(input.date);
  if (!dateOk) badDate(`${label}: '${input.date}' is not a calendar date (YYYY-MM-DD).`);
  else if (input.date > today) badDate(`${label} on ${input.date} is in the future (today is ${today}).`);
  for (const before of definition.requires) {
    const beforeDate = milestoneDate(review, before);
    if (beforeDate === undefined) transition(`${label} needs ${lower(table[before].label)} first.`);
    else if (dateOk && input.date < beforeDate) {
      badDate(`${label} on ${input.date} is before ${lower(table[before].label)} on ${beforeDate}.`);
    }
  }
  if (definition.needsDialogueType) {
    if (input.dialogueType === undefined || input.dialogueType === '') {
      transition(`${label} needs the dialogue type: ${DIALOGUE_TYPES.join(', ')}.`);
    } else if (!isDialogueType(input.dialogueType)) {
      transition(`${label}: '${input.dialogueType}' is not a dialogue type (${DIALOGUE_TYPES.join(', ')}).`);
    }
  } else if (input.dialogueType !== undefined && input.dialogueType !== '') {
    transition(`${label} has no dialogue type; only a dialogue has one.`);
  }
  if (!isApplicable(table, input.kind, review.consentToPublishReport)) {
    transition(`${label} needs the consent of the State under review, which is not recorded.`);
  }
  if (dateOk) {
    for (const pause of review.pauses) {
      if (pause.to === null && input.date > pause.from) {
        transition(`The review is paused since ${pause.from} (${pause.reason}); resume it before recording ${lower(label)} on ${input.date}.`);
      } else if (pause.to !== null && pause.from < input.date && input.date < pause.to) {
        badDate(`${label} on ${input.date} falls in the pause from ${pause.from} to ${pause.to}.`);
      }
    }
  }
  return problems;
}

function fail(problems: readonly ReviewProblem[]): never {
  const first = problems[0];
  if (!first) throw new Error('fail() needs at least one problem');
  const messages = problems.map((p) => p.message);
  throw new DomainError(first.code, messages.join(' '), { problems: messages });
}

/**
 * Records that a step happened on `input.date`. Refuses a missing prerequisite, a second
 * recording, the full report's publication without consent, a date that is not a calendar
 * day, is after today or before a prerequisite, and progress inside a pause.
 * @example recordMilestone(review, { kind: 'checklistSubmitted', date: '2024-03-01' }, now)
 */
export function recordMilestone(review: Review, input: MilestoneInput, now: Date, table: MilestoneTable = UNCAC_MILESTONES): Review {
  const problems = checkMilestone(review, input, dayOf(now), table);
  if (problems.length > 0) fail(problems);
  const milestone: RecordedMilestone = input.dialogueType === undefined
    ? { kind: input.kind, date: input.date }
    : { kind: input.kind, date: input.date, dialogueType: input.dialogueType };
  return { ...review, milestones: [...review.milestones, milestone] };
}

/**
 * Suspends the review from `from`. Only a started, unfinished review that is not already
 * paused; the pause cannot overlap an earlier one or start before a recorded step (the
 * pause would otherwise contain progress).
 */
export function pause(review: Review, from: string, reason: string, now: Date, table: MilestoneTable = UNCAC_MILESTONES): Review {
  const problems: ReviewProblem[] = [];
  const transition = (message: string) => problems.push({ code: 'review.invalidTransition', message });
  const badDate = (message: string) => problems.push({ code: 'review.invalidDate', message });
  const today = dayOf(now);
  if (reason.trim() === '') transition('A pause needs a reason.');
  const started = milestoneDate(review, 'started');
  const current = openPause(review);
  if (started === undefined) transition('A review that has not started cannot be paused.');
  if (current) transition(`The review is already paused since ${current.from}.`);
  if (isComplete(review, table)) transition('A completed review cannot be paused.');
  if (!isCalendarDate(from)) badDate(`Pause: '${from}' is not a calendar date (YYYY-MM-DD).`);
  else {
    if (from > today) badDate(`A pause from ${from} is in the future (today is ${today}).`);
    if (started !== undefined && from < started) badDate(`A pause from ${from} is before the review started on ${started}.`);
    for (const earlier of review.pauses) {
      if (earlier.to !== null && from < earlier.to) badDate(`A pause from ${from} overlaps the pause from ${earlier.from} to ${earlier.to}.`);
    }
    for (const m of review.milestones) {
      if (m.date > from) badDate(`A pause from ${from} would contain ${lower(table[m.kind].label)} on ${m.date}.`);
    }
  }
  if (problems.length > 0) fail(problems);
  return { ...review, pauses: [...review.pauses, { from, to: null, reason: reason.trim() }] };
}

/** Ends the open pause on `to`, the day work resumed. */
export function resume(review: Review, to: string, now: Date): Review {
  const current = openPause(review);
  if (!current) throw new DomainError('review.invalidTransition', 'The review is not paused, so it cannot be resumed.');
  const today = dayOf(now);
  if (!isCalendarDate(to)) throw new DomainError('review.invalidDate', `Resume: '${to}' is not a calendar date (YYYY-MM-DD).`);
  if (to > today) throw new DomainError('review.invalidDate', `Resuming on ${to} is in the future (today is ${today}).`);
  if (to < current.from) throw new DomainError('review.invalidDate', `Resuming on ${to} is before the pause started on ${current.from}.`);
  return { ...review, pauses: review.pauses.map((p) => (p === current ? { ...p, to } : p)) };
}
