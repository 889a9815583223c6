/**
 * The audit trail, newest first. Reading it is itself recorded.
 */
import { z } from 'zod';
import { readAuditTrail } from '../use-cases/audit.ts';
import { contextOf, type App, type RouteDeps } from './route-context.ts';

const eventSchema = z.object({
  id: z.number(),
  occurredAt: z.string(),
  actorLabel: z.string(),
  action: z.string(),
  outcome: z.string(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

export function registerAuditRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/audit',
    {
      config: { action: 'audit.read' },
      schema: {
        tags: ['admin'],
        summary: 'Audit trail events, newest first',
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          before: z.coerce.number().int().positive().optional().describe('Return events with a smaller id (paging)'),
        }),
        response: { 200: z.object({ events: z.array(eventSchema) }) },
      },
    },
    async (request) => {
      const events = await readAuditTrail(contextOf(request, deps), { limit: request.query.limit, beforeId: request.query.before });
      return { events: events.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })) };
    },
  );
}
