import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { DrawsList } from '../../features/lots/components/draws-list.tsx';

export function DrawsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('lots.title')} description={t('lots.description')} />
      <ErrorBoundary>
        <DrawsList />
      </ErrorBoundary>
    </>
  );
}
