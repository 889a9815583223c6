/**
 * The drawing of lots: draws and their records, exclusions, redraw requests, verification.
 */
import { z } from 'zod';
import { verifyRecord } from '../../domain/lots/record.ts';
import { authorize } from '../../policies/policy.ts';
import { drawDetailSchema, drawSummarySchema, presentDrawDetail, presentDrawSummary } from '../presenters/draw.ts';
import { cancelDraw, commitCohortDraw, commitRedraw, commitReviewerDraw, getVisibleDraw, listPublishedAssignments, listRedrawQueue, listVisibleDraws, publishDraw, requestRedraw, runDraw, withdrawRedraw } from '../use-cases/lots.ts';
import { describeDrawPool, removeExclusion, setExclusion } from '../use-cases/lots-pool.ts';
import { contextOf, problemSchema, type App, type RouteDeps } from './route-context.ts';

const iso3Schema = z.string().regex(/^[A-Za-z]{3}$/);
const idParams = z.object({ id: z.uuid() });
const cohortParams = z.object({ number: z.coerce.number().int().positive(), year: z.coerce.number().int().positive() });
const redrawRequestSchema = z.object({
  id: z.string(),
  cycle: z.number(),
  underReview: z.string(),
  slot: z.number(),
  reason: z.string().nullable(),
  exceptionalDecision: z.string().nullable(),
  status: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  drawId: z.string().nullable(),
});
type RedrawRow = Awaited<ReturnType<typeof listRedrawQueue>>[number];
const presentRedraw = (r: RedrawRow): z.infer<typeof redrawRequestSchema> => ({
  id: r.id,
  cycle: r.cycleNumber,
  underReview: r.underReviewIso3,
  slot: r.slot,
  reason: r.reason,
  exceptionalDecision: r.exceptionalDecision,
  status: r.status,
  requestedBy: r.requestedBy,
  requestedAt: r.requestedAt.toISOString(),
  drawId: r.drawId,
});
const poolSchema = z.object({
  cycle: z.number(),
  year: z.number(),
  calendarYear: z.number(),
  rules: z.object({
    reviewersPerReview: z.literal(2),
    sameGroupReviewers: z.literal(1),
    secondReviewerGroup: z.enum(['any', 'other']),
    mutualScope: z.enum(['none', 'draw', 'year', 'cycle']),
    maxReviewsPerCycle: z.number().nullable(),
    maxReviewsPerYear: z.number().nullable(),
    preferSameLegalSystem: z.boolean(),
  }),
  redrawLimit: z.number(),
  isDrawn: z.boolean(),
  groups: z.array(
    z.object({
      regionalGroup: z.string().nullable(),
      underReview: z.array(z.string()),
      pool: z.array(z.object({ iso3: z.string(), reviewsSoFar: z.number() })),
      excluded: z.array(z.object({ iso3: z.string(), reason: z.string() })),
    }),
  ),
});
const exclusionSchema = z.object({ iso3: z.string(), reason: z.string(), recordedBy: z.string(), recordedAt: z.string() });
type ExclusionRow = Awaited<ReturnType<typeof setExclusion>>[number];
const presentExclusion = (e: ExclusionRow) => ({ iso3: e.partyIso3, reason: e.reason, recordedBy: e.recordedBy, recordedAt: e.recordedAt.toISOString() });

