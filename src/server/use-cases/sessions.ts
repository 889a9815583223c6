/**
 * @module sessions use cases
 * Sessions of the governing bodies (docs/SESSIONS.md): bodies, sessions, meetings, agenda and
 * documents. The secretariat writes; everyone reads sessions and general-distribution
 * documents; signed-in users read every document. Each write is one transaction with its
 * audit row.
 */
import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { DomainError } from '../../domain/errors.ts';
import { cleanFilename } from '../../domain/reviews/attachments.ts';
import { parseSymbol } from '../../domain/sessions/symbols.ts';
import {
  carryAgenda,
  checkSession,
  checkStatusChange,
  DEFAULT_BODIES,
  numberAgenda,
  sessionName,
  type AgendaItemInput,
  type Distribution,
  type DocumentLanguage,
  type DocumentRole,
  type SessionFormat,
  type SessionStatus,
} from '../../domain/sessions/session.ts';
import { reportState } from '../../domain/sessions/silence.ts';
import { may, authorize } from '../../policies/policy.ts';
import { actorLabel, appendAudit } from '../../db/repositories/audit.ts';
import * as repo from '../../db/repositories/body-sessions.ts';
import type { DbOrTx } from '../../db/client.ts';
import { storeThenRecord, type FileStore } from '../files/file-store.ts';
import type { UseCaseContext } from './context.ts';
import { storedReport } from './sessions-report.ts';

/** Session documents are PDF or Word (DOCX), as the UN issues them. */
export const SESSION_DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

export interface SessionFields {
  bodies: string[];
  number: number;
  resumedPart: number;
  startDate: string;
  endDate: string;
  venue: string;
  format: SessionFormat;
}

function notFound(id: string): DomainError {
  return new DomainError('resource.notFound', `No session ${id}.`);
}

/** The configured bodies, or the default list while none is stored yet. */
export async function bodies(db: DbOrTx) {
  const rows = await repo.listBodies(db);
  return rows.length > 0 ? rows.map(({ code, name, series }) => ({ code, name, series })) : DEFAULT_BODIES.map((b) => ({ ...b }));
}

/** Writes the default bodies the first time anything is written, so foreign keys hold. */
async function ensureBodies(db: DbOrTx): Promise<string[]> {
  const rows = await repo.listBodies(db);
  if (rows.length === 0) await repo.insertBodies(db, DEFAULT_BODIES.map((b, position) => ({ ...b, position })));
  return (await repo.listBodies(db)).map((b) => b.code);
}

export async function listBodies(ctx: UseCaseContext) {
  return bodies(ctx.db);
}

export async function addBody(ctx: UseCaseContext, body: { code: string; name: string; series: string }) {
  authorize(ctx.actor, 'sessions.manage');
  parseSymbol(`${body.series}/2000/1`);
  return ctx.db.transaction(async (tx) => {
    const codes = await ensureBodies(tx);
    if (codes.includes(body.code)) throw new DomainError('record.duplicate', `A body with code ${body.code} exists.`);
    await repo.insertBodies(tx, [{ ...body, position: codes.length }]);
    await appendAudit(tx, { actor: ctx.actor, action: 'sessions.body.add', resourceType: 'body', resourceId: body.code, details: body, ip: ctx.ip, requestId: ctx.requestId });
    return body;
  });
}

function summarise(row: repo.BodySessionRow, bodyCodes: string[], partsOfNumber: number, bodyNames: Map<string, string>) {
  const lead = bodyNames.get(bodyCodes[0] ?? '') ?? bodyCodes[0] ?? '';
  return {
    id: row.id,
    name: `${lead}: ${sessionName(row.number, row.resumedPart, partsOfNumber)}`,
    bodies: bodyCodes.map((code) => ({ code, name: bodyNames.get(code) ?? code })),
    joint: bodyCodes.length > 1,
    number: row.number,
    resumedPart: row.resumedPart,
    startDate: row.startDate,
    endDate: row.endDate,
    venue: row.venue,
    format: row.format as SessionFormat,
    status: row.status as SessionStatus,
    agendaAdoptedOn: row.agendaAdoptedOn,
    version: row.version,
  };
}
export type SessionSummary = ReturnType<typeof summarise>;

