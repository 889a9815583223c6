/**
 * @module audit use cases
 */
import { authorize } from '../../policies/policy.ts';
import { appendAudit, listAuditEvents } from '../../db/repositories/audit.ts';
import type { UseCaseContext } from './context.ts';

export async function readAuditTrail(ctx: UseCaseContext, options: { limit: number; beforeId?: number }) {
  authorize(ctx.actor, 'audit.read');
  const events = await listAuditEvents(ctx.db, options);
  await appendAudit(ctx.db, { actor: ctx.actor, action: 'audit.read', resourceType: 'audit', details: { count: events.length, beforeId: options.beforeId ?? null }, ip: ctx.ip, requestId: ctx.requestId });
  return events.map(({ id, occurredAt, actorLabel, action, outcome, resourceType, resourceId, details }) => ({
    id,
    occurredAt,
    actorLabel,
    action,
    outcome,
    resourceType,
    resourceId,
    details,
  }));
}
