/**
 * @module sessions repository
 * Sessions live in the database so any number of server processes can share them.
 */
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { sessions, users } from '../schema/accounts.ts';

export type SessionStage = 'full' | 'mfa' | 'enrol';

export async function insertSession(
  db: DbOrTx,
  session: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date; ip: string | null; userAgent: string | null; stage?: SessionStage },
): Promise<void> {
  await db.insert(sessions).values(session);
}

/**
 * The live session and its user, or undefined when idle too long (expiresAt), older than
 * the absolute limit (createdAt before notCreatedBefore), unknown, or the user is disabled.
 */
export async function findLiveSession(db: DbOrTx, tokenHash: string, now: Date, notCreatedBefore: Date) {
  const rows = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), gt(sessions.createdAt, notCreatedBefore), eq(users.isDisabled, false)))
    .limit(1);
  return rows[0];
}

export async function touchSession(db: DbOrTx, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ expiresAt }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteUserSessions(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ t: sessions.tokenHash });
  return rows.length;
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

/** Ends every session of a user but the one given (after a password change). */
export async function deleteOtherSessions(db: DbOrTx, userId: string, keepTokenHash: string): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)))
    .returning({ t: sessions.tokenHash });
  return rows.length;
}
