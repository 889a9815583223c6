/**
 * @module published-search schema
 * The items of each review's latest published report — recommendations, good practices and
 * technical-assistance needs — as the public may search them (docs/ANALYTICS.md). Derived
 * data: a trigger on `publications` (migration 0023) rewrites a review's rows whenever a
 * report of it is published, so a restore of the publications rebuilds this table too.
 * It spares the public search a containment test against each item's publication snapshot,
 * which cost ~3× the secretariat's search at 100× scale.
 */
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { reviews } from './reviews.ts';

export const publishedSearchItems = pgTable(
  'published_search_items',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id),
    /** recommendation | good-practice | need, as the search names them. */
    kind: text('kind').notNull(),
    needType: text('need_type'),
    article: integer('article').notNull(),
    /** Position in the article's list in the published report, from 1. */
    sequence: integer('sequence').notNull(),
    /** The recommendation's published reference (cycle/State/article/sequence). */
    reference: text('reference'),
    text: text('text').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.reviewId, t.kind, t.article, t.sequence] }),
    index('published_search_items_fts_idx').using('gin', sql`to_tsvector('english'::regconfig, ${t.text})`),
  ],
);
