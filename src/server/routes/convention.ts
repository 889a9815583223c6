/**
 * The Convention's structure: chapters, articles, provisions with their level of obligation.
 */
import { z } from 'zod';
import { getConvention } from '../use-cases/convention.ts';
import { contextOf, type App, type RouteDeps } from './route-context.ts';

const conventionSchema = z.object({
  instrument: z.object({ code: z.string(), title: z.string() }),
  chapters: z.array(
    z.object({
      number: z.string(),
      ordinal: z.number(),
      title: z.string(),
      articles: z.array(
        z.object({
          number: z.number(),
          title: z.string(),
          provisions: z.array(
            z.object({
              id: z.string(),
              label: z.string(),
              part: z.enum(['article', 'paragraph', 'subparagraph', 'chapeau']),
              obligation: z.enum(['mandatory', 'consider', 'optional', 'definition']),
            }),
          ),
        }),
      ),
    }),
  ),
});

export function registerConventionRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/convention',
    { config: { action: 'convention.read' }, schema: { tags: ['reference'], summary: 'Chapters, articles and provisions of the Convention', response: { 200: conventionSchema } } },
    async (request) => getConvention(contextOf(request, deps)),
  );
}
