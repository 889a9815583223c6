/**
 * @module finance use cases
 * The Mechanism's finances (docs/FINANCES.md): the statement as at a date for every signed-in
 * user — aggregate figures for all, each donor's own figures only for the secretariat and that
 * donor — and the secretariat's records: contributions and the receipts of a pledge,
 * expenditures, requirements, posts, rates and the per-visit cost. Every write is validated in
 * full before anything is stored, runs in one transaction and is audited.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import { checkCurrency, formatMinor, parseAmount, parseRate, REPORTING_CURRENCY, toUsdMinor, type Rate } from '../../domain/finance/money.ts';
import {
  checkReceipt,
  financialStatement,
  requirementDate,
  type Contribution,
  type ContributionKind,
  type Donor,
  type Earmarking,
  type ExpenditureCategory,
  type Statement,
} from '../../domain/finance/statement.ts';
import { authorize, may } from '../../policies/policy.ts';
import { actorLabel, appendAudit } from '../../db/repositories/audit.ts';
import {
  findContributionForUpdate,
  insertContribution,
  insertExpenditure,
  insertPost,
  insertReceipt,
  insertRequirement,
  loadFinanceData,
  loadRates,
  markWithdrawn,
  saveVisitCost,
  updatePost,
  upsertRate,
  type FinanceData,
  type RateRow,
  type WithdrawableRecord,
} from '../../db/repositories/finance.ts';
import { findPartyRow, listPartyRows } from '../../db/repositories/parties.ts';
import { findCycle } from '../../db/repositories/cycles.ts';
import { loadReviews } from '../../db/repositories/reviews.ts';
import type { DbOrTx } from '../../db/client.ts';
import { isoDay, type UseCaseContext } from './context.ts';

const usd = (minor: bigint) => formatMinor(minor, REPORTING_CURRENCY);

/** Rates as the domain reads them: trailing zeros of NUMERIC dropped. */
export function domainRates(rows: readonly RateRow[]): Rate[] {
  return rows.map((r) => ({ currency: r.currency, validFrom: r.validFrom, perUsd: trimRate(r.perUsd) }));
}

