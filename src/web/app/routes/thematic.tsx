/**
 * Thematic reports (docs/ANALYTICS.md): per chapter and article of a cycle, the States with
 * recommendations, the numbers of recommendations and good practices, and the most common
 * challenges, with a chart and a table of the same figures; the DOCX in UN layout to
 * download. Loaded lazily: the charting library stays out of the main bundle.
 */
import '@mantine/charts/styles.css';
import { Alert, Button, Group, NativeSelect, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../components/ui/error-boundary.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { ProblemAlert } from '../../components/ui/problem-message.tsx';
import { useCycles } from '../../features/cycles/api/get-cycles.ts';
import { thematicQuery, useThematic } from '../../features/thematic/api/thematic.ts';
import { ThematicChapter } from '../../features/thematic/components/thematic-chapter.tsx';
import { todayIso, useFormatters } from '../../lib/format.ts';

export function ThematicPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const cycles = useCycles();
  const [chosen, setCycle] = useState<number | null>(null);
  const [named, setNamed] = useState(false);
  const list = cycles.data?.cycles ?? [];
  // Until one is chosen: the latest cycle that has begun.
  const today = todayIso();
  const cycle = chosen ?? (list.length > 0 ? ([...list].reverse().find((c) => c.startsOn <= today) ?? list[0]!).number : null);
  const report = useThematic(cycle, named, f.language);
  const data = report.data;
  return (
    <>
      <PageHeader title={t('thematic.title')} description={t('thematic.intro')} />
      <ErrorBoundary>
        {cycles.isPending ? (
          <Loading />
        ) : cycles.isError ? (
          <ProblemAlert error={cycles.error} />
        ) : (
          <Stack gap="lg">
            <Group align="end" wrap="wrap">
              <NativeSelect
                label={t('thematic.cycle')}
                value={cycle === null ? '' : String(cycle)}
                onChange={(e) => setCycle(Number(e.currentTarget.value))}
                data={list.map((c) => ({ value: String(c.number), label: t('search.cycleValue', { number: c.number }) }))}
              />
              <Switch label={t('thematic.named')} checked={named} onChange={(e) => setNamed(e.currentTarget.checked)} />
              {cycle !== null ? (
                <Button component="a" href={`/api/thematic/report.docx?${thematicQuery(cycle, named, f.language)}`} download variant="default">
                  {t('thematic.downloadDocx')}
                </Button>
              ) : null}
            </Group>
            <Text size="sm" c="dimmed">
              {named ? t('thematic.namedNote') : t('thematic.anonymisedNote')} {data?.scope === 'published' ? t('thematic.publicNote') : ''}
            </Text>
            {report.isError ? (
              <ProblemAlert error={report.error} />
            ) : !data ? (
              <Loading />
            ) : data.completedReviews === 0 ? (
              <Alert color="gray" variant="light" data-testid="thematic-empty">
                {t('thematic.empty')}
              </Alert>
            ) : (
              <>
                <Text fw={600} data-testid="thematic-summary">
                  {t('thematic.summary', { reviews: f.number(data.completedReviews), states: f.number(data.statesWithRecommendations), recommendations: f.number(data.recommendations), goodPractices: f.number(data.goodPractices) })}
                </Text>
                {data.chapters.map((c) => (
                  <ThematicChapter key={c.chapter} chapter={c} />
                ))}
                <Text size="sm" c="dimmed">
                  {t('thematic.method')}
                </Text>
              </>
            )}
          </Stack>
        )}
      </ErrorBoundary>
    </>
  );
}
