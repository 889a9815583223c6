/**
 * Recommendation search (docs/ANALYTICS.md): full-text search over recommendations, good
 * practices and assistance needs with facets, and its exports. Thin: each handler validates
 * and calls a use case; the scope (published only, or everything) comes from the policy.
 */
import { z } from 'zod';
import { FACETS, SEARCH_KINDS, searchCsv } from '../../domain/analytics/search.ts';
import { search, searchForExport } from '../use-cases/search.ts';
import { searchWorkbook } from '../use-cases/search-export.ts';
import { isoDay } from '../use-cases/context.ts';
import { contextOf, problemSchema, type App, type RouteDeps } from './route-context.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const listParam = z.union([z.string().max(2_000), z.array(z.string().max(200)).max(50)]).optional();
const searchQuery = z.object({
  q: z.string().max(2_000).optional().describe('words, as in a web search: "quoted phrase", or, -excluded'),
  cycle: listParam,
  chapter: listParam.describe('Roman numerals, comma-separated'),
  article: listParam.describe('article numbers, comma-separated'),
  group: listParam.describe('regional groups'),
  state: listParam.describe('ISO 3166 alpha-3 codes'),
  kind: listParam.describe(SEARCH_KINDS.join(', ')),
  needType: listParam.describe('types of technical assistance'),
  page: z.string().max(5).optional(),
  pageSize: z.string().max(4).optional(),
  lang: z.enum(['ar', 'zh', 'en', 'fr', 'ru', 'es']).optional().describe('language of the State names'),
});
const segment = z.object({ text: z.string(), hit: z.boolean() });
const facetCount = z.object({ value: z.string(), count: z.number(), label: z.string().nullable() });
const searchView = z.object({
  query: z.object({ q: z.string(), cycles: z.array(z.number()), chapters: z.array(z.string()), articles: z.array(z.number()), groups: z.array(z.string()), states: z.array(z.string()), kinds: z.array(z.string()), needTypes: z.array(z.string()), page: z.number(), pageSize: z.number() }),
  scope: z.enum(['published', 'all']),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  pages: z.number(),
  facets: z.object(Object.fromEntries(FACETS.map((f) => [f, z.array(facetCount)])) as Record<(typeof FACETS)[number], z.ZodArray<typeof facetCount>>),
  results: z.array(
    z.object({
      kind: z.enum(SEARCH_KINDS),
      needType: z.string().nullable(),
      reference: z.string(),
      reviewId: z.string(),
      cycle: z.number(),
      stateIso3: z.string(),
      stateName: z.string(),
      group: z.string().nullable(),
      chapter: z.string(),
      article: z.number(),
      text: z.array(segment).describe('the text in plain segments; hit = the segment matched the words (no markup: render it escaped)'),
    }),
  ),
  stateSuggestions: z.array(z.object({ iso3: z.string(), name: z.string() })),
  notice: z.enum(['browse']).nullable(),
});

const noStore = { 'cache-control': 'private, no-store' };

export function registerSearchRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/search',
    {
      config: { action: 'search.read' },
      schema: {
        tags: ['search'],
        summary: 'Full-text search over recommendations, good practices and assistance needs, with facet counts; the public searches published reports only',
        querystring: searchQuery,
        response: { 200: searchView, ...errors },
      },
    },
    async (request, reply) => {
      reply.headers(noStore);
      return search(contextOf(request, deps), request.query, request.query.lang);
    },
  );

  app.get(
    '/api/search.csv',
    { config: { action: 'search.read' }, schema: { tags: ['search'], summary: 'The matching items as CSV (UTF-8, at most 10,000 rows)', querystring: searchQuery } },
    async (request, reply) => {
      const result = await searchForExport(contextOf(request, deps), request.query, request.query.lang);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="search-${isoDay(new Date())}.csv"`)
        .header('x-total-count', String(result.total))
        .headers(noStore)
        .send(searchCsv(result.hits));
    },
  );

  app.get(
    '/api/search.xlsx',
    { config: { action: 'search.read' }, schema: { tags: ['search'], summary: 'The matching items as an Excel workbook (hits in bold; at most 10,000 rows)', querystring: searchQuery } },
    async (request, reply) => {
      const result = await searchForExport(contextOf(request, deps), request.query, request.query.lang);
      const bytes = await searchWorkbook(result.hits, result.request, { total: result.total, truncated: result.truncated, generatedOn: isoDay(new Date()) });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="search-${isoDay(new Date())}.xlsx"`)
        .header('x-total-count', String(result.total))
        .headers(noStore)
        .send(bytes);
    },
  );
}
