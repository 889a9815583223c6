import { useParams } from '@tanstack/react-router';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { DialogueView } from '../../features/dialogue/components/dialogue-view.tsx';

/** The direct dialogue of one review: for its parties and the secretariat. */
export function DialoguePage() {
  const params: { reviewId?: string } = useParams({ strict: false });
  const reviewId = params.reviewId ?? '';
  return (
    <ErrorBoundary resetKey={reviewId}>
      <DialogueView key={reviewId} reviewId={reviewId} />
    </ErrorBoundary>
  );
}
