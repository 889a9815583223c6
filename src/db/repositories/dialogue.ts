/**
 * @module dialogue repository
 * The direct dialogue of a review, its participants and agenda sessions. No rules here.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { dialogueParticipants, dialogueSessions, dialogues } from '../schema/dialogue.ts';

export type DialogueRow = typeof dialogues.$inferSelect;
export type ParticipantRow = typeof dialogueParticipants.$inferSelect;
export type SessionRow = typeof dialogueSessions.$inferSelect;

export interface StoredDialogue {
  row: DialogueRow;
  participants: ParticipantRow[];
  sessions: SessionRow[];
}

export async function loadDialogue(db: DbOrTx, reviewId: string): Promise<StoredDialogue | undefined> {
  const [row] = await db.select().from(dialogues).where(eq(dialogues.reviewId, reviewId)).limit(1);
  if (!row) return undefined;
  const participants = await db.select().from(dialogueParticipants).where(eq(dialogueParticipants.reviewId, reviewId)).orderBy(asc(dialogueParticipants.position));
  const sessions = await db.select().from(dialogueSessions).where(eq(dialogueSessions.reviewId, reviewId)).orderBy(asc(dialogueSessions.startsAt), asc(dialogueSessions.id));
  return { row, participants, sessions };
}

export async function insertDialogue(db: DbOrTx, row: typeof dialogues.$inferInsert): Promise<void> {
  await db.insert(dialogues).values(row);
}

/** Updates the dialogue when its version is still `expectedVersion`; false when someone else changed it. */
export async function updateDialogue(db: DbOrTx, reviewId: string, expectedVersion: number, values: Omit<typeof dialogues.$inferInsert, 'reviewId' | 'version'>): Promise<boolean> {
  const updated = await db
    .update(dialogues)
    .set({ ...values, version: expectedVersion + 1 })
    .where(and(eq(dialogues.reviewId, reviewId), eq(dialogues.version, expectedVersion)))
    .returning({ version: dialogues.version });
  return updated.length === 1;
}

export async function replaceParticipants(db: DbOrTx, reviewId: string, rows: (typeof dialogueParticipants.$inferInsert)[]): Promise<void> {
  await db.delete(dialogueParticipants).where(eq(dialogueParticipants.reviewId, reviewId));
  if (rows.length > 0) await db.insert(dialogueParticipants).values(rows);
}

export async function deleteSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(dialogueSessions).where(eq(dialogueSessions.id, sessionId));
}

export async function insertSession(db: DbOrTx, row: typeof dialogueSessions.$inferInsert): Promise<void> {
  await db.insert(dialogueSessions).values(row);
}

/** Moves or renames a session; its notes stay. */
export async function updateSessionAgenda(db: DbOrTx, sessionId: string, values: { title: string; topic: string; startsAt: Date; endsAt: Date }): Promise<void> {
  await db.update(dialogueSessions).set(values).where(eq(dialogueSessions.id, sessionId));
}

/** Writes a session's notes when their version is still `expectedVersion`; false otherwise. */
export async function updateSessionNotes(db: DbOrTx, sessionId: string, expectedVersion: number, notes: string, by: string, at: Date): Promise<boolean> {
  const updated = await db
    .update(dialogueSessions)
    .set({ notes, notesVersion: expectedVersion + 1, notesUpdatedBy: by, notesUpdatedAt: at })
    .where(and(eq(dialogueSessions.id, sessionId), eq(dialogueSessions.notesVersion, expectedVersion)))
    .returning({ id: dialogueSessions.id });
  return updated.length === 1;
}
