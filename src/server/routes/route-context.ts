/**
 * @module route-context
 * Shared plumbing for route files: the typed app and the use-case context of a request.
 */
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { isCalendarDate } from '../../domain/dates.ts';
import type { Database } from '../../db/client.ts';
import type { UseCaseContext } from '../use-cases/context.ts';
import type { AuthSettings } from '../use-cases/auth.ts';
import type { ResponseCache } from '../response-cache.ts';
import type { FileStore } from '../files/file-store.ts';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export interface RouteDeps {
  database: Database;
  config: Config;
  auth: AuthSettings;
  version: string;
  /** Serialised public tracker responses; every review write in this process clears it. */
  trackerCache: ResponseCache;
  /** Where attachment bytes are kept. */
  files: FileStore;
}

export function contextOf(request: FastifyRequest, deps: RouteDeps): UseCaseContext {
  return { db: deps.database.db, actor: request.actor, now: new Date(), ip: request.ip, requestId: request.id };
}

/** Absolute address of the app for links in feeds, sitemaps and open data: PUBLIC_URL, or the address the request came to. */
export function publicBaseUrl(request: FastifyRequest, deps: RouteDeps): string {
  return (deps.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`).replace(/\/$/, '');
}

/** The problem+json shape, for the OpenAPI document of error responses. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string(),
  code: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  rule: z.string().optional().describe('lots.infeasible: the rule that cannot be met'),
  states: z.array(z.string()).optional().describe('lots.infeasible: the States that make it impossible'),
  current: z.unknown().optional().describe('record.versionConflict: the stored version, to merge with yours'),
});

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'not a calendar date');
