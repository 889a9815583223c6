/**
 * The review tracker (public: stage and dates, never content) and the import of review
 * histories (secretariat).
 */
import { z } from 'zod';
import { REGIONAL_GROUPS } from '../../domain/parties/regional-groups.ts';
import { STAGES } from '../../domain/reviews/stages.ts';
import { IMPORT_BODY_SHAPE, rowsFromCsv, rowsFromJson } from '../csv-rows.ts';
import { MILESTONE_KINDS, DIALOGUE_TYPES } from '../../domain/reviews/milestones.ts';
import { createReview, createReviewsFromDraws, extendReview, getReview, pauseReview, recordReviewMilestone, resumeReview, reviewHistory } from '../use-cases/review-steps.ts';
import { exportTracker, importReviews, listTracker, reviewDetail } from '../use-cases/reviews.ts';
import { checklistProgress } from '../use-cases/checklist.ts';
import { isoDateSchema } from './route-context.ts';
import { isoDay } from '../use-cases/context.ts';
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

const reviewDetailSchema = trackerRowSchema.extend({
  version: z.number(),
  consentToPublishReport: z.boolean(),
  next: z.array(z.object({ kind: z.string(), actor: z.string() })),
  milestones: z.array(z.object({ kind: z.string(), date: z.string(), dialogueType: z.string().nullable() })),
  pauses: z.array(z.object({ from: z.string(), to: z.string().nullable(), reason: z.string() })),
  extensions: z.array(z.object({ milestone: z.string(), newDueDate: z.string(), reason: z.string(), agreedBy: z.string() })),
  history: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), details: z.record(z.string(), z.unknown()).nullable() })),
  canSeeContent: z.boolean(),
  checklist: z.object({ answered: z.number(), total: z.number(), lastSubmission: z.number().nullable() }).nullable().describe('Checklist progress, for those who may read the content'),
});
const idParams = z.object({ id: z.uuid() });
const stepErrors = { 404: problemSchema, 409: problemSchema, 422: problemSchema };

