/**
 * Follow-up of recommendations (docs/FOLLOW-UP.md): one review's follow-up, rounds, evidence
 * files, self-reports, assessments, the national action plan with its exports, and the
 * dashboards. Thin: each handler validates and calls a use case.
 */
import { z } from 'zod';
import { PROGRESS_STATUSES } from '../../domain/follow-up/action-plans.ts';
import { DIMENSIONS } from '../../domain/follow-up/dashboard.ts';
import { FOLLOW_UP_STATUSES, NOT_ASSESSED } from '../../domain/follow-up/statuses.ts';
import { DomainError } from '../../domain/errors.ts';
import { dayOf } from '../../domain/reviews/calendar.ts';
import { assessRecommendation, closeRound, getFollowUp, openRound, readEvidence, submitSelfReport, uploadEvidence } from '../use-cases/follow-up.ts';
import { exportActionPlan, getActionPlan, reportProgress, saveAction } from '../use-cases/follow-up-plan.ts';
import { followUpDashboard, followUpDashboardList } from '../use-cases/follow-up-dashboard.ts';
import { contextOf, isoDateSchema, problemSchema, type App, type RouteDeps } from './route-context.ts';

const params = z.object({ id: z.uuid() });
const roundParams = z.object({ id: z.uuid(), round: z.coerce.number().int().min(1).max(1000) });
const recommendationParams = roundParams.extend({ article: z.coerce.number().int().min(1).max(1000), sequence: z.coerce.number().int().min(1).max(10_000) });
const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
const actionParams = z.object({ id: z.uuid(), actionId: z.uuid() });
const status = z.enum(FOLLOW_UP_STATUSES);
const statusOrNone = z.enum([...FOLLOW_UP_STATUSES, NOT_ASSESSED]);

const evidenceFile = z.object({ id: z.string(), filename: z.string(), contentType: z.string(), sizeBytes: z.number(), uploadedBy: z.string(), uploadedAt: z.string() });
const link = z.object({ url: z.string().max(2_000), title: z.string().max(500) });
const statistic = z.object({ label: z.string().max(500), value: z.string().max(200), period: z.string().max(100) });
const history = z.union([
  z.object({ kind: z.literal('self-report'), round: z.number(), version: z.number(), status, narrative: z.string(), links: z.array(link), statistics: z.array(statistic), documents: z.array(z.object({ id: z.string(), filename: z.string() })), author: z.string(), on: z.string(), at: z.string() }),
  z.object({ kind: z.literal('assessment'), round: z.number(), version: z.number(), status, note: z.string(), side: z.enum(['secretariat', 'reviewing']), author: z.string(), on: z.string(), at: z.string() }),
]);
const roundView = z.object({ number: z.number(), opensOn: z.string(), dueOn: z.string(), closedOn: z.string().nullable(), state: z.enum(['scheduled', 'open', 'overdue', 'closed']) });
const followUpView = z.object({
  reviewId: z.string(),
  cycle: z.number(),
  state: z.object({ iso3: z.string(), name: z.string() }),
  finalisedOn: z.string().nullable(),
  settings: z.object({ intervalMonths: z.number(), responseDays: z.number() }),
  rounds: z.array(roundView),
  upcoming: z.object({ number: z.number(), opensOn: z.string(), dueOn: z.string() }).nullable(),
  canSeeDetail: z.boolean(),
  may: z.object({ report: z.boolean(), assess: z.boolean(), manage: z.boolean(), plan: z.boolean() }),
  evidenceFiles: z.array(evidenceFile),
  recommendations: z.array(
    z.object({
      article: z.number(),
      sequence: z.number(),
      reference: z.string(),
      text: z.string(),
      latest: z.object({ status, round: z.number(), assessedOn: z.string() }).nullable(),
      claimed: z.object({ status, round: z.number(), submittedOn: z.string() }).nullable(),
      history: z.array(history),
    }),
  ),
});