export function trimRate(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

function donorOf(row: { donorIso3: string | null; donorName: string | null }): Donor {
  return row.donorIso3 !== null ? { kind: 'party', iso3: row.donorIso3 } : { kind: 'other', name: row.donorName ?? '' };
}

function contributionsOf(data: FinanceData): Contribution[] {
  return data.contributions.map((c) => ({
    id: c.id,
    donor: donorOf(c),
    kind: c.kind as ContributionKind,
    date: c.date,
    currency: c.currency,
    amountMinor: c.amountMinor,
    earmarking: c.earmarking as Earmarking,
    receipts: data.receipts.filter((r) => r.contributionId === c.id).map((r) => ({ date: r.date, amountMinor: r.amountMinor })),
  }));
}

/** Dates of virtual visits: reviews' `dialogueHeld` milestones whose dialogue was a virtual visit. */
async function virtualVisits(db: DbOrTx) {
  const reviews = await loadReviews(db);
  return reviews.flatMap(({ review }) => review.milestones.filter((m) => m.kind === 'dialogueHeld' && m.dialogueType === 'virtual_visit').map((m) => ({ cycle: review.cycle, date: m.date })));
}

function mayReadDonor(ctx: UseCaseContext, donor: Donor): boolean {
  // A donor that is not a State party has no account acting for it: the secretariat only.
  return may(ctx.actor, 'finance.readDonor', donor.kind === 'party' ? { donorIso3: donor.iso3 } : {});
}

export interface StatementView {
  asAt: string;
  currency: string;
  contributions: { pledged: string; received: string; inKind: string; outstanding: string };
  byEarmarking: { earmarking: Earmarking; pledged: string; received: string; inKind: string }[];
  /** Per-donor figures the actor may see (all for the secretariat, its own for a donor, none otherwise). */
  donors: { donor: Donor; name: string; pledged: string; received: string; inKind: string; outstanding: string }[];
  /** True when other donors' figures exist but are not shown to this actor. */
  donorsAggregated: boolean;
  contributionList: {
    id: string;
    donor: Donor;
    name: string;
    kind: ContributionKind;
    date: string;
    currency: string;
    amount: string;
    earmarking: Earmarking;
    activity: string;
    description: string;
    received: string;
    receipts: { date: string; amount: string }[];
  }[];
  spending: { cycle: number; category: ExpenditureCategory; amount: string }[];
  spentByCycle: { cycle: number; amount: string }[];
  spentTotal: string;
  requirements: { cycle: number; year: number; amount: string }[];
  requirementsToDate: string;
  fundingGap: string;
  burnRate: { months: number; from: string; to: string; spent: string; perMonth: string };
  virtualVisits: { count: number; perVisitCost: string | null; savings: string | null };
  posts: { total: number; regularBudget: number; vacant: number };
  may: { manage: boolean };
}

export async function buildStatement(ctx: UseCaseContext, asAt: string, months: number): Promise<{ statement: Statement; view: StatementView }> {
  authorize(ctx.actor, 'finance.read');
  const data = await loadFinanceData(ctx.db);
  const contributions = contributionsOf(data);
  const statement = financialStatement(
    {
      contributions,
      expenditures: data.expenditures.map((e) => ({ cycle: e.cycle, category: e.category as ExpenditureCategory, date: e.date, currency: e.currency, amountMinor: e.amountMinor })),
      requirements: data.requirements.map((r) => ({ cycle: r.cycle, year: r.year, currency: r.currency, amountMinor: r.amountMinor })),
      posts: data.posts,
      rates: domainRates(data.rates),
      virtualVisits: await virtualVisits(ctx.db),
      perVisitCost: data.visitCostMinor,
    },
    asAt,
    months,
  );
  const names = new Map((await listPartyRows(ctx.db)).map((p) => [p.iso3, p.nameUn]));
  const nameOf = (donor: Donor) => (donor.kind === 'party' ? (names.get(donor.iso3) ?? donor.iso3) : donor.name);
  const visibleDonors = statement.byDonor.filter((d) => mayReadDonor(ctx, d.donor));
  const rowsById = new Map(data.contributions.map((c) => [c.id, c]));
  const view: StatementView = {
    asAt,
    currency: REPORTING_CURRENCY,
    contributions: { pledged: usd(statement.contributions.pledged), received: usd(statement.contributions.received), inKind: usd(statement.contributions.inKind), outstanding: usd(statement.contributions.outstanding) },
    byEarmarking: Object.entries(statement.byEarmarking).map(([earmarking, t]) => ({ earmarking: earmarking as Earmarking, pledged: usd(t.pledged), received: usd(t.received), inKind: usd(t.inKind) })),
    donors: visibleDonors.map((d) => ({ donor: d.donor, name: nameOf(d.donor), pledged: usd(d.pledged), received: usd(d.received), inKind: usd(d.inKind), outstanding: usd(d.outstanding) })),
    donorsAggregated: visibleDonors.length < statement.byDonor.length,
    contributionList: contributions
      .filter((c) => c.date <= asAt && mayReadDonor(ctx, c.donor))
      .map((c) => {
        const row = rowsById.get(c.id)!;
        const receipts = c.receipts.filter((r) => r.date <= asAt);
        return {
          id: c.id,
          donor: c.donor,
          name: nameOf(c.donor),
          kind: c.kind,
          date: c.date,
          currency: c.currency,
          amount: formatMinor(c.amountMinor, c.currency),
          earmarking: c.earmarking,
          activity: row.activity,
          description: row.description,
          received: formatMinor(
            receipts.reduce((s, r) => s + r.amountMinor, 0n),
            c.currency,
          ),
          receipts: receipts.map((r) => ({ date: r.date, amount: formatMinor(r.amountMinor, c.currency) })),
        };
      }),
    spending: statement.spending.map((s) => ({ cycle: s.cycle, category: s.category, amount: usd(s.amount) })),
    spentByCycle: statement.spentByCycle.map((s) => ({ cycle: s.cycle, amount: usd(s.amount) })),
    spentTotal: usd(statement.spentTotal),
    requirements: statement.requirements.map((r) => ({ cycle: r.cycle, year: r.year, amount: usd(r.amount) })),
    requirementsToDate: usd(statement.requirementsToDate),
    fundingGap: usd(statement.fundingGap),
    burnRate: { ...statement.burnRate, spent: usd(statement.burnRate.spent), perMonth: usd(statement.burnRate.perMonth) },
    virtualVisits: {
      count: statement.virtualVisits.count,
      perVisitCost: statement.virtualVisits.perVisitCost === null ? null : usd(statement.virtualVisits.perVisitCost),
      savings: statement.virtualVisits.savings === null ? null : usd(statement.virtualVisits.savings),
    },
    posts: statement.posts,
    may: { manage: may(ctx.actor, 'finance.manage') },
  };
  return { statement, view };
}

export async function getStatement(ctx: UseCaseContext, asAt: string | undefined, months = 12): Promise<StatementView> {
  return (await buildStatement(ctx, asAt ?? isoDay(ctx.now), months)).view;
}

/** The secretariat's working lists: every record, the rates and the settings. */
export async function getRecords(ctx: UseCaseContext) {
  authorize(ctx.actor, 'finance.manage');
  const data = await loadFinanceData(ctx.db);
  return {
    contributions: data.contributions.map((c) => ({
      id: c.id,
      donor: donorOf(c),
      kind: c.kind as ContributionKind,
      date: c.date,
      currency: c.currency,
      amount: formatMinor(c.amountMinor, c.currency),
      received: formatMinor(
        data.receipts.filter((r) => r.contributionId === c.id).reduce((s, r) => s + r.amountMinor, 0n),
        c.currency,
      ),
      earmarking: c.earmarking as Earmarking,
    })),
    expenditures: data.expenditures.map((e) => ({ id: e.id, cycle: e.cycle, category: e.category as ExpenditureCategory, date: e.date, currency: e.currency, amount: formatMinor(e.amountMinor, e.currency), description: e.description })),
    requirements: data.requirements.map((r) => ({ id: r.id, cycle: r.cycle, year: r.year, currency: r.currency, amount: formatMinor(r.amountMinor, r.currency), description: r.description })),
    posts: data.posts.map((p) => ({ id: p.id, grade: p.grade, title: p.title, regularBudget: p.regularBudget, vacantFrom: p.vacantFrom, vacantTo: p.vacantTo })),
    rates: domainRates(data.rates),
    visitCost: data.visitCostMinor === null ? null : usd(data.visitCostMinor),
  };
}

function audit(ctx: UseCaseContext, db: DbOrTx, action: string, resourceId: string, details: Record<string, unknown>) {
  return appendAudit(db, { actor: ctx.actor, action, resourceType: 'finance', resourceId, details, ip: ctx.ip, requestId: ctx.requestId });
}

/** Converts once to prove a rate exists for the currency on the date (no rate → a clear 422). */
async function checkConvertible(db: DbOrTx, minor: bigint, currency: string, date: string): Promise<void> {
  if (currency === REPORTING_CURRENCY) return;
  toUsdMinor(minor, currency, date, domainRates(await loadRates(db)));
}

async function checkCycle(db: DbOrTx, cycle: number): Promise<void> {
  if (!(await findCycle(db, cycle))) throw new DomainError('finance.invalid', `There is no cycle ${cycle}.`, { cycle });
}

export interface ContributionInput {
  donor: { iso3?: string | undefined; name?: string | undefined };
  kind: ContributionKind;
  date: string;
  currency: string;
  amount: string;
  earmarking: Earmarking;
  activity?: string | undefined;
  description?: string | undefined;
  /** A cash contribution received in full on its date: records the pledge and its receipt. */
  received?: boolean | undefined;
}

export async function recordContribution(ctx: UseCaseContext, input: ContributionInput): Promise<{ id: string }> {
  authorize(ctx.actor, 'finance.manage');
  checkCurrency(input.currency);
  const amountMinor = parseAmount(input.amount, input.currency);
  const iso3 = input.donor.iso3?.trim().toUpperCase() || undefined;
  const name = input.donor.name?.trim() || undefined;
  if ((iso3 === undefined) === (name === undefined)) throw new DomainError('finance.invalid', 'Name the donor: a State party or another donor by name, not both.');
  if (iso3 !== undefined && !(await findPartyRow(ctx.db, iso3))) throw new DomainError('party.unknown', `${iso3} is not in the list of States.`, { iso3 });
  const activity = input.activity?.trim() ?? '';
  if (input.earmarking === 'activity' && activity === '') throw new DomainError('finance.invalid', 'Name the activity a contribution earmarked for a specific activity is for.');
  const description = input.description?.trim() ?? '';
  if (input.kind === 'in-kind' && description === '') throw new DomainError('finance.invalid', 'Describe the in-kind contribution (what was given).');
  if (input.kind === 'in-kind' && input.received) throw new DomainError('finance.invalid', 'An in-kind contribution has no receipts: its value is recorded with it.');
  await checkConvertible(ctx.db, amountMinor, input.currency, input.date);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await insertContribution(tx, {
      id,
      donorIso3: iso3 ?? null,
      donorName: name ?? null,
      kind: input.kind,
      date: input.date,
      currency: input.currency,
      amountMinor,
      earmarking: input.earmarking,
      activity: input.earmarking === 'activity' ? activity : '',
      description,
      recordedBy: actorLabel(ctx.actor),
    });
    if (input.received) await insertReceipt(tx, { id: randomUUID(), contributionId: id, date: input.date, amountMinor, recordedBy: actorLabel(ctx.actor) });
    await audit(ctx, tx, 'finance.recordContribution', id, { donor: iso3 ?? name, kind: input.kind, date: input.date, currency: input.currency, amount: input.amount, received: input.received ?? false });
  });
  return { id };
}

