import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { ConfirmSubscription } from '../../features/subscriptions/components/subscription-pages.tsx';

export function SubscriptionConfirmPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('subscriptions.confirm.title')} />
      <ErrorBoundary>
        <ConfirmSubscription />
      </ErrorBoundary>
    </>
  );
}
