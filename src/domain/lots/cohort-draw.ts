/**
 * @module cohort-draw
 * The draw of which States are reviewed in which year of a cycle (res. 3/1 para. 3; ToR
 * para. 14): a quarter of the States parties in each of the first four years, the number
 * from each regional group proportional to the group's size, and States that became parties
 * after the drawing of lots in the fifth year (the Mechanism's country-pairing page). Pure
 * and seeded like the reviewer draw (docs/LOTS.md, "Cohorts").
 */
import { Prng } from './prng.ts';
import { invalidInput } from './errors.ts';
import { isCalendarDate } from '../dates.ts';

export interface CohortParty {
  iso3: string;
  regionalGroup: string | null;
  /** Date the State became a party (YYYY-MM-DD); null when it was a party before records began. */
  becameParty: string | null;
}

export interface Volunteer {
  iso3: string;
  /** The review year (1-based) the State asks to be reviewed in. */
  year: number;
}

export interface CohortDrawInput {
  parties: CohortParty[];
  /** Date of the drawing of lots; parties after it go to the last year. */
  drawDate: string;
  /** Years in the cycle (5 for UNCAC). */
  years: number;
  /** Years over which the parties at the draw date are spread (4 for UNCAC). */
  reviewYears: number;
  volunteers?: Volunteer[];
}

export interface CohortYear {
  year: number;
  states: string[];
}

const ISO3 = /^[A-Z]{3}$/;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Validates and sorts; throws `lots.invalidInput` listing every problem. */
export function canonicaliseCohortInput(input: CohortDrawInput): Required<CohortDrawInput> {
  const problems: string[] = [];
  if (!Number.isInteger(input.years) || input.years < 1) problems.push('years must be a positive integer.');
  if (!Number.isInteger(input.reviewYears) || input.reviewYears < 1 || input.reviewYears > input.years) problems.push('reviewYears must be an integer from 1 to years.');
  if (typeof input.drawDate !== 'string' || !isCalendarDate(input.drawDate)) problems.push('drawDate must be a calendar date (YYYY-MM-DD).');
  const seen = new Map<string, CohortParty>();
  for (const p of input.parties ?? []) {
    if (!p || typeof p.iso3 !== 'string' || !ISO3.test(p.iso3)) {
      problems.push(`parties: '${String(p?.iso3)}' is not a three-letter upper-case ISO code.`);
      continue;
    }
    if (seen.has(p.iso3)) problems.push(`parties: ${p.iso3} is listed twice.`);
    if (p.becameParty !== null && (typeof p.becameParty !== 'string' || !isCalendarDate(p.becameParty))) problems.push(`parties: ${p.iso3} has an invalid date (YYYY-MM-DD or null).`);
    if (p.regionalGroup !== null && (typeof p.regionalGroup !== 'string' || p.regionalGroup === '')) problems.push(`parties: ${p.iso3} has an invalid regional group.`);
    seen.set(p.iso3, { iso3: p.iso3, regionalGroup: p.regionalGroup, becameParty: p.becameParty });
  }
  const volunteers = new Map<string, number>();
  for (const v of input.volunteers ?? []) {
    const party = seen.get(v?.iso3);
    if (!party) {
      problems.push(`volunteers: ${String(v?.iso3)} is not in the parties list.`);
      continue;
    }
    if (volunteers.has(v.iso3)) problems.push(`volunteers: ${v.iso3} is listed twice.`);
    if (!Number.isInteger(v.year) || v.year < 1 || v.year > input.reviewYears) problems.push(`volunteers: ${v.iso3} asks for year ${v.year}; volunteers may choose a review year from 1 to ${input.reviewYears}.`);
    if (party.becameParty !== null && party.becameParty > input.drawDate) problems.push(`volunteers: ${v.iso3} became a party after the draw date and is reviewed in year ${input.years}.`);
    volunteers.set(v.iso3, v.year);
  }
  if (problems.length > 0) throw invalidInput(problems.join(' '), { problems });
  return {
    parties: [...seen.values()].sort((a, b) => byText(a.iso3, b.iso3)),
    drawDate: input.drawDate,
    years: input.years,
    reviewYears: input.reviewYears,
    volunteers: [...volunteers].map(([iso3, year]) => ({ iso3, year })).sort((a, b) => byText(a.iso3, b.iso3)),
  };
}

