/**
 * Review cycles and their cohorts (the States under review in each year).
 */
import { z } from 'zod';
import { listCyclesWithCohorts, updateCohort } from '../use-cases/cycles.ts';
import { contextOf, problemSchema, type App, type RouteDeps } from './route-context.ts';

const cohortSchema = z.object({ year: z.number(), calendarYear: z.number(), version: z.number(), states: z.array(z.string()) });

export function registerCycleRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/cycles',
    {
      config: { action: 'cycles.read' },
      schema: {
        tags: ['reference'],
        summary: 'Review cycles with their chapters, dates and cohorts',
        response: {
          200: z.object({
            cycles: z.array(
              z.object({
                number: z.number(),
                title: z.string(),
                chapters: z.array(z.string()),
                startsOn: z.string(),
                endsOn: z.string(),
                extendedTo: z.string().nullable(),
                years: z.number(),
                firstYear: z.number(),
                cohorts: z.array(cohortSchema),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const cycles = await listCyclesWithCohorts(contextOf(request, deps));
      return { cycles: cycles.map(({ mechanismId: _mechanismId, ...rest }) => rest) };
    },
  );

  app.put(
    '/api/cycles/:number/cohorts/:year',
    {
      config: { action: 'cohorts.update' },
      schema: {
        tags: ['reference'],
        summary: 'Replace the States under review in one year of a cycle',
        params: z.object({ number: z.coerce.number().int().positive(), year: z.coerce.number().int().positive() }),
        body: z.object({
          states: z.array(z.string().regex(/^[A-Za-z]{3}$/)).max(300),
          version: z.number().int().min(0).describe('The version you loaded; 0 when the cohort does not exist yet'),
        }),
        response: { 200: z.object({ cohort: cohortSchema }), 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const cohort = await updateCohort(contextOf(request, deps), {
        cycleNumber: request.params.number,
        year: request.params.year,
        states: request.body.states,
        version: request.body.version,
      });
      return { cohort };
    },
  );
}
