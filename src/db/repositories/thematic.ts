/**
 * @module thematic repository
 * What the thematic report counts (docs/ANALYTICS.md): the reviews of a cycle whose report is
 * finalised, their recommendations and good practices per article, and the challenge texts —
 * the working texts (latest section version) or those of the latest published report.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { queryRows } from '../query-rows.ts';

export interface CompletedReviewRow {
  reviewId: string;
  iso3: string;
  nameUn: string;
  names: Record<string, string>;
  group: string | null;
  published: boolean;
}

export async function completedReviews(db: DbOrTx, cycle: number): Promise<CompletedReviewRow[]> {
  return queryRows<CompletedReviewRow>(
    db,
    sql`select r.id as "reviewId", r.state_iso3 as iso3, p.name_un as "nameUn", p.names, p.regional_group as "group",
          exists (select 1 from publications pb where pb.review_id = r.id and pb.document = 'report') as published
        from reviews r join parties p on p.iso3 = r.state_iso3
        where r.cycle_number = ${cycle}
          and exists (select 1 from review_milestones m where m.review_id = r.id and m.kind = 'reportFinalised')
        order by r.state_iso3`,
  );
}

export async function itemCounts(db: DbOrTx, cycle: number): Promise<{ recommendations: { reviewId: string; article: number; count: number }[]; goodPractices: { reviewId: string; article: number; count: number }[] }> {
  const count = (table: string) =>
    queryRows<{ reviewId: string; article: number; count: number }>(
      db,
      sql`select x.review_id as "reviewId", x.article, count(*)::int as count
          from ${sql.raw(table)} x join reviews r on r.id = x.review_id
          where r.cycle_number = ${cycle}
          group by 1, 2`,
    );
  return { recommendations: await count('report_recommendations'), goodPractices: await count('report_good_practices') };
}

/** Challenges (stored HTML) of the latest section version of each review and article. */
export async function workingChallenges(db: DbOrTx, reviewIds: readonly string[]): Promise<{ reviewId: string; article: number; html: string }[]> {
  if (reviewIds.length === 0) return [];
  return queryRows(
    db,
    sql`select distinct on (v.review_id, v.article) v.review_id as "reviewId", v.article, coalesce(v.content ->> 'challenges', '') as html
        from report_section_versions v
        where v.review_id in (${sql.join(
          reviewIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        order by v.review_id, v.article, v.version desc`,
  );
}

/** Challenges as the latest published report of each review holds them. */
export async function publishedChallenges(db: DbOrTx, reviewIds: readonly string[]): Promise<{ reviewId: string; article: number; html: string }[]> {
  if (reviewIds.length === 0) return [];
  return queryRows(
    db,
    sql`select latest.review_id as "reviewId", (s ->> 'article')::int as article, coalesce(s -> 'content' ->> 'challenges', '') as html
        from (
          select distinct on (pb.review_id) pb.review_id, pb.snapshot from publications pb
          where pb.document = 'report' and pb.review_id in (${sql.join(
            reviewIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
          order by pb.review_id, pb.version desc, pb.published_at desc
        ) latest, jsonb_array_elements(latest.snapshot -> 'sections') s`,
  );
}

/** Chapters and articles of the Convention, with titles. */
export async function conventionOutline(db: DbOrTx): Promise<{ chapters: { chapter: string; title: string; ordinal: number }[]; articles: { article: number; title: string; chapter: string }[] }> {
  const chapters = await queryRows<{ chapter: string; title: string; ordinal: number }>(db, sql`select number as chapter, title, ordinal from chapters where instrument_code = 'UNCAC' order by ordinal`);
  const articles = await queryRows<{ article: number; title: string; chapter: string }>(db, sql`select number as article, title, chapter_number as chapter from articles where instrument_code = 'UNCAC' order by number`);
  return { chapters, articles };
}

export async function cycleInfo(db: DbOrTx, cycle?: number): Promise<{ number: number; chapters: string[] } | null> {
  const rows = await queryRows<{ number: number; chapters: string[] }>(
    db,
    cycle === undefined ? sql`select number, chapters from cycles order by number desc limit 1` : sql`select number, chapters from cycles where number = ${cycle}`,
  );
  return rows[0] ?? null;
}
