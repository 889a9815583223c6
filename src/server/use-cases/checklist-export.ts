/**
 * @module checklist-export use case
 * The self-assessment checklist as a Word document. It goes through `getChecklist`, so the
 * same rules hold as on screen: only the review's parties and the secretariat, reviewers get
 * the last submitted version, and the read is in the audit trail; the export is audited too.
 */
import { appendAudit } from '../../db/repositories/audit.ts';
import { loadConventionRows } from '../../db/repositories/convention.ts';
import { findCycle } from '../../db/repositories/cycles.ts';
import { findMechanism } from '../../db/repositories/mechanisms.ts';
import { findPartyRow } from '../../db/repositories/parties.ts';
import { loadReviews } from '../../db/repositories/reviews.ts';
import { DomainError } from '../../domain/errors.ts';
import { buildChecklistDocx, type ChecklistDocxView } from '../documents/checklist-docx.ts';
import { getChecklist } from './checklist.ts';
import type { UseCaseContext } from './context.ts';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file name safe in a Content-Disposition header: checklist-AUT-cycle2.docx. */
export function checklistFilename(stateIso3: string, cycle: number): string {
  return `checklist-${stateIso3.replace(/[^A-Za-z0-9]/g, '').toUpperCase() || 'review'}-cycle${Math.trunc(cycle)}.docx`;
}

/**
 * The checklist of a review as DOCX bytes, with a safe file name. The provisions go to the
 * builder as `getChecklist` returns them, attachments included when it lists any.
 */
export async function exportChecklistDocx(ctx: UseCaseContext, reviewId: string) {
  // Authorises (review.readConfidential with the caller's relation), picks the view and audits the read.
  const checklist = await getChecklist(ctx, reviewId);
  const [stored] = await loadReviews(ctx.db, { ids: [reviewId] });
  if (!stored) throw new DomainError('review.notFound', `No review ${reviewId}.`);
  const { review } = stored;
  const cycle = (await findCycle(ctx.db, review.cycle))!;
  const mechanism = await findMechanism(ctx.db, cycle.mechanismId);
  const { chapterRows } = await loadConventionRows(ctx.db, mechanism?.instrumentCode ?? 'UNCAC');
  const chapterTitle = new Map(chapterRows.map((c) => [c.number, c.title]));
  const nameOf = async (iso3: string) => ({ iso3, name: (await findPartyRow(ctx.db, iso3))?.nameUn ?? iso3 });

  const last = checklist.submissions[0];
  const view: ChecklistDocxView =
    checklist.view === 'working' ? { kind: 'working' } : { kind: 'submitted', submission: last ? { number: last.number, submittedAt: last.submittedAt } : null };
  const body = await buildChecklistDocx({
    state: await nameOf(review.stateUnderReview),
    cycle: { number: cycle.number, title: cycle.title },
    chapters: cycle.chapters.map((number) => ({ number, title: chapterTitle.get(number) ?? '' })),
    cohortYear: review.cohortYear,
    reviewers: [await nameOf(review.reviewers[0]), await nameOf(review.reviewers[1])],
    format: checklist.format,
    view,
    generatedAt: ctx.now,
    sections: checklist.sections,
  });
  await appendAudit(ctx.db, {
    actor: ctx.actor,
    action: 'checklist.export',
    resourceType: 'review',
    resourceId: reviewId,
    details: { format: 'docx', view: checklist.view, submission: checklist.view === 'submitted' ? (last?.number ?? null) : null, bytes: body.length },
    ip: ctx.ip,
    requestId: ctx.requestId,
  });
  return { filename: checklistFilename(review.stateUnderReview, cycle.number), contentType: DOCX_CONTENT_TYPE, body };
}
