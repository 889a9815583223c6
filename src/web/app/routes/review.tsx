import { useParams } from '@tanstack/react-router';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { ReviewDetail } from '../../features/reviews/components/review-detail.tsx';

/** One country review; the page header comes with the review (State, cycle and year). */
export function ReviewPage() {
  const params: { reviewId?: string } = useParams({ strict: false });
  const reviewId = params.reviewId ?? '';
  return (
    <ErrorBoundary resetKey={reviewId}>
      <ReviewDetail key={reviewId} reviewId={reviewId} />
    </ErrorBoundary>
  );
}
