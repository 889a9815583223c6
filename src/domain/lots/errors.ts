/**
 * @module errors
 * The errors the drawing of lots throws. A plain `Error` subclass for now: the shared
 * `DomainError` takes a closed `ErrorCode` union that does not yet list these codes, and
 * extending it would mean lying to the type checker (and to the server's code → status
 * table). The lead folds these codes into `DomainError` later; until then callers test
 * `isLotsError`.
 */

export type LotsErrorCode =
  /** No assignment satisfies every hard rule; `details.rule` and `details.states` say why. */
  | 'lots.infeasible'
  /** Malformed or inconsistent input (unknown or duplicate ISO code, bad rule value …). */
  | 'lots.invalidInput'
  /** A redraw beyond the limit without a recorded exceptional decision. */
  | 'lots.redrawLimit'
  /** The revealed secret does not hash to the published commitment. */
  | 'lots.commitmentMismatch'
  /** A draw record cannot be created or read as a record. */
  | 'lots.recordInvalid';

/** The rule an infeasible draw is blamed on, so callers can show or test it. */
export type InfeasibleRule =
  /** The State under review has no regional group (the European Union): ToR para. 19 cannot be met. */
  | 'noRegionalGroup'
  /** Not enough same-group reviewers for reviewer #1 (ToR para. 19). */
  | 'sameGroupReviewer'
  /** Not enough reviewers for the second slot (group setting, exclusions, caps). */
  | 'secondReviewer'
  /** The per-cycle or per-year cap leaves too few reviews to go round. */
  | 'reviewCap'
  /** Every otherwise valid assignment has two States reviewing each other. */
  | 'mutualReviews'
  /** Every otherwise valid assignment gives a State the same reviewer twice. */
  | 'distinctReviewers'
  /** A redraw found no other State that may take the slot. */
  | 'noCandidate'
  /** The exhaustive search hit its node budget before deciding (never seen in practice). */
  | 'searchBudget';

export class LotsError extends Error {
  constructor(
    readonly code: LotsErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'LotsError';
  }
}

export function isLotsError(error: unknown): error is LotsError {
  return error instanceof LotsError;
}

/** Shorthand for the infeasible case, so every site passes `rule` and `states`. */
export function infeasible(rule: InfeasibleRule, states: readonly string[], message: string, extra: Record<string, unknown> = {}): LotsError {
  return new LotsError('lots.infeasible', message, { rule, states: [...states], ...extra });
}

export function invalidInput(message: string, details?: Record<string, unknown>): LotsError {
  return new LotsError('lots.invalidInput', message, details);
}
