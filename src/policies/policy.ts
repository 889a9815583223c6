/**
 * @module policy
 * may(actor, action, resource): the single answer to "may this actor do this?".
 * Pure: it takes plain data (the actor's role and State, the resource's relation to that
 * State) and never touches the database.
 */
import type { Actor, Role } from '../domain/accounts/roles.ts';
import { DomainError } from '../domain/errors.ts';
import type { Action } from './actions.ts';

/** How the actor's State relates to a review: the State under review, one of its two reviewers, or neither. */
export type Relation = 'under-review' | 'reviewing' | 'none';

/** What a rule may need to know about the target. Absent means "the action in general". */
export interface ResourceContext {
  /** The actor's State's relation to the review the resource belongs to. */
  relation?: Relation;
  /** The owner of a personal resource (an account). */
  ownerUserId?: string;
  /** The donor State of a contribution (docs/FINANCES.md). */
  donorIso3?: string;
}

type Subject = Role | 'public';
type Rule = (actor: Actor, resource: ResourceContext | undefined) => boolean;

function subjectOf(actor: Actor): Subject | 'system' {
  if (actor.kind === 'anonymous') return 'public';
  if (actor.kind === 'system') return 'system';
  return actor.role;
}

const everyone: Rule = () => true;
const signedIn: Rule = (actor) => actor.kind === 'user';
const roles =
  (...allowed: Subject[]): Rule =>
  (actor) => {
    const subject = subjectOf(actor);
    return subject !== 'system' && allowed.includes(subject);
  };
/**
 * The actor's State takes part in the review in one of the given relations.
 * Without a resource (the route-level check) it asks only whether the actor could ever
 * qualify, i.e. acts for a State; the use case then checks the actual review.
 */
const ownReview =
  (...relations: Relation[]): Rule =>
  (actor, resource) => {
    if (actor.kind !== 'user' || actor.stateIso3 === null) return false;
    if (resource?.relation === undefined) return true;
    return relations.includes(resource.relation);
  };
const anyOf =
  (...rules: Rule[]): Rule =>
  (actor, resource) =>
    rules.some((r) => r(actor, resource));

const secretariat = roles('secretariat');
const reviewParticipants = anyOf(
  secretariat,
  (actor, resource) => subjectOf(actor) === 'focal-point' && ownReview('under-review', 'reviewing')(actor, resource),
  (actor, resource) => subjectOf(actor) === 'expert' && ownReview('under-review', 'reviewing')(actor, resource),
);