export async function recordReceipt(ctx: UseCaseContext, contributionId: string, input: { date: string; amount: string }): Promise<{ id: string }> {
  authorize(ctx.actor, 'finance.manage');
  return ctx.db.transaction(async (tx) => {
    const found = await findContributionForUpdate(tx, contributionId);
    if (!found) throw new DomainError('resource.notFound', 'No such contribution.');
    const amountMinor = parseAmount(input.amount, found.row.currency);
    checkReceipt(
      { kind: found.row.kind as ContributionKind, amountMinor: found.row.amountMinor, date: found.row.date, receipts: found.receipts.map((r) => ({ date: r.date, amountMinor: r.amountMinor })) },
      { date: input.date, amountMinor },
    );
    await checkConvertible(tx, amountMinor, found.row.currency, input.date);
    const id = randomUUID();
    await insertReceipt(tx, { id, contributionId, date: input.date, amountMinor, recordedBy: actorLabel(ctx.actor) });
    await audit(ctx, tx, 'finance.recordReceipt', contributionId, { date: input.date, amount: input.amount, currency: found.row.currency });
    return { id };
  });
}

export async function recordExpenditure(ctx: UseCaseContext, input: { cycle: number; category: ExpenditureCategory; date: string; currency: string; amount: string; description?: string | undefined }): Promise<{ id: string }> {
  authorize(ctx.actor, 'finance.manage');
  checkCurrency(input.currency);
  const amountMinor = parseAmount(input.amount, input.currency);
  await checkCycle(ctx.db, input.cycle);
  await checkConvertible(ctx.db, amountMinor, input.currency, input.date);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await insertExpenditure(tx, { id, cycle: input.cycle, category: input.category, date: input.date, currency: input.currency, amountMinor, description: input.description?.trim() ?? '', recordedBy: actorLabel(ctx.actor) });
    await audit(ctx, tx, 'finance.recordExpenditure', id, { cycle: input.cycle, category: input.category, date: input.date, currency: input.currency, amount: input.amount });
  });
  return { id };
}

