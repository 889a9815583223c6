import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AccessNotice } from '../../components/ui/access-notice.tsx';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { useSession } from '../../features/auth/api/get-session.ts';
import { Portfolios } from '../../features/ta-projects/components/portfolios.tsx';
import { Projects } from '../../features/ta-projects/components/projects.tsx';
import { StateView } from '../../features/ta-projects/components/state-view.tsx';
import { UnmetNeeds } from '../../features/ta-projects/components/unmet-needs.tsx';

/** Technical assistance matched to funding (docs/TA-PROJECTS.md): signed-in users read, the secretariat records. */
export function TaProjectsPage() {
  const { t } = useTranslation();
  const { data: session, isPending } = useSession();
  const manage = Boolean(session?.abilities['ta.manage']);
  return (
    <>
      <PageHeader title={t('taProjects.title')} description={t('taProjects.intro')} />
      {isPending ? (
        <Loading />
      ) : session?.abilities['ta.read'] ? (
        <ErrorBoundary>
          <Tabs defaultValue="unmet" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="unmet">{t('taProjects.tabs.unmet')}</Tabs.Tab>
              <Tabs.Tab value="portfolios">{t('taProjects.tabs.portfolios')}</Tabs.Tab>
              <Tabs.Tab value="projects">{t('taProjects.tabs.projects')}</Tabs.Tab>
              <Tabs.Tab value="state">{t('taProjects.tabs.state')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="unmet" pt="md">
              <UnmetNeeds manage={manage} />
            </Tabs.Panel>
            <Tabs.Panel value="portfolios" pt="md">
              <Portfolios />
            </Tabs.Panel>
            <Tabs.Panel value="projects" pt="md">
              <Projects />
            </Tabs.Panel>
            <Tabs.Panel value="state" pt="md">
              <StateView manage={manage} />
            </Tabs.Panel>
          </Tabs>
        </ErrorBoundary>
      ) : (
        <AccessNotice isSignedIn={Boolean(session?.user)} />
      )}
    </>
  );
}
