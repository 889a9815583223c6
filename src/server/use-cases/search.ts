/**
 * @module search use cases
 * The recommendation search (docs/ANALYTICS.md): anyone searches what is published; the
 * secretariat also the working texts of every review. An article or chapter the Convention
 * does not have is refused (a typo should not look like "no results").
 */
import { DomainError } from '../../domain/errors.ts';
import { hasAnyFilter, isUnLanguage, MAX_EXPORT_ROWS, parseSearchQuery, segmentsOf, type Facet, type RawSearchQuery, type SearchHit, type SearchKind, type SearchRequest } from '../../domain/analytics/search.ts';
import type { AssistanceType } from '../../domain/reviews/checklist.ts';
import type { RegionalGroup } from '../../domain/parties/regional-groups.ts';
import { may } from '../../policies/policy.ts';
import { knownArticlesAndChapters, searchItems, similarStates, type FacetCount, type SearchScope } from '../../db/repositories/search.ts';
import type { UseCaseContext } from './context.ts';

export interface SearchView {
  query: SearchRequest;
  scope: SearchScope;
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  facets: Record<Facet, FacetCount[]>;
  results: (SearchHit & { reviewId: string })[];
  /** States whose name looks like a word of the query (trigram similarity), to filter by. */
  stateSuggestions: { iso3: string; name: string }[];
  /** Why the list is what it is, when that is not obvious (for instance: no words, no filter). */
  notice: 'browse' | null;
}

export function scopeOf(ctx: UseCaseContext): SearchScope {
  return may(ctx.actor, 'search.readUnpublished') ? 'all' : 'published';
}

async function checkedRequest(ctx: UseCaseContext, raw: RawSearchQuery): Promise<SearchRequest> {
  const request = parseSearchQuery(raw);
  if (request.articles.length || request.chapters.length) {
    const known = await knownArticlesAndChapters(ctx.db);
    const unknownArticle = request.articles.find((a) => !known.articles.has(a));
    if (unknownArticle !== undefined) throw new DomainError('request.invalid', `The Convention has no article ${unknownArticle}.`);
    const unknownChapter = request.chapters.find((c) => !known.chapters.has(c));
    if (unknownChapter !== undefined) throw new DomainError('request.invalid', `The Convention has no chapter ${unknownChapter}.`);
  }
  return request;
}

function hitsOf(rows: Awaited<ReturnType<typeof searchItems>>['rows']): (SearchHit & { reviewId: string })[] {
  return rows.map((r) => ({
    kind: r.kind,
    needType: r.needType as AssistanceType | null,
    reference: r.reference,
    reviewId: r.reviewId,
    cycle: r.cycle,
    stateIso3: r.stateIso3,
    stateName: r.stateName,
    group: r.group as RegionalGroup | null,
    chapter: r.chapter,
    article: r.article,
    text: segmentsOf(r.marked),
  }));
}

/** One page of results with facets. An empty query with no filter lists everything in scope, newest cycle first. */
export async function search(ctx: UseCaseContext, raw: RawSearchQuery, language?: string): Promise<SearchView> {
  const request = await checkedRequest(ctx, raw);
  const lang = isUnLanguage(language) ? language : 'en';
  const scope = scopeOf(ctx);
  // Two statements at once: on a PostgreSQL pool they run side by side.
  const [result, suggestions] = await Promise.all([
    searchItems(ctx.db, request, { scope, language: lang, offset: (request.page - 1) * request.pageSize, limit: request.pageSize }),
    request.q ? similarStates(ctx.db, request.q, lang) : Promise.resolve([]),
  ]);
  return {
    query: request,
    scope,
    total: result.total,
    page: request.page,
    pageSize: request.pageSize,
    pages: Math.max(1, Math.ceil(result.total / request.pageSize)),
    facets: result.facets,
    results: hitsOf(result.rows),
    stateSuggestions: suggestions.filter((s) => !request.states.includes(s.iso3)).map(({ iso3, name }) => ({ iso3, name })),
    notice: hasAnyFilter(request) ? null : 'browse',
  };
}

/** Every matching item (up to MAX_EXPORT_ROWS), for CSV and XLSX. */
export async function searchForExport(ctx: UseCaseContext, raw: RawSearchQuery, language?: string): Promise<{ hits: SearchHit[]; total: number; truncated: boolean; request: SearchRequest }> {
  const request = await checkedRequest(ctx, raw);
  const lang = isUnLanguage(language) ? language : 'en';
  const result = await searchItems(ctx.db, request, { scope: scopeOf(ctx), language: lang, offset: 0, limit: MAX_EXPORT_ROWS });
  return { hits: hitsOf(result.rows), total: result.total, truncated: result.total > MAX_EXPORT_ROWS, request };
}

export const KIND_LABELS: Record<SearchKind, string> = { recommendation: 'Recommendation', 'good-practice': 'Good practice', need: 'Technical assistance need' };
