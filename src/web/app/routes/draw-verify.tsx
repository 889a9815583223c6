import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { VerifyRecordForm } from '../../features/lots/components/verify-record-form.tsx';

export function DrawVerifyPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('lots.verify.title')} description={t('lots.verify.description')} />
      <ErrorBoundary>
        <VerifyRecordForm />
      </ErrorBoundary>
    </>
  );
}
