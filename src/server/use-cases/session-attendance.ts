/**
 * @module session-attendance use cases
 * Registration and attendance of a session (docs/SESSIONS.md §11): register a delegation with
 * its participants (one transaction), the secretariat's approvals and attendance (one
 * transaction per batch), the list of participants, the attendance paragraphs of the report
 * and the rows of the exported lists. The secretariat manages everything; a focal point or
 * delegate registers participants of their own State's delegation; the list is for the
 * secretariat, focal points and delegates, not the public.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { isPartyOn, type UnLanguage } from '../../domain/parties/party.ts';
import { attendanceParagraphs, numberParagraphs, unOrder, type AttendanceDelegation } from '../../domain/sessions/attendance.ts';
import {
  checkNoDuplicates,
  checkRegistrationOpen,
  checkStep,
  cleanParticipant,
  OBSERVER_CATEGORIES,
  resolveDelegation,
  type AttendanceMode,
  type DelegationInput,
  type DelegationKind,
  type ObserverCategory,
  type ParticipantInput,
  type RegistrationStatus,
  type RegistrationStep,
} from '../../domain/sessions/registration.ts';
import type { SessionFormat, SessionStatus } from '../../domain/sessions/session.ts';
import { authorize, may } from '../../policies/policy.ts';
import { actorLabel, appendAudit } from '../../db/repositories/audit.ts';
import * as sessionsRepo from '../../db/repositories/body-sessions.ts';
import { findAccession, findPartyRow, listPartyRows } from '../../db/repositories/parties.ts';
import * as repo from '../../db/repositories/session-participants.ts';
import type { DbOrTx } from '../../db/client.ts';
import { isoDay, type UseCaseContext } from './context.ts';
import { listSessions } from './sessions.ts';

export const MAX_PARTICIPANTS_PER_REQUEST = 500;

export interface RegisterInput {
  delegation: DelegationInput & { sortAs?: string | null };
  participants: ParticipantInput[];
}

export interface ParticipantView {
  id: string;
  name: string;
  title: string;
  /** Only for the secretariat. */
  email: string | null;
  status: RegistrationStatus;
  registeredAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  attendedAt: string | null;
  connectedAt: string | null;
}

export interface DelegationView {
  id: string;
  kind: DelegationKind;
  iso3: string | null;
  category: ObserverCategory | null;
  /** English name (the lists of participants are in English). */
  name: string;
  names: Record<UnLanguage, string>;
  sortAs: string | null;
  participants: ParticipantView[];
}

function notFound(id: string): DomainError {
  return new DomainError('resource.notFound', `No session ${id}.`);
}

async function loadSession(db: DbOrTx, id: string) {
  const row = await sessionsRepo.findSession(db, id);
  if (!row) throw notFound(id);
  const bodies = (await sessionsRepo.sessionBodies(db, [id])).get(id) ?? [];
  return { ...row, format: row.format as SessionFormat, status: row.status as SessionStatus, bodies };
}

const sameNames = (name: string) => ({ ar: name, zh: name, en: name, fr: name, ru: name, es: name });

async function partyNames(db: DbOrTx): Promise<Map<string, Record<UnLanguage, string>>> {
  return new Map((await listPartyRows(db)).map((p) => [p.iso3, { ...sameNames(p.nameUn), ...(p.names as Partial<Record<UnLanguage, string>>), en: p.nameUn }]));
}

function present(r: repo.RegistrationRow, showEmail: boolean): ParticipantView {
  return {
    id: r.id,
    name: r.name,
    title: r.title,
    email: showEmail ? r.email : null,
    status: r.status as RegistrationStatus,
    registeredAt: r.registeredAt.toISOString(),
    approvedBy: showEmail ? r.approvedBy : null,
    approvedAt: r.approvedAt?.toISOString() ?? null,
    attendedAt: r.attendedAt?.toISOString() ?? null,
    connectedAt: r.connectedAt?.toISOString() ?? null,
  };
}

/** Delegations in the UN order (English), each with its participants. */
async function delegationViews(db: DbOrTx, sessionId: string, showEmail: boolean): Promise<DelegationView[]> {
  const names = await partyNames(db);
  const registrations = await repo.listRegistrations(db, sessionId);
  const views = (await repo.listDelegations(db, sessionId)).map((d): DelegationView => {
    const n = d.partyIso3 ? (names.get(d.partyIso3) ?? sameNames(d.partyIso3)) : sameNames(d.observerName ?? '');
    return {
      id: d.id,
      kind: d.kind as DelegationKind,
      iso3: d.partyIso3,
      category: d.category as ObserverCategory | null,
      name: n.en,
      names: n,
      sortAs: d.sortAs,
      participants: registrations.filter((r) => r.delegationId === d.id).map((r) => present(r, showEmail)),
    };
  });
  return unOrder(views, 'en');
}

