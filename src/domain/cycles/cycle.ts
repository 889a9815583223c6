/**
 * @module cycle
 * Review cycles and their cohorts. A cycle lasts five years; in each of the first four a
 * quarter of the States parties are reviewed, and States that join after the drawing of
 * lots are reviewed in the fifth (res. 3/1 para. 3; the Mechanism's country-pairing page).
 */
import { DomainError } from '../errors.ts';
import { isPartyOn, type Accession } from '../parties/party.ts';

export interface Cycle {
  number: number;
  mechanismId: string;
  title: string;
  /** Roman numerals of the chapters under review, e.g. ['III', 'IV']. */
  chapters: string[];
  startsOn: string;
  /** Planned end. */
  endsOn: string;
  /** End after an extension decided by the Conference, if any. */
  extendedTo: string | null;
  /** Number of cohort years (five for UNCAC). */
  years: number;
  /** Calendar year of cohort year 1. */
  firstYear: number;
}

export interface Cohort {
  cycleNumber: number;
  /** 1-based year of the cycle. */
  year: number;
  states: string[];
}

export function calendarYearOf(cycle: Cycle, year: number): number {
  return cycle.firstYear + year - 1;
}

/**
 * Checks a new membership list for one cohort against the rest of the cycle.
 * Every State must be a party by the end of its cohort's calendar year, and a State is
 * reviewed once per cycle, so it may sit in only one cohort.
 */
export function validateCohort(input: {
  cycle: Cycle;
  year: number;
  states: readonly string[];
  otherCohorts: readonly Cohort[];
  accessions: readonly Accession[];
  knownStates: ReadonlySet<string>;
}): string[] {
  const { cycle, year, states } = input;
  if (!Number.isInteger(year) || year < 1 || year > cycle.years) {
    throw new DomainError('cohort.invalid', `Cycle ${cycle.number} has years 1 to ${cycle.years}; there is no year ${year}.`);
  }
  const normalised = states.map((s) => s.trim().toUpperCase());
  const seen = new Set<string>();
  const problems: string[] = [];
  const accessionOf = new Map(input.accessions.map((a) => [a.partyIso3, a]));
  const yearEnd = `${calendarYearOf(cycle, year)}-12-31`;
  const elsewhere = new Map<string, number>();
  for (const other of input.otherCohorts) {
    if (other.cycleNumber !== cycle.number || other.year === year) continue;
    for (const s of other.states) elsewhere.set(s, other.year);
  }
  for (const iso3 of normalised) {
    if (seen.has(iso3)) problems.push(`${iso3} is listed twice.`);
    seen.add(iso3);
    if (!input.knownStates.has(iso3)) {
      problems.push(`${iso3} is not a known State.`);
      continue;
    }
    if (!isPartyOn(accessionOf.get(iso3), yearEnd)) problems.push(`${iso3} is not a party by ${yearEnd}.`);
    const otherYear = elsewhere.get(iso3);
    if (otherYear !== undefined) problems.push(`${iso3} is already in the cohort of year ${otherYear} of cycle ${cycle.number}.`);
  }
  if (problems.length > 0) {
    throw new DomainError('cohort.invalid', problems.join(' '), { problems });
  }
  return [...seen].sort();
}

/** The cycle in progress on a date, if any (extensions count). */
export function cycleOn(cycles: readonly Cycle[], date: string): Cycle | undefined {
  return cycles.find((c) => c.startsOn <= date && date <= (c.extendedTo ?? c.endsOn));
}
