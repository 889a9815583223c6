import { useTranslation } from 'react-i18next';
import { AccessNotice } from '../../components/ui/access-notice.tsx';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { useSession } from '../../features/auth/api/get-session.ts';
import { InboxView } from '../../features/notifications/components/inbox-view.tsx';

/** What is waiting on the signed-in user, and the notifications they received. */
export function InboxPage() {
  const { t } = useTranslation();
  const { data: session, isPending } = useSession();
  return (
    <>
      <PageHeader title={t('notifications.inboxTitle')} description={t('notifications.inboxDescription')} />
      {isPending ? (
        <Loading />
      ) : session?.abilities['notifications.read'] ? (
        <ErrorBoundary>
          <InboxView />
        </ErrorBoundary>
      ) : (
        <AccessNotice isSignedIn={Boolean(session?.user)} />
      )}
    </>
  );
}
