import { useParams } from '@tanstack/react-router';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { PublicationView } from '../../features/public/components/publication-view.tsx';

/** A published document, for anyone: its text as published, its files and corrections. */
export function PublicationPage() {
  const params: { publicationId?: string } = useParams({ strict: false });
  const publicationId = params.publicationId ?? '';
  return (
    <ErrorBoundary resetKey={publicationId}>
      <PublicationView key={publicationId} publicationId={publicationId} />
    </ErrorBoundary>
  );
}
