import { useTranslation } from 'react-i18next';
import { AccessNotice } from '../../components/ui/access-notice.tsx';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { AuditTrail } from '../../features/audit/components/audit-trail.tsx';
import { useSession } from '../../features/auth/api/get-session.ts';

export function AuditPage() {
  const { t } = useTranslation();
  const { data: session, isPending } = useSession();
  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      {isPending ? (
        <Loading />
      ) : session?.abilities['audit.read'] ? (
        <ErrorBoundary>
          <AuditTrail />
        </ErrorBoundary>
      ) : (
        <AccessNotice isSignedIn={Boolean(session?.user)} />
      )}
    </>
  );
}
