import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AccessNotice } from '../../components/ui/access-notice.tsx';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { useSession } from '../../features/auth/api/get-session.ts';
import { FinanceForms } from '../../features/finance/components/finance-forms.tsx';
import { StatementView } from '../../features/finance/components/statement-view.tsx';
import { todayIso } from '../../lib/format.ts';

/** The financial statement as at a date (signed-in users) and the secretariat's forms (docs/FINANCES.md). */
export function FinancePage() {
  const { t } = useTranslation();
  const { data: session, isPending } = useSession();
  const [asAt, setAsAt] = useState(todayIso());
  return (
    <>
      <PageHeader title={t('finance.title')} description={t('finance.intro')} />
      {isPending ? (
        <Loading />
      ) : session?.abilities['finance.read'] ? (
        <ErrorBoundary>
          <StatementView asAt={asAt} onAsAtChange={setAsAt} />
          {session.abilities['finance.manage'] ? (
            <div style={{ marginTop: 'var(--mantine-spacing-xl)' }}>
              <FinanceForms />
            </div>
          ) : null}
        </ErrorBoundary>
      ) : (
        <AccessNotice isSignedIn={Boolean(session?.user)} />
      )}
    </>
  );
}
