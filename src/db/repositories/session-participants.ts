/**
 * @module session-participants repository
 * Delegations and participants registered for a session. Plain queries: no policy, no rules.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { sessionDelegations, sessionRegistrations } from '../schema/session-participants.ts';

export type DelegationRow = typeof sessionDelegations.$inferSelect;
export type RegistrationRow = typeof sessionRegistrations.$inferSelect;

export async function listDelegations(db: DbOrTx, sessionId: string): Promise<DelegationRow[]> {
  return db.select().from(sessionDelegations).where(eq(sessionDelegations.sessionId, sessionId));
}

export async function listRegistrations(db: DbOrTx, sessionId: string): Promise<RegistrationRow[]> {
  return db.select().from(sessionRegistrations).where(eq(sessionRegistrations.sessionId, sessionId)).orderBy(asc(sessionRegistrations.registeredAt), asc(sessionRegistrations.name));
}

export async function insertDelegation(db: DbOrTx, row: typeof sessionDelegations.$inferInsert): Promise<void> {
  await db.insert(sessionDelegations).values(row);
}

export async function insertRegistrations(db: DbOrTx, rows: (typeof sessionRegistrations.$inferInsert)[]): Promise<void> {
  // Batches keep each statement under the parameter limit of PostgreSQL.
  for (let i = 0; i < rows.length; i += 500) await db.insert(sessionRegistrations).values(rows.slice(i, i + 500));
}

export async function findRegistrations(db: DbOrTx, sessionId: string, ids: readonly string[]): Promise<RegistrationRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(sessionRegistrations)
    .where(and(eq(sessionRegistrations.sessionId, sessionId), inArray(sessionRegistrations.id, [...ids])))
    .for('update');
}

export async function updateRegistration(db: DbOrTx, id: string, values: Partial<typeof sessionRegistrations.$inferInsert>): Promise<void> {
  await db.update(sessionRegistrations).set(values).where(eq(sessionRegistrations.id, id));
}
