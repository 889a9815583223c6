import { useParams } from '@tanstack/react-router';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { SummaryView } from '../../features/summary/components/summary-view.tsx';

/** The executive summary of one review, its language versions and the publication of the outcome. */
export function SummaryPage() {
  const params: { reviewId?: string } = useParams({ strict: false });
  const reviewId = params.reviewId ?? '';
  return (
    <ErrorBoundary resetKey={reviewId}>
      <SummaryView key={reviewId} reviewId={reviewId} />
    </ErrorBoundary>
  );
}
