/**
 * The direct dialogue of a review: read (parties), organise (secretariat), session notes
 * (secretariat, reviewing experts), slots for a virtual visit, and the calendar file.
 */
import { z } from 'zod';
import { DIALOGUE_FORMS, UN_LANGUAGES } from '../../domain/dialogue/dialogue.ts';
import { exportDialogueIcs, getDialogue, MAX_NOTES, saveDialogue, saveSessionNotes, scheduleDialogue } from '../use-cases/dialogue.ts';
import { recordDialogueHeld } from '../use-cases/dialogue-held.ts';
import { contextOf, isoDateSchema, problemSchema, type App, type RouteDeps } from './route-context.ts';

const params = z.object({ id: z.uuid() });
const text = (max = 500) => z.string().max(max);
const clock = z.string().regex(/^\d{2}:\d{2}$/, 'expected a time as HH:MM');

const participantSchema = z.object({
  id: z.uuid().optional(),
  name: text(),
  side: z.string().max(40).describe('state-under-review, reviewer:ISO3, secretariat or stakeholder'),
  organisation: text().optional(),
  email: z.string().max(320).nullable().optional(),
  attended: z.boolean().nullable().optional(),
});

const sessionInputSchema = z.object({
  id: z.uuid().optional().describe('keep the id of an existing session so its notes stay with it'),
  title: text(),
  topic: text().optional(),
  date: z.string().max(10).describe('day in the dialogue zone, YYYY-MM-DD'),
  startTime: clock.describe('wall-clock time in the dialogue zone'),
  endTime: clock,
});

const dialogueBody = z.object({
  form: z.string().max(40).describe(DIALOGUE_FORMS.join(' | ')),
  timeZone: z.string().max(64).describe('IANA zone of the dialogue, e.g. Europe/Vienna'),
  startDate: isoDateSchema.nullable(),
  endDate: isoDateSchema.nullable(),
  location: text().optional(),
  stakeholdersAgreed: z.boolean(),
  interpretationLanguages: z.array(z.string().max(8)).max(6).describe(UN_LANGUAGES.join(', ')),
  participants: z.array(participantSchema).max(200),
  sessions: z.array(sessionInputSchema).max(100),
  version: z.number().int().min(0).describe('the version read; 0 to create'),
});

const sessionView = z.object({
  id: z.string(),
  title: z.string(),
  topic: z.string(),
  start: z.string(),
  end: z.string(),
  local: z.object({ date: z.string(), startTime: z.string(), endTime: z.string(), utcOffset: z.string() }),
  notes: z.string(),
  notesVersion: z.number(),
  notesUpdatedBy: z.string().nullable(),
  notesUpdatedAt: z.string().nullable(),
});

const dialogueView = z.object({
  form: z.string(),
  timeZone: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  location: z.string(),
  stakeholdersAgreed: z.boolean(),
  interpretationLanguages: z.array(z.string()),
  version: z.number(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  participants: z.array(z.object({ id: z.string(), name: z.string(), side: z.string(), organisation: z.string(), email: z.string().nullable(), attended: z.boolean().nullable() })),
  sessions: z.array(sessionView),
  clockChanges: z.array(z.object({ at: z.string(), fromOffset: z.string(), toOffset: z.string() })),
});

const abilities = z.object({ manage: z.boolean(), writeNotes: z.boolean(), schedule: z.boolean() });

const hoursSchema = {
  timeZone: z.string().max(64),
  workStart: clock,
  workEnd: clock,
  workDays: z.array(z.number().int()).max(7),
};

const scheduleBody = z.object({
  participants: z.array(z.object({ id: z.string().max(100), label: text(200), ...hoursSchema })).max(60),
  interpreters: z.array(z.object({ id: z.string().max(100), language: z.string().max(8), ...hoursSchema })).max(60).default([]),
  interpretationLanguages: z.array(z.string().max(8)).max(6).default([]),
  from: isoDateSchema,
  to: isoDateSchema,
  durationMinutes: z.number().int(),
  stepMinutes: z.number().int().default(30),
  limit: z.number().int().min(1).max(200).optional(),
});

const slotSchema = z.object({
  rank: z.number(),
  start: z.string(),
  end: z.string(),
  insideCount: z.number(),
  participantCount: z.number(),
  fitsAll: z.boolean(),
  minutesOutside: z.number(),
  participants: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      timeZone: z.string(),
      localStart: z.string(),
      localEnd: z.string(),
      weekday: z.number(),
      utcOffset: z.string(),
      inside: z.boolean(),
      minutesOutside: z.number(),
    }),
  ),
  interpretation: z.array(z.object({ language: z.string(), interpreters: z.array(z.string()) })),
});

