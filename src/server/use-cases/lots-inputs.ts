/**
 * @module lots-inputs
 * Gathers the inputs of a draw from the database: the pool of States parties with their
 * groups, the cohort, the exclusions, the draws already made in the cycle and the
 * mechanism's rules. The result is frozen into the draw when its commitment is published.
 */
import { calendarYearOf, type Cycle } from '../../domain/cycles/cycle.ts';
import { DomainError } from '../../domain/errors.ts';
import { DEFAULT_REDRAW_LIMIT } from '../../domain/lots/redraw-limit.ts';
import type { CohortDrawInput } from '../../domain/lots/cohort-draw.ts';
import { DEFAULT_RULES, LOTS_ALGORITHM, type LotsRules, type PriorAssignment, type ReviewerAssignment, type ReviewerDrawInput } from '../../domain/lots/types.ts';
import { isPartyOn } from '../../domain/parties/party.ts';
import type { DbOrTx } from '../../db/client.ts';
import { findCycle, listCohorts } from '../../db/repositories/cycles.ts';
import { listAssignments, listExclusions, type AssignmentRow } from '../../db/repositories/lots.ts';
import { findMechanism } from '../../db/repositories/mechanisms.ts';
import { listAccessions, listPartyRows } from '../../db/repositories/parties.ts';

export interface MechanismLotsSettings {
  rules: LotsRules;
  redrawLimit: number;
  years: number;
  reviewYears: number;
}

export async function lotsSettings(db: DbOrTx, cycle: Cycle): Promise<MechanismLotsSettings> {
  const mechanism = await findMechanism(db, cycle.mechanismId);
  const settings = (mechanism?.settings ?? {}) as { lots?: Partial<LotsRules>; maxRedrawRequests?: number; reviewYears?: number };
  return {
    rules: { ...DEFAULT_RULES, ...(settings.lots ?? {}), reviewersPerReview: 2, sameGroupReviewers: 1 },
    redrawLimit: settings.maxRedrawRequests ?? DEFAULT_REDRAW_LIMIT,
    years: cycle.years,
    reviewYears: settings.reviewYears ?? Math.max(1, cycle.years - 1),
  };
}

export async function requireCycle(db: DbOrTx, cycleNumber: number): Promise<Cycle> {
  const cycle = await findCycle(db, cycleNumber);
  if (!cycle) throw new DomainError('cycle.unknown', `There is no cycle ${cycleNumber}.`);
  return cycle;
}

/** Published assignments as pairs per State under review, [same-group, second]. */
export function assignmentsByState(rows: readonly AssignmentRow[]): Map<string, { year: number; reviewers: [string, string] }> {
  const byState = new Map<string, { year: number; reviewers: [string, string] }>();
  for (const row of rows) {
    const entry = byState.get(row.underReviewIso3) ?? { year: row.year, reviewers: ['', ''] as [string, string] };
    entry.reviewers[row.slot as 0 | 1] = row.reviewerIso3;
    byState.set(row.underReviewIso3, entry);
  }
  return byState;
}

/** Parties on a date, with their groups: the pool a draw takes reviewers from. */
async function poolOn(db: DbOrTx, date: string) {
  const rows = await listPartyRows(db);
  const accessions = new Map((await listAccessions(db)).map((a) => [a.partyIso3, a]));
  return rows.filter((r) => isPartyOn(accessions.get(r.iso3), date)).map((r) => ({ iso3: r.iso3, regionalGroup: r.regionalGroup }));
}

export interface ReviewerDrawContext {
  input: ReviewerDrawInput;
  /** The published assignments of this cohort (non-empty once its draw is published). */
  current: ReviewerAssignment[];
  settings: MechanismLotsSettings;
}

/** Inputs of the draw of reviewers for one cohort year, as at `today`. */
export async function buildReviewerDrawInput(db: DbOrTx, cycleNumber: number, year: number, today: string): Promise<ReviewerDrawContext> {
  const cycle = await requireCycle(db, cycleNumber);
  if (!Number.isInteger(year) || year < 1 || year > cycle.years) {
    throw new DomainError('cohort.invalid', `Cycle ${cycle.number} has years 1 to ${cycle.years}; there is no year ${year}.`);
  }
  const settings = await lotsSettings(db, cycle);
  const cohort = (await listCohorts(db, cycle.number)).find((c) => c.year === year);
  if (!cohort || cohort.states.length === 0) {
    throw new DomainError('cohort.invalid', `The cohort of year ${year} of cycle ${cycle.number} has no States yet; set it first.`);
  }
  const inCohort = new Set(cohort.states);
  const published = assignmentsByState(await listAssignments(db, cycle.number));
  const prior: PriorAssignment[] = [];
  const current: ReviewerAssignment[] = [];
  for (const [underReview, entry] of [...published].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (inCohort.has(underReview)) current.push({ underReview, reviewers: entry.reviewers });
    else prior.push({ underReview, reviewers: entry.reviewers, year: calendarYearOf(cycle, entry.year) });
  }
  const exclusions = await listExclusions(db, cycle.number, year);
  return {
    settings,
    current,
    input: {
      algorithm: LOTS_ALGORITHM,
      mechanism: cycle.mechanismId,
      cycle: cycle.number,
      year: calendarYearOf(cycle, year),
      rules: settings.rules,
      parties: await poolOn(db, today),
      underReview: cohort.states,
      excluded: exclusions.map((e) => ({ iso3: e.partyIso3, reason: e.reason })),
      prior,
    },
  };
}

/**
 * Inputs of the draw of cohorts: every party today, with the date it became one. The
 * European Union belongs to no regional group, so no reviewer could be drawn for it under
 * the same-group rule; the reference does not say how it is reviewed, so it is left out of
 * the cohorts (the secretariat can still add it to a cohort by hand).
 */
export async function buildCohortDrawInput(db: DbOrTx, cycleNumber: number, today: string): Promise<{ cycle: Cycle; input: CohortDrawInput }> {
  const cycle = await requireCycle(db, cycleNumber);
  const settings = await lotsSettings(db, cycle);
  const rows = await listPartyRows(db);
  const accessions = new Map((await listAccessions(db)).map((a) => [a.partyIso3, a]));
  const parties = rows
    .filter((r) => r.regionalGroup !== null && isPartyOn(accessions.get(r.iso3), today))
    .map((r) => ({ iso3: r.iso3, regionalGroup: r.regionalGroup, becameParty: accessions.get(r.iso3)?.effectiveOn ?? null }));
  return { cycle, input: { parties, drawDate: today, years: settings.years, reviewYears: settings.reviewYears } };
}
