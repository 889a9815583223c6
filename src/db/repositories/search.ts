/**
 * @module search repository
 * The recommendation search in one SQL statement (docs/ANALYTICS.md): the items that match the
 * words (full-text, `english` configuration, GIN expression indexes of migration 0017) and
 * the scope are gathered once; from them come the facet counts — each facet counted under
 * every other facet's selection, so that ticking a box never hides its neighbours — the
 * total, and one page of results with the hits marked by ts_headline.
 *
 * Scope `published`: the items of each review's latest published report, as its publication
 * snapshot holds them (table published_search_items, kept by a trigger) — the rule of
 * published-material.ts: the public reads only what a publication snapshot holds.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { queryRows } from '../query-rows.ts';
import { withSerialPlan } from '../serial-plan.ts';
import { HIT_START, HIT_STOP, type Facet, type SearchFilters, type SearchKind } from '../../domain/analytics/search.ts';

export type SearchScope = 'published' | 'all';

export interface SearchRow {
  kind: SearchKind;
  needType: string | null;
  reviewId: string;
  reference: string;
  cycle: number;
  stateIso3: string;
  stateName: string;
  group: string | null;
  chapter: string;
  article: number;
  sequence: number;
  marked: string;
}

export interface FacetCount {
  value: string;
  count: number;
  label: string | null;
}

export interface SearchResult {
  total: number;
  facets: Record<Facet, FacetCount[]>;
  rows: SearchRow[];
}

const CONFIG = sql.raw(`'english'::regconfig`);

function list<T extends string | number>(values: readonly T[]): SQL {
  return sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
}

const FACET_LIST = ['cycle', 'chapter', 'article', 'group', 'state', 'kind', 'needType'] as const;

/** The filter of one facet, on the gathered rows `m`. */
function facetFilter(f: SearchFilters, facet: Facet): SQL | null {
  switch (facet) {
    case 'cycle':
      return f.cycles.length ? sql`m.cycle in (${list(f.cycles)})` : null;
    case 'chapter':
      return f.chapters.length ? sql`m.chapter in (${list(f.chapters)})` : null;
    case 'article':
      return f.articles.length ? sql`m.article in (${list(f.articles)})` : null;
    case 'group':
      return f.groups.length ? sql`m.grp in (${list(f.groups)})` : null;
    case 'state':
      return f.states.length ? sql`m.state_iso3 in (${list(f.states)})` : null;
    case 'kind':
      return f.kinds.length ? sql`m.kind in (${list(f.kinds)})` : null;
    case 'needType':
      return f.needTypes.length ? sql`m.need_type in (${list(f.needTypes)})` : null;
  }
}

