/**
 * Versions of the checklist: the history of one answer and the comparison of two versions.
 */
import { z } from 'zod';
import { compareChecklist, getAnswerHistory } from '../use-cases/checklist-versions.ts';
import { attachmentSchema } from './attachments.ts';
import { answerSchema } from './checklist.ts';
import { contextOf, problemSchema, type App, type RouteDeps } from './route-context.ts';

const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema };
const sideSchema = z.object({ answer: answerSchema.nullable(), attachments: z.array(attachmentSchema) });

export function registerChecklistVersionRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/reviews/:id/checklist/:provisionId/versions',
    {
      config: { action: 'review.readConfidential' },
      schema: {
        tags: ['checklist'],
        summary: 'Every version of one answer, newest first (reviewers: submitted versions only)',
        params: z.object({ id: z.uuid(), provisionId: z.string().min(1).max(20) }),
        response: { 200: z.object({ versions: z.array(answerSchema.extend({ source: z.string(), submissions: z.array(z.number()) })) }), ...errors, 400: problemSchema },
      },
    },
    async (request) => ({ versions: await getAnswerHistory(contextOf(request, deps), request.params.id, request.params.provisionId) }),
  );

  app.get(
    '/api/reviews/:id/checklist/compare',
    {
      config: { action: 'review.readConfidential' },
      schema: {
        tags: ['checklist'],
        summary: 'The answers that differ between two submitted versions, or between a submission and the working answers',
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ from: z.coerce.number().int().min(1), to: z.union([z.literal('working'), z.coerce.number().int().min(1)]) }),
        response: {
          200: z.object({
            from: z.number(),
            to: z.union([z.number(), z.literal('working')]),
            changes: z.array(z.object({ provisionId: z.string(), label: z.string(), article: z.number(), before: sideSchema, after: sideSchema })),
          }),
          ...errors,
          400: problemSchema,
        },
      },
    },
    async (request) => compareChecklist(contextOf(request, deps), request.params.id, request.query.from, request.query.to),
  );
}
