/**
 * Reference data: the mechanism, the Convention's structure, the States and their accessions.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, foreignKey } from 'drizzle-orm/pg-core';

export const mechanisms = pgTable('mechanisms', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  instrumentCode: text('instrument_code').notNull(),
  /** The mechanism's rules as data (reviewers per review, redraw limit, …). */
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
});

export const chapters = pgTable(
  'chapters',
  {
    instrumentCode: text('instrument_code').notNull(),
    number: text('number').notNull(),
    ordinal: integer('ordinal').notNull(),
    title: text('title').notNull(),
  },
  (t) => [primaryKey({ columns: [t.instrumentCode, t.number] })],
);

export const articles = pgTable(
  'articles',
  {
    instrumentCode: text('instrument_code').notNull(),
    number: integer('number').notNull(),
    chapterNumber: text('chapter_number').notNull(),
    title: text('title').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.instrumentCode, t.number] }),
    foreignKey({ columns: [t.instrumentCode, t.chapterNumber], foreignColumns: [chapters.instrumentCode, chapters.number] }),
  ],
);

export const provisions = pgTable(
  'provisions',
  {
    instrumentCode: text('instrument_code').notNull(),
    id: text('id').notNull(),
    articleNumber: integer('article_number').notNull(),
    ordinal: integer('ordinal').notNull(),
    label: text('label').notNull(),
    part: text('part').notNull(),
    paragraph: integer('paragraph'),
    subparagraph: text('subparagraph'),
    obligation: text('obligation').notNull(),
    items: jsonb('items').$type<string[]>(),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.instrumentCode, t.id] }),
    foreignKey({ columns: [t.instrumentCode, t.articleNumber], foreignColumns: [articles.instrumentCode, articles.number] }),
    check('provisions_part_check', sql`${t.part} in ('article', 'paragraph', 'subparagraph', 'chapeau')`),
    check('provisions_obligation_check', sql`${t.obligation} in ('mandatory', 'consider', 'optional', 'definition')`),
  ],
);

export const parties = pgTable(
  'parties',
  {
    iso3: text('iso3').primaryKey(),
    iso2: text('iso2'),
    nameUn: text('name_un').notNull(),
    nameCommon: text('name_common').notNull(),
    names: jsonb('names').$type<Record<string, string>>().notNull(),
    regionalGroup: text('regional_group'),
    kind: text('kind').notNull().default('state'),
    isUnMember: boolean('is_un_member').notNull(),
  },
  (t) => [
    check('parties_iso3_check', sql`${t.iso3} ~ '^[A-Z]{3}$'`),
    check('parties_kind_check', sql`${t.kind} in ('state', 'reio')`),
    check(
      'parties_group_check',
      sql`${t.regionalGroup} is null or ${t.regionalGroup} in ('african', 'asia-pacific', 'eastern-european', 'latin-american-caribbean', 'western-european-other')`,
    ),
  ],
);

/** One row per party: when it became a party. Absent row = not a party. */
export const accessions = pgTable(
  'accessions',
  {
    partyIso3: text('party_iso3')
      .primaryKey()
      .references(() => parties.iso3),
    effectiveOn: date('effective_on', { mode: 'string' }),
    precision: text('precision').notNull(),
    source: text('source').notNull(),
    recordedBy: text('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    check('accessions_precision_check', sql`${t.precision} in ('day', 'year', 'unknown')`),
    check('accessions_date_check', sql`(${t.precision} = 'unknown') = (${t.effectiveOn} is null)`),
  ],
);

export const cycles = pgTable(
  'cycles',
  {
    number: integer('number').primaryKey(),
    mechanismId: text('mechanism_id')
      .notNull()
      .references(() => mechanisms.id),
    title: text('title').notNull(),
    chapters: jsonb('chapters').$type<string[]>().notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    extendedTo: date('extended_to', { mode: 'string' }),
    years: integer('years').notNull(),
    firstYear: integer('first_year').notNull(),
  },
  (t) => [check('cycles_years_check', sql`${t.years} between 1 and 20`)],
);

export const cohorts = pgTable(
  'cohorts',
  {
    cycleNumber: integer('cycle_number')
      .notNull()
      .references(() => cycles.number),
    year: integer('year').notNull(),
    /** Optimistic concurrency: bumped on every membership change. */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cycleNumber, t.year] })],
);

export const cohortMembers = pgTable(
  'cohort_members',
  {
    cycleNumber: integer('cycle_number').notNull(),
    year: integer('year').notNull(),
    partyIso3: text('party_iso3')
      .notNull()
      .references(() => parties.iso3),
  },
  (t) => [
    primaryKey({ columns: [t.cycleNumber, t.partyIso3] }),
    foreignKey({ columns: [t.cycleNumber, t.year], foreignColumns: [cohorts.cycleNumber, cohorts.year] }),
    uniqueIndex('cohort_members_year_party').on(t.cycleNumber, t.year, t.partyIso3),
  ],
);
