import { useParams } from '@tanstack/react-router';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { SessionView } from '../../features/sessions/components/session-view.tsx';

/** One session: bodies, meetings, agenda, documents and the session report. */
export function SessionPage() {
  const params: { sessionId?: string } = useParams({ strict: false });
  const sessionId = params.sessionId ?? '';
  return (
    <ErrorBoundary resetKey={sessionId}>
      <SessionView key={sessionId} sessionId={sessionId} />
    </ErrorBoundary>
  );
}
