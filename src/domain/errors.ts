/**
 * @module errors
 * One error type for every rule the domain enforces. The code is stable and machine
 * readable; the server maps each code to an HTTP status in one table.
 */
export type ErrorCode =
  /** A request body, query or parameter failed validation. */
  | 'request.invalid'
  /** An attachment over ATTACHMENT_MAX_BYTES. */
  | 'attachment.tooLarge'
  /** An attachment whose bytes are not one of the accepted document types. */
  | 'attachment.forbiddenType'
  /** The body is larger than BODY_LIMIT_BYTES. */
  | 'request.tooLarge'
  /** The client sent a content type the route does not accept. */
  | 'request.unsupportedMediaType'
  /** Too many requests from one client in the window. */
  | 'request.rateLimited'
  /** No such route, or a resource the actor may not know exists. */
  | 'resource.notFound'
  /** Sign-in is required. */
  | 'auth.required'
  /** Email/password wrong, unknown user, disabled or locked: one answer for all. */
  | 'auth.invalidCredentials'
  /** State-changing request without a matching CSRF token, or from another origin. */
  | 'auth.csrf'
  /** The actor is known but the policy refuses the action. */
  | 'policy.denied'
  /** Someone else changed the record since it was read (optimistic concurrency). */
  | 'record.versionConflict'
  /** The record already exists (unique key). */
  | 'record.duplicate'
  /** A party is referred to that is not in the list of States. */
  | 'party.unknown'
  /** An accession date before the Convention was open or in the future, or a second accession. */
  | 'party.invalidAccession'
  | 'cycle.unknown'
  /** Cohort year outside the cycle, a State in two cohorts, or a non-party in a cohort. */
  | 'cohort.invalid'
  /** A user account rule was broken (email taken, State missing for the role …). */
  | 'user.invalid'
  | 'user.notFound'
  /** Password too short or too common. */
  | 'password.weak'
  /** Backup file unreadable or from an unknown schema version; restore target not empty. */
  | 'backup.invalid'
  /** No assignment of reviewers satisfies every rule; details name the rule and the States. */
  | 'lots.infeasible'
  /** Malformed draw input (unknown or duplicate State, bad rule value, bad secret). */
  | 'lots.invalidInput'
  /** A redraw beyond the limit without a recorded exceptional decision. */
  | 'lots.redrawLimit'
  /** The revealed secret does not hash to the published commitment. */
  | 'lots.commitmentMismatch'
  /** A draw record cannot be read as one, or does not verify. */
  | 'lots.recordInvalid'
  | 'draw.notFound'
  /** The draw is not in the status the step needs (e.g. running a published draw). */
  | 'draw.invalidState'
  /**
   * A review milestone, pause or extension that the rules do not allow now: a missing
   * prerequisite, a milestone recorded twice, publication of the full report without the
   * State's consent, resuming a review that is not paused (docs/REVIEWS.md).
   */
  | 'review.invalidTransition'
  /** A review date that is not a calendar day, lies in the future, or precedes a prerequisite. */
  | 'review.invalidDate'
  | 'review.notFound'
  /** An import file with at least one bad row; details list every bad row with its line. */
  | 'import.invalid'
  /** A direct dialogue, its agenda or a scheduling request that breaks a rule (docs/DIALOGUE.md). */
  | 'dialogue.invalid'
  /** Something that needs the dialogue's dates (a calendar invitation) before they are set. */
  | 'dialogue.notScheduled'
  /**
   * A step of the report, summary or publication that its state does not allow now:
   * agreeing before the draft is shared, finalising an unagreed report, publishing without
   * consent, a translation marked final while empty (docs/REPORTS.md).
   */
  | 'report.invalidState'
  /** A session, its agenda, a document or a document symbol that breaks a rule (docs/SESSIONS.md). */
  | 'session.invalid'
  /** A step of a session or its report that its state does not allow now (an objection after the silence deadline…). */
  | 'session.invalidState'
  /** A finance record that breaks a rule: unknown currency, malformed amount, receipts beyond a pledge (docs/FINANCES.md). */
  | 'finance.invalid'
  /** No exchange rate for a currency valid on or before a transaction's date (docs/FINANCES.md). */
  | 'finance.noRate'
  /** A self-report, assessment, round or action-plan entry that breaks a rule (docs/FOLLOW-UP.md). */
  | 'followUp.invalid'
  /** Out of order in the follow-up procedure: an assessment before the self-report, a self-report in a closed round (docs/FOLLOW-UP.md). */
  | 'followUp.invalidState'
  /** A technical-assistance project, link or allocation that breaks a rule: another State's recommendation, a contribution already fully allocated (docs/TA-PROJECTS.md). */
  | 'ta.invalid'
  /** A project's status out of order (delivered before under way, or back) (docs/TA-PROJECTS.md). */
  | 'ta.invalidState'
  /** A statistics "as at" date before the cycle began or in the future (docs/ANALYTICS.md). */
  | 'stats.invalidAsOf'
  /** E-mail subscriptions asked for on a server with no mail server (SMTP_URL) or PUBLIC_URL. */
  | 'mail.unavailable'
  /** The database cannot be reached. */
  | 'database.unavailable'
  /** The file store has no space left for an upload (disk full, quota). */
  | 'storage.full'
  /** The file store cannot be written (folder missing, read-only, bucket refusing). */
  | 'storage.unavailable'
  /** Anything unexpected; logged with the request id. */
  | 'internal';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