async function summaries(db: DbOrTx, rows: repo.BodySessionRow[]) {
  const all = await repo.listSessions(db);
  const codes = await repo.sessionBodies(db, all.map((r) => r.id));
  const names = new Map((await bodies(db)).map((b) => [b.code, b.name]));
  // Resumed parts are counted per lead body and session number.
  const key = (r: repo.BodySessionRow) => `${codes.get(r.id)?.[0]}#${r.number}`;
  const parts = new Map<string, number>();
  for (const r of all) if (r.resumedPart > 0) parts.set(key(r), Math.max(parts.get(key(r)) ?? 0, r.resumedPart));
  return rows.map((r) => summarise(r, codes.get(r.id) ?? [], parts.get(key(r)) ?? 0, names));
}

export async function listSessions(ctx: UseCaseContext) {
  return summaries(ctx.db, await repo.listSessions(ctx.db));
}

export async function createSession(ctx: UseCaseContext, fields: SessionFields) {
  authorize(ctx.actor, 'sessions.manage');
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    checkSession(fields, await ensureBodies(tx));
    const { bodies: codes, ...rest } = fields;
    await repo.insertSession(tx, { id, ...rest, venue: rest.venue.trim(), updatedBy: actorLabel(ctx.actor), updatedAt: ctx.now }, codes);
    await appendAudit(tx, { actor: ctx.actor, action: 'sessions.create', resourceType: 'session', resourceId: id, details: { ...fields }, ip: ctx.ip, requestId: ctx.requestId });
  });
  return getSession(ctx, id);
}

async function loadSession(db: DbOrTx, id: string) {
  const row = await repo.findSession(db, id);
  if (!row) throw notFound(id);
  return row;
}

export async function updateSession(ctx: UseCaseContext, id: string, fields: SessionFields & { version: number }) {
  authorize(ctx.actor, 'sessions.manage');
  await ctx.db.transaction(async (tx) => {
    await loadSession(tx, id);
    checkSession(fields, await ensureBodies(tx));
    const { bodies: codes, version, ...rest } = fields;
    const ok = await repo.updateSession(tx, id, version, { ...rest, venue: rest.venue.trim(), updatedBy: actorLabel(ctx.actor), updatedAt: ctx.now }, codes);
    if (!ok) throw new DomainError('record.versionConflict', 'Someone else changed this session; reload it.');
    await appendAudit(tx, { actor: ctx.actor, action: 'sessions.update', resourceType: 'session', resourceId: id, details: { ...rest, bodies: codes }, ip: ctx.ip, requestId: ctx.requestId });
  });
  return getSession(ctx, id);
}

export async function changeStatus(ctx: UseCaseContext, id: string, status: SessionStatus) {
  authorize(ctx.actor, 'sessions.manage');
  await ctx.db.transaction(async (tx) => {
    const row = await loadSession(tx, id);
    checkStatusChange(row.status as SessionStatus, status);
    await repo.updateSession(tx, id, row.version, { status, updatedBy: actorLabel(ctx.actor), updatedAt: ctx.now });
    await appendAudit(tx, { actor: ctx.actor, action: 'sessions.status', resourceType: 'session', resourceId: id, details: { from: row.status, to: status }, ip: ctx.ip, requestId: ctx.requestId });
  });
  return getSession(ctx, id);
}

export interface MeetingInput {
  title: string;
  startsAt: string;
  endsAt: string;
  room: string;
  bodies: string[];
}

export async function replaceMeetings(ctx: UseCaseContext, id: string, meetings: MeetingInput[]) {
  authorize(ctx.actor, 'sessions.manage');
  await ctx.db.transaction(async (tx) => {
    await loadSession(tx, id);
    const codes = (await repo.sessionBodies(tx, [id])).get(id) ?? [];
    meetings.forEach((m, i) => {
      if (Date.parse(m.endsAt) <= Date.parse(m.startsAt)) throw new DomainError('session.invalid', `Meeting ${i + 1} ends before it starts.`);
      const foreign = m.bodies.filter((b) => !codes.includes(b));
      if (foreign.length > 0) throw new DomainError('session.invalid', `Meeting ${i + 1}: ${foreign.join(', ')} does not meet in this session.`);
    });
    await repo.replaceMeetings(
      tx,
      id,
      meetings.map((m) => ({ id: randomUUID(), sessionId: id, title: m.title.trim(), startsAt: new Date(m.startsAt), endsAt: new Date(m.endsAt), room: m.room.trim(), bodies: m.bodies })),
    );
    await appendAudit(tx, { actor: ctx.actor, action: 'sessions.meetings', resourceType: 'session', resourceId: id, details: { meetings: meetings.length }, ip: ctx.ip, requestId: ctx.requestId });
  });
  return getSession(ctx, id);
}

