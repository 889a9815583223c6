/**
 * @module withdrawal
 * A review that goes back a stage: the secretariat withdraws a recorded milestone (a
 * checklist returned as incomplete, a visit that has to be held again). The milestone leaves
 * the review — its stage and timeline are derived without it — and is kept as a dated
 * withdrawal, so statistics as at an earlier day still count it (docs/ANALYTICS.md). Steps
 * that build on it must be withdrawn first, latest first, so the history stays consistent.
 */
import { DomainError } from '../errors.ts';
import { dayOf, isCalendarDate } from './calendar.ts';
import { UNCAC_MILESTONES, isMilestoneKind, type DialogueType, type MilestoneKind, type MilestoneTable } from './milestones.ts';
import type { Review } from './review.ts';

export interface Withdrawal {
  kind: MilestoneKind;
  /** The date the milestone had. */
  milestoneDate: string;
  dialogueType: DialogueType | null;
  /** First day on which it no longer counts. */
  withdrawnOn: string;
  reason: string;
}

export function withdrawMilestone(
  review: Review,
  input: { kind: MilestoneKind; withdrawnOn: string; reason: string },
  now: Date,
  table: MilestoneTable = UNCAC_MILESTONES,
): { next: Review; withdrawal: Withdrawal } {
  if (!isMilestoneKind(input.kind)) throw new DomainError('review.invalidTransition', `There is no milestone '${String(input.kind)}'.`);
  const label = table[input.kind].label;
  const problems: { code: 'review.invalidTransition' | 'review.invalidDate'; message: string }[] = [];
  const recorded = review.milestones.find((m) => m.kind === input.kind);
  if (!recorded) problems.push({ code: 'review.invalidTransition', message: `${label} is not recorded; there is nothing to withdraw.` });
  const dependants = review.milestones.filter((m) => table[m.kind].requires.includes(input.kind));
  if (dependants.length > 0) {
    const names = dependants.map((m) => table[m.kind].label.toLowerCase()).join(', ');
    problems.push({ code: 'review.invalidTransition', message: `${label} cannot be withdrawn while ${names} is recorded; withdraw that first.` });
  }
  if (input.kind === 'started' && review.pauses.length > 0) {
    problems.push({ code: 'review.invalidTransition', message: 'A review with pauses cannot lose its start.' });
  }
  if (input.reason.trim() === '') problems.push({ code: 'review.invalidTransition', message: 'A withdrawal needs a reason.' });
  const today = dayOf(now);
  if (!isCalendarDate(input.withdrawnOn)) {
    problems.push({ code: 'review.invalidDate', message: `Withdrawal: '${input.withdrawnOn}' is not a calendar date (YYYY-MM-DD).` });
  } else {
    if (input.withdrawnOn > today) problems.push({ code: 'review.invalidDate', message: `A withdrawal on ${input.withdrawnOn} is in the future (today is ${today}).` });
    if (recorded && input.withdrawnOn < recorded.date) {
      problems.push({ code: 'review.invalidDate', message: `${label} was recorded on ${recorded.date}; it cannot be withdrawn on the earlier day ${input.withdrawnOn}.` });
    }
  }
  const first = problems[0];
  if (first || !recorded) {
    const messages = problems.map((p) => p.message);
    throw new DomainError(first?.code ?? 'review.invalidTransition', messages.join(' '), { problems: messages });
  }
  return {
    next: { ...review, milestones: review.milestones.filter((m) => m.kind !== input.kind) },
    withdrawal: { kind: input.kind, milestoneDate: recorded.date, dialogueType: recorded.dialogueType ?? null, withdrawnOn: input.withdrawnOn, reason: input.reason.trim() },
  };
}
