/** Days from the start to each step, per cycle and cohort, against the indicative timeline. */
import { SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { milestoneLabel } from '../../../i18n/labels.ts';
import { intlLocale, useFormatters } from '../../../lib/format.ts';
import { useDurations } from '../api/progress.ts';

export function DurationsTable({ cycle }: { cycle: number }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const durations = useDurations(cycle);
  const [group, setGroup] = useState('all');
  const days = (n: number | null) => (n === null ? '—' : f.number(Math.round(n)));
  const percent = (n: number | null) => (n === null ? '—' : new Intl.NumberFormat(intlLocale(f.language), { style: 'percent', maximumFractionDigits: 0 }).format(n));
  return (
    <Stack gap="xs" component="section" aria-labelledby="durations-title">
      <Title order={2} size="h3" id="durations-title">
        {t('statistics.durationsTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('statistics.durationsIntro')}
      </Text>
      {durations.isPending ? (
        <Loading />
      ) : durations.isError ? (
        <ProblemAlert error={durations.error} />
      ) : (
        <>
          <SegmentedControl
            aria-label={t('statistics.cohort')}
            value={group}
            onChange={setGroup}
            data={durations.data.groups.map((g) => ({ value: g.cohortYear === null ? 'all' : String(g.cohortYear), label: g.cohortYear === null ? t('statistics.wholeCycle') : t('statistics.cohortN', { year: f.number(g.cohortYear) }) }))}
            style={{ alignSelf: 'flex-start' }}
          />
          {durations.data.groups
            .filter((g) => (g.cohortYear === null ? 'all' : String(g.cohortYear)) === group)
            .map((g) =>
              g.started === 0 ? (
                <Text key={group} c="dimmed" data-testid="durations-empty">
                  {t('statistics.noDurations')}
                </Text>
              ) : (
                <Table key={group} striped withTableBorder data-testid="durations-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('statistics.step')}</Table.Th>
                      <Table.Th scope="col">{t('statistics.reached')}</Table.Th>
                      <Table.Th scope="col">{t('statistics.mean')}</Table.Th>
                      <Table.Th scope="col">{t('statistics.median')}</Table.Th>
                      <Table.Th scope="col">{t('statistics.indicative')}</Table.Th>
                      <Table.Th scope="col">{t('statistics.onTime')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {g.steps.map((s) => (
                      <Table.Tr key={s.step}>
                        <Table.Th scope="row">{s.step === 'completion' ? t('statistics.completion') : milestoneLabel(t, s.step)}</Table.Th>
                        <Table.Td>{t('statistics.nOfM', { n: f.number(s.count), m: f.number(g.started) })}</Table.Td>
                        <Table.Td>{days(s.meanDays)}</Table.Td>
                        <Table.Td>{days(s.medianDays)}</Table.Td>
                        <Table.Td>{days(s.indicativeDays)}</Table.Td>
                        <Table.Td>{percent(s.onTimeShare)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              ),
            )}
        </>
      )}
    </Stack>
  );
}
