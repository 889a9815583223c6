/**
 * Public pages' data (docs/PUBLIC.md): the review schedule, country profiles and Atom feeds.
 * No account needed; stage, dates and published material only. Responses are kept in the
 * tracker's cache, which every review write in this process clears.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DIALOGUE_TYPES, MILESTONE_KINDS } from '../../domain/reviews/milestones.ts';
import { STAGES } from '../../domain/reviews/stages.ts';
import { countryProfile, publicFeed, publicSchedule } from '../use-cases/public.ts';
import { isoDay } from '../use-cases/context.ts';
import { contextOf, problemSchema, publicBaseUrl, type App, type RouteDeps } from './route-context.ts';

const namesSchema = z.record(z.string(), z.string());
const stateRefSchema = z.object({ iso3: z.string(), name: z.string(), names: namesSchema });
const dialogueSchema = z.object({ date: z.string(), held: z.boolean().describe('false: the indicative due date'), type: z.enum(DIALOGUE_TYPES).nullable() }).nullable();
const languageSchema = z.enum(['ar', 'zh', 'en', 'fr', 'ru', 'es']);
const findingSchema = z.object({ article: z.string(), text: z.string(), language: languageSchema, reference: z.string().optional() });

const profileSchema = z.object({
  asOf: z.string(),
  state: z.object({
    iso3: z.string(),
    name: z.string(),
    names: namesSchema,
    regionalGroup: z.string().nullable(),
    isParty: z.boolean(),
    becameParty: z.object({ effectiveOn: z.string().nullable(), precision: z.string() }).nullable(),
  }),
  reviews: z.array(
    z.object({
      id: z.string(),
      cycle: z.number(),
      cohortYear: z.number(),
      stage: z.enum(STAGES),
      reviewers: z.array(stateRefSchema),
      startDate: z.string().nullable(),
      dialogue: dialogueSchema,
      milestones: z.array(z.object({ kind: z.enum(MILESTONE_KINDS), date: z.string(), dialogueType: z.enum(DIALOGUE_TYPES).nullable() })),
      pauses: z.array(z.object({ from: z.string(), to: z.string().nullable() })),
      published: z.object({
        documents: z.array(
          z.object({ kind: z.enum(['executive-summary', 'report', 'checklist']), language: languageSchema, title: z.string(), version: z.number(), publishedOn: z.string(), note: z.string().nullable(), href: z.string(), id: z.string().optional() }),
        ),
        recommendations: z.array(findingSchema),
        goodPractices: z.array(findingSchema),
      }),
    }),
  ),
  asReviewer: z.array(z.object({ reviewId: z.string(), cycle: z.number(), stateUnderReview: stateRefSchema })),
});

const scheduleSchema = z.object({
  asOf: z.string(),
  reviews: z.array(
    z.object({
      id: z.string(),
      stateUnderReview: z.string(),
      regionalGroup: z.string().nullable(),
      cycle: z.number(),
      cohortYear: z.number(),
      reviewers: z.tuple([z.string(), z.string()]),
      stage: z.enum(STAGES),
      startDate: z.string().nullable(),
      dialogue: dialogueSchema,
    }),
  ),
});

const iso3Params = z.object({ iso3: z.string().regex(/^[A-Za-z]{3}$/) });
const ATOM = 'application/atom+xml; charset=utf-8';
/** Shared caches and browsers may keep a public response this long. */
const PUBLIC_CACHE_CONTROL = 'public, max-age=30';
/** How long this process keeps a public response (a write in this process clears it at once). */
const PUBLIC_CACHE_TTL_MS = 30_000;

export function registerPublicRoutes(app: App, deps: RouteDeps): void {
  const cache = deps.trackerCache;
  const baseUrlOf = (request: FastifyRequest) => publicBaseUrl(request, deps);

  const inFlight = new Map<string, Promise<string>>();
  /**
   * Serves `key` from the cache, or computes, stores and serves it; concurrent requests for a
   * missing key share one computation. Review writes in this process clear the cache at once
   * (a body computed across a write is not kept); other processes see a change within
   * PUBLIC_CACHE_TTL_MS, as browsers may (Cache-Control).
   */
  async function cached(key: string, compute: () => Promise<string>): Promise<string> {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    let pending = inFlight.get(key);
    if (!pending) {
      const generation = cache.generation;
      pending = compute()
        .then((body) => {
          cache.set(key, body, { ttlMs: PUBLIC_CACHE_TTL_MS, generation });
          return body;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  }

  app.get(
    '/api/public/schedule',
    {
      config: { action: 'public.read' },
      schema: { tags: ['public'], summary: 'The public review schedule: every review with its State, cycle, cohort year, reviewing States, stage, start and dialogue dates (never content)', response: { 200: scheduleSchema } },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const body = await cached(`public:schedule:${isoDay(ctx.now)}`, async () => JSON.stringify(await publicSchedule(ctx)));
      return reply.type('application/json; charset=utf-8').header('cache-control', PUBLIC_CACHE_CONTROL).send(body as never);
    },
  );

  app.get(
    '/api/public/countries/:iso3',
    {
      config: { action: 'public.read' },
      schema: {
        tags: ['public'],
        summary: "A State's public profile: party status, its reviews in each cycle with stage, dates and reviewing States, and what has been published",
        params: iso3Params,
        response: { 200: profileSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const code = request.params.iso3.toUpperCase();
      const body = await cached(`public:country:${code}:${isoDay(ctx.now)}`, async () => JSON.stringify(await countryProfile(ctx, code)));
      return reply.type('application/json; charset=utf-8').header('cache-control', PUBLIC_CACHE_CONTROL).send(body as never);
    },
  );

  app.get(
    '/api/public/feed.atom',
    { config: { action: 'public.read' }, schema: { tags: ['public'], summary: 'Atom feed of the whole Mechanism: reviews started, dialogues held, documents published' } },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const base = baseUrlOf(request);
      const body = await cached(`public:feed:${base}`, () => publicFeed(ctx, { baseUrl: base }));
      return reply.type(ATOM).header('cache-control', PUBLIC_CACHE_CONTROL).send(body);
    },
  );

  app.get(
    '/api/public/countries/:iso3/feed.atom',
    { config: { action: 'public.read' }, schema: { tags: ['public'], summary: "Atom feed of one State's reviews", params: iso3Params, response: { 404: problemSchema } } },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const base = baseUrlOf(request);
      const code = request.params.iso3.toUpperCase();
      const body = await cached(`public:feed:${code}:${base}`, () => publicFeed(ctx, { iso3: code, baseUrl: base }));
      return reply.type(ATOM).header('cache-control', PUBLIC_CACHE_CONTROL).send(body as never);
    },
  );
}
