/**
 * @module dialogue-held
 * Closes the loop between the dialogue record and the review's timeline: the secretariat
 * records the "dialogue held" milestone from the dialogue itself, dated on its last day and
 * typed by its form, so the two never disagree (docs/DIALOGUE.md §1).
 */
import { DomainError } from '../../domain/errors.ts';
import { isDialogueType } from '../../domain/reviews/milestones.ts';
import { milestoneDate } from '../../domain/reviews/review.ts';
import { authorize } from '../../policies/policy.ts';
import { loadDialogue } from '../../db/repositories/dialogue.ts';
import { loadReviews } from '../../db/repositories/reviews.ts';
import type { UseCaseContext } from './context.ts';
import { recordReviewMilestone } from './review-steps.ts';

export async function recordDialogueHeld(ctx: UseCaseContext, reviewId: string) {
  authorize(ctx.actor, 'review.manage');
  const [stored] = await loadReviews(ctx.db, { ids: [reviewId] });
  if (!stored) throw new DomainError('review.notFound', `No review ${reviewId}.`);
  const dialogue = await loadDialogue(ctx.db, reviewId);
  if (!dialogue?.row.endDate) throw new DomainError('dialogue.notScheduled', 'The dialogue has no dates yet: set them before recording it as held.');
  if (milestoneDate(stored.review, 'dialogueHeld') !== undefined) throw new DomainError('review.invalidTransition', 'The dialogue is already recorded as held.');
  const form = dialogue.row.form;
  if (!isDialogueType(form)) throw new DomainError('dialogue.invalid', `Unknown dialogue form ${form}.`);
  // The milestone's own rules apply: prerequisites, and no date in the future.
  return recordReviewMilestone(ctx, reviewId, { kind: 'dialogueHeld', date: dialogue.row.endDate, dialogueType: form, version: stored.row.version });
}
