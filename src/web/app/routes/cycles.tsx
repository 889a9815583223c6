import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { CyclesList } from '../../features/cycles/components/cycles-list.tsx';

export function CyclesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('cycles.title')} description={t('cycles.description')} />
      <ErrorBoundary>
        <CyclesList />
      </ErrorBoundary>
    </>
  );
}