/**
 * Quotas per group and year. Each group's members are spread as evenly as possible
 * (⌊n/R⌋ per year, plus one in n mod R of the years); which years get the extra members is
 * chosen group by group, in random group order, among the years with the fewest States so
 * far (ties broken at random), so that every year stays within one State of a quarter of
 * all. Returns quota[group][year − 1].
 */
function yearQuotas(sizes: Map<string, number>, reviewYears: number, prng: Prng): Map<string, number[]> {
  const quotas = new Map<string, number[]>();
  const totals = new Array<number>(reviewYears).fill(0);
  for (const [key, size] of sizes) {
    const base = Math.floor(size / reviewYears);
    quotas.set(key, new Array<number>(reviewYears).fill(base));
    for (let y = 0; y < reviewYears; y++) totals[y]! += base;
  }
  for (const key of prng.shuffle([...sizes.keys()])) {
    const extra = sizes.get(key)! % reviewYears;
    if (extra === 0) continue;
    const years = prng.shuffle(Array.from({ length: reviewYears }, (_, y) => y));
    years.sort((a, b) => totals[a]! - totals[b]!); // stable: ties keep the random order
    for (const y of years.slice(0, extra)) {
      quotas.get(key)![y]! += 1;
      totals[y]! += 1;
    }
  }
  return quotas;
}

/**
 * Draws the cohorts: for each year of the cycle, the States reviewed in it (sorted).
 * Volunteers are placed in the year they asked for first, within their group's quota for
 * that year; if more volunteers of a group ask for a year than its quota, the lot decides
 * which of them get it and the others are drawn like everyone else.
 * @example drawCohorts({ parties, drawDate: '2010-06-01', years: 5, reviewYears: 4 }, seed)
 */
export function drawCohorts(input: CohortDrawInput, seed: Uint8Array): CohortYear[] {
  const c = canonicaliseCohortInput(input);
  const prng = new Prng(seed);
  const late = c.parties.filter((p) => p.becameParty !== null && p.becameParty > c.drawDate);
  const groups = new Map<string, string[]>();
  // Key '' stands for "no group" (the European Union); it sorts first.
  for (const p of c.parties) {
    if (p.becameParty !== null && p.becameParty > c.drawDate) continue;
    const key = p.regionalGroup ?? '';
    groups.set(key, [...(groups.get(key) ?? []), p.iso3]);
  }
  const sortedGroups = new Map([...groups].sort(([a], [b]) => byText(a, b)));
  const quotas = yearQuotas(new Map([...sortedGroups].map(([k, members]) => [k, members.length])), c.reviewYears, prng);
  const volunteerYear = new Map(c.volunteers.map((v) => [v.iso3, v.year]));
  const byYear: string[][] = Array.from({ length: c.years }, () => []);

  for (const [key, members] of sortedGroups) {
    const left = [...quotas.get(key)!];
    const placed = new Set<string>();
    for (let y = 1; y <= c.reviewYears; y++) {
      const asking = prng.shuffle(members.filter((m) => volunteerYear.get(m) === y));
      for (const m of asking.slice(0, left[y - 1])) {
        byYear[y - 1]!.push(m);
        placed.add(m);
        left[y - 1]! -= 1;
      }
    }
    const rest = prng.shuffle(members.filter((m) => !placed.has(m)));
    let i = 0;
    for (let y = 1; y <= c.reviewYears; y++) {
      for (let k = 0; k < left[y - 1]!; k++) byYear[y - 1]!.push(rest[i++]!);
    }
  }
  // States that became parties after the drawing of lots are reviewed in the last year.
  byYear[c.years - 1]!.push(...late.map((p) => p.iso3));
  return byYear.map((states, y) => ({ year: y + 1, states: states.sort(byText) }));
}
