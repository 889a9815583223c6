/**
 * Sessions of the governing bodies (docs/SESSIONS.md): bodies, sessions, meetings, agenda,
 * documents with language files, the calendar, and the session report with its silence
 * procedure. Thin: each handler validates and calls a use case.
 */
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { DISTRIBUTIONS, DOCUMENT_LANGUAGES, DOCUMENT_ROLES, SESSION_FORMATS, SESSION_STATUSES } from '../../domain/sessions/session.ts';
import { REPORT_STATUSES } from '../../domain/sessions/silence.ts';
import { buildSessionIcs } from '../documents/session-ics.ts';
import * as sessions from '../use-cases/sessions.ts';
import * as report from '../use-cases/sessions-report.ts';
import { contextOf, isoDateSchema, problemSchema, type App, type RouteDeps } from './route-context.ts';

const params = z.object({ id: z.uuid() });
const fileParams = z.object({ id: z.uuid(), documentId: z.uuid(), language: z.enum(DOCUMENT_LANGUAGES) });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };

const bodySchema = z.object({ code: z.string(), name: z.string(), series: z.string() });
const sessionFields = z.object({
  bodies: z.array(z.string().min(1).max(20)).min(1).max(10),
  number: z.number().int().min(1).max(999),
  resumedPart: z.number().int().min(0).max(20),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  venue: z.string().max(200),
  format: z.enum(SESSION_FORMATS),
});
const sessionSummary = z.object({
  id: z.string(),
  name: z.string(),
  bodies: z.array(z.object({ code: z.string(), name: z.string() })),
  joint: z.boolean(),
  number: z.number(),
  resumedPart: z.number(),
  startDate: z.string(),
  endDate: z.string(),
  venue: z.string(),
  format: z.enum(SESSION_FORMATS),
  status: z.enum(SESSION_STATUSES),
  agendaAdoptedOn: z.string().nullable(),
  version: z.number(),
});
const documentView = z.object({
  id: z.string(),
  symbol: z.string(),
  title: z.string(),
  distributedOn: z.string().nullable(),
  distribution: z.enum(DISTRIBUTIONS),
  role: z.enum(DOCUMENT_ROLES),
  files: z.array(z.object({ language: z.enum(DOCUMENT_LANGUAGES), filename: z.string(), contentType: z.string(), sizeBytes: z.number(), uploadedAt: z.string() })),
});
const sessionView = sessionSummary.extend({
  meetings: z.array(z.object({ id: z.string(), title: z.string(), startsAt: z.string(), endsAt: z.string(), room: z.string(), bodies: z.array(z.string()) })),
  agenda: z.array(z.object({ label: z.string(), number: z.number(), letter: z.string().nullable(), title: z.string(), depth: z.number(), documents: z.array(z.object({ symbol: z.string(), documentId: z.string().nullable() })) })),
  documents: z.array(documentView),
  report: z.object({ status: z.enum(REPORT_STATUSES), silence: z.enum(['none', 'running', 'broken', 'ended']), adoptedOn: z.string().nullable(), adoptionMode: z.enum(['meeting', 'silence']).nullable(), silenceDeadline: z.string().nullable() }),
  may: z.object({ manage: z.boolean(), readMaterial: z.boolean(), object: z.boolean() }),
});
const agendaItem = z.object({ title: z.string().max(500), documents: z.array(z.string().max(80)).max(30) });
const agendaInput = z.array(agendaItem.extend({ items: z.array(agendaItem).max(26).optional() })).max(60);
const reportView = z.object({
  sessionId: z.string(),
  status: z.enum(REPORT_STATUSES),
  silence: z.enum(['none', 'running', 'broken', 'ended']),
  version: z.number(),
  circulatedVersion: z.number().nullable(),
  circulatedAt: z.string().nullable(),
  silenceDeadline: z.string().nullable(),
  adoptedOn: z.string().nullable(),
  adoptionMode: z.enum(['meeting', 'silence']).nullable(),
  adoptionPending: z.boolean(),
  lockedAt: z.string().nullable(),
  versions: z.array(z.object({ version: z.number(), text: z.string(), author: z.string(), createdAt: z.string() })),
  objections: z.array(z.object({ stateIso3: z.string(), circulatedVersion: z.number(), note: z.string(), objectedBy: z.string(), objectedAt: z.string() })),
  history: z.array(z.object({ action: z.string(), actor: z.string(), at: z.string(), details: z.record(z.string(), z.unknown()) })),
  may: z.object({ edit: z.boolean(), circulate: z.boolean(), adopt: z.boolean(), closeSilence: z.boolean(), lock: z.boolean(), object: z.boolean() }),
});

