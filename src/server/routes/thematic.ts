/**
 * Thematic reports (docs/ANALYTICS.md): figures per chapter and article of a cycle with the
 * most common challenges, as JSON for the web page and as a DOCX in UN layout. Thin.
 */
import { z } from 'zod';
import { getThematicReport } from '../use-cases/thematic.ts';
import { buildThematicDocx } from '../documents/thematic-docx.ts';
import { isoDay } from '../use-cases/context.ts';
import { contextOf, problemSchema, type App, type RouteDeps } from './route-context.ts';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const thematicQuery = z.object({
  cycle: z.string().regex(/^\d{1,2}$/, 'expected a cycle number').optional(),
  chapter: z.union([z.string().max(100), z.array(z.string().max(10)).max(10)]).optional().describe('Roman numerals, comma-separated (default: every chapter of the cycle)'),
  named: z.enum(['true', 'false']).optional().describe('name the States in examples (default false: anonymised)'),
  lang: z.enum(['ar', 'zh', 'en', 'fr', 'ru', 'es']).optional(),
});
type Query = z.infer<typeof thematicQuery>;
const chapters = (q: Query) => (Array.isArray(q.chapter) ? q.chapter : (q.chapter ?? '').split(',')).map((c) => c.trim()).filter(Boolean);
const input = (q: Query) => ({ ...(q.cycle ? { cycle: Number(q.cycle) } : {}), chapters: chapters(q), named: q.named === 'true', ...(q.lang ? { lang: q.lang } : {}) });

const example = z.object({ state: z.string(), text: z.string() });
const group = z.object({ stem: z.string(), label: z.string(), states: z.number(), examples: z.array(example) });
const article = z.object({
  article: z.number(),
  title: z.string(),
  statesWithRecommendations: z.number(),
  recommendations: z.number(),
  statesWithGoodPractices: z.number(),
  goodPractices: z.number(),
  challengeTexts: z.number(),
  challenges: z.array(group),
  otherChallenges: z.number(),
});
const thematicView = z.object({
  cycle: z.number(),
  named: z.boolean(),
  scope: z.enum(['published', 'all']),
  completedReviews: z.number(),
  statesWithRecommendations: z.number(),
  recommendations: z.number(),
  goodPractices: z.number(),
  cycleChapters: z.array(z.object({ chapter: z.string(), title: z.string() })),
  chapters: z.array(z.object({ chapter: z.string(), title: z.string(), statesWithRecommendations: z.number(), recommendations: z.number(), goodPractices: z.number(), articles: z.array(article) })),
});

export function registerThematicRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/thematic',
    {
      config: { action: 'thematic.read' },
      schema: {
        tags: ['search'],
        summary: 'The thematic report of a cycle (default: the latest): per chapter and article, States with recommendations, recommendations, good practices, grouped challenges with examples (anonymised unless named=true; the public sees examples from published reports only)',
        querystring: thematicQuery,
        response: { 200: thematicView, ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return getThematicReport(contextOf(request, deps), input(request.query));
    },
  );

  app.get(
    '/api/thematic/report.docx',
    { config: { action: 'thematic.read' }, schema: { tags: ['search'], summary: 'The thematic report as a Word document in UN layout, with a bar chart per chapter', querystring: thematicQuery } },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const report = await getThematicReport(ctx, input(request.query));
      const bytes = await buildThematicDocx({ report, date: isoDay(ctx.now) });
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="thematic-report-cycle-${report.cycle}.docx"`)
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );
}