export function registerLotsRoutes(app: App, deps: RouteDeps): void {
  const errors = { 404: problemSchema, 409: problemSchema, 422: problemSchema };

  app.get(
    '/api/draws',
    { config: { action: 'lots.read' }, schema: { tags: ['lots'], summary: 'Draws: committed and published for everyone; all for the secretariat', response: { 200: z.object({ draws: z.array(drawSummarySchema) }) } } },
    async (request) => ({ draws: (await listVisibleDraws(contextOf(request, deps))).map(presentDrawSummary) }),
  );

  app.get(
    '/api/draws/:id',
    { config: { action: 'lots.read' }, schema: { tags: ['lots'], summary: 'One draw with its frozen inputs and, once published, its record', params: idParams, response: { 200: z.object({ draw: drawDetailSchema }), 404: problemSchema } } },
    async (request) => {
      const { draw, isManager } = await getVisibleDraw(contextOf(request, deps), request.params.id);
      return { draw: presentDrawDetail(draw, isManager) };
    },
  );

  app.get(
    '/api/draws/:id/record.json',
    { config: { action: 'lots.read' }, schema: { tags: ['lots'], summary: 'The verifiable draw record (published draws)', params: idParams, response: { 200: z.record(z.string(), z.unknown()), 404: problemSchema } } },
    async (request, reply) => {
      const { draw, isManager } = await getVisibleDraw(contextOf(request, deps), request.params.id);
      const detail = presentDrawDetail(draw, isManager);
      if (!detail.record) return reply.code(404).type('application/problem+json').send({ type: 'urn:openirm:problem:draw.notFound', title: 'Not found', status: 404, detail: 'This draw has no published record yet.', code: 'draw.notFound' });
      return reply.header('content-disposition', `attachment; filename="draw-${draw.id}.json"`).send(detail.record);
    },
  );

  app.post(
    '/api/draws',
    {
      config: { action: 'lots.manage' },
      schema: {
        tags: ['lots'],
        summary: 'Prepare a draw and publish its commitment (the hash of a secret); its inputs are frozen',
        body: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('reviewers'), cycle: z.number().int().positive(), year: z.number().int().positive() }),
          z.object({
            kind: z.literal('cohorts'),
            cycle: z.number().int().positive(),
            volunteers: z.array(z.object({ iso3: iso3Schema, year: z.number().int().positive() })).max(300).optional().describe('States that volunteered for a given review year'),
          }),
          z.object({ kind: z.literal('redraw'), requestId: z.uuid() }),
        ]),
        response: { 201: z.object({ draw: drawDetailSchema }), ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const body = request.body;
      const draw =
        body.kind === 'reviewers'
          ? await commitReviewerDraw(ctx, { cycleNumber: body.cycle, year: body.year })
          : body.kind === 'cohorts'
            ? await commitCohortDraw(ctx, { cycleNumber: body.cycle, volunteers: body.volunteers })
            : await commitRedraw(ctx, body.requestId);
      return reply.code(201).send({ draw: presentDrawDetail(draw, true) });
    },
  );

  app.post(
    '/api/draws/:id/run',
    {
      config: { action: 'lots.manage' },
      schema: { tags: ['lots'], summary: 'Run a committed draw with the public entropy given in the meeting', params: idParams, body: z.object({ publicEntropy: z.string().trim().min(1).max(500) }), response: { 200: z.object({ draw: drawDetailSchema }), ...errors } },
    },
    async (request) => ({ draw: presentDrawDetail(await runDraw(contextOf(request, deps), request.params.id, request.body.publicEntropy), true) }),
  );

  app.post(
    '/api/draws/:id/publish',
    { config: { action: 'lots.manage' }, schema: { tags: ['lots'], summary: 'Publish a drawn result; it can never be edited afterwards', params: idParams, response: { 200: z.object({ draw: drawDetailSchema }), ...errors } } },
    async (request) => ({ draw: presentDrawDetail(await publishDraw(contextOf(request, deps), request.params.id), true) }),
  );

  app.post(
    '/api/draws/:id/cancel',
    { config: { action: 'lots.manage' }, schema: { tags: ['lots'], summary: 'Cancel a draw that is not published', params: idParams, body: z.object({ reason: z.string().trim().min(1).max(1000) }), response: { 200: z.object({ draw: drawDetailSchema }), ...errors } } },
    async (request) => ({ draw: presentDrawDetail(await cancelDraw(contextOf(request, deps), request.params.id, request.body.reason), true) }),
  );

  app.post(
    '/api/draws/verify',
    {
      config: { action: 'lots.verify' },
      schema: { tags: ['lots'], summary: 'Check a draw record: re-runs it and checks every rule', body: z.record(z.string(), z.unknown()), response: { 200: z.object({ valid: z.boolean(), problems: z.array(z.string()) }) } },
    },
    async (request) => {
      authorize(request.actor, 'lots.verify');
      const outcome = verifyRecord(request.body);
      return outcome.valid ? { valid: true, problems: [] } : { valid: false, problems: outcome.problems };
    },
  );

  app.get(
    '/api/cycles/:number/assignments',
    {
      config: { action: 'lots.read' },
      schema: { tags: ['lots'], summary: 'Published reviewer assignments of a cycle', params: z.object({ number: z.coerce.number().int().positive() }), response: { 200: z.object({ assignments: z.array(z.object({ underReview: z.string(), year: z.number(), reviewers: z.tuple([z.string(), z.string()]) })) }), 404: problemSchema } },
    },
    async (request) => ({ assignments: await listPublishedAssignments(contextOf(request, deps), request.params.number) }),
  );

  app.get(
    '/api/cycles/:number/cohorts/:year/pool',
    {
      config: { action: 'lots.manage' },
      schema: { tags: ['lots'], summary: 'Cohort, pools per regional group and exclusions before a draw', params: cohortParams, response: { 200: poolSchema, ...errors } },
    },
    async (request) => describeDrawPool(contextOf(request, deps), request.params.number, request.params.year),
  );

  app.put(
    '/api/cycles/:number/cohorts/:year/exclusions/:iso3',
    {
      config: { action: 'lots.manage' },
      schema: { tags: ['lots'], summary: 'Exclude a State from the reviewer pool of a cohort year, with the reason', params: cohortParams.extend({ iso3: iso3Schema }), body: z.object({ reason: z.string().trim().min(3).max(1000) }), response: { 200: z.object({ exclusions: z.array(exclusionSchema) }), ...errors } },
    },
    async (request) => ({
      exclusions: (await setExclusion(contextOf(request, deps), { cycleNumber: request.params.number, year: request.params.year, iso3: request.params.iso3, reason: request.body.reason })).map(presentExclusion),
    }),
  );

  app.delete(
    '/api/cycles/:number/cohorts/:year/exclusions/:iso3',
    {
      config: { action: 'lots.manage' },
      schema: { tags: ['lots'], summary: 'Put an excluded State back in the pool', params: cohortParams.extend({ iso3: iso3Schema }), response: { 200: z.object({ exclusions: z.array(exclusionSchema) }), ...errors } },
    },
    async (request) => ({
      exclusions: (await removeExclusion(contextOf(request, deps), { cycleNumber: request.params.number, year: request.params.year, iso3: request.params.iso3 })).map(presentExclusion),
    }),
  );

  app.get(
    '/api/redraw-requests',
    { config: { action: 'lots.manage' }, schema: { tags: ['lots'], summary: 'Redraw requests, queued for the next meeting', response: { 200: z.object({ requests: z.array(redrawRequestSchema) }) } } },
    async (request) => ({ requests: (await listRedrawQueue(contextOf(request, deps))).map(presentRedraw) }),
  );

  app.post(
    '/api/redraw-requests',
    {
      config: { action: 'lots.requestRedraw' },
      schema: {
        tags: ['lots'],
        summary: 'Ask for one reviewer of a State under review to be drawn again at the next meeting',
        body: z.object({
          cycle: z.number().int().positive(),
          underReview: iso3Schema,
          slot: z.union([z.literal(0), z.literal(1)]).describe('0 = the same-group reviewer, 1 = the second reviewer'),
          reason: z.string().trim().max(1000).optional(),
          exceptionalDecision: z.string().trim().min(3).max(1000).optional().describe('Required beyond the limit of redraws; secretariat only'),
        }),
        response: { 201: z.object({ request: redrawRequestSchema }), ...errors },
      },
    },
    async (request, reply) => {
      const row = await requestRedraw(contextOf(request, deps), { cycleNumber: request.body.cycle, underReview: request.body.underReview, slot: request.body.slot, reason: request.body.reason, exceptionalDecision: request.body.exceptionalDecision });
      return reply.code(201).send({ request: presentRedraw(row) });
    },
  );

  app.post(
    '/api/redraw-requests/:id/withdraw',
    { config: { action: 'lots.manage' }, schema: { tags: ['lots'], summary: 'Withdraw a queued redraw request', params: idParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await withdrawRedraw(contextOf(request, deps), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
