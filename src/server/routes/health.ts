/**
 * GET /api/health: 200 when the database answers, 503 with the reason when it does not.
 */
import { z } from 'zod';
import type { App, RouteDeps } from './route-context.ts';

const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.object({ engine: z.enum(['pglite', 'postgres']), status: z.enum(['up', 'down']), reason: z.string().optional() }),
  demo: z.boolean(),
  version: z.string(),
});

export function registerHealthRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/health',
    {
      config: { action: 'health.read' },
      schema: { tags: ['system'], summary: 'Liveness and database status', response: { 200: healthSchema, 503: healthSchema } },
    },
    async (_request, reply) => {
      const base = { demo: deps.config.isDemoEnabled, version: deps.version };
      try {
        await deps.database.ping(2_000);
        return { status: 'ok' as const, database: { engine: deps.database.engine, status: 'up' as const }, ...base };
      } catch (error) {
        return reply.code(503).send({
          status: 'unavailable' as const,
          database: { engine: deps.database.engine, status: 'down' as const, reason: (error as Error).message.slice(0, 200) },
          ...base,
        });
      }
    },
  );
}
