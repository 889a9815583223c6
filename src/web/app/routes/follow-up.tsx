/**
 * The follow-up dashboard (docs/FOLLOW-UP.md §4): shares of recommendations implemented as at a
 * date, by article, chapter, regional group and cycle, per quarter, and the States with the
 * most outstanding recommendations; every figure opens its list. Loaded lazily with the charts.
 */
import '@mantine/charts/styles.css';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { FollowUpDashboard } from '../../features/follow-up/components/dashboard-view.tsx';

export function FollowUpDashboardPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('followUp.dashboard.title')} description={t('followUp.dashboard.intro')} />
      <ErrorBoundary>
        <FollowUpDashboard />
      </ErrorBoundary>
    </>
  );
}
