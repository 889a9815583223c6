/**
 * The country review report, its executive summary in six languages, the State's consent
 * and publication (docs/REPORTS.md §4). Thin: each handler validates and calls a use case.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ASSISTANCE_TYPES } from '../../domain/reviews/checklist.ts';
import { CONSENT_DOCUMENTS, PUBLISHED_DOCUMENTS } from '../../domain/reports/publication.ts';
import { TRANSLATION_STATUSES, UN_LANGUAGES } from '../../domain/reports/summary.ts';
import { addComment, agreeToReport, finaliseReport, getComments, getReport, listSectionVersions, MAX_COMMENT, saveSection, shareReport } from '../use-cases/report.ts';
import { finaliseSummary, getSummary, prefill, saveLanguageVersion, saveSummary } from '../use-cases/summary.ts';
import { getPublications, publish, recordConsent } from '../use-cases/publication.ts';
import { draftReportFile, draftSummaryFile, type DocumentFile } from '../use-cases/report-documents.ts';
import { contextOf, problemSchema, type App, type RouteDeps } from './route-context.ts';

const params = z.object({ id: z.uuid() });
const sectionParams = z.object({ id: z.uuid(), article: z.coerce.number().int().min(1).max(100) });
const languageParams = z.object({ id: z.uuid(), language: z.enum(UN_LANGUAGES) });

const item = z.object({ text: z.string().max(10_000) });
const contentSchema = z.object({
  summary: z.string().max(200_000),
  observations: z.string().max(200_000),
  successes: z.string().max(200_000),
  challenges: z.string().max(200_000),
  recommendations: z.array(item).max(500),
  goodPractices: z.array(item).max(500),
  needs: z.array(z.object({ type: z.enum(ASSISTANCE_TYPES), text: z.string().max(10_000) })).max(500),
});

const sectionView = z.object({
  article: z.number(),
  title: z.string(),
  chapter: z.string(),
  version: z.number(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  authors: z.array(z.string()),
  content: contentSchema,
  commentCount: z.number(),
});

const reportView = z.object({
  reviewId: z.string(),
  cycle: z.number(),
  state: z.object({ iso3: z.string(), name: z.string() }),
  status: z.enum(['drafting', 'shared', 'agreed', 'finalised']),
  sharedAt: z.string().nullable(),
  agreement: z.object({ at: z.string(), by: z.string(), versions: z.record(z.string(), z.number()) }).nullable(),
  agreementHolds: z.boolean(),
  finalisedAt: z.string().nullable(),
  may: z.object({ draft: z.boolean(), comment: z.boolean(), share: z.boolean(), agree: z.boolean(), finalise: z.boolean() }),
  sections: z.array(sectionView),
});

const commentView = z.object({ id: z.string(), author: z.string(), side: z.enum(['secretariat', 'reviewing', 'under-review']), body: z.string(), createdAt: z.string() });

const summaryView = z.object({
  reviewId: z.string(),
  status: z.enum(['drafting', 'finalised']),
  symbol: z.string(),
  text: z.string(),
  version: z.number(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
  finalisedAt: z.string().nullable(),
  reportStatus: z.enum(['drafting', 'shared', 'agreed', 'finalised']),
  may: z.object({ draft: z.boolean(), finalise: z.boolean(), translate: z.boolean() }),
  languages: z.array(
    z.object({
      language: z.enum(UN_LANGUAGES),
      status: z.enum(TRANSLATION_STATUSES),
      text: z.string(),
      version: z.number(),
      updatedBy: z.string().nullable(),
      updatedAt: z.string().nullable(),
      publishedAt: z.string().nullable(),
    }),
  ),
});

const publicationsView = z.object({
  consent: z.object({ documents: z.array(z.enum(CONSENT_DOCUMENTS)), languages: z.array(z.string()), note: z.string(), recordedBy: z.string(), recordedAt: z.string() }).nullable(),
  publications: z.array(z.object({ id: z.string(), document: z.enum(PUBLISHED_DOCUMENTS), language: z.string(), version: z.number(), note: z.string(), publishedAt: z.string(), publishedBy: z.string() })),
  may: z.object({ consent: z.boolean(), publish: z.boolean() }),
});

/** Sends a generated document as a download that no cache keeps (it is confidential). */
export function sendDocument(reply: FastifyReply, file: DocumentFile, cacheControl = 'private, no-store') {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', cacheControl)
    .send(file.body);
}

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const noStore = { 'cache-control': 'private, no-store' };

