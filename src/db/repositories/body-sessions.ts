/**
 * @module body-sessions repository
 * Sessions of the governing bodies, their meetings, agenda, documents and report. Named
 * body-sessions because sessions.ts is the repository of sign-in sessions. Plain queries:
 * no policy, no rules.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import {
  bodySessionBodies,
  bodySessions,
  governingBodies,
  sessionAgendaItems,
  sessionDocumentFiles,
  sessionDocuments,
  sessionMeetings,
  sessionReportObjections,
  sessionReports,
  sessionReportVersions,
} from '../schema/sessions.ts';

export type BodyRow = typeof governingBodies.$inferSelect;
export type BodySessionRow = typeof bodySessions.$inferSelect;
export type MeetingRow = typeof sessionMeetings.$inferSelect;
export type DocumentRow = typeof sessionDocuments.$inferSelect;
export type DocumentFileRow = typeof sessionDocumentFiles.$inferSelect;
export type AgendaItemRow = typeof sessionAgendaItems.$inferSelect;
export type SessionReportRow = typeof sessionReports.$inferSelect;

export async function listBodies(db: DbOrTx): Promise<BodyRow[]> {
  return db.select().from(governingBodies).orderBy(asc(governingBodies.position), asc(governingBodies.code));
}

export async function insertBodies(db: DbOrTx, rows: { code: string; name: string; series: string; position: number }[]): Promise<void> {
  if (rows.length > 0) await db.insert(governingBodies).values(rows).onConflictDoNothing();
}

export async function insertSession(db: DbOrTx, row: typeof bodySessions.$inferInsert, bodies: string[]): Promise<void> {
  await db.insert(bodySessions).values(row);
  await db.insert(bodySessionBodies).values(bodies.map((bodyCode, position) => ({ sessionId: row.id, bodyCode, position })));
}

export async function updateSession(db: DbOrTx, id: string, expectedVersion: number, values: Partial<typeof bodySessions.$inferInsert>, bodies?: string[]): Promise<boolean> {
  const rows = await db
    .update(bodySessions)
    .set({ ...values, version: expectedVersion + 1 })
    .where(and(eq(bodySessions.id, id), eq(bodySessions.version, expectedVersion)))
    .returning({ id: bodySessions.id });
  if (rows.length === 0) return false;
  if (bodies) {
    await db.delete(bodySessionBodies).where(eq(bodySessionBodies.sessionId, id));
    await db.insert(bodySessionBodies).values(bodies.map((bodyCode, position) => ({ sessionId: id, bodyCode, position })));
  }
  return true;
}

export async function findSession(db: DbOrTx, id: string): Promise<BodySessionRow | undefined> {
  return (await db.select().from(bodySessions).where(eq(bodySessions.id, id)).limit(1))[0];
}

export async function listSessions(db: DbOrTx): Promise<BodySessionRow[]> {
  return db.select().from(bodySessions).orderBy(desc(bodySessions.startDate), desc(bodySessions.resumedPart));
}

/** Body codes of each session, leading body first. */
export async function sessionBodies(db: DbOrTx, sessionIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (sessionIds.length === 0) return out;
  const rows = await db.select().from(bodySessionBodies).where(inArray(bodySessionBodies.sessionId, sessionIds)).orderBy(asc(bodySessionBodies.position));
  for (const row of rows) out.set(row.sessionId, [...(out.get(row.sessionId) ?? []), row.bodyCode]);
  return out;
}

export async function listMeetings(db: DbOrTx, sessionId: string): Promise<MeetingRow[]> {
  return db.select().from(sessionMeetings).where(eq(sessionMeetings.sessionId, sessionId)).orderBy(asc(sessionMeetings.startsAt));
}

export async function replaceMeetings(db: DbOrTx, sessionId: string, rows: (typeof sessionMeetings.$inferInsert)[]): Promise<void> {
  await db.delete(sessionMeetings).where(eq(sessionMeetings.sessionId, sessionId));
  if (rows.length > 0) await db.insert(sessionMeetings).values(rows);
}

export async function listAgenda(db: DbOrTx, sessionId: string): Promise<AgendaItemRow[]> {
  return db.select().from(sessionAgendaItems).where(eq(sessionAgendaItems.sessionId, sessionId)).orderBy(asc(sessionAgendaItems.position));
}

