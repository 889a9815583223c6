/**
 * @module registration
 * Who takes part in a session and in what capacity (docs/SESSIONS.md §11): delegations of
 * States parties and signatories, the European Union as a regional economic integration
 * organisation, and observers by category; each participant's registration status and the
 * rules that move it. Pure: the caller passes the session, the State's party status on the
 * session's first day and today's date.
 */
import { DomainError } from '../errors.ts';
import type { SessionFormat, SessionStatus } from './session.ts';

export const DELEGATION_KINDS = ['party', 'signatory', 'reio', 'observer'] as const;
export type DelegationKind = (typeof DELEGATION_KINDS)[number];

/**
 * Observer categories, in the order of the reports. Secretariat units and United Nations
 * bodies are kept apart because the reports name them apart ("Secretariat units, specialized
 * agencies of the United Nations and institutes …").
 */
export const OBSERVER_CATEGORIES = ['secretariat-unit', 'un-body', 'specialized-agency', 'pni-institute', 'igo', 'standing-observer', 'ngo'] as const;
export type ObserverCategory = (typeof OBSERVER_CATEGORIES)[number];

export const REGISTRATION_STATUSES = ['registered', 'approved', 'attended', 'rejected', 'withdrawn'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const ATTENDANCE_MODES = ['in-person', 'online'] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];

export type DelegationInput = { kind: 'state'; iso3: string; signatory?: boolean } | { kind: 'reio' } | { kind: 'observer'; name: string; category: ObserverCategory };

export interface Delegation {
  kind: DelegationKind;
  /** ISO3 of the State or of the EU (EUU); null for observers. */
  iso3: string | null;
  observerName: string | null;
  category: ObserverCategory | null;
}

/** What the caller knows about a State from the parties data. */
export interface StateFacts {
  iso3: string;
  kind: 'state' | 'reio';
  /** A party on the session's first day (isPartyOn). */
  partyOnFirstDay: boolean;
}

export interface SessionFacts {
  status: SessionStatus;
  endDate: string;
  format: SessionFormat;
  /** Body codes, the leading body first. */
  bodies: readonly string[];
}

function invalid(message: string): DomainError {
  return new DomainError('session.invalid', message);
}

/**
 * Non-governmental organisations take part in the Conference (its rules of procedure) but not
 * in the Implementation Review Group (Conference resolution 4/6) — nor, we assume, in the
 * working groups and expert meetings. So they are admitted when the Conference meets.
 */
export function ngosAdmitted(session: Pick<SessionFacts, 'bodies'>): boolean {
  return session.bodies.includes('COSP');
}

/** Registration is open while the session's status says so and its last day has not passed. */
export function checkRegistrationOpen(session: Pick<SessionFacts, 'status' | 'endDate'>, today: string): void {
  if (session.status !== 'registration') {
    const why = session.status === 'planned' ? 'registration has not opened yet' : session.status === 'closed' ? 'registration is closed' : 'the session has been held';
    throw new DomainError('session.invalidState', `Registration is not possible: ${why}.`);
  }
  if (today > session.endDate) throw new DomainError('session.invalidState', `Registration is not possible: the session ended on ${session.endDate}.`);
}

/**
 * The delegation a registration is for. A State is a party when it was one on the session's
 * first day; a State that was not may be registered only as a signatory, which the secretariat
 * confirms with `signatory: true` (the parties data does not hold signatures).
 */
export function resolveDelegation(input: DelegationInput, state: StateFacts | undefined, session: Pick<SessionFacts, 'bodies'>): Delegation {
  if (input.kind === 'observer') {
    const name = input.name.trim().replace(/\s+/g, ' ');
    if (name.length < 2 || name.length > 300) throw invalid('The observer organisation needs a name of 2 to 300 characters.');
    if (input.category === 'ngo' && !ngosAdmitted(session)) {
      throw invalid('Non-governmental organizations are admitted to sessions of the Conference only, not to this session.');
    }
    return { kind: 'observer', iso3: null, observerName: name, category: input.category };
  }
  if (input.kind === 'reio') return { kind: 'reio', iso3: 'EUU', observerName: null, category: null };
  if (!state || state.iso3 !== input.iso3) throw new DomainError('party.unknown', `Unknown State: ${input.iso3}.`);
  if (state.kind === 'reio') throw invalid('The European Union is registered as a regional economic integration organization, not as a State.');
  if (state.partyOnFirstDay) {
    if (input.signatory) throw invalid(`${input.iso3} is a party to the Convention on the first day of the session, not a signatory.`);
    return { kind: 'party', iso3: input.iso3, observerName: null, category: null };
  }
  if (!input.signatory) {
    throw invalid(`${input.iso3} is not a party to the Convention on the first day of the session; register it as a signatory only if it has signed the Convention.`);
  }
  return { kind: 'signatory', iso3: input.iso3, observerName: null, category: null };
}

export interface ParticipantInput {
  name: string;
  title: string;
  email: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Trims and checks one participant; the e-mail may be empty, but not malformed. */
export function cleanParticipant(input: ParticipantInput): ParticipantInput {
  const name = input.name.trim().replace(/\s+/g, ' ');
  const title = input.title.trim().replace(/\s+/g, ' ');
  const email = input.email.trim().toLowerCase();
  if (name.length < 2 || name.length > 200) throw invalid('A participant needs a name of 2 to 200 characters.');
  if (title.length > 300) throw invalid('The title or function is longer than 300 characters.');
  if (email !== '' && (!EMAIL.test(email) || email.length > 254)) throw invalid(`Not an e-mail address: ${input.email}.`);
  return { name, title, email };
}

/** Checks a batch of participants against each other and those already registered (by e-mail). */
export function checkNoDuplicates(batch: readonly ParticipantInput[], existingEmails: ReadonlySet<string>): void {
  const seen = new Set<string>();
  for (const p of batch) {
    if (p.email === '') continue;
    if (existingEmails.has(p.email) || seen.has(p.email)) throw new DomainError('record.duplicate', `${p.email} is already registered for this session.`);
    seen.add(p.email);
  }
}

export type RegistrationStep = { to: 'approved' } | { to: 'rejected' } | { to: 'withdrawn' } | { to: 'attended'; mode: AttendanceMode };

/**
 * The allowed moves: registered → approved | rejected | withdrawn; approved → attended |
 * withdrawn. "Attended" needs an approval first, and its mode must suit the session: an online
 * session counts confirmed online connections only, an in-person session presence only, a
 * hybrid session either.
 */
export function checkStep(current: RegistrationStatus, step: RegistrationStep, format: SessionFormat): void {
  const refuse = (message: string) => {
    throw new DomainError('session.invalidState', message);
  };
  switch (step.to) {
    case 'approved':
    case 'rejected':
      if (current !== 'registered') refuse(`Only a registered participant can be ${step.to}; this one is ${current}.`);
      return;
    case 'withdrawn':
      if (current !== 'registered' && current !== 'approved') refuse(`A participant who is ${current} cannot withdraw.`);
      return;
    case 'attended':
      if (current === 'registered') refuse('The registration must be approved by the secretariat before attendance is recorded.');
      if (current !== 'approved') refuse(`Attendance cannot be recorded for a participant who is ${current}.`);
      if (format === 'online' && step.mode !== 'online') refuse('The session is online: attendance is a confirmed online connection.');
      if (format === 'in-person' && step.mode !== 'in-person') refuse('The session is held in person: attendance is presence in the room, not an online connection.');
      return;
  }
}
