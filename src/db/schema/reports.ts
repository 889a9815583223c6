/**
 * The country review report, its executive summary in six languages, the State's consent
 * and the immutable publications (docs/REPORTS.md). Versions are append-only: the latest
 * version of a section is its current text.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SectionContent } from '../../domain/reports/report.ts';
import { reviews } from './reviews.ts';

/** One row per review once anything of its report happened: the report's own state. */
export const reports = pgTable('reports', {
  reviewId: uuid('review_id')
    .primaryKey()
    .references(() => reviews.id),
  sharedAt: timestamp('shared_at', { withTimezone: true, mode: 'date' }),
  sharedBy: text('shared_by'),
  /** The State's agreement: who, when, and the version of every section agreed to. */
  agreement: jsonb('agreement').$type<{ at: string; by: string; versions: Record<string, number> }>(),
  finalisedAt: timestamp('finalised_at', { withTimezone: true, mode: 'date' }),
  finalisedBy: text('finalised_by'),
});

export const reportSectionVersions = pgTable(
  'report_section_versions',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    article: integer('article').notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<SectionContent>().notNull(),
    author: text('author').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.article, t.version] })],
);

/** The recommendations of each section's latest version, as rows the analytics count. */
export const reportRecommendations = pgTable(
  'report_recommendations',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    article: integer('article').notNull(),
    sequence: integer('sequence').notNull(),
    /** cycle/ISO3/article/sequence: stable for links from outside. */
    reference: text('reference').notNull(),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.article, t.sequence] }), index('report_recommendations_article_idx').on(t.article)],
);

export const reportGoodPractices = pgTable(
  'report_good_practices',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    article: integer('article').notNull(),
    sequence: integer('sequence').notNull(),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.article, t.sequence] })],
);

export const reportNeeds = pgTable(
  'report_needs',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    article: integer('article').notNull(),
    sequence: integer('sequence').notNull(),
    type: text('type').notNull(),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.article, t.sequence] }), index('report_needs_type_idx').on(t.type)],
);

export const reportComments = pgTable(
  'report_comments',
  {
    id: uuid('id').primaryKey(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    article: integer('article').notNull(),
    /** secretariat, reviewing or under-review: which side of the review spoke. */
    side: text('side').notNull(),
    author: text('author').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('report_comments_section_idx').on(t.reviewId, t.article), check('report_comments_side_check', sql`${t.side} in ('secretariat', 'reviewing', 'under-review')`)],
);

export const executiveSummaries = pgTable('executive_summaries', {
  reviewId: uuid('review_id')
    .primaryKey()
    .references(() => reviews.id),
  symbol: text('symbol').notNull().default(''),
  text: text('text').notNull().default(''),
  version: integer('version').notNull().default(1),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  finalisedAt: timestamp('finalised_at', { withTimezone: true, mode: 'date' }),
  finalisedBy: text('finalised_by'),
});

/** Each non-original language version of a summary, with every version kept. */
export const summaryLanguageVersions = pgTable(
  'summary_language_versions',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    language: text('language').notNull(),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    text: text('text').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.reviewId, t.language, t.version] }),
    check('summary_language_versions_status_check', sql`${t.status} in ('pending', 'in_translation', 'final')`),
    check('summary_language_versions_language_check', sql`${t.language} in ('ar', 'zh', 'en', 'fr', 'ru', 'es')`),
  ],
);

/** What the State consented to publish; every record kept, the latest counts. */
export const publicationConsents = pgTable('publication_consents', {
  id: uuid('id').primaryKey(),
  reviewId: uuid('review_id')
    .notNull()
    .references(() => reviews.id),
  documents: jsonb('documents').$type<string[]>().notNull(),
  languages: jsonb('languages').$type<string[]>().notNull(),
  note: text('note').notNull().default(''),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * A published document: a snapshot, never changed (a trigger refuses UPDATE and DELETE).
 * A correction is a new row of the same document and language with a higher version.
 */
export const publications = pgTable(
  'publications',
  {
    id: uuid('id').primaryKey(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    document: text('document').notNull(),
    language: text('language').notNull(),
    version: integer('version').notNull(),
    note: text('note').notNull().default(''),
    /** The document as published: the summary's HTML, or the report's sections as JSON. */
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    publishedBy: text('published_by').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('publications_review_idx').on(t.reviewId),
    check('publications_document_check', sql`${t.document} in ('report', 'summary', 'checklist')`),
    check('publications_language_check', sql`${t.language} in ('ar', 'zh', 'en', 'fr', 'ru', 'es')`),
  ],
);
