/**
 * Labels for values that come from the API as codes. Each code has its own literal t()
 * call so that the locale test can check that every key exists (no keys built at run time).
 */
import type { TFunction } from 'i18next';
import type { Role } from '../../domain/accounts/roles.ts';
import type { RegionalGroup } from '../../domain/parties/regional-groups.ts';

export function roleLabel(t: TFunction, role: Role): string {
  switch (role) {
    case 'secretariat':
      return t('roles.secretariat');
    case 'focal-point':
      return t('roles.focalPoint');
    case 'expert':
      return t('roles.expert');
    case 'delegate':
      return t('roles.delegate');
    default:
      return role;
  }
}

export function regionalGroupLabel(t: TFunction, group: RegionalGroup | null): string {
  switch (group) {
    case 'african':
      return t('regionalGroups.african');
    case 'asia-pacific':
      return t('regionalGroups.asiaPacific');
    case 'eastern-european':
      return t('regionalGroups.easternEuropean');
    case 'latin-american-caribbean':
      return t('regionalGroups.latinAmericanCaribbean');
    case 'western-european-other':
      return t('regionalGroups.westernEuropeanOther');
    case null:
      return t('regionalGroups.none');
    default:
      return String(group);
  }
}

export function obligationLabel(t: TFunction, obligation: string): string {
  switch (obligation) {
    case 'mandatory':
      return t('convention.obligation.mandatory');
    case 'consider':
      return t('convention.obligation.consider');
    case 'optional':
      return t('convention.obligation.optional');
    case 'definition':
      return t('convention.obligation.definition');
    default:
      return obligation;
  }
}

export function auditOutcomeLabel(t: TFunction, outcome: string): string {
  switch (outcome) {
    case 'success':
    case 'succeeded':
    case 'ok':
      return t('audit.outcome.success');
    case 'failure':
    case 'failed':
    case 'error':
      return t('audit.outcome.failure');
    case 'denied':
    case 'forbidden':
      return t('audit.outcome.denied');
    default:
      return outcome;
  }
}

export function drawKindLabel(t: TFunction, kind: string): string {
  switch (kind) {
    case 'cohorts':
      return t('lots.kind.cohorts');
    case 'reviewers':
      return t('lots.kind.reviewers');
    case 'redraw':
      return t('lots.kind.redraw');
    default:
      return kind;
  }
}

export function drawStatusLabel(t: TFunction, status: string): string {
  switch (status) {
    case 'committed':
      return t('lots.status.committed');
    case 'drawn':
      return t('lots.status.drawn');
    case 'published':
      return t('lots.status.published');
    case 'cancelled':
      return t('lots.status.cancelled');
    default:
      return status;
  }
}

export function redrawStatusLabel(t: TFunction, status: string): string {
  switch (status) {
    case 'queued':
      return t('lots.redraw.status.queued');
    case 'drawn':
      return t('lots.redraw.status.drawn');
    case 'withdrawn':
      return t('lots.redraw.status.withdrawn');
    default:
      return status;
  }
}

/** The rule a draw could not satisfy (docs/LOTS.md §5.6), from a `lots.infeasible` problem. */
export function lotsRuleLabel(t: TFunction, rule: string): string {
  switch (rule) {
    case 'noRegionalGroup':
      return t('lots.rule.noRegionalGroup');
    case 'sameGroupReviewer':
      return t('lots.rule.sameGroupReviewer');
    case 'secondReviewer':
      return t('lots.rule.secondReviewer');
    case 'reviewCap':
      return t('lots.rule.reviewCap');
    case 'mutualReviews':
      return t('lots.rule.mutualReviews');
    case 'distinctReviewers':
      return t('lots.rule.distinctReviewers');
    case 'noCandidate':
      return t('lots.rule.noCandidate');
    case 'searchBudget':
      return t('lots.rule.searchBudget');
    default:
      return rule;
  }
}

export function reviewStageLabel(t: TFunction, stage: string): string {
  switch (stage) {
    case 'not-started':
      return t('reviews.stage.notStarted');
    case 'checklist':
      return t('reviews.stage.checklist');
    case 'desk-review':
      return t('reviews.stage.deskReview');
    case 'dialogue':
      return t('reviews.stage.dialogue');
    case 'drafting':
      return t('reviews.stage.drafting');
    case 'finalisation':
      return t('reviews.stage.finalisation');
    case 'published':
      return t('reviews.stage.published');
    case 'completed':
      return t('reviews.stage.completed');
    case 'paused':
      return t('reviews.stage.paused');
    default:
      return stage;
  }
}

export function milestoneLabel(t: TFunction, kind: string): string {
  switch (kind) {
    case 'started':
      return t('reviews.milestone.started');
    case 'focalPointAppointed':
      return t('reviews.milestone.focalPointAppointed');
    case 'checklistSubmitted':
      return t('reviews.milestone.checklistSubmitted');
    case 'deskReviewCompleted':
      return t('reviews.milestone.deskReviewCompleted');
    case 'dialogueHeld':
      return t('reviews.milestone.dialogueHeld');
    case 'draftReportShared':
      return t('reviews.milestone.draftReportShared');
    case 'executiveSummaryFinalised':
      return t('reviews.milestone.executiveSummaryFinalised');
    case 'reportFinalised':
      return t('reviews.milestone.reportFinalised');
    case 'executiveSummaryPublished':
      return t('reviews.milestone.executiveSummaryPublished');
    case 'reportPublished':
      return t('reviews.milestone.reportPublished');
    default:
      return kind;
  }
}

export function reviewActorLabel(t: TFunction, actor: string): string {
  switch (actor) {
    case 'secretariat':
      return t('reviews.actor.secretariat');
    case 'stateUnderReview':
      return t('reviews.actor.stateUnderReview');
    case 'reviewers':
      return t('reviews.actor.reviewers');
    default:
      return actor;
  }
}

export function timelineStatusLabel(t: TFunction, status: string): string {
  switch (status) {
    case 'done':
      return t('reviews.timelineStatus.done');
    case 'due':
      return t('reviews.timelineStatus.due');
    case 'overdue':
      return t('reviews.timelineStatus.overdue');
    case 'upcoming':
      return t('reviews.timelineStatus.upcoming');
    case 'not-applicable':
      return t('reviews.timelineStatus.notApplicable');
    default:
      return status;
  }
}

export function dialogueTypeLabel(t: TFunction, type: string): string {
  switch (type) {
    case 'country_visit':
      return t('reviews.dialogueType.countryVisit');
    case 'joint_meeting':
      return t('reviews.dialogueType.jointMeeting');
    case 'virtual_visit':
      return t('reviews.dialogueType.virtualVisit');
    default:
      return type;
  }
}

export function reviewersSourceLabel(t: TFunction, source: string): string {
  switch (source) {
    case 'draw':
      return t('reviews.reviewersSource.draw');
    case 'manual':
      return t('reviews.reviewersSource.manual');
    case 'import':
      return t('reviews.reviewersSource.import');
    default:
      return source;
  }
}

/** An entry of a review's history, from its audit action code. */
export function reviewHistoryActionLabel(t: TFunction, action: string): string {
  switch (action) {
    case 'review.create':
      return t('reviews.historyAction.create');
    case 'reviews.import':
      return t('reviews.historyAction.import');
    case 'review.recordMilestone':
      return t('reviews.historyAction.recordMilestone');
    case 'review.pause':
      return t('reviews.historyAction.pause');
    case 'review.resume':
      return t('reviews.historyAction.resume');
    case 'review.extend':
      return t('reviews.historyAction.extend');
    default:
      return action;
  }
}
