/**
 * Public statistics of the Mechanism (docs/ANALYTICS.md): progress of a cycle as at any day
 * ("N of M", the reviews behind each figure, the secretariat's sentence, CSV), durations
 * against the indicative timeline and the completion forecast. Loaded lazily: the charting
 * library stays out of the main bundle.
 */
import '@mantine/charts/styles.css';
import { Alert, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { ProblemAlert } from '../../components/ui/problem-message.tsx';
import { useCycles } from '../../features/cycles/api/get-cycles.ts';
import { useProgress, type Figure } from '../../features/statistics/api/progress.ts';
import { DurationsTable } from '../../features/statistics/components/durations-table.tsx';
import { ForecastChart } from '../../features/statistics/components/forecast-chart.tsx';
import { ProgressFigures } from '../../features/statistics/components/progress-figures.tsx';
import { ProgressReviews } from '../../features/statistics/components/progress-reviews.tsx';
import { ProgressSentence } from '../../features/statistics/components/progress-sentence.tsx';
import { todayIso, useFormatters } from '../../lib/format.ts';

export function StatisticsPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const cycles = useCycles();
  const today = todayIso();
  const [chosen, setCycle] = useState<number | null>(null);
  const [asOf, setAsOf] = useState(today);
  const [figure, setFigure] = useState<Figure | null>(null);
  const list = cycles.data?.cycles ?? [];
  // The latest cycle that has begun, until the reader picks another.
  const cycle = chosen ?? ([...list].reverse().find((c) => c.startsOn <= today) ?? list[0])?.number ?? null;
  const current = list.find((c) => c.number === cycle);
  const wellFormed = /^\d{4}-\d{2}-\d{2}$/.test(asOf);
  const problem = !wellFormed ? t('statistics.asOfInvalid') : asOf > today ? t('statistics.asOfFuture', { today: f.date(today) }) : current && asOf < current.startsOn ? t('statistics.asOfBeforeCycle', { start: f.date(current.startsOn) }) : null;
  const progress = useProgress(problem === null ? cycle : null, asOf);
  return (
    <>
      <PageHeader title={t('statistics.title')} description={t('statistics.intro')} />
      {cycles.isPending ? (
        <Loading />
      ) : cycles.isError ? (
        <ProblemAlert error={cycles.error} />
      ) : (
        <Stack gap="xl">
          <Group align="end">
            <NativeSelect
              label={t('statistics.cycle')}
              value={cycle === null ? '' : String(cycle)}
              onChange={(e) => {
                setCycle(Number(e.currentTarget.value));
                setFigure(null);
              }}
              data={list.map((c) => ({ value: String(c.number), label: t('reviews.cycleN', { number: f.number(c.number) }) }))}
              data-testid="stats-cycle"
            />
            <TextInput type="date" label={t('statistics.asOf')} value={asOf} max={today} min={current?.startsOn} onChange={(e) => setAsOf(e.currentTarget.value)} w={200} data-testid="stats-as-of" />
          </Group>
          {problem !== null ? (
            <Alert color="orange" data-testid="stats-as-of-problem">
              {problem}
            </Alert>
          ) : progress.isError ? (
            <ProblemAlert error={progress.error} />
          ) : progress.data === undefined || cycle === null ? (
            <Loading />
          ) : (
            <ErrorBoundary resetKey={`${cycle}-${asOf}`}>
              <ProgressFigures progress={progress.data} selected={figure} onSelect={setFigure} />
              {figure !== null ? <ProgressReviews cycle={cycle} asOf={progress.data.asOf} figure={figure} /> : null}
              <div style={{ marginTop: 'var(--mantine-spacing-xl)' }}>
                <ProgressSentence cycle={cycle} asOf={progress.data.asOf} enabled />
              </div>
            </ErrorBoundary>
          )}
          {cycle !== null ? (
            <ErrorBoundary resetKey={cycle}>
              <DurationsTable cycle={cycle} />
              <div style={{ marginTop: 'var(--mantine-spacing-xl)' }}>
                <ForecastChart cycle={cycle} />
              </div>
            </ErrorBoundary>
          ) : null}
        </Stack>
      )}
    </>
  );
}
