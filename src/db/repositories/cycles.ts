/**
 * @module cycles repository
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Cohort, Cycle } from '../../domain/cycles/cycle.ts';
import type { DbOrTx } from '../client.ts';
import { cohortMembers, cohorts, cycles } from '../schema/reference.ts';

export async function listCycles(db: DbOrTx): Promise<Cycle[]> {
  return db.select().from(cycles).orderBy(asc(cycles.number));
}

export async function findCycle(db: DbOrTx, number: number): Promise<Cycle | undefined> {
  const rows = await db.select().from(cycles).where(eq(cycles.number, number)).limit(1);
  return rows[0];
}

export type CohortRecord = Cohort & { version: number };

export async function listCohorts(db: DbOrTx, cycleNumber?: number): Promise<CohortRecord[]> {
  const where = cycleNumber === undefined ? undefined : eq(cohorts.cycleNumber, cycleNumber);
  // Sequential on purpose: inside a transaction both queries share one connection.
  const cohortRows = await db.select().from(cohorts).where(where).orderBy(asc(cohorts.cycleNumber), asc(cohorts.year));
  const memberRows = await db
    .select()
    .from(cohortMembers)
    .where(cycleNumber === undefined ? undefined : eq(cohortMembers.cycleNumber, cycleNumber))
    .orderBy(asc(cohortMembers.partyIso3));
  return cohortRows.map((c) => ({
    cycleNumber: c.cycleNumber,
    year: c.year,
    version: c.version,
    states: memberRows.filter((m) => m.cycleNumber === c.cycleNumber && m.year === c.year).map((m) => m.partyIso3),
  }));
}

/**
 * Replaces a cohort's members if its version is still `expectedVersion` (0 = the cohort
 * does not exist yet). Returns the new version, or undefined when someone changed it first.
 */
export async function replaceCohortMembers(
  db: DbOrTx,
  cohort: { cycleNumber: number; year: number; states: string[]; expectedVersion: number },
): Promise<number | undefined> {
  const key = and(eq(cohorts.cycleNumber, cohort.cycleNumber), eq(cohorts.year, cohort.year));
  let version: number;
  if (cohort.expectedVersion === 0) {
    const created = await db
      .insert(cohorts)
      .values({ cycleNumber: cohort.cycleNumber, year: cohort.year, version: 1 })
      .onConflictDoNothing()
      .returning({ version: cohorts.version });
    if (created.length === 0) return undefined;
    version = 1;
  } else {
    const updated = await db
      .update(cohorts)
      .set({ version: cohort.expectedVersion + 1, updatedAt: new Date() })
      .where(and(key, eq(cohorts.version, cohort.expectedVersion)))
      .returning({ version: cohorts.version });
    if (updated.length === 0) return undefined;
    version = updated[0]!.version;
  }
  await db.delete(cohortMembers).where(and(eq(cohortMembers.cycleNumber, cohort.cycleNumber), eq(cohortMembers.year, cohort.year)));
  if (cohort.states.length > 0) {
    await db.insert(cohortMembers).values(cohort.states.map((iso3) => ({ cycleNumber: cohort.cycleNumber, year: cohort.year, partyIso3: iso3 })));
  }
  return version;
}
