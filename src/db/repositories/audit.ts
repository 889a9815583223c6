/**
 * @module audit repository
 * Appends to and reads the audit trail. Callers append inside the same transaction as
 * the change they record, so a change and its record land together or not at all.
 */
import { and, desc, lt, eq } from 'drizzle-orm';
import type { Actor } from '../../domain/accounts/roles.ts';
import type { DbOrTx } from '../client.ts';
import { auditEvents } from '../schema/audit.ts';

export type AuditOutcome = 'success' | 'denied' | 'failure';

export interface AuditEntry {
  actor: Actor;
  action: string;
  outcome?: AuditOutcome;
  resourceType?: string;
  resourceId?: string;
  details?: Record<string, unknown>;
  ip?: string | null;
  requestId?: string | null;
}

export function actorLabel(actor: Actor): string {
  if (actor.kind === 'user') return actor.email;
  if (actor.kind === 'system') return `system:${actor.label}`;
  return 'anonymous';
}

export async function appendAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    actorUserId: entry.actor.kind === 'user' ? entry.actor.userId : null,
    actorLabel: actorLabel(entry.actor),
    action: entry.action,
    outcome: entry.outcome ?? 'success',
    resourceType: entry.resourceType ?? null,
    resourceId: entry.resourceId ?? null,
    details: entry.details ?? null,
    ip: entry.ip ?? null,
    requestId: entry.requestId ?? null,
  });
}

export async function listAuditEvents(db: DbOrTx, options: { limit: number; beforeId?: number; resourceType?: string; resourceId?: string }) {
  const conditions = [
    options.beforeId !== undefined ? lt(auditEvents.id, options.beforeId) : undefined,
    options.resourceType !== undefined ? eq(auditEvents.resourceType, options.resourceType) : undefined,
    options.resourceId !== undefined ? eq(auditEvents.resourceId, options.resourceId) : undefined,
  ].filter((c) => c !== undefined);
  return db
    .select()
    .from(auditEvents)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(options.limit);
}
