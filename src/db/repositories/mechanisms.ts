/**
 * @module mechanisms repository
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { mechanisms } from '../schema/reference.ts';

export async function findMechanism(db: DbOrTx, id: string) {
  return (await db.select().from(mechanisms).where(eq(mechanisms.id, id)).limit(1))[0];
}
