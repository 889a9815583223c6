import { useParams } from '@tanstack/react-router';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { ChecklistView } from '../../features/checklist/components/checklist-view.tsx';

/** The self-assessment checklist of one review and its desk review, for the review's parties. */
export function ChecklistPage() {
  const params: { reviewId?: string } = useParams({ strict: false });
  const reviewId = params.reviewId ?? '';
  return (
    <ErrorBoundary resetKey={reviewId}>
      <ChecklistView key={reviewId} reviewId={reviewId} />
    </ErrorBoundary>
  );
}
