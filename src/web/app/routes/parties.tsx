import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { PartiesBrowser } from '../../features/parties/components/parties-browser.tsx';

export function PartiesPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('parties.title')} description={t('parties.description')} />
      <ErrorBoundary>
        <PartiesBrowser />
      </ErrorBoundary>
    </>
  );
}
