/**
 * @module context
 * What every use case receives: the database, who is acting, the time (passed in, so
 * tests can fix it) and where the request came from, for the audit trail.
 */
import type { Actor } from '../../domain/accounts/roles.ts';
import type { Db } from '../../db/client.ts';

export interface UseCaseContext {
  db: Db;
  actor: Actor;
  now: Date;
  ip?: string | null;
  requestId?: string | null;
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