export async function replaceAgenda(db: DbOrTx, sessionId: string, rows: (typeof sessionAgendaItems.$inferInsert)[]): Promise<void> {
  await db.delete(sessionAgendaItems).where(eq(sessionAgendaItems.sessionId, sessionId));
  if (rows.length > 0) await db.insert(sessionAgendaItems).values(rows);
}

export async function listDocuments(db: DbOrTx, sessionId: string): Promise<DocumentRow[]> {
  return db.select().from(sessionDocuments).where(eq(sessionDocuments.sessionId, sessionId)).orderBy(asc(sessionDocuments.symbol));
}

/** The documents of many sessions in one query, by symbol within each session. */
export async function listDocumentsOfSessions(db: DbOrTx, sessionIds: string[]): Promise<DocumentRow[]> {
  if (sessionIds.length === 0) return [];
  return db.select().from(sessionDocuments).where(inArray(sessionDocuments.sessionId, sessionIds)).orderBy(asc(sessionDocuments.symbol));
}

export async function findDocumentBySymbol(db: DbOrTx, symbol: string): Promise<DocumentRow | undefined> {
  return (await db.select().from(sessionDocuments).where(eq(sessionDocuments.symbol, symbol)).limit(1))[0];
}

export async function findDocument(db: DbOrTx, sessionId: string, documentId: string): Promise<DocumentRow | undefined> {
  return (await db.select().from(sessionDocuments).where(and(eq(sessionDocuments.sessionId, sessionId), eq(sessionDocuments.id, documentId))).limit(1))[0];
}

export async function insertDocument(db: DbOrTx, row: typeof sessionDocuments.$inferInsert): Promise<DocumentRow> {
  return (await db.insert(sessionDocuments).values(row).returning())[0]!;
}

export async function listDocumentFiles(db: DbOrTx, documentIds: string[]): Promise<DocumentFileRow[]> {
  if (documentIds.length === 0) return [];
  return db.select().from(sessionDocumentFiles).where(inArray(sessionDocumentFiles.documentId, documentIds));
}

export async function findDocumentFile(db: DbOrTx, documentId: string, language: string): Promise<DocumentFileRow | undefined> {
  return (await db.select().from(sessionDocumentFiles).where(and(eq(sessionDocumentFiles.documentId, documentId), eq(sessionDocumentFiles.language, language))).limit(1))[0];
}

export async function upsertDocumentFile(db: DbOrTx, row: typeof sessionDocumentFiles.$inferInsert): Promise<void> {
  const { documentId: _d, language: _l, ...rest } = row;
  await db
    .insert(sessionDocumentFiles)
    .values(row)
    .onConflictDoUpdate({ target: [sessionDocumentFiles.documentId, sessionDocumentFiles.language], set: rest });
}

export async function findReport(db: DbOrTx, sessionId: string): Promise<SessionReportRow | undefined> {
  return (await db.select().from(sessionReports).where(eq(sessionReports.sessionId, sessionId)).limit(1))[0];
}

export async function saveReportRow(db: DbOrTx, row: typeof sessionReports.$inferInsert): Promise<void> {
  const { sessionId: _s, ...rest } = row;
  await db.insert(sessionReports).values(row).onConflictDoUpdate({ target: sessionReports.sessionId, set: rest });
}

export async function listReportVersions(db: DbOrTx, sessionId: string) {
  return db.select().from(sessionReportVersions).where(eq(sessionReportVersions.sessionId, sessionId)).orderBy(desc(sessionReportVersions.version));
}

export async function insertReportVersion(db: DbOrTx, row: typeof sessionReportVersions.$inferInsert): Promise<void> {
  await db.insert(sessionReportVersions).values(row);
}

export async function listObjections(db: DbOrTx, sessionId: string) {
  return db.select().from(sessionReportObjections).where(eq(sessionReportObjections.sessionId, sessionId)).orderBy(asc(sessionReportObjections.objectedAt));
}

export async function insertObjection(db: DbOrTx, row: typeof sessionReportObjections.$inferInsert): Promise<void> {
  await db.insert(sessionReportObjections).values(row);
}
