/**
 * @module assistance repository
 * Technical-assistance needs for the statistics: those in finalised country review reports
 * (report_needs) and those recorded from elsewhere (assistance_needs), counted by the
 * database so the breakdown receives a few hundred cells and one row per State however many
 * needs there are; and the secretariat's corrections of the classifier. Plain queries.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { AssistanceType } from '../../domain/reviews/checklist.ts';
import type { NeedCounts } from '../../domain/analytics/needs-breakdown.ts';
import type { DbOrTx } from '../client.ts';
import { queryRows } from '../query-rows.ts';
import { assistanceCorrections, assistanceNeeds } from '../schema/assistance.ts';
import { needStateRows, needTotalRows } from '../schema/need-cells.ts';
import { articles } from '../schema/reference.ts';

export type RecordedNeedRow = typeof assistanceNeeds.$inferSelect;

/**
 * Needs of one cycle counted per article and type, and per State the articles and types it
 * has needs under: need_totals and need_states (migration 0027), kept by triggers from the
 * finalised reports' needs (a draft's needs still change) and the needs recorded from elsewhere.
 * At 100× scale that is a few hundred cells and one row per State, where summing need_cells
 * and listing the States of each cell took most of the breakdown's time (bench:needs).
 */
export async function needCounts(db: DbOrTx, cycle: number): Promise<NeedCounts> {
  const [cells, states] = await Promise.all([
    db.select({ article: needTotalRows.article, type: needTotalRows.type, count: needTotalRows.n, needs: needTotalRows.needs }).from(needTotalRows).where(eq(needTotalRows.cycleNumber, cycle)),
    // The arrays as plain strings: the driver's parsing of 2,000 pairs of arrays took longer
    // than the query (bench:needs).
    db
      .select({ state: needStateRows.stateIso3, articles: sql<string>`array_to_string(${needStateRows.articles}, ',')`, types: sql<string>`array_to_string(${needStateRows.types}, ',')` })
      .from(needStateRows)
      .where(eq(needStateRows.cycleNumber, cycle)),
  ]);
  return {
    cells: cells.map((cell) => ({ ...cell, type: cell.type as AssistanceType })),
    states: states.map((row) => ({ state: row.state, articles: row.articles.split(',').map(Number), types: row.types.split(',') as AssistanceType[] })),
  };
}

/** Each article's chapter, in article order. */
export async function listArticleChapters(db: DbOrTx, instrumentCode: string): Promise<{ number: number; chapterNumber: string }[]> {
  return db.select({ number: articles.number, chapterNumber: articles.chapterNumber }).from(articles).where(eq(articles.instrumentCode, instrumentCode)).orderBy(asc(articles.number));
}

export interface NeedListFilter {
  cycle: number;
  state?: string;
  article?: number;
  articles?: number[];
  type?: AssistanceType;
}

export interface ListedNeed {
  id: string;
  source: 'report' | 'recorded';
  state: string;
  article: number;
  types: AssistanceType[];
  text: string;
  status: string;
}

/** The needs behind a figure, in State and article order; `limit` keeps a huge list bounded. */
export async function listNeeds(db: DbOrTx, filter: NeedListFilter, limit: number): Promise<{ needs: ListedNeed[]; total: number }> {
  const articles = filter.articles ?? (filter.article === undefined ? undefined : [filter.article]);
  const rows = await queryRows<{ id: string; source: 'report' | 'recorded'; state: string; article: number; types: AssistanceType[] | string; text: string; status: string; total: number | string }>(
    db,
    sql`select *, count(*) over () as total from (
          select r.id::text || '/' || n.article || '/' || n.sequence as id, 'report' as source, r.state_iso3 as state, n.article,
                 jsonb_build_array(n.type) as types, n.text, 'report' as status
            from report_needs n join reviews r on r.id = n.review_id join reports p on p.review_id = n.review_id
           where r.cycle_number = ${filter.cycle} and p.finalised_at is not null
          union all
          select id::text, 'recorded', state_iso3, article, types, description, status from assistance_needs where cycle_number = ${filter.cycle}
        ) t
        where (${filter.state ?? null}::text is null or state = ${filter.state ?? null}::text)
          and (${articles ? `{${articles.join(',')}}` : null}::int[] is null or article = any(${articles ? `{${articles.join(',')}}` : null}::int[]))
          and (${filter.type ?? null}::text is null or types ? ${filter.type ?? null}::text)
        order by state, article, id
        limit ${limit}`,
  );
  const needs = rows.map((r) => ({ id: r.id, source: r.source, state: r.state, article: Number(r.article), types: typeof r.types === 'string' ? (JSON.parse(r.types) as AssistanceType[]) : r.types, text: r.text, status: r.status }));
  return { needs, total: Number(rows[0]?.total ?? 0) };
}

