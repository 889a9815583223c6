/**
 * Registration and attendance of a session (docs/SESSIONS.md §11): register a delegation
 * with its participants, approvals and attendance, the list, the attendance paragraphs of the
 * report and the list of participants as PDF and XLSX. Thin: each handler validates and calls
 * a use case.
 */
import { z } from 'zod';
import { UN_LANGUAGES } from '../../domain/parties/party.ts';
import { ATTENDANCE_MODES, DELEGATION_KINDS, OBSERVER_CATEGORIES, REGISTRATION_STATUSES } from '../../domain/sessions/registration.ts';
import { SESSION_FORMATS } from '../../domain/sessions/session.ts';
import { buildParticipantsPdf } from '../documents/participants-pdf.ts';
import { buildParticipantsXlsx } from '../documents/participants-xlsx.ts';
import * as attendance from '../use-cases/session-attendance.ts';
import { contextOf, problemSchema, type App, type RouteDeps } from './route-context.ts';

const params = z.object({ id: z.uuid() });
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };

const participantView = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  email: z.string().nullable(),
  status: z.enum(REGISTRATION_STATUSES),
  registeredAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  attendedAt: z.string().nullable(),
  connectedAt: z.string().nullable(),
});
const listView = z.object({
  sessionId: z.string(),
  format: z.enum(SESSION_FORMATS),
  registrationOpen: z.boolean(),
  delegations: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(DELEGATION_KINDS),
      iso3: z.string().nullable(),
      category: z.enum(OBSERVER_CATEGORIES).nullable(),
      name: z.string(),
      names: z.record(z.string(), z.string()),
      sortAs: z.string().nullable(),
      participants: z.array(participantView),
    }),
  ),
  counts: z.object({
    delegations: z.number(),
    delegationsAttended: z.number(),
    participants: z.number(),
    registered: z.number(),
    approved: z.number(),
    attended: z.number(),
    rejected: z.number(),
    withdrawn: z.number(),
  }),
  may: z.object({ manage: z.boolean(), register: z.boolean() }),
});

const delegationInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('state'), iso3: z.string().regex(/^[A-Za-z]{3}$/, 'three letters (ISO 3166-1 alpha-3)'), signatory: z.boolean().optional() }),
  z.object({ kind: z.literal('reio') }),
  z.object({ kind: z.literal('observer'), name: z.string().max(300), category: z.enum(OBSERVER_CATEGORIES), sortAs: z.string().max(300).nullable().optional() }),
]);
const participantInput = z.object({ name: z.string().max(200), title: z.string().max(300).default(''), email: z.string().max(254).default('') });

/** RFC 6266: a plain ASCII fallback. */
function disposition(filename: string): string {
  return `attachment; filename="${filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')}"`;
}

export function registerSessionAttendanceRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/sessions/:id/participants',
    {
      config: { action: 'sessions.participants.read' },
      schema: { tags: ['sessions'], summary: 'Delegations and participants in the UN order, with counts (e-mails for the secretariat only)', params, response: { 200: listView, ...errors } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return attendance.listParticipants(contextOf(request, deps), request.params.id);
    },
  );

  app.post(
    '/api/sessions/:id/participants',
    {
      config: { action: 'sessions.register' },
      schema: {
        tags: ['sessions'],
        summary: "Registers participants of one delegation (a State party or signatory, the EU, an observer); a focal point or delegate for their own State's delegation only",
        params,
        body: z.object({ delegation: delegationInput, participants: z.array(participantInput).min(1).max(attendance.MAX_PARTICIPANTS_PER_REQUEST) }),
        response: { 201: listView.extend({ delegationId: z.string() }), ...errors },
      },
    },
    async (request, reply) => reply.code(201).send(await attendance.registerDelegation(contextOf(request, deps), request.params.id, request.body)),
  );

  app.post(
    '/api/sessions/:id/participants/steps',
    {
      config: { action: 'sessions.manage' },
      schema: {
        tags: ['sessions'],
        summary: 'Approves, rejects, withdraws or records the attendance of participants (all or none); mode "online" is a confirmed online connection',
        params,
        body: z.object({ ids: z.array(z.uuid()).min(1).max(2000), to: z.enum(['approved', 'rejected', 'withdrawn', 'attended']), mode: z.enum(ATTENDANCE_MODES).optional() }),
        response: { 200: listView, ...errors },
      },
    },
    async (request) => {
      const { ids, to, mode } = request.body;
      const step = to === 'attended' ? { to, mode: mode ?? 'in-person' } : { to };
      return attendance.stepParticipants(contextOf(request, deps), request.params.id, ids, step);
    },
  );

  app.get(
    '/api/sessions/:id/attendance',
    {
      config: { action: 'sessions.participants.read' },
      schema: {
        tags: ['sessions'],
        summary: 'The attendance paragraphs of the session report in a language (States parties, signatories, the EU, observers by category; attended delegations only)',
        params,
        querystring: z.object({ lang: z.enum(UN_LANGUAGES).default('en'), first: z.coerce.number().int().min(1).max(999).default(1) }),
        response: { 200: z.object({ sessionId: z.string(), language: z.enum(UN_LANGUAGES), paragraphs: z.array(z.string()), text: z.string(), basedOnConnections: z.boolean() }), ...errors },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return attendance.attendance(contextOf(request, deps), request.params.id, request.query.lang, request.query.first);
    },
  );

  app.get(
    '/api/sessions/:id/participants.pdf',
    { config: { action: 'sessions.participants.read' }, schema: { tags: ['sessions'], summary: 'The list of participants as PDF, grouped in the UN order', params } },
    async (request, reply) => {
      const list = await attendance.participantsList(contextOf(request, deps), request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', disposition(`participants-${request.params.id.slice(0, 8)}.pdf`))
        .header('cache-control', 'private, no-store')
        .send(await buildParticipantsPdf(list));
    },
  );

  app.get(
    '/api/sessions/:id/participants.xlsx',
    { config: { action: 'sessions.participants.read' }, schema: { tags: ['sessions'], summary: 'The list of participants as an Excel workbook, one row per participant', params } },
    async (request, reply) => {
      const list = await attendance.participantsList(contextOf(request, deps), request.params.id);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', disposition(`participants-${request.params.id.slice(0, 8)}.xlsx`))
        .header('cache-control', 'private, no-store')
        .send(await buildParticipantsXlsx(list));
    },
  );
}