function agendaTree(rows: repo.AgendaItemRow[]): AgendaItemInput[] {
  const top = rows.filter((r) => r.parentId === null);
  return top.map((t) => ({ title: t.title, documents: t.documents, items: rows.filter((r) => r.parentId === t.id).map((s) => ({ title: s.title, documents: s.documents })) }));
}

async function writeAgenda(tx: DbOrTx, id: string, items: AgendaItemInput[]) {
  numberAgenda(items);
  const rows: Parameters<typeof repo.replaceAgenda>[2] = [];
  let position = 0;
  for (const item of items) {
    const parentId = randomUUID();
    rows.push({ id: parentId, sessionId: id, parentId: null, position: position++, title: item.title.trim(), documents: item.documents.map((s) => parseSymbol(s).symbol) });
    for (const sub of item.items ?? []) rows.push({ id: randomUUID(), sessionId: id, parentId, position: position++, title: sub.title.trim(), documents: sub.documents.map((s) => parseSymbol(s).symbol) });
  }
  await repo.replaceAgenda(tx, id, rows);
}

/** Replaces the agenda (items, sub-items, documents considered); the session's version guards concurrent edits. */
export async function saveAgenda(ctx: UseCaseContext, id: string, items: AgendaItemInput[], version: number) {
  authorize(ctx.actor, 'sessions.manage');
  await ctx.db.transaction(async (tx) => {
    const row = await loadSession(tx, id);
    if (row.agendaAdoptedOn) throw new DomainError('session.invalidState', `The agenda was adopted on ${row.agendaAdoptedOn}; it no longer changes.`);
    await writeAgenda(tx, id, items);
    if (!(await repo.updateSession(tx, id, version, { updatedBy: actorLabel(ctx.actor), updatedAt: ctx.now }))) throw new DomainError('record.versionConflict', 'Someone else changed this session; reload it.');
    await appendAudit(tx, { actor: ctx.actor, action: 'sessions.agenda.save', resourceType: 'session', resourceId: id, details: { items: items.length }, ip: ctx.ip, requestId: ctx.requestId });
  });
  return getSession(ctx, id);
}

export async function adoptAgenda(ctx: UseCaseContext, id: string, on: string) {
  authorize(ctx.actor, 'sessions.manage');
  await ctx.db.transaction(async (tx) => {
    const row = await loadSession(tx, id);
    if (row.agendaAdoptedOn) throw new DomainError('session.invalidState', `The agenda was already adopted on ${row.agendaAdoptedOn}.`);
    if ((await repo.listAgenda(tx, id)).length === 0) throw new DomainError('session.invalidState', 'The agenda has no items yet.');
    if (on < row.startDate || on > row.endDate) throw new DomainError('session.invalid', `The agenda is adopted during the session (${row.startDate} to ${row.endDate}).`);
    await repo.updateSession(tx, id, row.version, { agendaAdoptedOn: on, updatedBy: actorLabel(ctx.actor), updatedAt: ctx.now });
    await appendAudit(tx, { actor: ctx.actor, action: 'sessions.agenda.adopt', resourceType: 'session', resourceId: id, details: { on }, ip: ctx.ip, requestId: ctx.requestId });
  });
  return getSession(ctx, id);
}

