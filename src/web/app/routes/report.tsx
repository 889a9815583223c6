import { useParams } from '@tanstack/react-router';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { ReportView } from '../../features/report/components/report-view.tsx';

/** The country review report of one review: drafted by the reviewers, agreed by the State, finalised by the secretariat. */
export function ReportPage() {
  const params: { reviewId?: string } = useParams({ strict: false });
  const reviewId = params.reviewId ?? '';
  return (
    <ErrorBoundary resetKey={reviewId}>
      <ReportView key={reviewId} reviewId={reviewId} />
    </ErrorBoundary>
  );
}
