/**
 * The States parties list, as at any date, and accessions recorded by the secretariat.
 */
import { z } from 'zod';
import { REGIONAL_GROUPS } from '../../domain/parties/regional-groups.ts';
import { partySchema, presentParty } from '../presenters/party.ts';
import { listParties, recordAccession } from '../use-cases/parties.ts';
import { contextOf, isoDateSchema, problemSchema, type App, type RouteDeps } from './route-context.ts';

export function registerPartyRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/parties',
    {
      config: { action: 'parties.read' },
      schema: {
        tags: ['reference'],
        summary: 'States (parties and non-parties) and the European Union, with party status as at a date',
        querystring: z.object({ asOf: isoDateSchema.optional().describe('Date for party status; default today (UTC)') }),
        response: {
          200: z.object({
            asOf: z.string(),
            parties: z.array(partySchema),
            counts: z.object({ parties: z.number(), byRegionalGroup: z.record(z.enum(REGIONAL_GROUPS), z.number()) }),
          }),
        },
      },
    },
    async (request) => {
      const result = await listParties(contextOf(request, deps), request.query.asOf);
      return { asOf: result.asOf, parties: result.parties.map(presentParty), counts: result.counts };
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
      return { party: presentParty(view) };
    },
  );
}
