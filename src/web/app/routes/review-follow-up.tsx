import { useParams } from '@tanstack/react-router';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { FollowUpView } from '../../features/follow-up/components/follow-up-view.tsx';

/** One review's follow-up: rounds, statuses, the State's self-reports and the assessments. */
export function ReviewFollowUpPage() {
  const params: { reviewId?: string } = useParams({ strict: false });
  const reviewId = params.reviewId ?? '';
  return (
    <ErrorBoundary resetKey={reviewId}>
      <FollowUpView key={reviewId} reviewId={reviewId} />
    </ErrorBoundary>
  );
}
