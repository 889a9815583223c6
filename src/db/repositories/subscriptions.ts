/**
 * @module subscriptions repository
 * Rows of e-mail subscriptions and their unsubscribe tokens (hashes only). Plain reads and
 * writes: the rules (double opt-in, expiry, who receives what) are in
 * src/domain/subscriptions/ and the use cases.
 */
import { and, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import type { SubscriptionStatus } from '../../domain/subscriptions/subscriptions.ts';
import type { DbOrTx } from '../client.ts';
import { subscriptions, subscriptionUnsubscribeTokens } from '../schema/subscriptions.ts';

export type SubscriptionRow = typeof subscriptions.$inferSelect;

const LIVE: SubscriptionStatus[] = ['pending', 'confirmed'];

/** The live (pending or confirmed) subscription of an address to a State or (null) the whole Mechanism. */
export async function findLiveSubscription(db: DbOrTx, email: string, country: string | null): Promise<SubscriptionRow | undefined> {
  const [row] = await db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.email, email), country === null ? isNull(subscriptions.country) : eq(subscriptions.country, country), inArray(subscriptions.status, LIVE)))
    .limit(1);
  return row;
}

/** Inserts a pending subscription; undefined when a live one for the address and scope appeared meanwhile. */
export async function insertSubscription(db: DbOrTx, row: typeof subscriptions.$inferInsert): Promise<SubscriptionRow | undefined> {
  const [inserted] = await db.insert(subscriptions).values(row).onConflictDoNothing().returning();
  return inserted;
}

export async function updateSubscription(db: DbOrTx, id: string, values: Partial<typeof subscriptions.$inferInsert>): Promise<SubscriptionRow | undefined> {
  const [row] = await db.update(subscriptions).set(values).where(eq(subscriptions.id, id)).returning();
  return row;
}

export async function findByConfirmTokenHash(db: DbOrTx, tokenHash: string): Promise<SubscriptionRow | undefined> {
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.confirmTokenHash, tokenHash)).limit(1);
  return row;
}

export async function findByUnsubscribeTokenHash(db: DbOrTx, tokenHash: string): Promise<SubscriptionRow | undefined> {
  const [row] = await db
    .select({ subscription: subscriptions })
    .from(subscriptionUnsubscribeTokens)
    .innerJoin(subscriptions, eq(subscriptions.id, subscriptionUnsubscribeTokens.subscriptionId))
    .where(eq(subscriptionUnsubscribeTokens.tokenHash, tokenHash))
    .limit(1);
  return row?.subscription;
}

export async function insertUnsubscribeTokens(db: DbOrTx, rows: { tokenHash: string; subscriptionId: string; createdAt: Date }[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(subscriptionUnsubscribeTokens).values(rows);
}

/** Confirmed subscriptions to the State or to the whole Mechanism. */
export async function listConfirmedFor(db: DbOrTx, iso3: string): Promise<SubscriptionRow[]> {
  return db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.status, 'confirmed'), or(isNull(subscriptions.country), eq(subscriptions.country, iso3))))
    .orderBy(subscriptions.createdAt, subscriptions.id);
}

/** Deletes the requests never confirmed in time (their tokens go with them). Returns how many. */
export async function deleteLapsedRequests(db: DbOrTx, now: Date): Promise<number> {
  const rows = await db
    .delete(subscriptions)
    .where(and(eq(subscriptions.status, 'pending'), lte(subscriptions.confirmExpiresAt, now)))
    .returning({ id: subscriptions.id });
  return rows.length;
}
