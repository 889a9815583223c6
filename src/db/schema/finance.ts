/**
 * The Mechanism's finances (docs/FINANCES.md): voluntary contributions and the receipts of a
 * pledge, expenditures, resource requirements, regular-budget posts, the dated exchange-rate
 * table and the finance settings. Money is integer minor units (bigint) with its ISO 4217
 * currency; rates are NUMERIC. Never floating point.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { parties } from './reference.ts';

const money = (name: string) => bigint(name, { mode: 'bigint' });

/**
 * A record entered in error is withdrawn, never deleted: it drops out of every statement but
 * stays in the table (and the audit trail) with who withdrew it, when and why.
 */
const withdrawal = () => ({
  withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
  withdrawnBy: text('withdrawn_by'),
  withdrawalReason: text('withdrawal_reason'),
});

/** A voluntary contribution: a cash pledge (received through its receipts) or an in-kind contribution with its value. */
export const financeContributions = pgTable(
  'finance_contributions',
  {
    id: uuid('id').primaryKey(),
    /** A State party as donor… */
    donorIso3: text('donor_iso3').references(() => parties.iso3),
    /** …or another donor by name. */
    donorName: text('donor_name'),
    kind: text('kind').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    currency: text('currency').notNull(),
    amountMinor: money('amount_minor').notNull(),
    earmarking: text('earmarking').notNull(),
    /** The activity of an 'activity' earmarking. */
    activity: text('activity').notNull().default(''),
    /** What an in-kind contribution is (experts seconded, a venue, translation…). */
    description: text('description').notNull().default(''),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    ...withdrawal(),
  },
  (t) => [
    check('finance_contributions_donor_check', sql`(${t.donorIso3} is null) <> (${t.donorName} is null)`),
    check('finance_contributions_kind_check', sql`${t.kind} in ('cash', 'in-kind')`),
    check('finance_contributions_amount_check', sql`${t.amountMinor} > 0`),
    check('finance_contributions_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    index('finance_contributions_donor_idx').on(t.donorIso3),
  ],
);

export const financeReceipts = pgTable(
  'finance_receipts',
  {
    id: uuid('id').primaryKey(),
    contributionId: uuid('contribution_id')
      .notNull()
      .references(() => financeContributions.id),
    date: date('date', { mode: 'string' }).notNull(),
    /** Minor units of the contribution's currency. */
    amountMinor: money('amount_minor').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [check('finance_receipts_amount_check', sql`${t.amountMinor} > 0`), index('finance_receipts_contribution_idx').on(t.contributionId)],
);

export const financeExpenditures = pgTable(
  'finance_expenditures',
  {
    id: uuid('id').primaryKey(),
    cycle: integer('cycle').notNull(),
    category: text('category').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    currency: text('currency').notNull(),
    amountMinor: money('amount_minor').notNull(),
    description: text('description').notNull().default(''),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    ...withdrawal(),
  },
  (t) => [check('finance_expenditures_amount_check', sql`${t.amountMinor} > 0`), check('finance_expenditures_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`)],
);

/** An estimate of what one year of a cycle needs. */
export const financeRequirements = pgTable(
  'finance_requirements',
  {
    id: uuid('id').primaryKey(),
    cycle: integer('cycle').notNull(),
    year: integer('year').notNull(),
    currency: text('currency').notNull(),
    amountMinor: money('amount_minor').notNull(),
    description: text('description').notNull().default(''),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    ...withdrawal(),
  },
  (t) => [check('finance_requirements_amount_check', sql`${t.amountMinor} > 0`)],
);

export const financePosts = pgTable('finance_posts', {
  id: uuid('id').primaryKey(),
  grade: text('grade').notNull(),
  title: text('title').notNull(),
  regularBudget: boolean('regular_budget').notNull(),
  vacantFrom: date('vacant_from', { mode: 'string' }),
  vacantTo: date('vacant_to', { mode: 'string' }),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** Units of a currency for one US dollar, valid from a date until the next rate of that currency. */
export const financeRates = pgTable(
  'finance_rates',
  {
    currency: text('currency').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    perUsd: numeric('per_usd', { precision: 22, scale: 10 }).notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.currency, t.validFrom] }), check('finance_rates_positive_check', sql`${t.perUsd} > 0`)],
);

/** One row: the estimated cost of one in-person country visit (USD cents), for the savings of virtual visits. */
export const financeSettings = pgTable('finance_settings', {
  id: integer('id').primaryKey(),
  visitCostMinor: money('visit_cost_minor'),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
