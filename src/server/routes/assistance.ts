/**
 * Technical-assistance needs: the figures of a cycle (public, anonymised; the States behind
 * them for the secretariat), the needs behind a figure, the classifier, its review queue and
 * corrections, and the import of needs recorded elsewhere (docs: "Technical-assistance needs").
 */
import { z } from 'zod';
import { IMPORT_BODY_SHAPE, rowsFromCsv, rowsFromJson } from '../csv-rows.ts';
import { assistanceNeedsBehind, assistanceQueue, assistanceStats, assistanceStatsKey, classifyAssistanceNeed, recordAssistanceCorrection, reviewAssistanceNeed } from '../use-cases/assistance.ts';
import { importAssistanceNeeds } from '../use-cases/assistance-import.ts';
import { cachedJson, JSON_TYPE } from './cached-json.ts';
import { contextOf, problemSchema, type App, type RouteDeps } from './route-context.ts';

const countMap = z.record(z.string(), z.number());
const scoredSchema = z.object({ type: z.string(), confidence: z.number().describe('0 to 1'), evidence: z.array(z.string()).describe('Words of the text that weighed most for this type') });
const needSchema = z.object({ id: z.string(), source: z.enum(['report', 'recorded']), state: z.string(), article: z.number(), types: z.array(z.string()), text: z.string(), status: z.string() });
const typesBody = z.array(z.string().min(1)).min(1).max(12);

/**
 * How long this process keeps a cycle's figures. Needs change only through the writes below
 * and a report's finalisation, which clear the cache in this process at once (another
 * process sharing the database sees them within this time).
 */
const STATS_TTL_MS = 30_000;

export function registerAssistanceRoutes(app: App, deps: RouteDeps): void {
  const cached = cachedJson(deps.trackerCache, STATS_TTL_MS);
  /** Runs a write that may change the needs, then drops the figures computed before it. */
  const changingNeeds = async <T>(write: () => Promise<T>): Promise<T> => {
    try {
      return await write();
    } finally {
      deps.trackerCache.clear();
    }
  };
  app.get(
    '/api/stats/assistance',
    {
      config: { action: 'assistance.read' },
      schema: {
        tags: ['analytics'],
        summary: 'Technical-assistance needs of a cycle: by type, article, chapter, States, shares, groups of articles',
        querystring: z.object({
          cycle: z.coerce.number().int().positive(),
          groups: z.string().max(500).optional().describe('Groups of related articles counted together, e.g. "14+52;5+6"; empty for none; default 14+52;5+6;53+56+57'),
        }),
        response: {
          200: z.object({
            cycle: z.number(),
            chapters: z.array(z.string()),
            total: z.number(),
            statesWithNeeds: z.number(),
            byType: countMap,
            byArticle: countMap,
            byChapter: countMap,
            statesByChapter: countMap,
            shares: z.object({ byType: countMap, byArticle: countMap, byChapter: countMap }),
            groups: z.array(z.object({ id: z.string(), articles: z.array(z.number()), count: z.number(), share: z.number(), shareOfChapter: countMap, statesWithNeeds: z.number() })),
            behind: z
              .object({ states: z.array(z.string()), byType: z.record(z.string(), z.array(z.string())), byArticle: z.record(z.string(), z.array(z.string())), byChapter: z.record(z.string(), z.array(z.string())), groups: z.record(z.string(), z.array(z.string())) })
              .nullable()
              .describe('The States behind each figure: the secretariat only'),
            may: z.object({ readDetail: z.boolean(), review: z.boolean(), import: z.boolean() }),
          }),
          400: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const body = await cached(assistanceStatsKey(ctx.actor, request.query), () => assistanceStats(ctx, request.query));
      return reply.type(JSON_TYPE).send(body as never);
    },
  );

  app.get(
    '/api/assistance/needs',
    {
      config: { action: 'assistance.readDetail' },
      schema: {
        tags: ['analytics'],
        summary: 'The needs behind a figure (secretariat)',
        querystring: z.object({
          cycle: z.coerce.number().int().positive(),
          type: z.string().optional(),
          article: z.coerce.number().int().positive().optional(),
          chapter: z.string().max(8).optional(),
          group: z.string().max(100).optional(),
          state: z.string().regex(/^[A-Za-z]{3}$/).optional(),
          limit: z.coerce.number().int().positive().max(5000).optional(),
        }),
        response: { 200: z.object({ total: z.number(), needs: z.array(needSchema) }), 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => assistanceNeedsBehind(contextOf(request, deps), request.query),
  );

  app.post(
    '/api/assistance/classify',
    {
      config: { action: 'assistance.classify' },
      schema: {
        tags: ['analytics'],
        summary: 'Types of assistance of a free-text need, best first, with confidence',
        body: z.object({ text: z.string().max(4000) }),
        response: { 200: z.object({ types: z.array(scoredSchema) }), 400: problemSchema },
      },
    },
    async (request) => classifyAssistanceNeed(contextOf(request, deps), request.body.text),
  );

  app.get(
    '/api/assistance/queue',
    {
      config: { action: 'assistance.review' },
      schema: {
        tags: ['analytics'],
        summary: 'Needs typed by the classifier, awaiting the secretariat',
        response: {
          200: z.object({
            pending: z.number(),
            corrections: z.number(),
            needs: z.array(z.object({ id: z.string(), cycle: z.number(), state: z.string(), article: z.number(), text: z.string(), types: z.array(z.string()), suggested: z.array(z.object({ type: z.string(), confidence: z.number() })), version: z.number() })),
          }),
        },
      },
    },
    async (request) => assistanceQueue(contextOf(request, deps)),
  );

  app.post(
    '/api/assistance/needs/:id/review',
    {
      config: { action: 'assistance.review' },
      schema: {
        tags: ['analytics'],
        summary: 'Confirm or correct the types of a recorded need; the classifier learns from it',
        params: z.object({ id: z.uuid() }),
        body: z.object({ types: typesBody, version: z.number().int().positive() }),
        response: { 200: z.object({ id: z.string(), types: z.array(z.string()), version: z.number() }), 400: problemSchema, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request) => changingNeeds(() => reviewAssistanceNeed(contextOf(request, deps), request.params.id, request.body)),
  );

  app.post(
    '/api/assistance/corrections',
    {
      config: { action: 'assistance.review' },
      schema: {
        tags: ['analytics'],
        summary: 'The right types for a text the classifier got wrong; used at the next classification',
        body: z.object({ text: z.string().max(4000), types: typesBody }),
        response: { 200: z.object({ id: z.string(), types: z.array(z.string()), corrections: z.number() }), 400: problemSchema },
      },
    },
    async (request) => recordAssistanceCorrection(contextOf(request, deps), request.body),
  );

  app.post(
    '/api/import/needs',
    {
      config: { action: 'assistance.import' },
      schema: {
        tags: ['analytics'],
        summary: 'Import needs recorded elsewhere (CSV as text/csv, or JSON { rows: [...] }): state_iso3, cycle, article, type, description; all or nothing',
        body: z.union([z.string(), z.object({ rows: z.array(z.record(z.string(), z.unknown())).max(20_000) })], { error: IMPORT_BODY_SHAPE(20_000) }),
        response: { 200: z.object({ created: z.number(), unchanged: z.number(), classified: z.number() }), 422: problemSchema },
      },
    },
    async (request) => {
      const body = request.body;
      const rows = typeof body === 'string' ? rowsFromCsv(body) : rowsFromJson(body.rows);
      return changingNeeds(() => importAssistanceNeeds(contextOf(request, deps), rows));
    },
  );
}
