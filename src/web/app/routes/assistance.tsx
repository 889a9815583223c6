/**
 * Technical-assistance needs (docs: "Technical-assistance needs"): the anonymised figures of a
 * cycle for everyone, the States behind them for the secretariat, the classifier for signed-in
 * users and the secretariat's review queue. Loaded lazily with its charting library.
 */
import '@mantine/charts/styles.css';
import { NativeSelect, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { ProblemAlert } from '../../components/ui/problem-message.tsx';
import { useAssistanceStats } from '../../features/assistance/api/assistance.ts';
import { ClassifyBox } from '../../features/assistance/components/classify-box.tsx';
import { NeedsFigures } from '../../features/assistance/components/needs-figures.tsx';
import { ReviewQueue } from '../../features/assistance/components/review-queue.tsx';
import { useSession } from '../../features/auth/api/get-session.ts';
import { useCycles } from '../../features/cycles/api/get-cycles.ts';
import { todayIso, useFormatters } from '../../lib/format.ts';

export function AssistancePage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const { data: session } = useSession();
  const cycles = useCycles();
  const today = todayIso();
  const [chosen, setCycle] = useState<number | null>(null);
  const list = cycles.data?.cycles ?? [];
  // The latest cycle that has begun, until another is chosen.
  const cycle = chosen ?? ([...list].reverse().find((c) => c.startsOn <= today) ?? list[0])?.number ?? null;
  const stats = useAssistanceStats(cycle);
  const abilities = session?.abilities ?? {};
  return (
    <>
      <PageHeader title={t('assistance.title')} description={t('assistance.intro')} />
      {cycles.isPending ? (
        <Loading />
      ) : cycles.isError ? (
        <ProblemAlert error={cycles.error} />
      ) : (
        <ErrorBoundary>
          <Stack gap="xl">
            <NativeSelect
              label={t('assistance.cycle')}
              value={cycle === null ? '' : String(cycle)}
              onChange={(e) => setCycle(Number(e.currentTarget.value))}
              data={list.map((c) => ({ value: String(c.number), label: t('reviews.cycleN', { number: f.number(c.number) }) }))}
              maw={240}
              data-testid="assistance-cycle"
            />
            {stats.isPending ? <Loading /> : stats.isError ? <ProblemAlert error={stats.error} /> : <NeedsFigures stats={stats.data} />}
            {abilities['assistance.review'] ? <ReviewQueue /> : null}
            {abilities['assistance.classify'] ? <ClassifyBox canCorrect={abilities['assistance.review'] === true} /> : null}
          </Stack>
        </ErrorBoundary>
      )}
    </>
  );
}
