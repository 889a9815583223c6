/**
 * @module timeline
 * The indicative timeline of a review (irm-facts.md §5, the UNODC "Model schedule for
 * country reviews"). Decision: planned dates are counted from the start (T0), as the
 * guidelines express them ("within 5 months"), so a late step does not quietly push the
 * rest of the plan back and the total delay stays visible. Each step also has a due date,
 * which is the planned date unless an extension moved it; overdue is measured against the
 * due date. Pauses do not move dates by themselves: only an extension, which records a
 * reason and who agreed, does (§5 practice note: "overdue steps, reminders and extensions").
 */
import { DomainError } from '../errors.ts';
import { addDays, dayOf, daysBetween, isCalendarDate } from './calendar.ts';
import {
  MILESTONE_KINDS,
  UNCAC_MILESTONES,
  isApplicable,
  isMilestoneKind,
  type MilestoneKind,
  type MilestoneTable,
  type ResponsibleActor,
} from './milestones.ts';
import { milestoneDate, type Extension, type Review } from './review.ts';

export type TimelineStatus = 'done' | 'due' | 'overdue' | 'upcoming' | 'not-applicable';

export interface TimelineEntry {
  kind: MilestoneKind;
  actor: ResponsibleActor;
  /** Start + offset; null before the review starts or when the step does not apply. */
  plannedDate: string | null;
  /** The planned date, or the latest extension's new due date. */
  dueDate: string | null;
  actualDate: string | null;
  /** The extension in force, if any. */
  extension: Extension | null;
  /**
   * done: recorded. overdue: not recorded and today is after the due date. due: can be
   * recorded now (prerequisites done) and not overdue. upcoming: waits for a prerequisite.
   * not-applicable: the full report's publication without the State's consent.
   */
  status: TimelineStatus;
  /** For done: actual − due, if positive. For overdue: today − due. Otherwise 0. */
  daysLate: number;
}

export interface Timeline {
  startedOn: string | null;
  entries: TimelineEntry[];
  /** Kinds currently overdue, in milestone order. */
  overdue: MilestoneKind[];
  /** Largest daysLate of any step, done or open: the review's delay, for sorting the tracker. */
  maxDaysLate: number;
}

/** The extension in force for a milestone: the last one recorded. */
export function extensionOf(review: Review, kind: MilestoneKind): Extension | null {
  return review.extensions.filter((e) => e.milestone === kind).at(-1) ?? null;
}

export function plannedDateOf(review: Review, kind: MilestoneKind, table: MilestoneTable = UNCAC_MILESTONES): string | null {
  const started = milestoneDate(review, 'started');
  return started === undefined ? null : addDays(started, table[kind].offsetDays);
}

export function dueDateOf(review: Review, kind: MilestoneKind, table: MilestoneTable = UNCAC_MILESTONES): string | null {
  return extensionOf(review, kind)?.newDueDate ?? plannedDateOf(review, kind, table);
}

/** Planned, due and actual dates and the status of every milestone, as of `now`. */
export function computeTimeline(review: Review, now: Date, table: MilestoneTable = UNCAC_MILESTONES): Timeline {
  const today = dayOf(now);
  const done = new Set(review.milestones.map((m) => m.kind));
  const entries = MILESTONE_KINDS.map((kind): TimelineEntry => {
    const actor = table[kind].actor;
    const actualDate = milestoneDate(review, kind) ?? null;
    const applicable = isApplicable(table, kind, review.consentToPublishReport);
    if (!applicable && actualDate === null) {
      return { kind, actor, plannedDate: null, dueDate: null, actualDate, extension: null, status: 'not-applicable', daysLate: 0 };
    }
    const plannedDate = plannedDateOf(review, kind, table);
    const extension = extensionOf(review, kind);
    const dueDate = extension?.newDueDate ?? plannedDate;
    const base = { kind, actor, plannedDate, dueDate, actualDate, extension };
    if (actualDate !== null) {
      return { ...base, status: 'done', daysLate: dueDate === null ? 0 : Math.max(0, daysBetween(dueDate, actualDate)) };
    }
    if (dueDate !== null && today > dueDate) return { ...base, status: 'overdue', daysLate: daysBetween(dueDate, today) };
    const ready = table[kind].requires.every((r) => done.has(r));
    return { ...base, status: ready ? 'due' : 'upcoming', daysLate: 0 };
  });
  return {
    startedOn: milestoneDate(review, 'started') ?? null,
    entries,
    overdue: entries.filter((e) => e.status === 'overdue').map((e) => e.kind),
    maxDaysLate: Math.max(0, ...entries.map((e) => e.daysLate)),
  };
}

/**
 * Moves a step's due date later, with a reason and who agreed. Only for a started review,
 * a step not yet recorded and applicable, and a date after the current due date (a new
 * extension replaces the previous one; both stay in the history).
 */
export function extend(review: Review, extension: Extension, table: MilestoneTable = UNCAC_MILESTONES): Review {
  const problems: { code: 'review.invalidTransition' | 'review.invalidDate'; message: string }[] = [];
  const kind = extension.milestone;
  if (!isMilestoneKind(kind)) throw new DomainError('review.invalidTransition', `There is no milestone '${String(kind)}'.`);
  const label = table[kind].label;
  if (extension.reason.trim() === '') problems.push({ code: 'review.invalidTransition', message: 'An extension needs a reason.' });
  if (extension.agreedBy.trim() === '') problems.push({ code: 'review.invalidTransition', message: 'An extension needs to say who agreed to it.' });
  const current = dueDateOf(review, kind, table);
  if (current === null) problems.push({ code: 'review.invalidTransition', message: 'A review that has not started has no due dates to extend.' });
  const actual = milestoneDate(review, kind);
  if (actual !== undefined) problems.push({ code: 'review.invalidTransition', message: `${label} is already recorded (${actual}); it cannot be extended.` });
  if (!isApplicable(table, kind, review.consentToPublishReport)) {
    problems.push({ code: 'review.invalidTransition', message: `${label} does not apply without the State's consent.` });
  }
  if (!isCalendarDate(extension.newDueDate)) {
    problems.push({ code: 'review.invalidDate', message: `Extension: '${extension.newDueDate}' is not a calendar date (YYYY-MM-DD).` });
  } else if (current !== null && extension.newDueDate <= current) {
    problems.push({ code: 'review.invalidDate', message: `An extension of ${label.toLowerCase()} must be after its current due date ${current}.` });
  }
  const first = problems[0];
  if (first) {
    const messages = problems.map((p) => p.message);
    throw new DomainError(first.code, messages.join(' '), { problems: messages });
  }
  const recorded: Extension = { ...extension, reason: extension.reason.trim(), agreedBy: extension.agreedBy.trim() };
  return { ...review, extensions: [...review.extensions, recorded] };
}
