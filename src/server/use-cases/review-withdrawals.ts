/**
 * @module review-withdrawals
 * The secretariat withdraws a recorded milestone (a review that goes back a stage). One
 * transaction: version check, the domain rule, the milestone moved into the dated
 * withdrawals, the audit row.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import type { MilestoneKind } from '../../domain/reviews/milestones.ts';
import { withdrawMilestone } from '../../domain/reviews/withdrawal.ts';
import { authorize } from '../../policies/policy.ts';
import { actorLabel, appendAudit } from '../../db/repositories/audit.ts';
import { loadReviews, updateReviewRow } from '../../db/repositories/reviews.ts';
import { deleteMilestone, insertWithdrawal } from '../../db/repositories/stats-progress.ts';
import type { UseCaseContext } from './context.ts';

const CONFLICT = 'Someone else changed this review since you loaded it. Reload and try again.';

export async function withdrawReviewMilestone(ctx: UseCaseContext, id: string, input: { kind: MilestoneKind; withdrawnOn: string; reason: string; version: number }) {
  authorize(ctx.actor, 'review.manage');
  return ctx.db.transaction(async (tx) => {
    const [stored] = await loadReviews(tx, { ids: [id] });
    if (!stored) throw new DomainError('review.notFound', `No review ${id}.`);
    if (stored.row.version !== input.version) throw new DomainError('record.versionConflict', CONFLICT, { currentVersion: stored.row.version });
    const { withdrawal } = withdrawMilestone(stored.review, input, ctx.now);
    const bumped = await updateReviewRow(tx, id, {}, input.version);
    if (!bumped) throw new DomainError('record.versionConflict', CONFLICT);
    await deleteMilestone(tx, id, withdrawal.kind);
    await insertWithdrawal(tx, { id: randomUUID(), reviewId: id, kind: withdrawal.kind, milestoneDate: withdrawal.milestoneDate, dialogueType: withdrawal.dialogueType, withdrawnOn: withdrawal.withdrawnOn, reason: withdrawal.reason, recordedBy: actorLabel(ctx.actor) });
    await appendAudit(tx, { actor: ctx.actor, action: 'review.withdrawMilestone', resourceType: 'review', resourceId: id, details: { ...withdrawal }, ip: ctx.ip, requestId: ctx.requestId });
    return { withdrawal, version: bumped.version };
  });
}
