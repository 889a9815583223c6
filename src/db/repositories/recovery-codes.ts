/**
 * @module recovery-codes repository
 * Two-factor recovery codes, stored as SHA-256 hashes. Using one deletes it in the same
 * statement that finds it, so a code cannot be spent twice even by parallel requests.
 */
import { and, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { recoveryCodes } from '../schema/accounts.ts';

/** Replaces all of a user's codes with new ones. */
export async function replaceRecoveryCodes(db: DbOrTx, userId: string, codeHashes: string[]): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (codeHashes.length > 0) await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

export async function deleteRecoveryCodes(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

/** True when the code existed (and is now gone). */
export async function consumeRecoveryCode(db: DbOrTx, userId: string, codeHash: string): Promise<boolean> {
  const rows = await db
    .delete(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash)))
    .returning({ codeHash: recoveryCodes.codeHash });
  return rows.length === 1;
}

export async function countRecoveryCodes(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db.select({ n: count() }).from(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  return Number(rows[0]?.n ?? 0);
}
