/**
 * @module stages
 * The stage of a review, derived from its dated milestones and never stored (issue 4: "Its
 * stage is derived from its dated milestones, never stored separately from them"). Stages
 * are data: each is entered when its listed milestones are recorded, and a review is in the
 * last stage it has entered. The allowed moves are those of the milestone table
 * (milestones.ts `requires`), so there is no second transition table to keep in step.
 */
import { UNCAC_MILESTONES, isApplicable, type MilestoneKind, type MilestoneTable, type ResponsibleActor } from './milestones.ts';
import { isComplete, openPause, type Pause, type Review } from './review.ts';

/** Stages of progress, in order (the step headings of irm-facts.md §4). */
export const PROGRESS_STAGES = [
  'not-started',
  'checklist',
  'desk-review',
  'dialogue',
  'drafting',
  'finalisation',
  'published',
  'completed',
] as const;
export type ProgressStage = (typeof PROGRESS_STAGES)[number];

/** What the tracker shows: the progress stage, or `paused` while a pause is open. */
export const STAGES = [...PROGRESS_STAGES, 'paused'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * The milestones whose recording enters each stage. `completed` is entered when every
 * applicable milestone is recorded: the full report's publication counts only with consent.
 * `published` means the executive summary, which is always public (§4 "Publication").
 */
export const STAGE_ENTRY = {
  'not-started': [],
  checklist: ['started'],
  'desk-review': ['checklistSubmitted'],
  dialogue: ['deskReviewCompleted'],
  drafting: ['dialogueHeld'],
  finalisation: ['draftReportShared'],
  published: ['executiveSummaryPublished'],
  completed: 'allApplicable',
} as const satisfies Record<ProgressStage, readonly MilestoneKind[] | 'allApplicable'>;

/** The stage reached by the milestones alone, ignoring pauses. */
export function progressStageOf(review: Review, table: MilestoneTable = UNCAC_MILESTONES): ProgressStage {
  const done = new Set(review.milestones.map((m) => m.kind));
  for (let i = PROGRESS_STAGES.length - 1; i > 0; i -= 1) {
    const stage = PROGRESS_STAGES[i] as ProgressStage;
    const entry: readonly MilestoneKind[] | 'allApplicable' = STAGE_ENTRY[stage];
    const entered = entry === 'allApplicable' ? done.has('started') && isComplete(review, table) : entry.every((kind) => done.has(kind));
    if (entered) return stage;
  }
  return 'not-started';
}

/** The stage shown everywhere: `paused` while a pause is open, otherwise the progress stage. */
export function stageOf(review: Review, table: MilestoneTable = UNCAC_MILESTONES): Stage {
  return openPause(review) ? 'paused' : progressStageOf(review, table);
}

/** Milestones that can be recorded next: applicable, not recorded, every prerequisite recorded. */
export function nextMilestones(review: Review, table: MilestoneTable = UNCAC_MILESTONES): MilestoneKind[] {
  const done = new Set(review.milestones.map((m) => m.kind));
  return (Object.keys(table) as MilestoneKind[]).filter(
    (kind) => !done.has(kind) && isApplicable(table, kind, review.consentToPublishReport) && table[kind].requires.every((r) => done.has(r)),
  );
}

export interface WaitingOn {
  /** The open pause, if any: nothing moves until the secretariat resumes the review. */
  pause: Pause | null;
  /** Each next milestone with the actor responsible for it. */
  next: { kind: MilestoneKind; actor: ResponsibleActor }[];
  /** The distinct actors of `next`, in the order they first appear; empty when completed. */
  actors: ResponsibleActor[];
}

/**
 * Who must act next. After the draft report both finalisations are open at once, so a
 * review can wait on several steps; after the summary is finalised, the secretariat (to
 * publish it) and the State (to agree the report) may both be waited on.
 */
export function waitingOn(review: Review, table: MilestoneTable = UNCAC_MILESTONES): WaitingOn {
  const next = nextMilestones(review, table).map((kind) => ({ kind, actor: table[kind].actor }));
  const actors = [...new Set(next.map((n) => n.actor))];
  return { pause: openPause(review) ?? null, next, actors };
}