export function registerReviewRoutes(app: App, deps: RouteDeps): void {
  const detail = async (request: Parameters<typeof contextOf>[0], id: string) => {
    const ctx = contextOf(request, deps);
    const stored = await getReview(ctx, id);
    return { review: { ...(await reviewDetail(ctx, stored, await reviewHistory(ctx, id))), checklist: await checklistProgress(ctx, stored) } };
  };

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
    async (request, reply) => {
      const q = request.query;
      const ctx = contextOf(request, deps);
      // The tracker is public and the same for everyone: serve it from a short cache.
      const key = JSON.stringify([isoDay(ctx.now), q.cycle, q.cohortYear, q.regionalGroup, q.stage, q.overdue]);
      let body = deps.trackerCache.get(key);
      if (body === undefined) {
        const tracker = await listTracker(ctx, {
          cycle: q.cycle,
          cohortYear: q.cohortYear,
          regionalGroup: q.regionalGroup,
          stage: q.stage,
          isOverdue: q.overdue === undefined ? undefined : q.overdue === 'true',
        });
        // Shaped by the typed use case; plain stringify avoids re-validating thousands of rows.
        body = JSON.stringify(tracker);
        deps.trackerCache.set(key, body);
      }
      return reply.type('application/json; charset=utf-8').send(body as never);
    },
  );

  app.get(
    '/api/reviews/export.xlsx',
    {
      config: { action: 'review.read' },
      schema: {
        tags: ['reviews'],
        summary: 'The tracker as an Excel workbook (same filters as GET /api/reviews)',
        querystring: z.object({ cycle: z.coerce.number().int().positive().optional(), regionalGroup: z.enum(REGIONAL_GROUPS).optional(), stage: z.enum(STAGES).optional() }),
      },
    },
    async (request, reply) => {
      const { asOf, body } = await exportTracker(contextOf(request, deps), { cycle: request.query.cycle, regionalGroup: request.query.regionalGroup, stage: request.query.stage });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="open-irm-reviews-${asOf}.xlsx"`)
        .send(body);
    },
  );

  app.post(
    '/api/import/reviews',
    {
      config: { action: 'reviews.import' },
      schema: {
        tags: ['reviews'],
        summary: 'Import review histories (CSV as text/csv, or JSON { rows: [...] }); all or nothing',
        body: z.union([z.string().min(1), z.object({ rows: z.array(z.record(z.string(), z.unknown())).max(2000) })], { error: IMPORT_BODY_SHAPE(2000) }),
        response: { 200: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }), 422: problemSchema },
      },
    },
    async (request) => {
      const body = request.body;
      const rows = typeof body === 'string' ? rowsFromCsv(body) : rowsFromJson(body.rows);
      const counts = await importReviews(contextOf(request, deps), rows);
      deps.trackerCache.clear();
      return counts;
    },
  );

  app.get(
    '/api/reviews/:id',
    { config: { action: 'review.read' }, schema: { tags: ['reviews'], summary: 'One review: stage, timeline, who is waited on, history', params: idParams, response: { 200: z.object({ review: reviewDetailSchema }), 404: problemSchema } } },
    async (request) => detail(request, request.params.id),
  );

  app.post(
    '/api/reviews',
    {
      config: { action: 'review.manage' },
      schema: {
        tags: ['reviews'],
        summary: 'Open a review with reviewers assigned by hand (recorded as such)',
        body: z.object({ state: z.string().regex(/^[A-Za-z]{3}$/), cycle: z.number().int().positive(), cohortYear: z.number().int().positive(), reviewers: z.tuple([z.string().regex(/^[A-Za-z]{3}$/), z.string().regex(/^[A-Za-z]{3}$/)]) }),
        response: { 201: z.object({ review: reviewDetailSchema }), ...stepErrors },
      },
    },
    async (request, reply) => {
      const stored = await createReview(contextOf(request, deps), request.body);
      deps.trackerCache.clear();
      return reply.code(201).send(await detail(request, stored.row.id));
    },
  );

  app.post(
    '/api/cycles/:number/reviews/from-draws',
    {
      config: { action: 'review.manage' },
      schema: { tags: ['reviews'], summary: 'Open a review for every published assignment of the cycle that has none', params: z.object({ number: z.coerce.number().int().positive() }), response: { 200: z.object({ created: z.number() }) } },
    },
    async (request) => {
      const created = await createReviewsFromDraws(contextOf(request, deps), request.params.number);
      deps.trackerCache.clear();
      return { created };
    },
  );

  app.post(
    '/api/reviews/:id/milestones',
    {
      config: { action: 'review.manage' },
      schema: {
        tags: ['reviews'],
        summary: 'Record that a step of the review happened',
        params: idParams,
        body: z.object({ kind: z.enum(MILESTONE_KINDS), date: isoDateSchema, dialogueType: z.enum(DIALOGUE_TYPES).optional(), version: z.number().int().positive() }),
        response: { 200: z.object({ review: reviewDetailSchema }), ...stepErrors },
      },
    },
    async (request) => {
      await recordReviewMilestone(contextOf(request, deps), request.params.id, request.body);
      deps.trackerCache.clear();
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/api/reviews/:id/pause',
    {
      config: { action: 'review.manage' },
      schema: { tags: ['reviews'], summary: 'Pause the review (e.g. a postponed visit)', params: idParams, body: z.object({ from: isoDateSchema, reason: z.string().trim().min(3).max(2000), version: z.number().int().positive() }), response: { 200: z.object({ review: reviewDetailSchema }), ...stepErrors } },
    },
    async (request) => {
      await pauseReview(contextOf(request, deps), request.params.id, request.body);
      deps.trackerCache.clear();
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/api/reviews/:id/resume',
    {
      config: { action: 'review.manage' },
      schema: { tags: ['reviews'], summary: 'Resume a paused review', params: idParams, body: z.object({ to: isoDateSchema, version: z.number().int().positive() }), response: { 200: z.object({ review: reviewDetailSchema }), ...stepErrors } },
    },
    async (request) => {
      await resumeReview(contextOf(request, deps), request.params.id, request.body);
      deps.trackerCache.clear();
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/api/reviews/:id/extensions',
    {
      config: { action: 'review.manage' },
      schema: {
        tags: ['reviews'],
        summary: 'Extend the due date of a step, with the reason and who agreed',
        params: idParams,
        body: z.object({ milestone: z.enum(MILESTONE_KINDS), newDueDate: isoDateSchema, reason: z.string().trim().min(3).max(2000), agreedBy: z.string().trim().min(2).max(300), version: z.number().int().positive() }),
        response: { 200: z.object({ review: reviewDetailSchema }), ...stepErrors },
      },
    },
    async (request) => {
      await extendReview(contextOf(request, deps), request.params.id, request.body);
      deps.trackerCache.clear();
      return detail(request, request.params.id);
    },
  );
}
