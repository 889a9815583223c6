import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DialogueType, MilestoneKind } from '../../../../domain/reviews/milestones.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import type { ReviewDetailDto } from './get-reviews.ts';

type ReviewAnswer = { review: ReviewDetailDto };

export interface RecordMilestoneInput {
  id: string;
  kind: MilestoneKind;
  date: string;
  dialogueType?: DialogueType;
  version: number;
}

export interface PauseInput {
  id: string;
  from: string;
  reason: string;
  version: number;
}

export interface ResumeInput {
  id: string;
  to: string;
  version: number;
}

export interface ExtensionInput {
  id: string;
  milestone: MilestoneKind;
  newDueDate: string;
  reason: string;
  agreedBy: string;
  version: number;
}

function post(id: string, action: string, body: unknown): Promise<ReviewAnswer> {
  return apiRequest<ReviewAnswer>(`/api/reviews/${encodeURIComponent(id)}/${action}`, { method: 'POST', body });
}

export function recordMilestone({ id, ...body }: RecordMilestoneInput): Promise<ReviewAnswer> {
  return post(id, 'milestones', body);
}

export function pauseReview({ id, ...body }: PauseInput): Promise<ReviewAnswer> {
  return post(id, 'pause', body);
}

export function resumeReview({ id, ...body }: ResumeInput): Promise<ReviewAnswer> {
  return post(id, 'resume', body);
}

export function extendDeadline({ id, ...body }: ExtensionInput): Promise<ReviewAnswer> {
  return post(id, 'extensions', body);
}

/** Every write answers with the whole review: show it at once, and refresh the tracker. */
function useReviewWrite<I>(write: (input: I) => Promise<ReviewAnswer>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: ({ review }) => {
      queryClient.setQueryData(['reviews', 'detail', review.id], { review });
      return queryClient.invalidateQueries({ queryKey: ['reviews', 'list'] });
    },
  });
}

export const useRecordMilestone = () => useReviewWrite(recordMilestone);
export const usePauseReview = () => useReviewWrite(pauseReview);
export const useResumeReview = () => useReviewWrite(resumeReview);
export const useExtendDeadline = () => useReviewWrite(extendDeadline);