export async function recordRequirement(ctx: UseCaseContext, input: { cycle: number; year: number; currency: string; amount: string; description?: string | undefined }): Promise<{ id: string }> {
  authorize(ctx.actor, 'finance.manage');
  checkCurrency(input.currency);
  const amountMinor = parseAmount(input.amount, input.currency);
  await checkCycle(ctx.db, input.cycle);
  await checkConvertible(ctx.db, amountMinor, input.currency, requirementDate(input.year));
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await insertRequirement(tx, { id, cycle: input.cycle, year: input.year, currency: input.currency, amountMinor, description: input.description?.trim() ?? '', recordedBy: actorLabel(ctx.actor) });
    await audit(ctx, tx, 'finance.recordRequirement', id, { cycle: input.cycle, year: input.year, currency: input.currency, amount: input.amount });
  });
  return { id };
}

function checkVacancy(from: string | null, to: string | null): void {
  if (from === null && to !== null) throw new DomainError('finance.invalid', 'A vacancy with an end needs its start (vacant from).');
  if (from !== null && to !== null && to < from) throw new DomainError('finance.invalid', 'A vacancy cannot end before it starts.');
}

export async function recordPost(ctx: UseCaseContext, input: { grade: string; title: string; regularBudget: boolean; vacantFrom: string | null; vacantTo: string | null }): Promise<{ id: string }> {
  authorize(ctx.actor, 'finance.manage');
  checkVacancy(input.vacantFrom, input.vacantTo);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await insertPost(tx, { id, grade: input.grade.trim(), title: input.title.trim(), regularBudget: input.regularBudget, vacantFrom: input.vacantFrom, vacantTo: input.vacantTo, recordedBy: actorLabel(ctx.actor) });
    await audit(ctx, tx, 'finance.recordPost', id, { ...input });
  });
  return { id };
}