const progressView = z.object({ percent: z.number().nullable(), status: z.enum(PROGRESS_STATUSES), note: z.string(), reportedOn: z.string(), author: z.string() });
const actionView = z.object({
  id: z.string(),
  version: z.number(),
  title: z.string(),
  ownerInstitution: z.string(),
  deadline: z.string(),
  indicators: z.array(z.string()),
  recommendations: z.array(z.object({ article: z.number(), sequence: z.number(), reference: z.string() })),
  progress: progressView.nullable(),
  progressHistory: z.array(progressView),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
const planView = z.object({
  reviewId: z.string(),
  cycle: z.number(),
  stateIso3: z.string(),
  finalisedOn: z.string().nullable(),
  recommendations: z.array(z.object({ article: z.number(), sequence: z.number(), reference: z.string(), text: z.string() })),
  actions: z.array(actionView),
  may: z.object({ edit: z.boolean() }),
});
const actionBody = z.object({
  title: z.string().max(2_000),
  ownerInstitution: z.string().max(500),
  deadline: isoDateSchema,
  indicators: z.array(z.string().max(2_000)).max(50),
  recommendations: z.array(z.object({ article: z.number().int().min(1), sequence: z.number().int().min(1) })).max(500),
  version: z.number().int().min(0),
});

const figure = z.object({ counts: z.record(z.string(), z.number()), total: z.number(), shareImplemented: z.number().nullable() });
const filterQuery = z.object({
  asAt: isoDateSchema.optional(),
  cycle: z.coerce.number().int().min(1).max(100).optional(),
  article: z.coerce.number().int().min(1).max(1000).optional(),
  chapter: z.string().max(10).optional(),
  regionalGroup: z.string().max(40).optional(),
  stateIso3: z.string().regex(/^[A-Z]{3}$/).optional(),
});
const dashboardView = z.object({
  asAt: z.string(),
  isPublishedOnly: z.boolean(),
  totals: figure,
  by: z.record(z.enum(DIMENSIONS), z.array(figure.extend({ key: z.string() }))),
  quarterly: z.array(figure.extend({ quarter: z.string(), day: z.string() })),
  mostOutstanding: z.array(z.object({ stateIso3: z.string(), name: z.string(), outstanding: z.number(), total: z.number() })),
});
const listView = z.object({
  asAt: z.string(),
  recommendations: z.array(z.object({ reviewId: z.string(), reference: z.string(), stateIso3: z.string(), stateName: z.string(), cycle: z.number(), article: z.number(), chapter: z.string(), regionalGroup: z.string(), text: z.string(), status: statusOrNone })),
});

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };
const noStore = { 'cache-control': 'private, no-store' };

/** RFC 6266: a plain ASCII fallback and the exact name in UTF-8. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function filterOf(q: z.infer<typeof filterQuery>) {
  const { asAt: _asAt, ...rest } = q;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== ''));
}

export function registerFollowUpRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/reviews/:id/follow-up',
    { config: { action: 'followUp.read' }, schema: { tags: ['follow-up'], summary: "A review's follow-up: rounds, recommendations with their latest status; history and evidence for the review's parties and the secretariat; the public sees published recommendations only", params, response: { 200: followUpView, ...errors } } },
    async (request, reply) => {
      reply.headers(noStore);
      return getFollowUp(contextOf(request, deps), request.params.id);
    },
  );

  app.post(
    '/api/reviews/:id/follow-up/rounds',
    {
      config: { action: 'followUp.manage' },
      schema: { tags: ['follow-up'], summary: 'Opens the next follow-up round (secretariat), on the schedule’s dates unless given', params, body: z.object({ opensOn: isoDateSchema.optional(), dueOn: isoDateSchema.optional() }), response: { 201: z.object({ number: z.number(), opensOn: z.string(), dueOn: z.string() }), ...errors } },
    },
    async (request, reply) => reply.code(201).send(await openRound(contextOf(request, deps), request.params.id, request.body)),
  );

  app.post(
    '/api/reviews/:id/follow-up/rounds/:round/close',
    { config: { action: 'followUp.manage' }, schema: { tags: ['follow-up'], summary: 'Closes a follow-up round (secretariat): no more self-reports in it', params: roundParams, response: { 200: z.object({ number: z.number(), closedOn: z.string() }), ...errors } } },
    async (request) => closeRound(contextOf(request, deps), request.params.id, request.params.round),
  );

  app.post(
    '/api/reviews/:id/follow-up/evidence',
    {
      config: { action: 'followUp.report' },
      schema: { tags: ['follow-up'], summary: 'Uploads an evidence file (multipart/form-data, one file; type checked from its bytes; size limit ATTACHMENT_MAX_BYTES)', params, response: { 201: z.object({ file: evidenceFile }), ...errors, 413: problemSchema, 415: problemSchema } },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new DomainError('request.unsupportedMediaType', 'Send the file as multipart/form-data.');
      const part = await request.file();
      if (!part) throw new DomainError('request.invalid', 'No file in the request.');
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new DomainError('attachment.tooLarge', `The file is larger than the limit of ${Math.round(deps.config.ATTACHMENT_MAX_BYTES / 1024 / 1024)} MiB.`);
        }
        throw error;
      }
      const file = await uploadEvidence(contextOf(request, deps), deps.files, deps.config.ATTACHMENT_MAX_BYTES, request.params.id, { filename: part.filename, bytes });
      return reply.code(201).send({ file });
    },
  );

  app.get(
    '/api/reviews/:id/follow-up/evidence/:fileId',
    { config: { action: 'followUp.readUnpublished' }, schema: { tags: ['follow-up'], summary: "Downloads an evidence file (the review's parties and the secretariat)", params: fileParams } },
    async (request, reply) => {
      const { file, bytes } = await readEvidence(contextOf(request, deps), deps.files, request.params.id, request.params.fileId);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition(file.filename))
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(bytes);
    },
  );

  app.post(
    '/api/reviews/:id/follow-up/rounds/:round/recommendations/:article/:sequence/self-reports',
    {
      config: { action: 'followUp.report' },
      schema: {
        tags: ['follow-up'],
        summary: "The State's self-report on a recommendation in a round (focal point of the State under review, or the secretariat): a new version, never an overwrite",
        params: recommendationParams,
        body: z.object({ status, narrative: z.string().max(50_000), links: z.array(link).max(50).default([]), statistics: z.array(statistic).max(50).default([]), documents: z.array(z.uuid()).max(50).default([]) }),
        response: { 201: z.object({ round: z.number(), reference: z.string(), version: z.number(), status, submittedOn: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const { id, round, article, sequence } = request.params;
      return reply.code(201).send(await submitSelfReport(contextOf(request, deps), id, round, article, sequence, request.body));
    },
  );

  app.post(
    '/api/reviews/:id/follow-up/rounds/:round/recommendations/:article/:sequence/assessments',
    {
      config: { action: 'followUp.assess' },
      schema: {
        tags: ['follow-up'],
        summary: 'Assesses the latest self-report on a recommendation (experts of the reviewing States, or the secretariat); 409 when there is no self-report yet',
        params: recommendationParams,
        body: z.object({ status, note: z.string().max(20_000).default(''), assessedOn: isoDateSchema.optional() }),
        response: { 201: z.object({ round: z.number(), reference: z.string(), version: z.number(), status, assessedOn: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const { id, round, article, sequence } = request.params;
      const ctx = contextOf(request, deps);
      return reply.code(201).send(await assessRecommendation(ctx, id, round, article, sequence, { ...request.body, assessedOn: request.body.assessedOn ?? dayOf(ctx.now) }));
    },
  );

  app.get(
    '/api/reviews/:id/action-plan',
    { config: { action: 'followUp.readUnpublished' }, schema: { tags: ['follow-up'], summary: "The national action plan: actions, the recommendations they serve, progress (the review's parties and the secretariat)", params, response: { 200: planView, ...errors } } },
    async (request, reply) => {
      reply.headers(noStore);
      return getActionPlan(contextOf(request, deps), request.params.id);
    },
  );

  app.post(
    '/api/reviews/:id/action-plan/actions',
    { config: { action: 'followUp.plan' }, schema: { tags: ['follow-up'], summary: 'Adds an action to the national action plan (focal point of the State under review, or the secretariat); version 0', params, body: actionBody, response: { 201: z.object({ action: actionView }), ...errors } } },
    async (request, reply) => reply.code(201).send({ action: await saveAction(contextOf(request, deps), request.params.id, null, request.body) }),
  );

  app.put(
    '/api/reviews/:id/action-plan/actions/:actionId',
    { config: { action: 'followUp.plan' }, schema: { tags: ['follow-up'], summary: 'Changes an action: a new version; 409 when `version` is not the latest', params: actionParams, body: actionBody, response: { 200: z.object({ action: actionView }), ...errors } } },
    async (request) => ({ action: await saveAction(contextOf(request, deps), request.params.id, request.params.actionId, request.body) }),
  );

  app.post(
    '/api/reviews/:id/action-plan/actions/:actionId/progress',
    {
      config: { action: 'followUp.plan' },
      schema: {
        tags: ['follow-up'],
        summary: 'Reports progress on an action: a percentage or a status, with a note',
        params: actionParams,
        body: z.object({ percent: z.number().nullable().default(null), status: z.enum(PROGRESS_STATUSES), note: z.string().max(5_000).default(''), reportedOn: isoDateSchema.optional() }),
        response: { 201: z.object({ action: actionView }), ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      return reply.code(201).send({ action: await reportProgress(ctx, request.params.id, request.params.actionId, { ...request.body, reportedOn: request.body.reportedOn ?? dayOf(ctx.now) }) });
    },
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/api/reviews/:id/action-plan.${format}`,
      { config: { action: 'followUp.readUnpublished' }, schema: { tags: ['follow-up'], summary: `The national action plan as ${format.toUpperCase()}`, params } },
      async (request, reply) => {
        const file = await exportActionPlan(contextOf(request, deps), request.params.id, format);
        return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).header('cache-control', 'private, no-store').send(file.body);
      },
    );
  }

  app.get(
    '/api/follow-up/dashboard',
    { config: { action: 'followUp.read' }, schema: { tags: ['follow-up'], summary: 'Shares implemented as at a date by article, chapter, regional group, cycle and quarter; States with the most outstanding recommendations (the public: published recommendations only)', querystring: filterQuery, response: { 200: dashboardView, ...errors } } },
    async (request) => {
      const ctx = contextOf(request, deps);
      return followUpDashboard(ctx, request.query.asAt ?? dayOf(ctx.now), filterOf(request.query));
    },
  );

  app.get(
    '/api/follow-up/dashboard/recommendations',
    {
      config: { action: 'followUp.read' },
      schema: {
        tags: ['follow-up'],
        summary: 'The recommendations behind a dashboard figure: same filter, plus the figure’s dimension value and status',
        querystring: filterQuery.extend({ dimension: z.enum(DIMENSIONS).optional(), key: z.string().max(40).optional(), status: statusOrNone.optional(), outstanding: z.enum(['true', 'false']).optional() }),
        response: { 200: listView, ...errors },
      },
    },
    async (request) => {
      const ctx = contextOf(request, deps);
      const { dimension, key, status: wanted, outstanding, ...query } = request.query;
      return followUpDashboardList(ctx, query.asAt ?? dayOf(ctx.now), filterOf(query), { dimension, key, status: wanted, outstandingOnly: outstanding === 'true' });
    },
  );
}
