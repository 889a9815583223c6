/**
 * @module sessions-report use cases
 * The report of a session: text versions (draft → circulated → amended → adopted → locked),
 * adoption in a meeting or by silence procedure, objections by States parties. The state is
 * computed at `now` from what is stored (domain/sessions/silence.ts); writing steps first
 * write down an adoption by silence that the clock already made.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { isPartyOn } from '../../domain/parties/party.ts';
import {
  afterSave,
  checkAdoptInMeeting,
  checkCirculate,
  checkCloseSilence,
  checkLock,
  checkObjection,
  reportState,
  type AdoptionMode,
  type SessionReportStatus,
  type StoredSessionReport,
} from '../../domain/sessions/silence.ts';
import { authorize, may } from '../../policies/policy.ts';
import { actorLabel, appendAudit, listAuditEvents } from '../../db/repositories/audit.ts';
import * as repo from '../../db/repositories/body-sessions.ts';
import { findAccession } from '../../db/repositories/parties.ts';
import type { DbOrTx } from '../../db/client.ts';
import { isoDay, type UseCaseContext } from './context.ts';

export const MAX_REPORT_TEXT = 500_000;

/** The stored report with the objections of its current circulation. */
export async function storedReport(db: DbOrTx, sessionId: string): Promise<StoredSessionReport & { row: repo.SessionReportRow | undefined }> {
  const row = await repo.findReport(db, sessionId);
  const objections = row?.circulatedVersion ? (await repo.listObjections(db, sessionId)).filter((o) => o.circulatedVersion === row.circulatedVersion) : [];
  return {
    row,
    status: (row?.status ?? 'draft') as SessionReportStatus,
    version: row?.version ?? 0,
    circulatedVersion: row?.circulatedVersion ?? null,
    silenceDeadline: row?.silenceDeadline ?? null,
    objections: objections.map((o) => ({ stateIso3: o.stateIso3, at: o.objectedAt, by: o.objectedBy })),
    adoptedOn: row?.adoptedOn ?? null,
    adoptionMode: (row?.adoptionMode ?? null) as AdoptionMode | null,
  };
}

function rowOf(sessionId: string, report: StoredSessionReport, extra: { circulatedAt?: Date | null; lockedAt?: Date | null; row?: repo.SessionReportRow | undefined }) {
  return {
    sessionId,
    status: report.status,
    version: report.version,
    circulatedVersion: report.circulatedVersion,
    circulatedAt: extra.circulatedAt !== undefined ? extra.circulatedAt : (extra.row?.circulatedAt ?? null),
    silenceDeadline: report.silenceDeadline,
    adoptedOn: report.adoptedOn,
    adoptionMode: report.adoptionMode,
    lockedAt: extra.lockedAt !== undefined ? extra.lockedAt : (extra.row?.lockedAt ?? null),
  };
}

/** Loads the report for a write, writing down an adoption by silence that already happened. */
async function loadForWrite(ctx: UseCaseContext, tx: DbOrTx, sessionId: string) {
  if (!(await repo.findSession(tx, sessionId))) throw new DomainError('resource.notFound', `No session ${sessionId}.`);
  const report = await storedReport(tx, sessionId);
  const state = reportState(report, ctx.now);
  if (state.adoptionPending) {
    const adopted = { ...report, status: 'adopted' as const, adoptedOn: state.adoptedOn, adoptionMode: 'silence' as const };
    await repo.saveReportRow(tx, rowOf(sessionId, adopted, { row: report.row }));
    await appendAudit(tx, { actor: ctx.actor, action: 'sessions.report.adopt', resourceType: 'session', resourceId: sessionId, details: { mode: 'silence', on: state.adoptedOn, version: report.circulatedVersion, closedBy: 'deadline' }, ip: ctx.ip, requestId: ctx.requestId });
    return { ...adopted, row: report.row, closed: true };
  }
  return { ...report, closed: false };
}

