import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { ReviewsTracker } from '../../features/reviews/components/reviews-tracker.tsx';

export function ReviewsPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('reviews.title')} description={t('reviews.description')} />
      <ErrorBoundary>
        <ReviewsTracker />
      </ErrorBoundary>
    </>
  );
}
