import { useTranslation } from 'react-i18next';
import { AccessNotice } from '../../components/ui/access-notice.tsx';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { useSession } from '../../features/auth/api/get-session.ts';
import { NewDraw } from '../../features/lots/components/new-draw.tsx';

export function DrawNewPage() {
  const { t } = useTranslation();
  const { data: session, isPending } = useSession();
  return (
    <>
      <PageHeader title={t('lots.new.title')} description={t('lots.new.description')} />
      {isPending ? (
        <Loading />
      ) : session?.abilities['lots.manage'] ? (
        <ErrorBoundary>
          <NewDraw />
        </ErrorBoundary>
      ) : (
        <AccessNotice isSignedIn={Boolean(session?.user)} />
      )}
    </>
  );
}