export async function getSessionReport(ctx: UseCaseContext, sessionId: string) {
  authorize(ctx.actor, 'sessions.readMaterial');
  if (!(await repo.findSession(ctx.db, sessionId))) throw new DomainError('resource.notFound', `No session ${sessionId}.`);
  const report = await storedReport(ctx.db, sessionId);
  const state = reportState(report, ctx.now);
  const versions = await repo.listReportVersions(ctx.db, sessionId);
  const allObjections = await repo.listObjections(ctx.db, sessionId);
  const history = await listAuditEvents(ctx.db, { limit: 200, resourceType: 'session', resourceId: sessionId });
  const actorState = ctx.actor.kind === 'user' ? ctx.actor.stateIso3 : null;
  return {
    sessionId,
    status: state.status,
    silence: state.silence,
    version: report.version,
    circulatedVersion: report.circulatedVersion,
    circulatedAt: report.row?.circulatedAt?.toISOString() ?? null,
    silenceDeadline: report.silenceDeadline?.toISOString() ?? null,
    adoptedOn: state.adoptedOn,
    adoptionMode: state.adoptionMode,
    adoptionPending: state.adoptionPending,
    lockedAt: report.row?.lockedAt?.toISOString() ?? null,
    versions: versions.map((v) => ({ version: v.version, text: v.text, author: v.author, createdAt: v.createdAt.toISOString() })),
    objections: allObjections.map((o) => ({ stateIso3: o.stateIso3, circulatedVersion: o.circulatedVersion, note: o.note, objectedBy: o.objectedBy, objectedAt: o.objectedAt.toISOString() })),
    history: history
      .filter((e) => e.action.startsWith('sessions.report.'))
      .map((e) => ({ action: e.action, actor: e.actorLabel, at: e.occurredAt.toISOString(), details: e.details ?? {} }))
      .reverse(),
    may: {
      edit: may(ctx.actor, 'sessions.manage') && (state.status === 'draft' || ((state.status === 'circulated' || state.status === 'amended') && state.silence !== 'running')),
      circulate: may(ctx.actor, 'sessions.manage') && report.version > 0 && (state.status === 'draft' || state.status === 'amended' || (state.status === 'circulated' && state.silence === 'broken' && report.circulatedVersion !== report.version)),
      adopt: may(ctx.actor, 'sessions.manage') && (state.status === 'circulated' || state.status === 'amended') && state.silence !== 'running',
      closeSilence: may(ctx.actor, 'sessions.manage') && state.adoptionPending,
      lock: may(ctx.actor, 'sessions.manage') && state.status === 'adopted',
      object: may(ctx.actor, 'sessions.object') && actorState !== null && state.silence === 'running' && !report.objections.some((o) => o.stateIso3 === actorState),
    },
  };
}

/** Saves a new text version; the latest version number guards against concurrent edits. */
export async function saveReportText(ctx: UseCaseContext, sessionId: string, text: string, version: number) {
  authorize(ctx.actor, 'sessions.manage');
  await ctx.db.transaction(async (tx) => {
    const report = await loadForWrite(ctx, tx, sessionId);
    if (report.closed) throw new DomainError('session.invalidState', `The report was adopted by silence procedure on ${report.adoptedOn}; its text can no longer change.`);
    const status = afterSave(report, ctx.now);
    if (version !== report.version) throw new DomainError('record.versionConflict', `The report is at version ${report.version}; you edited version ${version}. Reload and merge.`);
    const next = report.version + 1;
    await repo.insertReportVersion(tx, { sessionId, version: next, text, author: actorLabel(ctx.actor), createdAt: ctx.now });
    await repo.saveReportRow(tx, rowOf(sessionId, { ...report, status, version: next }, { row: report.row }));
    await appendAudit(tx, { actor: ctx.actor, action: 'sessions.report.save', resourceType: 'session', resourceId: sessionId, details: { version: next, status }, ip: ctx.ip, requestId: ctx.requestId });
  });
  return getSessionReport(ctx, sessionId);
}

/** Circulates the latest version, with a silence deadline (ISO instant) or for adoption in a meeting (null). */
export async function circulateReport(ctx: UseCaseContext, sessionId: string, silenceDeadline: Date | null) {
  authorize(ctx.actor, 'sessions.manage');
  await ctx.db.transaction(async (tx) => {
    const report = await loadForWrite(ctx, tx, sessionId);
    checkCirculate(report, ctx.now, silenceDeadline);
    const next = { ...report, status: 'circulated' as const, circulatedVersion: report.version, silenceDeadline, objections: [] };
    await repo.saveReportRow(tx, rowOf(sessionId, next, { row: report.row, circulatedAt: ctx.now }));
    await appendAudit(tx, { actor: ctx.actor, action: 'sessions.report.circulate', resourceType: 'session', resourceId: sessionId, details: { version: report.version, silenceDeadline: silenceDeadline?.toISOString() ?? null }, ip: ctx.ip, requestId: ctx.requestId });
  });
  return getSessionReport(ctx, sessionId);
}

