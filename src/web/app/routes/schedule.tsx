import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { ReviewSchedule } from '../../features/public/components/review-schedule.tsx';

export function SchedulePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('publicPages.schedule.title')} description={t('publicPages.schedule.description')} />
      <ErrorBoundary>
        <ReviewSchedule />
      </ErrorBoundary>
    </>
  );
}
