/**
 * Progress statistics (docs/ANALYTICS.md): figures as at a day, the reviews behind each, the
 * secretariat's sentence, durations and the completion forecast. Public: the policy layer
 * (stats.read, stats.readReviews) says so. Thin: each handler validates and calls a use case.
 */
import { z } from 'zod';
import { PROGRESS_FIGURES } from '../../domain/analytics/progress.ts';
import { SENTENCE_LANGUAGES } from '../../domain/analytics/progress-sentence.ts';
import { DURATION_STEPS } from '../../domain/analytics/durations.ts';
import { DIALOGUE_TYPES, MILESTONE_KINDS } from '../../domain/reviews/milestones.ts';
import { STAGES } from '../../domain/reviews/stages.ts';
import { durationStats, forecastStats, progressReviews, progressSentenceStats, progressStats } from '../use-cases/stats-progress.ts';
import { isoDay } from '../use-cases/context.ts';
import { cachedJson, JSON_TYPE } from './cached-json.ts';
import { contextOf, isoDateSchema, problemSchema, type App, type RouteDeps } from './route-context.ts';

const errors = { 400: problemSchema, 404: problemSchema, 422: problemSchema };
const cycleSchema = z.coerce.number().int().positive().max(99).describe('cycle number');
const asOfSchema = isoDateSchema.optional().describe('"as at" day, YYYY-MM-DD; today when absent');
const dialogues = z.object({ total: z.number(), countryVisits: z.number(), jointMeetings: z.number(), virtualVisits: z.number() });
const progressSchema = z.object({
  cycle: z.number(),
  asOf: z.string(),
  total: z.number().describe('States under review in the cycle (M of "N of M")'),
  underReview: z.number().describe('reviews started by asOf'),
  paused: z.number(),
  checklistsSubmitted: z.number(),
  dialoguesHeld: dialogues,
  executiveSummariesFinalised: z.number(),
  reportsFinalised: z.number(),
});
const percentiles = { p10: z.string(), p50: z.string(), p90: z.string() };

/** How long this process keeps a figure (every review write in this process clears it at once). */
const CACHE_TTL_MS = 30_000;

export function registerStatsRoutes(app: App, deps: RouteDeps): void {
  const cache = deps.trackerCache;
  // The figures of a past day only change when a review is written: the tracker's cache,
  // which every review write in this process clears.
  const cached = cachedJson(cache, CACHE_TTL_MS);
  const json = JSON_TYPE;

  app.get(
    '/api/stats/progress',
    {
      config: { action: 'stats.read' },
      schema: { tags: ['statistics'], summary: 'Progress of a cycle as at a day: "N of M" figures', querystring: z.object({ cycle: cycleSchema, asOf: asOfSchema }), response: { 200: progressSchema, ...errors } },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const { cycle, asOf = isoDay(ctx.now) } = request.query;
      const body = await cached(`stats:progress:${cycle}:${asOf}`, () => progressStats(ctx, { cycle, asOf }));
      return reply.type(json).send(body as never);
    },
  );

  app.get(
    '/api/stats/progress/reviews',
    {
      config: { action: 'stats.readReviews' },
      schema: {
        tags: ['statistics'],
        summary: 'The reviews behind one progress figure',
        querystring: z.object({ cycle: cycleSchema, asOf: asOfSchema, figure: z.enum(PROGRESS_FIGURES) }),
        response: {
          200: z.object({
            cycle: z.number(),
            asOf: z.string(),
            figure: z.enum(PROGRESS_FIGURES),
            count: z.number(),
            reviews: z.array(
              z.object({
                id: z.string(),
                stateIso3: z.string(),
                name: z.string(),
                names: z.record(z.string(), z.string()),
                cohortYear: z.number(),
                date: z.string().nullable().describe('date of the figure\'s milestone as it stood on asOf'),
                dialogueType: z.enum(DIALOGUE_TYPES).nullable(),
                stage: z.enum(STAGES).describe('stage today'),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => progressReviews(contextOf(request, deps), request.query),
  );

  app.get(
    '/api/stats/progress/sentence',
    {
      config: { action: 'stats.read' },
      schema: {
        tags: ['statistics'],
        summary: 'The progress update worded as the secretariat words it, in one of the six languages',
        querystring: z.object({ cycle: cycleSchema, asOf: asOfSchema, lang: z.enum(SENTENCE_LANGUAGES).default('en') }),
        response: { 200: z.object({ cycle: z.number(), asOf: z.string(), lang: z.enum(SENTENCE_LANGUAGES), sentence: z.string() }), ...errors },
      },
    },
    async (request) => progressSentenceStats(contextOf(request, deps), request.query),
  );

  app.get(
    '/api/stats/durations',
    {
      config: { action: 'stats.read' },
      schema: {
        tags: ['statistics'],
        summary: 'Days from the start to each milestone and to completion, per cycle and cohort, against the indicative timeline',
        querystring: z.object({ cycle: cycleSchema }),
        response: {
          200: z.object({
            cycle: z.number(),
            groups: z.array(
              z.object({
                cycle: z.number(),
                cohortYear: z.number().nullable().describe('null: the whole cycle'),
                reviews: z.number(),
                started: z.number(),
                steps: z.array(
                  z.object({
                    step: z.enum(DURATION_STEPS as [string, ...string[]]),
                    count: z.number(),
                    meanDays: z.number().nullable(),
                    medianDays: z.number().nullable(),
                    indicativeDays: z.number(),
                    onTime: z.number(),
                    onTimeShare: z.number().nullable(),
                  }),
                ),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => durationStats(contextOf(request, deps), request.query),
  );

  app.get(
    '/api/stats/forecast',
    {
      config: { action: 'stats.read' },
      schema: {
        tags: ['statistics'],
        summary: 'Projected completion of each open review and of the cycle (Monte Carlo over observed step durations)',
        querystring: z.object({ cycle: cycleSchema }),
        response: {
          200: z.object({
            cycle: z.number(),
            today: z.string(),
            runs: z.number(),
            seed: z.string(),
            total: z.number(),
            completed: z.number(),
            open: z.array(z.object({ id: z.string(), stateIso3: z.string(), ...percentiles })),
            completion: z.object(percentiles).nullable(),
            plannedEnd: z.string(),
            probabilityOnTime: z.number().nullable(),
            steps: z.array(z.object({ kind: z.enum(MILESTONE_KINDS), basis: z.enum(['cycle', 'all-cycles', 'indicative']), samples: z.number(), medianDays: z.number().nullable() })),
            fan: z.array(z.object({ date: z.string(), p10: z.number(), p50: z.number(), p90: z.number() })),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      // Monte Carlo over every review's history: worth keeping; its seed is the day anyway.
      const body = await cached(`stats:forecast:${request.query.cycle}:${isoDay(ctx.now)}`, () => forecastStats(ctx, request.query));
      return reply.type(json).send(body as never);
    },
  );
}
