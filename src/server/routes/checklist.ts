/**
 * The self-assessment checklist of a review: confidential to its parties.
 */
import { z } from 'zod';
import { ASSISTANCE_TYPES, COMPLIANCE } from '../../domain/reviews/checklist.ts';
import { getChecklist, saveAnswer, submitChecklist } from '../use-cases/checklist.ts';
import { getThreads, openThread, replyToThread, THREAD_KINDS } from '../use-cases/desk-review.ts';
import { readInbox } from '../use-cases/inbox.ts';
import { attachmentSchema } from './attachments.ts';
import { contextOf, problemSchema, type App, type RouteDeps } from './route-context.ts';

export const answerSchema = z.object({
  compliance: z.enum(COMPLIANCE).nullable(),
  text: z.string(),
  assistanceNeeds: z.object({ types: z.array(z.string()), text: z.string() }),
  version: z.number(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
const params = z.object({ id: z.uuid() });
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };

export function registerChecklistRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/reviews/:id/checklist',
    {
      config: { action: 'review.readConfidential' },
      schema: {
        tags: ['checklist'],
        summary: 'The self-assessment checklist (reviewers see the last submitted version)',
        params,
        response: {
          200: z.object({
            reviewId: z.string(),
            cycle: z.number(),
            format: z.enum(['structured', 'free-text']),
            view: z.enum(['working', 'submitted']),
            progress: z.object({ answered: z.number(), total: z.number() }),
            submissions: z.array(z.object({ number: z.number(), reason: z.enum(['submitted', 'desk-review']), submittedAt: z.string(), submittedBy: z.string() })),
            sections: z.array(
              z.object({
                article: z.number(),
                title: z.string(),
                chapter: z.string(),
                provisions: z.array(z.object({ id: z.string(), label: z.string(), obligation: z.string(), answer: answerSchema.nullable(), attachments: z.array(attachmentSchema) })),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => getChecklist(contextOf(request, deps), request.params.id),
  );

  app.put(
    '/api/reviews/:id/checklist/:provisionId',
    {
      config: { action: 'checklist.answer' },
      schema: {
        tags: ['checklist'],
        summary: 'Save one answer; 409 with the stored answer when someone else saved first',
        params: params.extend({ provisionId: z.string().min(1).max(20) }),
        body: z.object({
          compliance: z.enum(COMPLIANCE).nullable().optional(),
          text: z.string().max(60_000),
          assistanceNeeds: z.object({ types: z.array(z.enum(ASSISTANCE_TYPES)).max(20), text: z.string().max(10_000) }).optional(),
          version: z.number().int().min(0).describe('The version you loaded; 0 for a first answer'),
        }),
        response: { 200: z.object({ answer: answerSchema }), ...errors },
      },
    },
    async (request) => ({ answer: await saveAnswer(contextOf(request, deps), request.params.id, request.params.provisionId, request.body) }),
  );

  app.post(
    '/api/reviews/:id/checklist/submit',
    {
      config: { action: 'checklist.submit' },
      schema: { tags: ['checklist'], summary: 'Submit the checklist: this version is what the reviewers see', params, response: { 200: z.object({ submission: z.number() }), ...errors } },
    },
    async (request) => {
      const { number } = await submitChecklist(contextOf(request, deps), request.params.id);
      // Submitting records a milestone, which the tracker shows.
      deps.trackerCache.clear();
      return { submission: number };
    },
  );
}

const threadSchema = z.object({
  id: z.string(),
  provisionId: z.string(),
  kind: z.string(),
  status: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  messages: z.array(z.object({ author: z.string(), side: z.string(), body: z.string(), answerVersion: z.number().nullable(), createdAt: z.string() })),
});

export function registerDeskReviewRoutes(app: App, deps: RouteDeps): void {
  const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };
  app.get(
    '/api/reviews/:id/threads',
    { config: { action: 'review.readConfidential' }, schema: { tags: ['desk review'], summary: 'Desk-review threads of a review', params, response: { 200: z.object({ threads: z.array(threadSchema) }), ...errors } } },
    async (request) => ({ threads: await getThreads(contextOf(request, deps), request.params.id) }),
  );

  app.post(
    '/api/reviews/:id/threads',
    {
      config: { action: 'deskReview.comment' },
      schema: {
        tags: ['desk review'],
        summary: 'Open a thread on a provision: a question, a request for more information or a preliminary observation',
        params,
        body: z.object({ provisionId: z.string().min(1).max(20), kind: z.enum(THREAD_KINDS), body: z.string().min(1).max(20_000) }),
        response: { 201: z.object({ id: z.string() }), ...errors },
      },
    },
    async (request, reply) => reply.code(201).send({ id: await openThread(contextOf(request, deps), request.params.id, request.body) }),
  );

  app.post(
    '/api/reviews/:id/threads/:threadId/messages',
    {
      config: { action: 'deskReview.reply' },
      schema: {
        tags: ['desk review'],
        summary: 'Reply in a thread (and resolve or reopen it)',
        params: params.extend({ threadId: z.uuid() }),
        body: z.object({
          body: z.string().min(1).max(20_000),
          resolve: z.boolean().optional(),
          reopen: z.boolean().optional(),
          addToAnswer: z.boolean().optional().describe("State under review: also add this reply to the checklist answer (a new version the reviewers see)"),
        }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await replyToThread(contextOf(request, deps), request.params.id, request.params.threadId, request.body);
      return reply.code(204).send(null);
    },
  );
}

export function registerInboxRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/inbox',
    {
      config: { action: 'inbox.read' },
      schema: {
        tags: ['reviews'],
        summary: 'Waiting on you: the next review steps of your side (late first) and threads awaiting your answer',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                kind: z.enum(['review.step', 'thread.answer']),
                reviewId: z.string(),
                stateUnderReview: z.string(),
                cycle: z.number(),
                subject: z.string(),
                dueDate: z.string().nullable(),
                daysLate: z.number(),
                threadId: z.string().optional(),
              }),
            ),
          }),
          401: problemSchema,
        },
      },
    },
    async (request) => ({ items: await readInbox(contextOf(request, deps)) }),
  );
}