export function registerReportRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/reviews/:id/report',
    { config: { action: 'report.read' }, schema: { tags: ['report'], summary: 'The country review report: sections per article under review, status, what the actor may do (parties; audited)', params, response: { 200: reportView, ...errors } } },
    async (request, reply) => {
      reply.headers(noStore);
      return getReport(contextOf(request, deps), request.params.id);
    },
  );

  app.put(
    '/api/reviews/:id/report/sections/:article',
    {
      config: { action: 'report.draft' },
      schema: {
        tags: ['report'],
        summary: 'Saves a section as a new version (secretariat, experts of the reviewing States); 409 with the stored section when `version` is stale',
        params: sectionParams,
        body: z.object({ content: contentSchema, version: z.number().int().min(0) }),
        response: { 200: z.object({ section: sectionView }), ...errors },
      },
    },
    async (request) => ({ section: await saveSection(contextOf(request, deps), request.params.id, request.params.article, request.body) }),
  );

  app.get(
    '/api/reviews/:id/report/sections/:article/versions',
    {
      config: { action: 'report.read' },
      schema: {
        tags: ['report'],
        summary: 'Every version of a section, newest first',
        params: sectionParams,
        response: { 200: z.object({ versions: z.array(z.object({ version: z.number(), author: z.string(), createdAt: z.string(), content: contentSchema })) }), ...errors },
      },
    },
    async (request, reply) => {
      reply.headers(noStore);
      return { versions: await listSectionVersions(contextOf(request, deps), request.params.id, request.params.article) };
    },
  );

  app.get(
    '/api/reviews/:id/report/sections/:article/comments',
    { config: { action: 'report.read' }, schema: { tags: ['report'], summary: 'Comments on a section', params: sectionParams, response: { 200: z.object({ comments: z.array(commentView) }), ...errors } } },
    async (request, reply) => {
      reply.headers(noStore);
      return { comments: await getComments(contextOf(request, deps), request.params.id, request.params.article) };
    },
  );

  app.post(
    '/api/reviews/:id/report/sections/:article/comments',
    {
      config: { action: 'report.comment' },
      schema: { tags: ['report'], summary: 'Comments on a section (every party of the review)', params: sectionParams, body: z.object({ body: z.string().max(MAX_COMMENT) }), response: { 200: z.object({ comment: commentView }), ...errors } },
    },
    async (request) => ({ comment: await addComment(contextOf(request, deps), request.params.id, request.params.article, request.body.body) }),
  );

  const step = (path: string, action: 'report.share' | 'report.agree' | 'report.finalise', summary: string, run: typeof shareReport) =>
    app.post(`/api/reviews/:id/report/${path}`, { config: { action }, schema: { tags: ['report'], summary, params, response: { 200: reportView, ...errors } } }, async (request) => {
      const result = await run(contextOf(request, deps), request.params.id);
      deps.trackerCache.clear();
      return result;
    });
  step('share', 'report.share', 'Shares the draft with the State under review: records "draft report shared" (secretariat)', shareReport);
  step('agree', 'report.agree', 'The State under review agrees to the report as it stands (its focal point)', agreeToReport);
  step('finalise', 'report.finalise', 'Finalises the agreed report: records "report finalised" (secretariat)', finaliseReport);

  app.get(
    '/api/reviews/:id/summary',
    { config: { action: 'report.read' }, schema: { tags: ['report'], summary: 'The executive summary and its six language versions (parties; audited)', params, response: { 200: summaryView, ...errors } } },
    async (request, reply) => {
      reply.headers(noStore);
      return getSummary(contextOf(request, deps), request.params.id);
    },
  );

  app.put(
    '/api/reviews/:id/summary',
    {
      config: { action: 'report.draft' },
      schema: {
        tags: ['report'],
        summary: 'Saves the draft summary and its document symbol; 409 with the stored one when `version` is stale',
        params,
        body: z.object({ text: z.string().max(400_000), symbol: z.string().max(200), version: z.number().int().min(0) }),
        response: { 200: summaryView, ...errors },
      },
    },
    async (request) => saveSummary(contextOf(request, deps), request.params.id, request.body),
  );

  app.get(
    '/api/reviews/:id/summary/prefill',
    { config: { action: 'report.draft' }, schema: { tags: ['report'], summary: "A first draft of the summary from the report's structured content", params, response: { 200: z.object({ text: z.string() }), ...errors } } },
    async (request, reply) => {
      reply.headers(noStore);
      return prefill(contextOf(request, deps), request.params.id);
    },
  );

  app.post(
    '/api/reviews/:id/summary/finalise',
    { config: { action: 'report.finalise' }, schema: { tags: ['report'], summary: 'Finalises the summary of an agreed report and publishes its original (secretariat)', params, response: { 200: summaryView, ...errors } } },
    async (request) => {
      const result = await finaliseSummary(contextOf(request, deps), request.params.id);
      deps.trackerCache.clear();
      return result;
    },
  );

  app.put(
    '/api/reviews/:id/summary/languages/:language',
    {
      config: { action: 'summary.translate' },
      schema: {
        tags: ['report'],
        summary: 'Saves a language version of the summary with its status; a final version is published (secretariat)',
        params: languageParams,
        body: z.object({ text: z.string().max(400_000), status: z.enum(TRANSLATION_STATUSES), version: z.number().int().min(0) }),
        response: { 200: summaryView, ...errors },
      },
    },
    async (request) => {
      const result = await saveLanguageVersion(contextOf(request, deps), request.params.id, request.params.language, request.body);
      deps.trackerCache.clear();
      return result;
    },
  );

  app.get(
    '/api/reviews/:id/publications',
    { config: { action: 'report.read' }, schema: { tags: ['report'], summary: "The State's consent and every publication of the review", params, response: { 200: publicationsView, ...errors } } },
    async (request, reply) => {
      reply.headers(noStore);
      return getPublications(contextOf(request, deps), request.params.id);
    },
  );

  app.post(
    '/api/reviews/:id/consent',
    {
      config: { action: 'publication.consent' },
      schema: {
        tags: ['report'],
        summary: "Records the State's consent to publish its report and/or checklist, in the given languages (focal point, or the secretariat recording it)",
        params,
        body: z.object({ documents: z.array(z.enum(CONSENT_DOCUMENTS)).max(2), languages: z.array(z.enum(UN_LANGUAGES)).max(6), note: z.string().max(2_000).optional() }),
        response: { 200: publicationsView, ...errors },
      },
    },
    async (request) => recordConsent(contextOf(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/reviews/:id/publications',
    {
      config: { action: 'publication.publish' },
      schema: {
        tags: ['report'],
        summary: 'Publishes a document in a language, or a correction of it with a note (secretariat); the published text never changes',
        params,
        body: z.object({ document: z.enum(PUBLISHED_DOCUMENTS), language: z.enum(UN_LANGUAGES), note: z.string().max(2_000).optional() }),
        response: { 200: publicationsView, ...errors },
      },
    },
    async (request) => {
      const result = await publish(contextOf(request, deps), request.params.id, request.body);
      deps.trackerCache.clear();
      return result;
    },
  );

  for (const format of ['docx', 'pdf'] as const) {
    app.get(
      `/api/reviews/:id/report.${format}`,
      { config: { action: 'report.read' }, schema: { tags: ['report'], summary: `The report as it stands, as ${format.toUpperCase()} in the UN layout (parties; audited)`, params, response: errors } },
      async (request, reply) => sendDocument(reply, await draftReportFile(contextOf(request, deps), request.params.id, format)),
    );
    app.get(
      `/api/reviews/:id/summary.${format}`,
      {
        config: { action: 'report.read' },
        schema: { tags: ['report'], summary: `A language version of the executive summary as ${format.toUpperCase()} (parties; audited)`, params, querystring: z.object({ language: z.enum(UN_LANGUAGES).default('en') }), response: errors },
      },
      async (request, reply) => sendDocument(reply, await draftSummaryFile(contextOf(request, deps), request.params.id, request.query.language, format)),
    );
  }
}
