import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { ConventionBrowser } from '../../features/convention/components/convention-browser.tsx';

export function ConventionPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('convention.title')} description={t('convention.description')} />
      <ErrorBoundary>
        <ConventionBrowser />
      </ErrorBoundary>
    </>
  );
}
