import { useParams } from '@tanstack/react-router';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { ActionPlanView } from '../../features/follow-up/components/action-plan-view.tsx';

/** The national action plan of one review. */
export function ActionPlanPage() {
  const params: { reviewId?: string } = useParams({ strict: false });
  const reviewId = params.reviewId ?? '';
  return (
    <ErrorBoundary resetKey={reviewId}>
      <ActionPlanView key={reviewId} reviewId={reviewId} />
    </ErrorBoundary>
  );
}
