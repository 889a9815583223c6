import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { Unsubscribe } from '../../features/subscriptions/components/subscription-pages.tsx';

export function SubscriptionUnsubscribePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('subscriptions.unsubscribe.title')} />
      <ErrorBoundary>
        <Unsubscribe />
      </ErrorBoundary>
    </>
  );
}
