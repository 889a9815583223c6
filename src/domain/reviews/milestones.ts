/**
 * @module milestones
 * The dated steps of a country review, as data. The order, the responsible actor and the
 * indicative offsets come from the reference (../shared/reference/irm-facts.md §4 "Country
 * review process" and §5 "Indicative timeline"); another mechanism supplies its own table of
 * the same shape. The review's stage, its timeline and "waiting on whom" are all derived
 * from this table and the dated milestones, so none of them is stored.
 */

/** Every milestone kind, in the order the reference lists the steps. */
export const MILESTONE_KINDS = [
  'started',
  'focalPointAppointed',
  'checklistSubmitted',
  'deskReviewCompleted',
  'dialogueHeld',
  'draftReportShared',
  'executiveSummaryFinalised',
  'reportFinalised',
  'executiveSummaryPublished',
  'reportPublished',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

/**
 * Forms of the direct dialogue: §4 "Dialogue" names the country visit and the joint meeting
 * in Vienna; issue 4 adds the virtual country visit.
 */
export const DIALOGUE_TYPES = ['country_visit', 'joint_meeting', 'virtual_visit'] as const;
export type DialogueType = (typeof DIALOGUE_TYPES)[number];

export function isDialogueType(value: string): value is DialogueType {
  return (DIALOGUE_TYPES as readonly string[]).includes(value);
}

export function isMilestoneKind(value: string): value is MilestoneKind {
  return (MILESTONE_KINDS as readonly string[]).includes(value);
}

/** Who must act for a milestone to be reached: the basis of "waiting on whom". */
export type ResponsibleActor = 'secretariat' | 'stateUnderReview' | 'reviewers';

export interface MilestoneDefinition {
  /** Human label, also used in error messages ("Desk review completed needs …"). */
  label: string;
  /** Milestones that must be recorded first, and not later than this one. */
  requires: readonly MilestoneKind[];
  /** Planned date = start + offsetDays (indicative timeline, §5). */
  offsetDays: number;
  actor: ResponsibleActor;
  /** The milestone carries the form of the dialogue. */
  needsDialogueType?: boolean;
  /** Only with the State's consent (§4 "Publication": the full report is optional). */
  needsConsent?: boolean;
}

export type MilestoneTable = Readonly<Record<MilestoneKind, MilestoneDefinition>>;

/**
 * UNCAC default. Months are counted as 30 days. Offsets marked [C] are confirmed by the
 * reference, [P] are its most plausible reading, [A] are our assumption (docs/REVIEWS.md).
 */
export const UNCAC_MILESTONES = {
  // T0: the secretariat informs the State that it is under review (§5 step 0) [C].
  started: { label: 'Review started', requires: [], offsetDays: 0, actor: 'secretariat' },
  // Focal point nominated within 3 weeks (§5 step 1) [C].
  focalPointAppointed: { label: 'Focal point appointed', requires: ['started'], offsetDays: 21, actor: 'stateUnderReview' },
  // Self-assessment within 2 months (§5 step 3) [P]. The checklist is answered by the focal
  // point, so it needs one.
  checklistSubmitted: { label: 'Checklist submitted', requires: ['focalPointAppointed'], offsetDays: 60, actor: 'stateUnderReview' },
  // Desk review within 1 month of receiving the response (§5 step 5) [P]: 60 + 30.
  deskReviewCompleted: { label: 'Desk review completed', requires: ['checklistSubmitted'], offsetDays: 90, actor: 'reviewers' },
  // Direct dialogue within 5 months (§5 step 7) [P]; the secretariat organises and
  // facilitates it, so it is the one waited on.
  dialogueHeld: { label: 'Dialogue held', requires: ['deskReviewCompleted'], offsetDays: 150, actor: 'secretariat', needsDialogueType: true },
  // Draft by the reviewing experts with the secretariat (§5 step 8) [A]: two weeks before
  // the six-month end, leaving the State two weeks to agree.
  draftReportShared: { label: 'Draft report shared', requires: ['dialogueHeld'], offsetDays: 165, actor: 'reviewers' },
  // The State must agree the final text (§4 "Country review report"); end of review by
  // 6 months (§5 step 8) [P]. The two may come in either order (issue 4).
  executiveSummaryFinalised: { label: 'Executive summary finalised', requires: ['draftReportShared'], offsetDays: 180, actor: 'stateUnderReview' },
  reportFinalised: { label: 'Report finalised', requires: ['draftReportShared'], offsetDays: 180, actor: 'stateUnderReview' },
  // Translated into the six UN languages and issued by the secretariat (§4 "Executive
  // summary") [A]: one month allowed for translation.
  executiveSummaryPublished: { label: 'Executive summary published', requires: ['executiveSummaryFinalised'], offsetDays: 210, actor: 'secretariat' },
  // Published only if the State agrees (§4 "Publication") [A]: same month as the summary.
  reportPublished: { label: 'Report published', requires: ['reportFinalised'], offsetDays: 210, actor: 'secretariat', needsConsent: true },
} as const satisfies Record<MilestoneKind, MilestoneDefinition>;

/**
 * Kinds of a table in an order where every prerequisite comes before its dependants, or
 * an error naming a milestone in a cycle. A custom table is checked with this once, when
 * it is configured.
 */
export function prerequisiteOrder(table: MilestoneTable): MilestoneKind[] {
  const order: MilestoneKind[] = [];
  const state = new Map<MilestoneKind, 'visiting' | 'done'>();
  const visit = (kind: MilestoneKind): void => {
    const seen = state.get(kind);
    if (seen === 'done') return;
    if (seen === 'visiting') throw new Error(`Milestone prerequisites form a cycle through ${kind}.`);
    state.set(kind, 'visiting');
    for (const before of table[kind].requires) visit(before);
    state.set(kind, 'done');
    order.push(kind);
  };
  for (const kind of MILESTONE_KINDS) visit(kind);
  return order;
}

/** Whether a milestone applies to this review at all (the full report needs consent). */
export function isApplicable(table: MilestoneTable, kind: MilestoneKind, consentToPublishReport: boolean): boolean {
  return !table[kind].needsConsent || consentToPublishReport;
}
