import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { OpenDataPage as OpenDataContent } from '../../features/open-data/components/open-data-page.tsx';

export function OpenDataPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('openData.title')} description={t('openData.description')} />
      <ErrorBoundary>
        <OpenDataContent />
      </ErrorBoundary>
    </>
  );
}
