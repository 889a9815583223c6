/**
 * @module silence
 * The session report's life: draft → circulated → amended → adopted → locked, and adoption
 * by silence procedure. A draft circulated with a deadline is adopted on the deadline's date
 * unless a State party breaks the silence with an objection before it. The state is
 * computed from what is stored and `now`, so reading at any time gives the right answer
 * without a job having run; "close silence" writes down what the computation already says.
 */
import { DomainError } from '../errors.ts';

export const REPORT_STATUSES = ['draft', 'circulated', 'amended', 'adopted', 'locked'] as const;
export type SessionReportStatus = (typeof REPORT_STATUSES)[number];
export type AdoptionMode = 'meeting' | 'silence';

export interface Objection {
  stateIso3: string;
  at: Date;
  by: string;
}

export interface StoredSessionReport {
  /** The status as last written (an adoption by silence may not be written yet). */
  status: SessionReportStatus;
  /** The latest text version (0: nothing written yet). */
  version: number;
  /** The version circulated last, and when. */
  circulatedVersion: number | null;
  silenceDeadline: Date | null;
  objections: Objection[];
  adoptedOn: string | null;
  adoptionMode: AdoptionMode | null;
}

export type SilenceState = 'none' | 'running' | 'broken' | 'ended';

export interface SessionReportState {
  status: SessionReportStatus;
  silence: SilenceState;
  adoptedOn: string | null;
  adoptionMode: AdoptionMode | null;
  /** True when the silence ended without objection but that is not written yet. */
  adoptionPending: boolean;
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Objections that count: made before the deadline. */
function objectionsInTime(report: StoredSessionReport): Objection[] {
  const deadline = report.silenceDeadline;
  return deadline ? report.objections.filter((o) => o.at.getTime() < deadline.getTime()) : [];
}

/**
 * The report's state at `now`: a circulated draft whose silence deadline passed with no
 * objection is adopted on the deadline's date (UTC).
 */
export function reportState(report: StoredSessionReport, now: Date): SessionReportState {
  const base = { status: report.status, adoptedOn: report.adoptedOn, adoptionMode: report.adoptionMode, adoptionPending: false };
  if (report.silenceDeadline === null) return { ...base, silence: 'none' };
  if (report.status !== 'circulated') return { ...base, silence: report.adoptionMode === 'silence' ? 'ended' : objectionsInTime(report).length > 0 ? 'broken' : 'none' };
  if (objectionsInTime(report).length > 0) return { ...base, silence: 'broken' };
  if (now.getTime() < report.silenceDeadline.getTime()) return { ...base, silence: 'running' };
  return { status: 'adopted', silence: 'ended', adoptedOn: day(report.silenceDeadline), adoptionMode: 'silence', adoptionPending: true };
}

function refuse(message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError('session.invalidState', message, details);
}

/** A new text version: allowed on a draft, and on a circulated draft (which becomes amended) unless its silence runs. */
export function afterSave(report: StoredSessionReport, now: Date): SessionReportStatus {
  const state = reportState(report, now);
  if (state.status === 'adopted' || state.status === 'locked') throw refuse(`The report is ${state.status}; its text can no longer change.`);
  if (state.silence === 'running') throw refuse(`The draft is under a silence procedure until ${report.silenceDeadline!.toISOString()}; it cannot change before the deadline or an objection.`);
  return state.status === 'draft' ? 'draft' : 'amended';
}

/** Circulating the latest version, with a silence deadline or for adoption in a meeting. */
export function checkCirculate(report: StoredSessionReport, now: Date, deadline: Date | null): void {
  const state = reportState(report, now);
  if (report.version === 0) throw refuse('There is no text to circulate yet.');
  if (state.status === 'adopted' || state.status === 'locked') throw refuse(`The report is already ${state.status}.`);
  if (state.silence === 'running') throw refuse('A silence procedure is already running.');
  if (state.status === 'circulated' && report.circulatedVersion === report.version) throw refuse(`Version ${report.version} is already circulated; amend it first.`);
  if (deadline !== null && deadline.getTime() <= now.getTime()) throw refuse('The silence deadline must be in the future.');
}

/**
 * An objection breaks the silence. Only a State party (by its focal point or delegate), only
 * while the silence runs, once per State.
 */
export function checkObjection(report: StoredSessionReport, now: Date, stateIso3: string | null, isParty: boolean): void {
  if (stateIso3 === null) throw new DomainError('policy.denied', 'Only a State party may break the silence; your account acts for no State.');
  if (!isParty) throw new DomainError('policy.denied', `${stateIso3} is not a State party to the Convention; it cannot break the silence.`);
  if (report.silenceDeadline === null || report.status !== 'circulated') throw refuse('No silence procedure is running on this report.');
  if (now.getTime() >= report.silenceDeadline.getTime()) {
    throw refuse(`The silence procedure ended on ${report.silenceDeadline.toISOString()}; an objection after the deadline cannot be accepted.`, { deadline: report.silenceDeadline.toISOString() });
  }
  if (objectionsInTime(report).some((o) => o.stateIso3 === stateIso3)) throw refuse(`${stateIso3} has already objected.`);
}

/** Adoption in a meeting, on a calendar day. */
export function checkAdoptInMeeting(report: StoredSessionReport, now: Date, on: string): void {
  const state = reportState(report, now);
  if (state.status === 'adopted' || state.status === 'locked') throw refuse(`The report is already ${state.status}.`);
  if (state.status === 'draft') throw refuse('Circulate the draft before adopting it.');
  if (state.silence === 'running') throw refuse('A silence procedure is running; it ends at its deadline or with an objection.');
  if (on > day(now)) throw new DomainError('session.invalid', 'The adoption date cannot be in the future.');
}

/** Close the silence: writes the adoption when the deadline passed without objection. */
export function checkCloseSilence(report: StoredSessionReport, now: Date): SessionReportState {
  const state = reportState(report, now);
  if (!state.adoptionPending) {
    if (state.silence === 'running') throw refuse(`The silence runs until ${report.silenceDeadline!.toISOString()}.`);
    if (state.silence === 'broken') throw refuse('The silence was broken by an objection; amend and circulate again, or adopt in a meeting.');
    throw refuse('No silence procedure waits to be closed.');
  }
  return state;
}

export function checkLock(report: StoredSessionReport, now: Date): void {
  const state = reportState(report, now);
  if (state.status !== 'adopted') throw refuse(`Only an adopted report can be locked (it is ${state.status}).`);
}