export async function changePostVacancy(ctx: UseCaseContext, id: string, input: { vacantFrom: string | null; vacantTo: string | null }): Promise<void> {
  authorize(ctx.actor, 'finance.manage');
  checkVacancy(input.vacantFrom, input.vacantTo);
  await ctx.db.transaction(async (tx) => {
    if (!(await updatePost(tx, id, input))) throw new DomainError('resource.notFound', 'No such post.');
    await audit(ctx, tx, 'finance.changePostVacancy', id, { ...input });
  });
}

export async function recordRate(ctx: UseCaseContext, input: { currency: string; validFrom: string; perUsd: string }): Promise<void> {
  authorize(ctx.actor, 'finance.manage');
  checkCurrency(input.currency);
  if (input.currency === REPORTING_CURRENCY) throw new DomainError('finance.invalid', 'USD is the reporting currency: it needs no rate.');
  parseRate(input.perUsd);
  await ctx.db.transaction(async (tx) => {
    await upsertRate(tx, { currency: input.currency, validFrom: input.validFrom, perUsd: input.perUsd.trim(), recordedBy: actorLabel(ctx.actor) });
    await audit(ctx, tx, 'finance.recordRate', `${input.currency}@${input.validFrom}`, { ...input });
  });
}

export async function setVisitCost(ctx: UseCaseContext, amount: string | null): Promise<void> {
  authorize(ctx.actor, 'finance.manage');
  const minor = amount === null ? null : parseAmount(amount, REPORTING_CURRENCY);
  await ctx.db.transaction(async (tx) => {
    await saveVisitCost(tx, minor, actorLabel(ctx.actor));
    await audit(ctx, tx, 'finance.setVisitCost', 'settings', { amount });
  });
}

/**
 * Withdraws a contribution (with its receipts), an expenditure or a requirement entered in
 * error. The row stays, marked with who withdrew it, when and why; statements leave it out.
 * A correction is a withdrawal followed by a new record.
 */
export async function withdrawRecord(ctx: UseCaseContext, kind: WithdrawableRecord, id: string, reason: string): Promise<void> {
  authorize(ctx.actor, 'finance.manage');
  const why = reason.trim();
  if (why.length < 3) throw new DomainError('finance.invalid', 'Say why the record is withdrawn (for the audit trail).');
  await ctx.db.transaction(async (tx) => {
    if (!(await markWithdrawn(tx, kind, id, actorLabel(ctx.actor), why))) throw new DomainError('resource.notFound', `No such ${kind}, or it was already withdrawn.`);
    await audit(ctx, tx, 'finance.withdraw', id, { kind, reason: why });
  });
}
