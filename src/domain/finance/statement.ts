/**
 * @module finance statement
 * The Mechanism's finances as at a date, from plain data (no I/O, no clock): voluntary
 * contributions (pledges, receipts, in kind), expenditures, requirements, regular-budget posts,
 * the funding gap, the burn rate and the savings of virtual visits. Every figure is in USD
 * cents (bigint); each transaction is converted on its own date (money.ts) and then summed.
 */
import { DomainError } from '../errors.ts';
import { divideHalfEven, toUsdMinor, type Rate } from './money.ts';

export const EARMARKINGS = ['cycle-1', 'cycle-2', 'unearmarked', 'activity'] as const;
export type Earmarking = (typeof EARMARKINGS)[number];

export const CONTRIBUTION_KINDS = ['cash', 'in-kind'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

export const EXPENDITURE_CATEGORIES = ['travel-experts', 'travel-secretariat', 'translation', 'meetings', 'staff', 'training', 'other'] as const;
export type ExpenditureCategory = (typeof EXPENDITURE_CATEGORIES)[number];

/** A State party (by ISO3) or another donor (by name). */
export type Donor = { kind: 'party'; iso3: string } | { kind: 'other'; name: string };

export function donorKey(donor: Donor): string {
  return donor.kind === 'party' ? `party:${donor.iso3}` : `other:${donor.name.trim().toLowerCase()}`;
}

export interface Receipt {
  date: string;
  /** Minor units of the contribution's currency. */
  amountMinor: bigint;
}

export interface Contribution {
  id: string;
  donor: Donor;
  kind: ContributionKind;
  /** The pledge's date (cash) or the date the in-kind contribution was given. */
  date: string;
  currency: string;
  /** Cash: the amount pledged; in kind: its value. Minor units of `currency`. */
  amountMinor: bigint;
  earmarking: Earmarking;
  receipts: readonly Receipt[];
}

export interface Expenditure {
  cycle: number;
  category: ExpenditureCategory;
  date: string;
  currency: string;
  amountMinor: bigint;
}

export interface Requirement {
  cycle: number;
  year: number;
  currency: string;
  amountMinor: bigint;
}

export interface Post {
  grade: string;
  title: string;
  regularBudget: boolean;
  vacantFrom: string | null;
  vacantTo: string | null;
}

export interface VirtualVisit {
  cycle: number;
  date: string;
}

/** The date a requirement is converted on: the first day of its year. */
export function requirementDate(year: number): string {
  return `${String(year).padStart(4, '0')}-01-01`;
}

/** Checks that the amounts a receipt adds stay within its pledge. */
export function checkReceipt(contribution: Pick<Contribution, 'kind' | 'amountMinor' | 'receipts' | 'date'>, receipt: Receipt): void {
  if (contribution.kind !== 'cash') throw new DomainError('finance.invalid', 'An in-kind contribution has no receipts: its value is recorded with it.');
  if (receipt.date < contribution.date) throw new DomainError('finance.invalid', `A receipt cannot precede its pledge (${contribution.date}).`);
  const already = contribution.receipts.reduce((sum, r) => sum + r.amountMinor, 0n);
  if (already + receipt.amountMinor > contribution.amountMinor) {
    throw new DomainError('finance.invalid', 'The receipts would exceed the amount pledged; record a new pledge for the difference.', { pledged: contribution.amountMinor.toString(), received: (already + receipt.amountMinor).toString() });
  }
}

/** Whether a post is vacant on a date (vacantTo inclusive; open-ended when null). */
export function isVacant(post: Post, date: string): boolean {
  return post.vacantFrom !== null && post.vacantFrom <= date && (post.vacantTo === null || post.vacantTo >= date);
}

/** The first day of the month `months` before the month after `date`: the start of a window of whole months ending with date's month. */
export function windowStart(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - (months - 1);
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
}

export interface DonorTotals {
  donor: Donor;
  pledged: bigint;
  received: bigint;
  inKind: bigint;
  outstanding: bigint;
}

export interface Statement {
  asAt: string;
  contributions: { pledged: bigint; received: bigint; inKind: bigint; outstanding: bigint };
  byEarmarking: Record<Earmarking, { pledged: bigint; received: bigint; inKind: bigint }>;
  byDonor: DonorTotals[];
  /** Spent per cycle and category (dated on or before asAt). */
  spending: { cycle: number; category: ExpenditureCategory; amount: bigint }[];
  spentByCycle: { cycle: number; amount: bigint }[];
  spentTotal: bigint;
  requirements: { cycle: number; year: number; amount: bigint }[];
  requirementsToDate: bigint;
  /** Requirements to date minus contributions received (cash); negative = a surplus. */
  fundingGap: bigint;
  burnRate: { months: number; from: string; to: string; spent: bigint; perMonth: bigint };
  virtualVisits: { count: number; perVisitCost: bigint | null; savings: bigint | null };
  posts: { total: number; regularBudget: number; vacant: number };
}

export interface StatementInput {
  contributions: readonly Contribution[];
  expenditures: readonly Expenditure[];
  requirements: readonly Requirement[];
  posts: readonly Post[];
  rates: readonly Rate[];
  virtualVisits: readonly VirtualVisit[];
  /** Estimated cost of one in-person visit in USD cents; null when not set. */
  perVisitCost: bigint | null;
}

/**
 * The statement as at a date: everything dated on or before it counts; requirements of the
 * years up to the date's year count in full (they are annual estimates). The burn rate is the
 * spending of the `months` whole calendar months ending with the as-at month (up to the as-at
 * date) divided by `months`, rounded half to even to the cent.
 */
export function financialStatement(input: StatementInput, asAt: string, months = 12): Statement {
  if (!Number.isInteger(months) || months < 1 || months > 120) throw new DomainError('finance.invalid', 'The burn-rate window is 1 to 120 months.');
  const usd = (minor: bigint, currency: string, date: string) => toUsdMinor(minor, currency, date, input.rates);
  const contributions = { pledged: 0n, received: 0n, inKind: 0n, outstanding: 0n };
  const byEarmarking = Object.fromEntries(EARMARKINGS.map((e) => [e, { pledged: 0n, received: 0n, inKind: 0n }])) as Statement['byEarmarking'];
  const donors = new Map<string, DonorTotals>();
  for (const c of input.contributions) {
    if (c.date > asAt) continue;
    const key = donorKey(c.donor);
    const totals = donors.get(key) ?? { donor: c.donor, pledged: 0n, received: 0n, inKind: 0n, outstanding: 0n };
    donors.set(key, totals);
    if (c.kind === 'in-kind') {
      const value = usd(c.amountMinor, c.currency, c.date);
      contributions.inKind += value;
      byEarmarking[c.earmarking].inKind += value;
      totals.inKind += value;
      continue;
    }
    const pledged = usd(c.amountMinor, c.currency, c.date);
    contributions.pledged += pledged;
    byEarmarking[c.earmarking].pledged += pledged;
    totals.pledged += pledged;
    // Outstanding in the pledge's currency, converted at the pledge's rate.
    let receivedOriginal = 0n;
    for (const r of c.receipts) {
      if (r.date > asAt) continue;
      receivedOriginal += r.amountMinor;
      const received = usd(r.amountMinor, c.currency, r.date);
      contributions.received += received;
      byEarmarking[c.earmarking].received += received;
      totals.received += received;
    }
    const outstanding = usd(c.amountMinor - receivedOriginal, c.currency, c.date);
    contributions.outstanding += outstanding;
    totals.outstanding += outstanding;
  }

  const spendingMap = new Map<string, { cycle: number; category: ExpenditureCategory; amount: bigint }>();
  const burnFrom = windowStart(asAt, months);
  let windowSpent = 0n;
  for (const e of input.expenditures) {
    if (e.date > asAt) continue;
    const amount = usd(e.amountMinor, e.currency, e.date);
    const key = `${e.cycle}:${e.category}`;
    const row = spendingMap.get(key) ?? { cycle: e.cycle, category: e.category, amount: 0n };
    row.amount += amount;
    spendingMap.set(key, row);
    if (e.date >= burnFrom) windowSpent += amount;
  }
  const spending = [...spendingMap.values()].sort((a, b) => a.cycle - b.cycle || EXPENDITURE_CATEGORIES.indexOf(a.category) - EXPENDITURE_CATEGORIES.indexOf(b.category));
  const cycles = new Map<number, bigint>();
  for (const s of spending) cycles.set(s.cycle, (cycles.get(s.cycle) ?? 0n) + s.amount);
  const spentByCycle = [...cycles.entries()].sort(([a], [b]) => a - b).map(([cycle, amount]) => ({ cycle, amount }));
  const spentTotal = spentByCycle.reduce((sum, s) => sum + s.amount, 0n);

  const asAtYear = Number(asAt.slice(0, 4));
  const reqMap = new Map<string, { cycle: number; year: number; amount: bigint }>();
  for (const r of input.requirements) {
    if (r.year > asAtYear) continue;
    const key = `${r.cycle}:${r.year}`;
    const row = reqMap.get(key) ?? { cycle: r.cycle, year: r.year, amount: 0n };
    row.amount += usd(r.amountMinor, r.currency, requirementDate(r.year));
    reqMap.set(key, row);
  }
  const requirements = [...reqMap.values()].sort((a, b) => a.cycle - b.cycle || a.year - b.year);
  const requirementsToDate = requirements.reduce((sum, r) => sum + r.amount, 0n);

  const visits = input.virtualVisits.filter((v) => v.date <= asAt).length;
  const byDonor = [...donors.values()].sort((a, b) => donorOrder(a.donor).localeCompare(donorOrder(b.donor), 'en'));
  return {
    asAt,
    contributions,
    byEarmarking,
    byDonor,
    spending,
    spentByCycle,
    spentTotal,
    requirements,
    requirementsToDate,
    fundingGap: requirementsToDate - contributions.received,
    burnRate: { months, from: burnFrom, to: asAt, spent: windowSpent, perMonth: divideHalfEven(windowSpent, BigInt(months)) },
    virtualVisits: { count: visits, perVisitCost: input.perVisitCost, savings: input.perVisitCost === null ? null : input.perVisitCost * BigInt(visits) },
    posts: {
      total: input.posts.length,
      regularBudget: input.posts.filter((p) => p.regularBudget).length,
      vacant: input.posts.filter((p) => isVacant(p, asAt)).length,
    },
  };
}

/** States parties first (by ISO3), then other donors by name. */
function donorOrder(donor: Donor): string {
  return donor.kind === 'party' ? `0 ${donor.iso3}` : `1 ${donor.name}`;
}

