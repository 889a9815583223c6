import { useTranslation } from 'react-i18next';
import { AccessNotice } from '../../components/ui/access-notice.tsx';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { useSession } from '../../features/auth/api/get-session.ts';
import { OutboxView } from '../../features/notifications/components/outbox-view.tsx';

/** The secretariat's view of every notification e-mail (and, without SMTP, the development outbox). */
export function OutboxPage() {
  const { t } = useTranslation();
  const { data: session, isPending } = useSession();
  return (
    <>
      <PageHeader title={t('notifications.outboxTitle')} description={t('notifications.outboxDescription')} />
      {isPending ? (
        <Loading />
      ) : session?.abilities['outbox.read'] ? (
        <ErrorBoundary>
          <OutboxView />
        </ErrorBoundary>
      ) : (
        <AccessNotice isSignedIn={Boolean(session?.user)} />
      )}
    </>
  );
}
