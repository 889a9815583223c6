/**
 * Technical-assistance offers and projects matched to funding (docs/TA-PROJECTS.md): the
 * projects, the needs each serves, the recommendations a need serves, the allocations of
 * finance contributions behind a project and the expenditures attributed to it. Money is
 * integer minor units (bigint) in the contribution's currency; never floating point.
 *
 * A need is named by its key (`report/<review>/<article>/<sequence>` or `recorded/<uuid>`)
 * rather than a foreign key: report needs are rewritten while a report is drafted and live
 * in a different table from needs recorded later. The State is copied so that a project's
 * one-State rule and the State view need no join back to either table.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { financeContributions, financeExpenditures } from './finance.ts';
import { parties } from './reference.ts';

export const taProjects = pgTable(
  'ta_projects',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull(),
    providerKind: text('provider_kind').notNull(),
    providerName: text('provider_name').notNull(),
    stateIso3: text('state_iso3')
      .notNull()
      .references(() => parties.iso3),
    status: text('status').notNull(),
    description: text('description').notNull().default(''),
    /** What was achieved, written when the project is delivered (or along the way). */
    results: text('results').notNull().default(''),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('ta_projects_status_check', sql`${t.status} in ('offered', 'agreed', 'under-way', 'delivered')`),
    check('ta_projects_provider_check', sql`${t.providerKind} in ('unodc', 'un-entity', 'bilateral-donor', 'regional-body', 'initiative', 'other')`),
    index('ta_projects_state_idx').on(t.stateIso3),
  ],
);

export const taProjectNeeds = pgTable(
  'ta_project_needs',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => taProjects.id),
    needKey: text('need_key').notNull(),
    stateIso3: text('state_iso3').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.needKey] }), index('ta_project_needs_need_idx').on(t.needKey)],
);

/** A need serves a recommendation to the same State, named by its stable reference cycle/ISO3/article/sequence. */
export const taNeedRecommendations = pgTable(
  'ta_need_recommendations',
  {
    needKey: text('need_key').notNull(),
    reference: text('reference').notNull(),
    stateIso3: text('state_iso3').notNull(),
    linkedBy: text('linked_by').notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.needKey, t.reference] })],
);

export const taAllocations = pgTable(
  'ta_allocations',
  {
    id: uuid('id').primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => taProjects.id),
    contributionId: uuid('contribution_id')
      .notNull()
      .references(() => financeContributions.id),
    /** Minor units of the contribution's currency. */
    amountMinor: bigint('amount_minor', { mode: 'bigint' }).notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [check('ta_allocations_amount_check', sql`${t.amountMinor} > 0`), index('ta_allocations_contribution_idx').on(t.contributionId), index('ta_allocations_project_idx').on(t.projectId)],
);

/** The primary key on the expenditure is what keeps an expenditure to one project. */
export const taExpenditures = pgTable(
  'ta_expenditures',
  {
    expenditureId: uuid('expenditure_id')
      .primaryKey()
      .references(() => financeExpenditures.id),
    projectId: uuid('project_id')
      .notNull()
      .references(() => taProjects.id),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('ta_expenditures_project_idx').on(t.projectId)],
);