/** The provisional agenda of this session from another one's items (its "provisional agenda for the next session"). */
export async function carryAgendaFrom(ctx: UseCaseContext, id: string, fromSessionId: string) {
  authorize(ctx.actor, 'sessions.manage');
  await ctx.db.transaction(async (tx) => {
    const row = await loadSession(tx, id);
    await loadSession(tx, fromSessionId);
    if ((await repo.listAgenda(tx, id)).length > 0) throw new DomainError('session.invalidState', 'This session already has an agenda; carry items only into an empty one.');
    const from = agendaTree(await repo.listAgenda(tx, fromSessionId));
    if (from.length === 0) throw new DomainError('session.invalidState', 'The other session has no agenda to carry.');
    await writeAgenda(tx, id, carryAgenda(from, row.number));
    await repo.updateSession(tx, id, row.version, { updatedBy: actorLabel(ctx.actor), updatedAt: ctx.now });
    await appendAudit(tx, { actor: ctx.actor, action: 'sessions.agenda.carry', resourceType: 'session', resourceId: id, details: { fromSessionId }, ip: ctx.ip, requestId: ctx.requestId });
  });
  return getSession(ctx, id);
}

export interface DocumentInput {
  symbol: string;
  title: string;
  distributedOn: string | null;
  distribution: Distribution;
  role: DocumentRole;
}

export async function addDocument(ctx: UseCaseContext, id: string, input: DocumentInput) {
  authorize(ctx.actor, 'sessions.manage');
  const parsed = parseSymbol(input.symbol);
  if (parsed.prefix === 'CRP' && input.distribution !== 'crp') throw new DomainError('session.invalid', `${parsed.symbol} is a conference room paper: its distribution is "crp".`);
  if (input.title.trim() === '') throw new DomainError('session.invalid', 'A document needs a title.');
  return ctx.db.transaction(async (tx) => {
    await loadSession(tx, id);
    if (await repo.findDocumentBySymbol(tx, parsed.symbol)) throw new DomainError('record.duplicate', `A document ${parsed.symbol} exists already.`);
    const row = await repo.insertDocument(tx, { id: randomUUID(), sessionId: id, symbol: parsed.symbol, series: parsed.series, title: input.title.trim(), distributedOn: input.distributedOn, distribution: input.distribution, role: input.role, createdBy: actorLabel(ctx.actor), createdAt: ctx.now });
    await appendAudit(tx, { actor: ctx.actor, action: 'sessions.document.add', resourceType: 'session', resourceId: id, details: { symbol: parsed.symbol, distribution: input.distribution }, ip: ctx.ip, requestId: ctx.requestId });
    return presentDocument(row, []);
  });
}

function presentDocument(row: repo.DocumentRow, files: repo.DocumentFileRow[]) {
  return {
    id: row.id,
    symbol: row.symbol,
    title: row.title,
    distributedOn: row.distributedOn,
    distribution: row.distribution as Distribution,
    role: row.role as DocumentRole,
    files: files
      .filter((f) => f.documentId === row.id)
      .map((f) => ({ language: f.language as DocumentLanguage, filename: f.filename, contentType: f.contentType, sizeBytes: f.sizeBytes, uploadedAt: f.uploadedAt.toISOString() })),
  };
}

/** The public sees general-distribution documents only; a document it may not see does not exist for it. */
function visible(ctx: UseCaseContext, row: repo.DocumentRow): boolean {
  return row.distribution === 'general' || may(ctx.actor, 'sessions.readMaterial');
}