function counts(delegations: readonly DelegationView[]) {
  const all = delegations.flatMap((d) => d.participants);
  const by = (s: RegistrationStatus) => all.filter((p) => p.status === s).length;
  return {
    delegations: delegations.length,
    delegationsAttended: delegations.filter((d) => d.participants.some((p) => p.status === 'attended')).length,
    participants: all.length,
    registered: by('registered'),
    approved: by('approved'),
    attended: by('attended'),
    rejected: by('rejected'),
    withdrawn: by('withdrawn'),
  };
}

export async function listParticipants(ctx: UseCaseContext, sessionId: string) {
  authorize(ctx.actor, 'sessions.participants.read');
  const session = await loadSession(ctx.db, sessionId);
  const manage = may(ctx.actor, 'sessions.manage');
  const delegations = await delegationViews(ctx.db, sessionId, manage);
  return {
    sessionId,
    format: session.format,
    registrationOpen: session.status === 'registration' && isoDay(ctx.now) <= session.endDate,
    delegations,
    counts: counts(delegations),
    may: { manage, register: may(ctx.actor, 'sessions.register') },
  };
}

/** A focal point or delegate registers only their own State's delegation. */
function checkOwnDelegation(ctx: UseCaseContext, input: DelegationInput): void {
  if (may(ctx.actor, 'sessions.manage')) return;
  const own = ctx.actor.kind === 'user' && ctx.actor.stateIso3 !== null && input.kind === 'state' && input.iso3 === ctx.actor.stateIso3;
  if (!own) throw new DomainError('policy.denied', "You may register participants of your own State's delegation only.");
}