/** RFC 6266: a plain ASCII fallback and the exact name in UTF-8. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function registerSessionRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/session-bodies',
    { config: { action: 'sessions.read' }, schema: { tags: ['sessions'], summary: 'The governing bodies whose sessions are kept', response: { 200: z.object({ bodies: z.array(bodySchema) }) } } },
    async (request) => ({ bodies: await sessions.listBodies(contextOf(request, deps)) }),
  );

  app.post(
    '/api/session-bodies',
    {
      config: { action: 'sessions.manage' },
      schema: {
        tags: ['sessions'],
        summary: 'Adds a body (code, name, the series of its document symbols)',
        body: z.object({ code: z.string().regex(/^[A-Z0-9]{2,12}$/, 'capital letters and digits, 2 to 12'), name: z.string().min(1).max(300), series: z.string().min(1).max(40) }),
        response: { 201: z.object({ body: bodySchema }), ...errors },
      },
    },
    async (request, reply) => reply.code(201).send({ body: await sessions.addBody(contextOf(request, deps), request.body) }),
  );

  app.get(
    '/api/sessions',
    { config: { action: 'sessions.read' }, schema: { tags: ['sessions'], summary: 'Sessions of the governing bodies, latest first', response: { 200: z.object({ sessions: z.array(sessionSummary) }) } } },
    async (request) => ({ sessions: await sessions.listSessions(contextOf(request, deps)) }),
  );

  app.post(
    '/api/sessions',
    { config: { action: 'sessions.manage' }, schema: { tags: ['sessions'], summary: 'Creates a session (several bodies make a joint meeting; resumedPart 1, 2 … for resumed parts)', body: sessionFields, response: { 201: z.object({ session: sessionView }), ...errors } } },
    async (request, reply) => reply.code(201).send({ session: await sessions.createSession(contextOf(request, deps), request.body) }),
  );

  app.get(
    '/api/sessions/:id',
    { config: { action: 'sessions.read' }, schema: { tags: ['sessions'], summary: 'A session: meetings, agenda, documents (the public: general distribution only), report status', params, response: { 200: z.object({ session: sessionView }), ...errors } } },
    async (request) => ({ session: await sessions.getSession(contextOf(request, deps), request.params.id) }),
  );

  app.put(
    '/api/sessions/:id',
    { config: { action: 'sessions.manage' }, schema: { tags: ['sessions'], summary: 'Changes a session; 409 when `version` is stale', params, body: sessionFields.extend({ version: z.number().int().min(1) }), response: { 200: z.object({ session: sessionView }), ...errors } } },
    async (request) => ({ session: await sessions.updateSession(contextOf(request, deps), request.params.id, request.body) }),
  );

  app.post(
    '/api/sessions/:id/status',
    { config: { action: 'sessions.manage' }, schema: { tags: ['sessions'], summary: 'Moves the status forward: planned → registration → closed → held', params, body: z.object({ status: z.enum(SESSION_STATUSES) }), response: { 200: z.object({ session: sessionView }), ...errors } } },
    async (request) => ({ session: await sessions.changeStatus(contextOf(request, deps), request.params.id, request.body.status) }),
  );

  app.put(
    '/api/sessions/:id/meetings',
    {
      config: { action: 'sessions.manage' },
      schema: {
        tags: ['sessions'],
        summary: "Replaces the session's meetings (a meeting may be joint: the bodies holding it)",
        params,
        body: z.object({ meetings: z.array(z.object({ title: z.string().min(1).max(300), startsAt: z.iso.datetime({ offset: true }), endsAt: z.iso.datetime({ offset: true }), room: z.string().max(100), bodies: z.array(z.string()).max(10) })).max(100) }),
        response: { 200: z.object({ session: sessionView }), ...errors },
      },
    },
    async (request) => ({ session: await sessions.replaceMeetings(contextOf(request, deps), request.params.id, request.body.meetings) }),
  );

  app.put(
    '/api/sessions/:id/agenda',
    { config: { action: 'sessions.manage' }, schema: { tags: ['sessions'], summary: 'Replaces the agenda: items, sub-items and the symbols of the documents considered', params, body: z.object({ items: agendaInput, version: z.number().int().min(1) }), response: { 200: z.object({ session: sessionView }), ...errors } } },
    async (request) => ({ session: await sessions.saveAgenda(contextOf(request, deps), request.params.id, request.body.items, request.body.version) }),
  );

  app.post(
    '/api/sessions/:id/agenda/adopt',
    { config: { action: 'sessions.manage' }, schema: { tags: ['sessions'], summary: 'Records the adoption of the agenda on a day of the session', params, body: z.object({ on: isoDateSchema }), response: { 200: z.object({ session: sessionView }), ...errors } } },
    async (request) => ({ session: await sessions.adoptAgenda(contextOf(request, deps), request.params.id, request.body.on) }),
  );

  app.post(
    '/api/sessions/:id/agenda/carry',
    { config: { action: 'sessions.manage' }, schema: { tags: ['sessions'], summary: "Fills this session's empty provisional agenda with the items of another session", params, body: z.object({ fromSessionId: z.uuid() }), response: { 200: z.object({ session: sessionView }), ...errors } } },
    async (request) => ({ session: await sessions.carryAgendaFrom(contextOf(request, deps), request.params.id, request.body.fromSessionId) }),
  );

  app.post(
    '/api/sessions/:id/documents',
    {
      config: { action: 'sessions.manage' },
      schema: {
        tags: ['sessions'],
        summary: 'Adds a document by its UN symbol (validated and written in canonical form)',
        params,
        body: z.object({ symbol: z.string().max(120), title: z.string().max(500), distributedOn: isoDateSchema.nullable(), distribution: z.enum(DISTRIBUTIONS), role: z.enum(DOCUMENT_ROLES) }),
        response: { 201: z.object({ document: documentView }), ...errors },
      },
    },
    async (request, reply) => reply.code(201).send({ document: await sessions.addDocument(contextOf(request, deps), request.params.id, request.body) }),
  );

  app.post(
    '/api/sessions/:id/documents/:documentId/files/:language',
    {
      config: { action: 'sessions.manage' },
      schema: { tags: ['sessions'], summary: 'Uploads the language version of a document (multipart, one PDF or DOCX file; type from its bytes)', params: fileParams, response: { 200: z.object({ document: documentView }), ...errors, 413: problemSchema, 415: problemSchema } },
    },
    async (request) => {
      if (!request.isMultipart()) throw new DomainError('request.unsupportedMediaType', 'Send the file as multipart/form-data.');
      const part = await request.file();
      if (!part) throw new DomainError('request.invalid', 'No file in the request.');
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError('attachment.tooLarge', `The file is larger than the limit of ${Math.round(deps.config.ATTACHMENT_MAX_BYTES / 1024 / 1024)} MiB.`);
        throw error;
      }
      const { id, documentId, language } = request.params;
      return { document: await sessions.uploadDocumentFile(contextOf(request, deps), deps.files, deps.config.ATTACHMENT_MAX_BYTES, id, documentId, language, { filename: part.filename, bytes }) };
    },
  );

  app.get(
    '/api/sessions/:id/documents/:documentId/files/:language',
    { config: { action: 'sessions.read' }, schema: { tags: ['sessions'], summary: 'Downloads a language version (the public: general distribution only)', params: fileParams } },
    async (request, reply) => {
      const { file, document, bytes } = await sessions.readDocumentFile(contextOf(request, deps), deps.files, request.params.id, request.params.documentId, request.params.language);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition(file.filename))
        .header('cache-control', document.distribution === 'general' ? 'public, max-age=300' : 'private, no-store')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(bytes);
    },
  );

  app.get(
    '/api/sessions/:id/calendar.ics',
    { config: { action: 'sessions.read' }, schema: { tags: ['sessions'], summary: "The session's meetings as an iCalendar file", params } },
    async (request, reply) => {
      const session = await sessions.getSession(contextOf(request, deps), request.params.id);
      const base = deps.config.PUBLIC_URL;
      const body = buildSessionIcs({ ...session, generatedAt: new Date(), url: base ? `${base.replace(/\/$/, '')}/sessions/${session.id}` : undefined });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="session-${session.startDate}.ics"`)
        .send(body);
    },
  );

  const reportReply = { 200: z.object({ report: reportView }), ...errors };

  app.get(
    '/api/sessions/:id/report',
    { config: { action: 'sessions.readMaterial' }, schema: { tags: ['sessions'], summary: 'The session report: status (adoption by silence computed now), versions, objections, history', params, response: reportReply } },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return { report: await report.getSessionReport(contextOf(request, deps), request.params.id) };
    },
  );

  app.put(
    '/api/sessions/:id/report',
    { config: { action: 'sessions.manage' }, schema: { tags: ['sessions'], summary: 'Saves a new text version (a circulated draft becomes amended); 409 when `version` is stale', params, body: z.object({ text: z.string().max(report.MAX_REPORT_TEXT), version: z.number().int().min(0) }), response: reportReply } },
    async (request) => ({ report: await report.saveReportText(contextOf(request, deps), request.params.id, request.body.text, request.body.version) }),
  );

  app.post(
    '/api/sessions/:id/report/circulate',
    {
      config: { action: 'sessions.manage' },
      schema: { tags: ['sessions'], summary: 'Circulates the latest version, with a silence deadline or for adoption in a meeting (null)', params, body: z.object({ silenceDeadline: z.iso.datetime({ offset: true }).nullable() }), response: reportReply },
    },
    async (request) => ({ report: await report.circulateReport(contextOf(request, deps), request.params.id, request.body.silenceDeadline ? new Date(request.body.silenceDeadline) : null) }),
  );

  app.post(
    '/api/sessions/:id/report/objections',
    { config: { action: 'sessions.object' }, schema: { tags: ['sessions'], summary: "Breaks the silence for the actor's State party (before the deadline only)", params, body: z.object({ note: z.string().max(2000) }), response: reportReply } },
    async (request) => ({ report: await report.objectToReport(contextOf(request, deps), request.params.id, request.body.note) }),
  );

  app.post(
    '/api/sessions/:id/report/close-silence',
    { config: { action: 'sessions.manage' }, schema: { tags: ['sessions'], summary: 'Writes down the adoption by silence once the deadline passed without objection', params, response: reportReply } },
    async (request) => ({ report: await report.closeSilence(contextOf(request, deps), request.params.id) }),
  );

  app.post(
    '/api/sessions/:id/report/adopt',
    { config: { action: 'sessions.manage' }, schema: { tags: ['sessions'], summary: 'Records the adoption of the report in a meeting', params, body: z.object({ on: isoDateSchema }), response: reportReply } },
    async (request) => ({ report: await report.adoptReport(contextOf(request, deps), request.params.id, request.body.on) }),
  );

  app.post(
    '/api/sessions/:id/report/lock',
    { config: { action: 'sessions.manage' }, schema: { tags: ['sessions'], summary: 'Locks the adopted report', params, response: reportReply } },
    async (request) => ({ report: await report.lockReport(contextOf(request, deps), request.params.id) }),
  );
}
