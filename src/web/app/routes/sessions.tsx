import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { SessionsList } from '../../features/sessions/components/sessions-list.tsx';

/** Sessions of the governing bodies: the Implementation Review Group, the Conference and its working groups. */
export function SessionsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('sessions.title')} description={t('sessions.description')} />
      <ErrorBoundary>
        <SessionsList />
      </ErrorBoundary>
    </>
  );
}
