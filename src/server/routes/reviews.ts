/**
 * The review tracker (public: stage and dates, never content) and the import of review
 * histories (secretariat).
 */
import { z } from 'zod';
import { REGIONAL_GROUPS } from '../../domain/parties/regional-groups.ts';
import { STAGES } from '../../domain/reviews/stages.ts';
import { rowsFromCsv, rowsFromJson } from '../csv-rows.ts';
import { importReviews, listTracker } from '../use-cases/reviews.ts';
import { contextOf, problemSchema, type App, type RouteDeps } from './route-context.ts';

const trackerRowSchema = z.object({
  id: z.string(),
  stateUnderReview: z.string(),
  regionalGroup: z.string().nullable(),
  cycle: z.number(),
  cohortYear: z.number(),
  reviewers: z.tuple([z.string(), z.string()]),
  reviewersSource: z.string(),
  stage: z.enum(STAGES),
  waitingOn: z.array(z.string()),
  overdue: z.array(z.string()),
  daysLate: z.number(),
  timeline: z.array(
    z.object({ kind: z.string(), plannedDate: z.string().nullable(), dueDate: z.string().nullable(), actualDate: z.string().nullable(), status: z.string(), daysLate: z.number() }),
  ),
});

export function registerReviewRoutes(app: App, deps: RouteDeps): void {
  // CSV uploads arrive as text; the import turns them into rows.
  app.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => done(null, body));

  app.get(
    '/api/reviews',
    {
      config: { action: 'review.read' },
      schema: {
        tags: ['reviews'],
        summary: 'Where every review stands: stage, dates, delay (no content)',
        querystring: z.object({
          cycle: z.coerce.number().int().positive().optional(),
          cohortYear: z.coerce.number().int().positive().optional(),
          regionalGroup: z.enum(REGIONAL_GROUPS).optional(),
          stage: z.enum(STAGES).optional(),
          overdue: z.enum(['true', 'false']).optional(),
        }),
        response: {
          200: z.object({
            asOf: z.string(),
            counts: z.object({ total: z.number(), overdue: z.number(), byStage: z.record(z.string(), z.number()) }),
            reviews: z.array(trackerRowSchema),
          }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      return listTracker(contextOf(request, deps), {
        cycle: q.cycle,
        cohortYear: q.cohortYear,
        regionalGroup: q.regionalGroup,
        stage: q.stage,
        isOverdue: q.overdue === undefined ? undefined : q.overdue === 'true',
      });
    },
  );

  app.post(
    '/api/import/reviews',
    {
      config: { action: 'reviews.import' },
      schema: {
        tags: ['reviews'],
        summary: 'Import review histories (CSV as text/csv, or JSON { rows: [...] }); all or nothing',
        body: z.union([z.string().min(1), z.object({ rows: z.array(z.record(z.string(), z.unknown())).max(2000) })]),
        response: { 200: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }), 422: problemSchema },
      },
    },
    async (request) => {
      const body = request.body;
      const rows = typeof body === 'string' ? rowsFromCsv(body) : rowsFromJson(body.rows);
      return importReviews(contextOf(request, deps), rows);
    },
  );
}