export async function uploadDocumentFile(ctx: UseCaseContext, files: FileStore, maxBytes: number, id: string, documentId: string, language: DocumentLanguage, file: { filename: string; bytes: Buffer }) {
  authorize(ctx.actor, 'sessions.manage');
  const document = await repo.findDocument(ctx.db, id, documentId);
  if (!document) throw new DomainError('resource.notFound', `No document ${documentId} in this session.`);
  if (file.bytes.length > maxBytes) throw new DomainError('attachment.tooLarge', `The file is larger than the limit of ${Math.round(maxBytes / 1024 / 1024)} MiB.`);
  if (file.bytes.length === 0) throw new DomainError('request.invalid', 'The file is empty.');
  const detected = (await fileTypeFromBuffer(file.bytes))?.mime;
  if (!detected || !SESSION_DOCUMENT_TYPES[detected]) {
    throw new DomainError('attachment.forbiddenType', `Session documents are PDF or Word (DOCX) files; ${detected ? `this file's content is ${detected}` : 'this file is of no known document type'}.`);
  }
  const storageKey = `sessions/${id}/${documentId}/${language}-${randomUUID()}`;
  await storeThenRecord(files, storageKey, file.bytes, detected, () =>
    ctx.db.transaction(async (tx) => {
      const filename = cleanFilename(file.filename);
      await repo.upsertDocumentFile(tx, { documentId, language, filename, contentType: detected, sizeBytes: file.bytes.length, sha256: createHash('sha256').update(file.bytes).digest('hex'), storageKey, uploadedBy: actorLabel(ctx.actor), uploadedAt: ctx.now });
      await appendAudit(tx, { actor: ctx.actor, action: 'sessions.document.file', resourceType: 'session', resourceId: id, details: { symbol: document.symbol, language, contentType: detected, sizeBytes: file.bytes.length }, ip: ctx.ip, requestId: ctx.requestId });
    }),
  );
  const stored = await repo.listDocumentFiles(ctx.db, [documentId]);
  return presentDocument(document, stored);
}

export async function readDocumentFile(ctx: UseCaseContext, files: FileStore, id: string, documentId: string, language: string) {
  const document = await repo.findDocument(ctx.db, id, documentId);
  if (!document || !visible(ctx, document)) throw new DomainError('resource.notFound', `No document ${documentId} in this session.`);
  const file = await repo.findDocumentFile(ctx.db, documentId, language);
  if (!file) throw new DomainError('resource.notFound', `${document.symbol} has no ${language} version yet.`);
  return { file, document, bytes: await files.get(file.storageKey) };
}

/** One session with what the actor may see and do. */
export async function getSession(ctx: UseCaseContext, id: string) {
  const row = await loadSession(ctx.db, id);
  const [summary] = await summaries(ctx.db, [row]);
  const documents = (await repo.listDocuments(ctx.db, id)).filter((d) => visible(ctx, d));
  const documentFiles = await repo.listDocumentFiles(ctx.db, documents.map((d) => d.id));
  const bySymbol = new Map(documents.map((d) => [d.symbol, d]));
  const agenda = numberAgenda(agendaTree(await repo.listAgenda(ctx.db, id))).map((item) => ({
    ...item,
    documents: item.documents.map((symbol) => ({ symbol, documentId: bySymbol.get(symbol)?.id ?? null })).filter((d) => d.documentId !== null || may(ctx.actor, 'sessions.readMaterial')),
  }));
  const meetings = (await repo.listMeetings(ctx.db, id)).map((m) => ({ id: m.id, title: m.title, startsAt: m.startsAt.toISOString(), endsAt: m.endsAt.toISOString(), room: m.room, bodies: m.bodies }));
  const report = await storedReport(ctx.db, id);
  const state = reportState(report, ctx.now);
  return {
    ...summary!,
    meetings,
    agenda,
    documents: documents.map((d) => presentDocument(d, documentFiles)),
    report: { status: state.status, silence: state.silence, adoptedOn: state.adoptedOn, adoptionMode: state.adoptionMode, silenceDeadline: report.silenceDeadline?.toISOString() ?? null },
    may: { manage: may(ctx.actor, 'sessions.manage'), readMaterial: may(ctx.actor, 'sessions.readMaterial'), object: may(ctx.actor, 'sessions.object') },
  };
}

/**
 * Every session with the documents the actor may see and their language versions: what
 * getSession gives per session, without its agenda, meetings and report, in three queries
 * whatever the number of sessions (the open-data set of session documents).
 */
export async function listSessionsWithDocuments(ctx: UseCaseContext) {
  const sessions = await listSessions(ctx);
  const documents = (await repo.listDocumentsOfSessions(ctx.db, sessions.map((s) => s.id))).filter((d) => visible(ctx, d));
  const files = await repo.listDocumentFiles(ctx.db, documents.map((d) => d.id));
  return sessions.map((session) => ({ ...session, documents: documents.filter((d) => d.sessionId === session.id).map((d) => presentDocument(d, files)) }));
}

/** What the calendar export needs. */
export async function sessionCalendar(ctx: UseCaseContext, id: string) {
  const session = await getSession(ctx, id);
  return { session, meetings: session.meetings };
}