export const RULES = {
  'health.read': everyone,
  'web.read': everyone,
  'api.docs': everyone,
  'auth.login': everyone,
  // OpenID Connect sign-in: starting it and coming back from the identity provider.
  'auth.oidc': everyone,
  'auth.logout': signedIn,
  'auth.logoutEverywhere': signedIn,
  'session.read': everyone,
  'account.changePassword': signedIn,
  // The second step of sign-in and two-factor set-up are reached by half-signed-in sessions,
  // which act as the public: the use case checks the session's stage (src/server/use-cases/two-factor.ts).
  'auth.twoFactor': everyone,
  'account.twoFactorSetup': everyone,
  'account.twoFactor': signedIn,
  'parties.read': everyone,
  'parties.recordAccession': secretariat,
  'convention.read': everyone,
  'cycles.read': everyone,
  'cohorts.update': secretariat,
  'users.list': secretariat,
  'users.create': secretariat,
  'users.update': secretariat,
  'users.resetTwoFactor': secretariat,
  'audit.read': secretariat,
  // The Mechanism's finances (docs/FINANCES.md): every signed-in user reads the aggregate
  // statement; a donor's own figures are the secretariat's and that donor's (a focal point or
  // delegate acting for the donor State); the secretariat records everything.
  'finance.read': signedIn,
  'finance.readDonor': anyOf(secretariat, (actor, resource) => actor.kind === 'user' && (actor.role === 'focal-point' || actor.role === 'delegate') && actor.stateIso3 !== null && resource?.donorIso3 === actor.stateIso3),
  'finance.manage': secretariat,
  // Published draws and their commitments are public: anyone may check them.
  'lots.read': everyone,
  'lots.verify': everyone,
  'lots.manage': secretariat,
  // The State under review asks for a redraw through its focal point (or the secretariat for it).
  'lots.requestRedraw': anyOf(secretariat, (actor, resource) => subjectOf(actor) === 'focal-point' && ownReview('under-review')(actor, resource)),
  // A review's existence, stage and reviewers are public once the draw is published;
  // its drafts, answers and comments are not (DESIGN.md, confidentiality).
  'review.read': everyone,
  'reviews.import': secretariat,
  'review.manage': secretariat,
  // The State under review answers its checklist (its focal point; the secretariat may help).
  'checklist.answer': anyOf(secretariat, (actor, resource) => subjectOf(actor) === 'focal-point' && ownReview('under-review')(actor, resource)),
  // Only the focal point submits: the submission is the State's.
  'checklist.submit': (actor, resource) => subjectOf(actor) === 'focal-point' && ownReview('under-review')(actor, resource),
  // The reviewing States' experts and the secretariat open desk-review threads…
  'deskReview.comment': anyOf(secretariat, (actor, resource) => subjectOf(actor) === 'expert' && ownReview('reviewing')(actor, resource)),
  // …and every party to the review may reply in them.
  'deskReview.reply': reviewParticipants,
  'inbox.read': signedIn,
  // Each user reads and marks their own notifications; the query keeps to the user's rows.
  'notifications.read': signedIn,
  'notifications.markRead': signedIn,
  // Queue reminders and send e-mails now (the CLI and the server's worker, as the system).
  'notifications.deliver': secretariat,
  // Every e-mail with its recipient: only the secretariat.
  'outbox.read': secretariat,
  'review.readConfidential': reviewParticipants,
  // The direct dialogue (docs/DIALOGUE.md) is content of the review: its parties and the
  // secretariat read it, attendance and session notes included…
  'dialogue.read': reviewParticipants,
  // …the secretariat organises it: form, dates, participants, agenda, attendance…
  'dialogue.manage': secretariat,
  // …the reviewing States' experts and the secretariat keep the notes of each session (the
  // State under review reads them; its views go into the report)…
  'dialogue.writeNotes': anyOf(secretariat, (actor, resource) => subjectOf(actor) === 'expert' && ownReview('reviewing')(actor, resource)),
  // …and every party may ask the scheduler for slots that suit its people.
  'dialogue.schedule': reviewParticipants,
  // The report and its summary (docs/REPORTS.md) are drafts of the review: its parties and
  // the secretariat read them (the State under review once the draft is shared, checked in
  // the use case) and comment on them…
  'report.read': reviewParticipants,
  'report.comment': reviewParticipants,
  // …the secretariat and the reviewing States' experts write them…
  'report.draft': anyOf(secretariat, (actor, resource) => subjectOf(actor) === 'expert' && ownReview('reviewing')(actor, resource)),
  // …the secretariat shares the draft and finalises; the State agrees through its focal point.
  'report.share': secretariat,
  'report.agree': (actor, resource) => subjectOf(actor) === 'focal-point' && ownReview('under-review')(actor, resource),
  'report.finalise': secretariat,
  // Translations of the summary come from the secretariat's translation services.
  'summary.translate': secretariat,
  // The State's consent to publish: its focal point gives it, or the secretariat records it.
  'publication.consent': anyOf(secretariat, (actor, resource) => subjectOf(actor) === 'focal-point' && ownReview('under-review')(actor, resource)),
  'publication.publish': secretariat,
  // The public schedule, country profiles and feeds: stage, dates and published material only
  // (docs/PUBLIC.md); no account needed.
  'public.read': everyone,
  // Anyone may follow a State or the whole Mechanism by e-mail, confirm that request and
  // unsubscribe (docs/PUBLIC.md, "Follow by e-mail"): the token in the e-mail is the proof.
  'subscriptions.manage': everyone,
  // Sessions of the governing bodies (docs/SESSIONS.md): anyone sees the sessions, their
  // agenda and documents in general distribution; signed-in users (delegates, focal points,
  // experts) read all session material; the secretariat prepares sessions; a State party
  // breaks a silence procedure through its focal point or delegate (the use case checks that
  // the account acts for a State party).
  'sessions.read': everyone,
  'sessions.readMaterial': signedIn,
  'sessions.manage': secretariat,
  'sessions.object': roles('focal-point', 'delegate'),
  // Registration and attendance (docs/SESSIONS.md §11): the list of participants is for the
  // secretariat and the States' focal points and delegates, not the public; a focal point or
  // delegate registers their own State's delegation (checked in the use case); approvals and
  // attendance are the secretariat's (sessions.manage).
  'sessions.participants.read': roles('secretariat', 'focal-point', 'delegate'),
  'sessions.register': roles('secretariat', 'focal-point', 'delegate'),
  // Recommendation search and thematic reports (issue 6, docs/ANALYTICS.md): anyone searches and
  // reads the thematic report, over published material only; the secretariat also over the
  // working texts of every review (drafts included) and may name the States in examples.
  'search.read': everyone,
  'search.readUnpublished': secretariat,
  'thematic.read': everyone,
  'thematic.readUnpublished': secretariat,
  // Follow-up of recommendations (docs/FOLLOW-UP.md): anyone sees the assessed status of a
  // published recommendation; the review's parties and the secretariat see everything of it
  // (self-reports, evidence, notes, the action plan); the dashboards over every review's
  // unpublished recommendations are the secretariat's.
  'followUp.read': everyone,
  'followUp.readUnpublished': reviewParticipants,
  'followUp.readAll': secretariat,
  // The State under review reports through its focal point (the secretariat may help)…
  'followUp.report': anyOf(secretariat, (actor, resource) => subjectOf(actor) === 'focal-point' && ownReview('under-review')(actor, resource)),
  // …the reviewing States' experts or the secretariat assess…
  'followUp.assess': anyOf(secretariat, (actor, resource) => subjectOf(actor) === 'expert' && ownReview('reviewing')(actor, resource)),
  // …the secretariat opens and closes rounds…
  'followUp.manage': secretariat,
  // …and the focal point keeps the national action plan and its progress.
  'followUp.plan': anyOf(secretariat, (actor, resource) => subjectOf(actor) === 'focal-point' && ownReview('under-review')(actor, resource)),
  // Progress statistics (docs/ANALYTICS.md): the aggregate figures are published in session
  // documents, so they are public; the list behind a figure shows each review's State, stage,
  // cohort and the milestone's date and dialogue form, which the public tracker already shows
  // (docs/REVIEWS.md §6), so it is public too.
  'stats.read': everyone,
  'stats.readReviews': everyone,
  // Technical-assistance needs (docs: "Technical-assistance needs"): the counts are anonymised
  // and public, like the secretariat's notes to the Group; which States and which needs are
  // behind a figure is the secretariat's. Anyone signed in may try the classifier (it reads no
  // data); the secretariat reviews its answers, corrects them and imports needs.
  'assistance.read': everyone,
  'assistance.readDetail': secretariat,
  'assistance.classify': signedIn,
  'assistance.review': secretariat,
  'assistance.import': secretariat,
  // Technical-assistance projects matched to funding (docs/TA-PROJECTS.md): every signed-in
  // user reads the needs without a provider, the portfolios and a State's projects; a donor's
  // individual allocations follow 'finance.readDonor'; the secretariat records everything.
  'ta.read': signedIn,
  'ta.manage': secretariat,
} satisfies Record<Action, Rule>;

export function may(actor: Actor, action: Action, resource?: ResourceContext): boolean {
  // The system actor (CLI, seed) runs with the operator's authority on the machine.
  if (actor.kind === 'system') return true;
  return RULES[action](actor, resource);
}

/** Throws 'auth.required' for the public and 'policy.denied' for signed-in users. */
export function authorize(actor: Actor, action: Action, resource?: ResourceContext): void {
  if (may(actor, action, resource)) return;
  if (actor.kind === 'anonymous') throw new DomainError('auth.required', 'Sign in to do this.');
  throw new DomainError('policy.denied', 'You are not allowed to do this.');
}
