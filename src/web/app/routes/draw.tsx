import { useParams } from '@tanstack/react-router';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { DrawDetail } from '../../features/lots/components/draw-detail.tsx';

/** One draw; the page header comes with the draw (its kind, cycle and year). */
export function DrawPage() {
  const params: { drawId?: string } = useParams({ strict: false });
  const drawId = params.drawId ?? '';
  return (
    <ErrorBoundary resetKey={drawId}>
      <DrawDetail key={drawId} drawId={drawId} />
    </ErrorBoundary>
  );
}
