import { useTranslation } from 'react-i18next';
import { AccessNotice } from '../../components/ui/access-notice.tsx';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { useSession } from '../../features/auth/api/get-session.ts';
import { UsersAdmin } from '../../features/users/components/users-admin.tsx';

export function UsersPage() {
  const { t } = useTranslation();
  const { data: session, isPending } = useSession();
  return (
    <>
      <PageHeader title={t('users.title')} description={t('users.description')} />
      {isPending ? (
        <Loading />
      ) : session?.abilities['users.list'] ? (
        <ErrorBoundary>
          <UsersAdmin />
        </ErrorBoundary>
      ) : (
        <AccessNotice isSignedIn={Boolean(session?.user)} />
      )}
    </>
  );
}
