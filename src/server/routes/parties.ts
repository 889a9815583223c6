/**
 * The States parties list, as at any date, and accessions recorded by the secretariat.
 */
import { z } from 'zod';
import { REGIONAL_GROUPS } from '../../domain/parties/regional-groups.ts';
import { partySchema, presentParty } from '../presenters/party.ts';
import { listParties, recordAccession } from '../use-cases/parties.ts';
import { ResponseCache } from '../response-cache.ts';
import { isoDay } from '../use-cases/context.ts';
import { contextOf, isoDateSchema, problemSchema, type App, type RouteDeps } from './route-context.ts';

const PARTIES_CACHE_TTL_MS = 5_000;

const listResponseSchema = z.object({
  asOf: z.string(),
  parties: z.array(partySchema),
  counts: z.object({ parties: z.number(), byRegionalGroup: z.record(z.enum(REGIONAL_GROUPS), z.number()) }),
});

export function registerPartyRoutes(app: App, deps: RouteDeps): void {
  const cache = new ResponseCache(PARTIES_CACHE_TTL_MS);
  app.get(
    '/api/parties',
    {
      config: { action: 'parties.read' },
      schema: {
        tags: ['reference'],
        summary: 'States (parties and non-parties) and the European Union, with party status as at a date',
        querystring: z.object({ asOf: isoDateSchema.optional().describe('Date for party status; default today (UTC)') }),
        response: { 200: listResponseSchema },
      },
    },
    async (request, reply) => {
      const context = contextOf(request, deps);
      const key = request.query.asOf ?? isoDay(context.now);
      let body = cache.get(key);
      if (body === undefined) {
        const result = await listParties(context, key);
        // Serialised once through the response schema, then served as text from the cache.
        body = JSON.stringify(listResponseSchema.parse({ asOf: result.asOf, parties: result.parties.map(presentParty), counts: result.counts }));
        cache.set(key, body);
      }
      // A string payload skips the serializer: it was validated against the schema above.
      return reply.type('application/json; charset=utf-8').send(body as never);
    },
  );

  app.post(
    '/api/parties/:iso3/accession',
    {
      config: { action: 'parties.recordAccession' },
      schema: {
        tags: ['reference'],
        summary: 'Record the date a State became a party (ratification, accession, acceptance or approval)',
        params: z.object({ iso3: z.string().regex(/^[A-Za-z]{3}$/) }),
        body: z.object({ effectiveOn: isoDateSchema }),
        response: { 200: z.object({ party: partySchema }), 404: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const view = await recordAccession(contextOf(request, deps), request.params.iso3, request.body.effectiveOn);
      cache.clear();
      return { party: presentParty(view) };
    },
  );
}
