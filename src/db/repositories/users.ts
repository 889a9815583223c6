/**
 * @module users repository
 */
import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Role } from '../../domain/accounts/roles.ts';
import type { DbOrTx } from '../client.ts';
import { users } from '../schema/accounts.ts';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return rows[0];
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}

export async function listUsers(db: DbOrTx): Promise<UserRow[]> {
  return db.select().from(users).orderBy(asc(users.email));
}

export async function insertUser(
  db: DbOrTx,
  user: { id: string; email: string; displayName: string; role: Role; stateIso3: string | null; passwordHash: string | null; isDemo?: boolean },
): Promise<UserRow> {
  const rows = await db
    .insert(users)
    .values({ ...user, email: user.email.trim().toLowerCase(), isDemo: user.isDemo ?? false })
    .returning();
  return rows[0]!;
}

export async function updateUser(
  db: DbOrTx,
  id: string,
  patch: Partial<
    Pick<
      UserRow,
      'displayName' | 'isDisabled' | 'passwordHash' | 'failedLoginCount' | 'lockedUntil' | 'lastLoginAt' | 'totpSecret' | 'totpPendingSecret' | 'totpEnabledAt' | 'totpLastStep'
    >
  >,
): Promise<UserRow | undefined> {
  const rows = await db
    .update(users)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning();
  return rows[0];
}

/** Counts a failed sign-in atomically, so parallel attempts cannot undercount. */
export async function recordFailedLogin(db: DbOrTx, id: string, maxFailures: number, lockUntil: Date): Promise<void> {
  await db
    .update(users)
    .set({
      failedLoginCount: sql`${users.failedLoginCount} + 1`,
      lockedUntil: sql`case when ${users.failedLoginCount} + 1 >= ${maxFailures} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, id));
}

/**
 * Records an accepted TOTP step, only if it is later than the last one: two requests racing
 * with the same code cannot both win. Returns false when another request took that step.
 */
export async function claimTotpStep(db: DbOrTx, id: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step, failedLoginCount: 0, lockedUntil: null })
    .where(and(eq(users.id, id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}