export async function registerDelegation(ctx: UseCaseContext, sessionId: string, input: RegisterInput) {
  authorize(ctx.actor, 'sessions.register');
  checkOwnDelegation(ctx, input.delegation);
  if (input.participants.length === 0) throw new DomainError('session.invalid', 'Register at least one participant.');
  if (input.participants.length > MAX_PARTICIPANTS_PER_REQUEST) throw new DomainError('session.invalid', `At most ${MAX_PARTICIPANTS_PER_REQUEST} participants at once.`);
  const participants = input.participants.map(cleanParticipant);
  const sortAs = input.delegation.kind === 'observer' ? input.delegation.sortAs?.trim() || null : null;
  const delegationId = await ctx.db.transaction(async (tx) => {
    const session = await loadSession(tx, sessionId);
    checkRegistrationOpen(session, isoDay(ctx.now));
    let facts;
    if (input.delegation.kind === 'state') {
      const iso3 = input.delegation.iso3.toUpperCase();
      const party = await findPartyRow(tx, iso3);
      if (party) facts = { iso3, kind: party.kind as 'state' | 'reio', partyOnFirstDay: isPartyOn(await findAccession(tx, iso3), session.startDate) };
      input = { ...input, delegation: { ...input.delegation, iso3 } };
    }
    const delegation = resolveDelegation(input.delegation, facts, session);
    const existing = (await repo.listDelegations(tx, sessionId)).find((d) =>
      delegation.iso3 ? d.partyIso3 === delegation.iso3 : d.observerName?.toLowerCase() === delegation.observerName?.toLowerCase(),
    );
    if (existing && (existing.kind !== delegation.kind || existing.category !== delegation.category)) {
      throw new DomainError('session.invalid', `${delegation.iso3 ?? delegation.observerName} is already registered as ${existing.category ?? existing.kind}.`);
    }
    const emails = new Set((await repo.listRegistrations(tx, sessionId)).map((r) => r.email).filter((e) => e !== ''));
    checkNoDuplicates(participants, emails);
    const id = existing?.id ?? randomUUID();
    if (!existing) {
      await repo.insertDelegation(tx, { id, sessionId, kind: delegation.kind, partyIso3: delegation.iso3, observerName: delegation.observerName, category: delegation.category, sortAs, createdBy: actorLabel(ctx.actor), createdAt: ctx.now });
    }
    const rows = participants.map((p) => ({ id: randomUUID(), sessionId, delegationId: id, ...p, status: 'registered', registeredBy: actorLabel(ctx.actor), registeredAt: ctx.now }));
    await repo.insertRegistrations(tx, rows);
    await appendAudit(tx, {
      actor: ctx.actor,
      action: 'sessions.participants.register',
      resourceType: 'session',
      resourceId: sessionId,
      details: { delegation: delegation.iso3 ?? delegation.observerName, kind: delegation.kind, participants: rows.map((r) => r.id) },
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
    return id;
  });
  const list = await listParticipants(ctx, sessionId);
  return { ...list, delegationId };
}

/**
 * Moves participants one step (approve, reject, withdraw, attended) — all or none. For
 * attendance the mode says how it was confirmed: presence in the room or an online
 * connection, which is what counts at an online session.
 */
export async function stepParticipants(ctx: UseCaseContext, sessionId: string, ids: readonly string[], step: RegistrationStep) {
  authorize(ctx.actor, 'sessions.manage');
  if (ids.length === 0) throw new DomainError('session.invalid', 'Choose at least one participant.');
  await ctx.db.transaction(async (tx) => {
    const session = await loadSession(tx, sessionId);
    const unique = [...new Set(ids)];
    const rows = await repo.findRegistrations(tx, sessionId, unique);
    if (rows.length !== unique.length) throw new DomainError('resource.notFound', 'A participant is not registered for this session.');
    for (const row of rows) {
      try {
        checkStep(row.status as RegistrationStatus, step, session.format);
      } catch (error) {
        if (error instanceof DomainError) throw new DomainError(error.code, `${row.name}: ${error.message}`);
        throw error;
      }
    }
    const by = actorLabel(ctx.actor);
    const values =
      step.to === 'approved'
        ? { status: 'approved', approvedBy: by, approvedAt: ctx.now }
        : step.to === 'attended'
          ? { status: 'attended', attendanceRecordedBy: by, ...(step.mode === 'online' ? { connectedAt: ctx.now } : { attendedAt: ctx.now }) }
          : { status: step.to, closedAt: ctx.now };
    for (const row of rows) await repo.updateRegistration(tx, row.id, values);
    await appendAudit(tx, {
      actor: ctx.actor,
      action: `sessions.participants.${step.to === 'attended' ? 'attend' : step.to === 'approved' ? 'approve' : step.to === 'rejected' ? 'reject' : 'withdraw'}`,
      resourceType: 'session',
      resourceId: sessionId,
      details: { participants: unique, ...(step.to === 'attended' ? { mode: step.mode } : {}) },
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
  });
  return listParticipants(ctx, sessionId);
}

export type { AttendanceMode };

/** The attendance paragraphs of the report in a language, numbered from `first`. */
export async function attendance(ctx: UseCaseContext, sessionId: string, language: UnLanguage, first: number) {
  authorize(ctx.actor, 'sessions.participants.read');
  const session = await loadSession(ctx.db, sessionId);
  const delegations = await delegationViews(ctx.db, sessionId, false);
  const input: AttendanceDelegation[] = delegations.map((d) => ({ kind: d.kind, category: d.category, names: d.names, sortAs: d.sortAs, attended: d.participants.some((p) => p.status === 'attended') }));
  const paragraphs = attendanceParagraphs(input, language, { irgInvitationRule: session.bodies[0] === 'IRG' });
  return { sessionId, language, paragraphs, text: numberParagraphs(paragraphs, first), basedOnConnections: session.format === 'online' };
}

/** Headings of the list of participants, in its UN order. */
export const LIST_GROUPS: readonly { key: string; title: string; match: (d: DelegationView) => boolean }[] = [
  { key: 'party', title: 'States parties', match: (d) => d.kind === 'party' },
  { key: 'signatory', title: 'Signatory States', match: (d) => d.kind === 'signatory' },
  { key: 'reio', title: 'Regional economic integration organization', match: (d) => d.kind === 'reio' },
  ...OBSERVER_CATEGORIES.map((c) => ({
    key: c,
    title: {
      'secretariat-unit': 'United Nations Secretariat units',
      'un-body': 'United Nations bodies, funds and programmes',
      'specialized-agency': 'Specialized agencies',
      'pni-institute': 'Institutes of the United Nations crime prevention and criminal justice programme network',
      igo: 'Intergovernmental organizations',
      'standing-observer': 'Entities maintaining permanent observer offices at Headquarters',
      ngo: 'Non-governmental organizations',
    }[c],
    match: (d: DelegationView) => d.kind === 'observer' && d.category === c,
  })),
];

export interface ParticipantsList {
  sessionName: string;
  generatedAt: Date;
  groups: { title: string; delegations: { name: string; iso3: string | null; participants: { name: string; title: string; status: RegistrationStatus }[] }[] }[];
}

/** What the PDF and XLSX lists show: every participant not rejected or withdrawn, grouped in the UN order. */
export function toList(sessionName: string, delegations: readonly DelegationView[], generatedAt: Date): ParticipantsList {
  const groups = LIST_GROUPS.map((g) => ({
    title: g.title,
    delegations: delegations
      .filter(g.match)
      .map((d) => ({ name: d.name, iso3: d.iso3, participants: d.participants.filter((p) => p.status !== 'rejected' && p.status !== 'withdrawn').map((p) => ({ name: p.name, title: p.title, status: p.status })) }))
      .filter((d) => d.participants.length > 0),
  })).filter((g) => g.delegations.length > 0);
  return { sessionName, generatedAt, groups };
}

export async function participantsList(ctx: UseCaseContext, sessionId: string): Promise<ParticipantsList> {
  authorize(ctx.actor, 'sessions.participants.read');
  await loadSession(ctx.db, sessionId);
  const name = (await listSessions(ctx)).find((s) => s.id === sessionId)?.name ?? sessionId;
  return toList(name, await delegationViews(ctx.db, sessionId, false), ctx.now);
}