export function registerDialogueRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/reviews/:id/dialogue',
    {
      config: { action: 'dialogue.read' },
      schema: {
        tags: ['dialogue'],
        summary: 'The direct dialogue: form, dates, participants and attendance, agenda, interpretation, session notes (parties; audited)',
        params,
        response: {
          200: z.object({ reviewId: z.string(), stateUnderReview: z.string(), reviewers: z.array(z.string()), cycle: z.number(), heldOn: z.string().nullable(), dialogue: dialogueView.nullable(), abilities }),
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'private, no-store');
      return getDialogue(contextOf(request, deps), request.params.id);
    },
  );

  app.put(
    '/api/reviews/:id/dialogue',
    {
      config: { action: 'dialogue.manage' },
      schema: {
        tags: ['dialogue'],
        summary: 'Create or replace the dialogue (secretariat); agenda times are wall-clock times in the dialogue zone',
        params,
        body: dialogueBody,
        response: { 200: z.object({ reviewId: z.string(), dialogue: dialogueView, abilities }), 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const { version, ...input } = request.body;
      return saveDialogue(contextOf(request, deps), request.params.id, { ...input, version });
    },
  );

  app.put(
    '/api/reviews/:id/dialogue/sessions/:sessionId/notes',
    {
      config: { action: 'dialogue.writeNotes' },
      schema: {
        tags: ['dialogue'],
        summary: 'The notes of one session (secretariat, experts of the reviewing States); confidential to the review',
        params: z.object({ id: z.uuid(), sessionId: z.uuid() }),
        body: z.object({ notes: z.string().max(MAX_NOTES), version: z.number().int().min(0) }),
        response: { 200: z.object({ sessionId: z.string(), notesVersion: z.number() }), 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
    },
    async (request) => saveSessionNotes(contextOf(request, deps), request.params.id, request.params.sessionId, request.body),
  );

  app.post(
    '/api/reviews/:id/dialogue/schedule',
    {
      config: { action: 'dialogue.schedule' },
      schema: {
        tags: ['dialogue'],
        summary: "Ranked meeting slots over a date range for participants in several time zones, with each participant's local time; interpreters required",
        params,
        body: scheduleBody,
        response: {
          200: z.object({
            slots: z.array(slotSchema),
            candidates: z.number(),
            withoutInterpretation: z.number(),
            clockChanges: z.array(z.object({ timeZone: z.string(), at: z.string(), fromOffset: z.string(), toOffset: z.string() })),
          }),
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request) => scheduleDialogue(contextOf(request, deps), request.params.id, request.body),
  );

  app.get(
    '/api/reviews/:id/dialogue.ics',
    {
      config: { action: 'dialogue.read' },
      schema: {
        tags: ['dialogue'],
        summary: 'The dialogue as an iCalendar file (one event per session, times in UTC); 422 while the dialogue has no dates',
        params,
        response: { 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const { filename, body } = await exportDialogueIcs(contextOf(request, deps), request.params.id, deps.config.PUBLIC_URL);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'private, no-store')
        .send(body as never);
    },
  );

  app.post(
    '/api/reviews/:id/dialogue/held',
    {
      config: { action: 'review.manage' },
      schema: {
        tags: ['dialogue'],
        summary: 'Records the "dialogue held" milestone from the dialogue: dated on its last day, typed by its form (secretariat)',
        params,
        response: { 200: z.object({ heldOn: z.string(), dialogueType: z.string() }), 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const stored = await recordDialogueHeld(contextOf(request, deps), request.params.id);
      deps.trackerCache.clear();
      const held = stored.review.milestones.find((m) => m.kind === 'dialogueHeld')!;
      return { heldOn: held.date, dialogueType: held.dialogueType ?? '' };
    },
  );
}
