/**
 * The secretariat withdraws a recorded milestone: the review goes back a stage, and the
 * withdrawal is kept with its date for statistics as at earlier days (docs/ANALYTICS.md).
 */
import { z } from 'zod';
import { MILESTONE_KINDS, DIALOGUE_TYPES } from '../../domain/reviews/milestones.ts';
import { withdrawReviewMilestone } from '../use-cases/review-withdrawals.ts';
import { contextOf, isoDateSchema, problemSchema, type App, type RouteDeps } from './route-context.ts';

export function registerReviewWithdrawalRoutes(app: App, deps: RouteDeps): void {
  app.post(
    '/api/reviews/:id/withdrawals',
    {
      config: { action: 'review.manage' },
      schema: {
        tags: ['reviews'],
        summary: 'Withdraw a recorded milestone (the review goes back a stage); the withdrawal is kept with its date',
        params: z.object({ id: z.uuid() }),
        body: z.object({ kind: z.enum(MILESTONE_KINDS), withdrawnOn: isoDateSchema, reason: z.string().trim().min(3).max(2000), version: z.number().int().positive() }),
        response: {
          200: z.object({
            withdrawal: z.object({ kind: z.enum(MILESTONE_KINDS), milestoneDate: z.string(), dialogueType: z.enum(DIALOGUE_TYPES).nullable(), withdrawnOn: z.string(), reason: z.string() }),
            version: z.number(),
          }),
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request) => {
      const result = await withdrawReviewMilestone(contextOf(request, deps), request.params.id, request.body);
      deps.trackerCache.clear();
      return result;
    },
  );
}
