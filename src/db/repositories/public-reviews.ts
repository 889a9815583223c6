/**
 * @module public-reviews repository
 * The few look-ups the public pages need beyond loadReviews: the reviews of one State (under
 * review, or as a reviewer) and the names of a handful of States. Plain reads, no policy.
 */
import { eq, inArray, or } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { parties } from '../schema/reference.ts';
import { reviews } from '../schema/reviews.ts';

/** Ids of the reviews of `iso3`, and the reviews in which it is one of the two reviewing States. */
export async function reviewsInvolving(db: DbOrTx, iso3: string): Promise<{ underReview: string[]; reviewing: { id: string; cycle: number; stateUnderReview: string }[]; states: string[] }> {
  const rows = await db
    .select({ id: reviews.id, cycle: reviews.cycleNumber, state: reviews.stateIso3, r1: reviews.reviewer1Iso3, r2: reviews.reviewer2Iso3 })
    .from(reviews)
    .where(or(eq(reviews.stateIso3, iso3), eq(reviews.reviewer1Iso3, iso3), eq(reviews.reviewer2Iso3, iso3)));
  return {
    underReview: rows.filter((r) => r.state === iso3).map((r) => r.id),
    reviewing: rows.filter((r) => r.state !== iso3).map((r) => ({ id: r.id, cycle: r.cycle, stateUnderReview: r.state })),
    /** Every State named in these reviews. */
    states: [...new Set(rows.flatMap((r) => [r.state, r.r1, r.r2]))],
  };
}

/** Names and regional group of the given States. */
export async function partyNames(db: DbOrTx, iso3s: readonly string[]) {
  if (iso3s.length === 0) return [];
  return db.select({ iso3: parties.iso3, nameUn: parties.nameUn, names: parties.names, regionalGroup: parties.regionalGroup }).from(parties).where(inArray(parties.iso3, [...iso3s]));
}
