/**
 * Published documents for anyone (docs/REPORTS.md §3): a publication's text as published,
 * and its files. Publications never change, so browsers and caches may keep them.
 */
import { z } from 'zod';
import { publicPublication } from '../use-cases/publication.ts';
import { publicationFile } from '../use-cases/report-documents.ts';
import { sendDocument } from './report.ts';
import { contextOf, problemSchema, type App, type RouteDeps } from './route-context.ts';

const params = z.object({ publicationId: z.uuid() });
const IMMUTABLE = 'public, max-age=86400, immutable';

const item = z.object({ text: z.string() });
const sectionSchema = z.object({
  article: z.number(),
  title: z.string(),
  chapter: z.string(),
  content: z.object({
    summary: z.string(),
    observations: z.string(),
    successes: z.string(),
    challenges: z.string(),
    recommendations: z.array(z.object({ text: z.string(), reference: z.string().optional() })),
    goodPractices: z.array(item),
    needs: z.array(z.object({ type: z.string(), text: z.string() })),
  }),
});

const publicationSchema = z.object({
  id: z.string(),
  document: z.enum(['report', 'summary', 'checklist']),
  language: z.enum(['ar', 'zh', 'en', 'fr', 'ru', 'es']),
  version: z.number(),
  note: z.string(),
  publishedAt: z.string(),
  state: z.object({ iso3: z.string(), name: z.string() }),
  cycle: z.number(),
  reviewerNames: z.array(z.string()),
  symbol: z.string(),
  html: z.string().nullable(),
  sections: z.array(sectionSchema).nullable(),
  checklist: z.array(z.object({ article: z.number(), title: z.string(), chapter: z.string(), provisions: z.array(z.object({ id: z.string(), label: z.string(), text: z.string() })) })).nullable(),
  versions: z.array(z.object({ id: z.string(), version: z.number(), note: z.string(), publishedAt: z.string() })),
});

export function registerPublicationRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/public/publications/:publicationId',
    {
      config: { action: 'public.read' },
      schema: { tags: ['public'], summary: 'A published document as published (never a working text), with the list of its versions', params, response: { 200: publicationSchema, 404: problemSchema } },
    },
    async (request, reply) => {
      // The versions list grows with corrections, so this answer is cached briefly only.
      reply.header('cache-control', 'public, max-age=30');
      return publicPublication(contextOf(request, deps), request.params.publicationId);
    },
  );
  for (const format of ['docx', 'pdf'] as const) {
    app.get(
      `/api/public/publications/:publicationId.${format}`,
      { config: { action: 'public.read' }, schema: { tags: ['public'], summary: `A published report or summary as ${format.toUpperCase()}, as published`, params, response: { 404: problemSchema } } },
      async (request, reply) => sendDocument(reply, await publicationFile(contextOf(request, deps), request.params.publicationId, format), IMMUTABLE),
    );
  }
}