function where(f: SearchFilters, except?: Facet): SQL {
  const parts = FACET_LIST.filter((x) => x !== except).map((x) => facetFilter(f, x)).filter((x): x is SQL => x !== null);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/** The items of one table, restricted to the words when there are any. */
function branch(table: string, kind: SearchKind, needType: string, reference: string, q: string): SQL {
  const t = sql.raw(table);
  const match = q === '' ? sql`` : sql` where to_tsvector(${CONFIG}, x.text) @@ websearch_to_tsquery(${CONFIG}, ${q})`;
  return sql`select ${kind}::text as kind, ${sql.raw(needType)} as need_type, x.review_id, x.article, x.sequence, ${sql.raw(reference)} as reference, x.text from ${t} x${match}`;
}

/** The public's items: those of each review's latest published report (migration 0023). */
function publishedItems(q: string): SQL {
  const match = q === '' ? sql`` : sql` where to_tsvector(${CONFIG}, x.text) @@ websearch_to_tsquery(${CONFIG}, ${q})`;
  return sql`select x.kind, x.need_type, x.review_id, x.article, x.sequence, x.reference, x.text from published_search_items x${match}`;
}

function facetQuery(f: SearchFilters, facet: Facet, column: string, label: string): SQL {
  const c = sql.raw(column);
  return sql`(select coalesce(json_agg(json_build_object('value', x.v, 'count', x.n, 'label', x.l) order by x.n desc, x.v), '[]'::json)
    from (select ${c}::text as v, ${sql.raw(label)} as l, count(*)::int as n from m where ${where(f, facet)} and ${c} is not null group by 1, 2) x)`;
}

function atMostOneFailure(f: SearchFilters): SQL {
  const filters = FACET_LIST.map((x) => facetFilter(f, x)).filter((x): x is SQL => x !== null);
  if (filters.length < 2) return sql`true`;
  return sql`(${sql.join(
    filters.map((x) => sql`(case when ${x} then 0 else 1 end)`),
    sql` + `,
  )}) <= 1`;
}

interface SearchOptions {
  scope: SearchScope;
  language: string;
  offset: number;
  limit: number;
}

/** The one statement of a search (exported for EXPLAIN in the bench). */
export function searchStatement(f: SearchFilters, options: SearchOptions): SQL {
  const q = f.q;
  const items =
    options.scope === 'published'
      ? publishedItems(q)
      : sql.join(
          [
            branch('report_recommendations', 'recommendation', 'null::text', 'x.reference', q),
            branch('report_good_practices', 'good-practice', 'null::text', 'null::text', q),
            branch('report_needs', 'need', 'x.type', 'null::text', q),
          ],
          sql` union all `,
        );
  // Ranked only once filtered (in `page`): ts_rank re-parses each text, the costliest step per row.
  const rank = q === '' ? sql`0::real` : sql`ts_rank(to_tsvector(${CONFIG}, m.text), websearch_to_tsquery(${CONFIG}, ${q}))`;
  // Hits marked with two private-use characters removed from the text first: they cannot be forged.
  const clean = sql`replace(replace(p.text, ${HIT_START}, ''), ${HIT_STOP}, '')`;
  const marked = q === '' ? clean : sql`ts_headline(${CONFIG}, ${clean}, websearch_to_tsquery(${CONFIG}, ${q}), ${`StartSel=${HIT_START}, StopSel=${HIT_STOP}, HighlightAll=true`})`;
  return sql`
    with base as (
      select i.kind, i.need_type, i.review_id, i.article, i.sequence, i.reference, i.text,
        rv.cycle_number as cycle, rv.state_iso3, coalesce(pa.names ->> ${options.language}, pa.name_un) as state_name,
        pa.regional_group as grp, a.chapter_number as chapter, a.title as article_title
      from (${items}) i
      join reviews rv on rv.id = i.review_id
      join parties pa on pa.iso3 = rv.state_iso3
      join articles a on a.instrument_code = 'UNCAC' and a.number = i.article
    ),
    -- A row failing two facets' filters counts in no facet: left out before anything is counted.
    m as materialized (select * from base m where ${atMostOneFailure(f)}),
    page as (
      select m.*, ${rank} as rank from m where ${where(f)}
      order by rank desc, m.cycle desc, m.state_iso3, m.article, case m.kind when 'recommendation' then 1 when 'good-practice' then 2 else 3 end, m.sequence
      offset ${options.offset} limit ${options.limit}
    )
    select
      (select count(*)::int from m where ${where(f)}) as total,
      ${facetQuery(f, 'cycle', 'm.cycle', 'null::text')} as cycle,
      ${facetQuery(f, 'chapter', 'm.chapter', 'null::text')} as chapter,
      ${facetQuery(f, 'article', 'm.article', 'm.article_title')} as article,
      ${facetQuery(f, 'group', 'm.grp', 'null::text')} as grp,
      ${facetQuery(f, 'state', 'm.state_iso3', 'm.state_name')} as state,
      ${facetQuery(f, 'kind', 'm.kind', 'null::text')} as kind,
      ${facetQuery(f, 'needType', 'm.need_type', 'null::text')} as need_type,
      (select coalesce(json_agg(json_build_object(
          'kind', p.kind, 'needType', p.need_type, 'reviewId', p.review_id,
          'reference', coalesce(p.reference, p.cycle || '/' || p.state_iso3 || '/' || p.article || '/' || case p.kind when 'good-practice' then 'GP' else 'TA' end || p.sequence),
          'cycle', p.cycle, 'stateIso3', p.state_iso3, 'stateName', p.state_name, 'group', p.grp, 'chapter', p.chapter,
          'article', p.article, 'sequence', p.sequence, 'marked', ${marked}
        ) order by p.rank desc, p.cycle desc, p.state_iso3, p.article, case p.kind when 'recommendation' then 1 when 'good-practice' then 2 else 3 end, p.sequence), '[]'::json)
        from page p) as rows`;
}

/**
 * One page of matching items with the facets and the total. `language` picks the State names
 * (parties.names, the UN name when missing); `limit` null returns every matching row (exports).
 */
export async function searchItems(db: DbOrTx, f: SearchFilters, options: SearchOptions): Promise<SearchResult> {
  const [row] = await withSerialPlan(db, (tx) => queryRows<Record<string, unknown>>(tx, searchStatement(f, options)));
  const parse = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
  return {
    total: Number(row!.total),
    facets: {
      cycle: parse(row!.cycle),
      chapter: parse(row!.chapter),
      article: parse(row!.article),
      group: parse(row!.grp),
      state: parse(row!.state),
      kind: parse(row!.kind),
      needType: parse(row!.need_type),
    },
    rows: parse(row!.rows),
  };
}

/**
 * States whose name (UN name, or the name in `language`) holds a word like one of the query's
 * words: pg_trgm's word similarity of each word of four letters or more to the names (a scan
 * of the ~190 parties; the threshold 0.45 lets "Kenia" find Kenya).
 */
export async function similarStates(db: DbOrTx, q: string, language: string, limit = 5): Promise<{ iso3: string; name: string; similarity: number }[]> {
  const words = [...new Set(q.toLowerCase().match(/\p{L}{4,}/gu) ?? [])].slice(0, 5);
  if (words.length === 0) return [];
  const localName = sql`coalesce(p.names ->> ${language}, p.name_un)`;
  // The local name is compared only where it differs from the UN name (most English names do
  // not): word_similarity is the cost of this scan.
  const best = sql.join(
    words.map((w) => sql`word_similarity(${w}, p.name_un), case when ${localName} <> p.name_un then word_similarity(${w}, ${localName}) else 0 end`),
    sql`, `,
  );
  return queryRows(
    db,
    sql`select p.iso3, ${localName} as name, greatest(${best})::float8 as similarity
        from parties p
        where p.kind = 'state' and greatest(${best}) >= 0.45
        order by similarity desc, p.iso3
        limit ${limit}`,
  );
}

/** Which of these article numbers and chapter numbers the Convention has. */
export async function knownArticlesAndChapters(db: DbOrTx): Promise<{ articles: Set<number>; chapters: Set<string> }> {
  const rows = await queryRows<{ number: number; chapter: string }>(db, sql`select number, chapter_number as chapter from articles where instrument_code = 'UNCAC'`);
  return { articles: new Set(rows.map((r) => r.number)), chapters: new Set(rows.map((r) => r.chapter)) };
}