/** Recorded needs awaiting the secretariat's review: those the classifier typed. */
export async function listQueue(db: DbOrTx, limit: number): Promise<RecordedNeedRow[]> {
  return db.select().from(assistanceNeeds).where(eq(assistanceNeeds.status, 'classified')).orderBy(asc(assistanceNeeds.recordedAt), asc(assistanceNeeds.stateIso3), asc(assistanceNeeds.article), asc(assistanceNeeds.id)).limit(limit);
}

export async function countQueue(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number | string>`count(*)` }).from(assistanceNeeds).where(eq(assistanceNeeds.status, 'classified'));
  return Number(row?.n ?? 0);
}

export async function findRecordedNeed(db: DbOrTx, id: string): Promise<RecordedNeedRow | undefined> {
  const [row] = await db.select().from(assistanceNeeds).where(eq(assistanceNeeds.id, id));
  return row;
}

/** Descriptions already recorded per State, article and cycle, to recognise a file imported twice. */
export async function recordedNeedKeys(db: DbOrTx, cycles: number[]): Promise<Set<string>> {
  if (cycles.length === 0) return new Set();
  const rows = await db
    .select({ cycle: assistanceNeeds.cycleNumber, state: assistanceNeeds.stateIso3, article: assistanceNeeds.article, description: assistanceNeeds.description })
    .from(assistanceNeeds)
    .where(sql`${assistanceNeeds.cycleNumber} = any(${`{${cycles.join(',')}}`}::int[])`);
  return new Set(rows.map((r) => recordedNeedKey(r.cycle, r.state, r.article, r.description)));
}

export function recordedNeedKey(cycle: number, state: string, article: number, description: string): string {
  return `${cycle}|${state}|${article}|${description.trim().toLowerCase().replace(/\s+/g, ' ')}`;
}

export async function insertRecordedNeeds(db: DbOrTx, rows: (typeof assistanceNeeds.$inferInsert)[]): Promise<void> {
  // In slices: one statement per 500 rows keeps PostgreSQL under its parameter limit.
  for (let i = 0; i < rows.length; i += 500) await db.insert(assistanceNeeds).values(rows.slice(i, i + 500));
}

export async function reviewRecordedNeed(db: DbOrTx, id: string, version: number, change: { types: string[]; reviewedBy: string; reviewedAt: Date }): Promise<RecordedNeedRow | undefined> {
  const [row] = await db
    .update(assistanceNeeds)
    .set({ types: change.types, status: 'confirmed', reviewedBy: change.reviewedBy, reviewedAt: change.reviewedAt, version: sql`${assistanceNeeds.version} + 1` })
    .where(and(eq(assistanceNeeds.id, id), eq(assistanceNeeds.version, version)))
    .returning();
  return row;
}

export async function insertCorrection(db: DbOrTx, row: typeof assistanceCorrections.$inferInsert): Promise<void> {
  await db.insert(assistanceCorrections).values(row);
}

/** Changes whenever a correction is added: the cue to retrain. */
export async function correctionFingerprint(db: DbOrTx): Promise<string> {
  const [row] = await queryRows<{ n: number | string; last: string | null }>(db, sql`select count(*) as n, max(corrected_at)::text as last from assistance_corrections`);
  return `${row?.n ?? 0}:${row?.last ?? ''}`;
}

export async function listCorrectionExamples(db: DbOrTx): Promise<{ text: string; types: AssistanceType[] }[]> {
  const rows = await db.select({ text: assistanceCorrections.text, types: assistanceCorrections.types }).from(assistanceCorrections).orderBy(asc(assistanceCorrections.correctedAt), asc(assistanceCorrections.id));
  return rows.map((r) => ({ text: r.text, types: r.types as AssistanceType[] }));
}

export async function countCorrections(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number | string>`count(*)` }).from(assistanceCorrections);
  return Number(row?.n ?? 0);
}