/**
 * A State party breaks the silence before the deadline. A refused objection (late, no
 * silence running, twice) is audited as denied, in the same transaction that writes down an
 * adoption by silence the deadline already made.
 */
export async function objectToReport(ctx: UseCaseContext, sessionId: string, note: string) {
  authorize(ctx.actor, 'sessions.object');
  const stateIso3 = ctx.actor.kind === 'user' ? ctx.actor.stateIso3 : null;
  let refusal: DomainError | undefined;
  await ctx.db.transaction(async (tx) => {
    const report = await loadForWrite(ctx, tx, sessionId);
    const isParty = stateIso3 !== null && isPartyOn(await findAccession(tx, stateIso3), isoDay(ctx.now));
    try {
      // Adopted just now by the deadline: checked as the circulated draft it was, so the answer says "after the deadline".
      checkObjection(report.closed ? { ...report, status: 'circulated' } : report, ctx.now, stateIso3, isParty);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'session.invalidState') throw error;
      refusal = error;
      await appendAudit(tx, { actor: ctx.actor, action: 'sessions.report.object', outcome: 'denied', resourceType: 'session', resourceId: sessionId, details: { stateIso3, reason: error.message }, ip: ctx.ip, requestId: ctx.requestId });
      return;
    }
    await repo.insertObjection(tx, { id: randomUUID(), sessionId, circulatedVersion: report.circulatedVersion!, stateIso3: stateIso3!, note: note.trim(), objectedBy: actorLabel(ctx.actor), objectedAt: ctx.now });
    await appendAudit(tx, { actor: ctx.actor, action: 'sessions.report.object', resourceType: 'session', resourceId: sessionId, details: { stateIso3, version: report.circulatedVersion }, ip: ctx.ip, requestId: ctx.requestId });
  });
  if (refusal) throw refusal;
  return getSessionReport(ctx, sessionId);
}

/** "Close silence": writes the adoption on the deadline's date when no State objected. */
export async function closeSilence(ctx: UseCaseContext, sessionId: string) {
  authorize(ctx.actor, 'sessions.manage');
  await ctx.db.transaction(async (tx) => {
    const report = await storedReport(tx, sessionId);
    if (!(await repo.findSession(tx, sessionId))) throw new DomainError('resource.notFound', `No session ${sessionId}.`);
    checkCloseSilence(report, ctx.now);
    await loadForWrite(ctx, tx, sessionId);
  });
  return getSessionReport(ctx, sessionId);
}

export async function adoptReport(ctx: UseCaseContext, sessionId: string, on: string) {
  authorize(ctx.actor, 'sessions.manage');
  await ctx.db.transaction(async (tx) => {
    const report = await loadForWrite(ctx, tx, sessionId);
    checkAdoptInMeeting(report, ctx.now, on);
    await repo.saveReportRow(tx, rowOf(sessionId, { ...report, status: 'adopted', adoptedOn: on, adoptionMode: 'meeting' }, { row: report.row }));
    await appendAudit(tx, { actor: ctx.actor, action: 'sessions.report.adopt', resourceType: 'session', resourceId: sessionId, details: { mode: 'meeting', on, version: report.version }, ip: ctx.ip, requestId: ctx.requestId });
  });
  return getSessionReport(ctx, sessionId);
}

export async function lockReport(ctx: UseCaseContext, sessionId: string) {
  authorize(ctx.actor, 'sessions.manage');
  await ctx.db.transaction(async (tx) => {
    const report = await loadForWrite(ctx, tx, sessionId);
    checkLock(report, ctx.now);
    await repo.saveReportRow(tx, rowOf(sessionId, { ...report, status: 'locked' }, { row: report.row, lockedAt: ctx.now }));
    await appendAudit(tx, { actor: ctx.actor, action: 'sessions.report.lock', resourceType: 'session', resourceId: sessionId, details: { version: report.version }, ip: ctx.ip, requestId: ctx.requestId });
  });
  return getSessionReport(ctx, sessionId);
}
