import { Anchor, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGIONAL_GROUPS, type RegionalGroup } from '../../../../domain/parties/regional-groups.ts';
import { STAGES, type Stage } from '../../../../domain/reviews/stages.ts';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { regionalGroupLabel, reviewStageLabel } from '../../../i18n/labels.ts';
import { useFormatters } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import { useCycles } from '../../cycles/api/get-cycles.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { StageBadge } from '../../reviews/components/review-bits.tsx';
import { FEED_URL, useSchedule, type ScheduleRow } from '../api/get-public.ts';
import { FollowByEmail } from '../../subscriptions/components/follow-by-email.tsx';
import { DialogueDate } from './dialogue-date.tsx';

/**
 * The public review schedule: every State's review with its year, reviewing States, stage,
 * start and dialogue dates — never content. Filtered here (the list is small and cached).
 */
export function ReviewSchedule() {
  const { t } = useTranslation();
  const f = useFormatters();
  const { nameOf } = usePartyNames();
  const cycles = useCycles();
  const schedule = useSchedule();
  const [cycle, setCycle] = useState<number | undefined>();
  const [regionalGroup, setRegionalGroup] = useState<RegionalGroup | undefined>();
  const [stage, setStage] = useState<Stage | undefined>();
  const cycleList = cycles.data?.cycles ?? [];
  const calendarYearOf = (row: Pick<ScheduleRow, 'cycle' | 'cohortYear'>) => {
    const c = cycleList.find((x) => x.number === row.cycle);
    return c ? c.firstYear + row.cohortYear - 1 : null;
  };

  const rows = useMemo(() => {
    const collator = new Intl.Collator(f.language, { sensitivity: 'base' });
    return (schedule.data?.reviews ?? [])
      .filter((r) => (cycle === undefined ? true : r.cycle === cycle))
      .filter((r) => (regionalGroup ? r.regionalGroup === regionalGroup : true))
      .filter((r) => (stage ? r.stage === stage : true))
      .sort((a, b) => b.cycle - a.cycle || a.cohortYear - b.cohortYear || collator.compare(nameOf(a.stateUnderReview), nameOf(b.stateUnderReview)));
  }, [schedule.data, cycle, regionalGroup, stage, f.language, nameOf]);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center">
        <Text size="sm">{t('publicPages.schedule.follow')}</Text>
        <Anchor href={FEED_URL} type="application/atom+xml">
          {t('publicPages.feed.mechanism')}
        </Anchor>
      </Group>
      <FollowByEmail feedUrl={FEED_URL} />
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="schedule-filters-title">
        <VisuallyHidden>
          <h2 id="schedule-filters-title">{t('reviews.filters.title')}</h2>
        </VisuallyHidden>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <NativeSelect
            label={t('reviews.filters.group')}
            value={regionalGroup ?? ''}
            onChange={(e) => setRegionalGroup((e.currentTarget.value || undefined) as RegionalGroup | undefined)}
            data={[{ value: '', label: t('reviews.filters.allGroups') }, ...REGIONAL_GROUPS.map((g) => ({ value: g, label: regionalGroupLabel(t, g) }))]}
          />
          <NativeSelect
            label={t('reviews.filters.cycle')}
            value={cycle === undefined ? '' : String(cycle)}
            onChange={(e) => setCycle(e.currentTarget.value ? Number(e.currentTarget.value) : undefined)}
            data={[{ value: '', label: t('reviews.filters.allCycles') }, ...cycleList.map((c) => ({ value: String(c.number), label: t('reviews.cycleN', { number: f.calendarYear(c.number) }) }))]}
          />
          <NativeSelect
            label={t('reviews.filters.stage')}
            value={stage ?? ''}
            onChange={(e) => setStage((e.currentTarget.value || undefined) as Stage | undefined)}
            data={[{ value: '', label: t('reviews.filters.allStages') }, ...STAGES.map((s) => ({ value: s, label: reviewStageLabel(t, s) }))]}
          />
        </SimpleGrid>
      </Paper>

      {schedule.isError ? <ProblemAlert error={schedule.error} onRetry={() => void schedule.refetch()} /> : null}
      {schedule.isPending ? <Loading /> : null}
      {schedule.data ? (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('publicPages.schedule.count', { shown: f.number(rows.length), date: f.date(schedule.data.asOf) })}
          </Text>
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover aria-label={t('publicPages.schedule.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('publicPages.table.state')}</Table.Th>
                  <Table.Th scope="col">{t('publicPages.table.cycleYear')}</Table.Th>
                  <Table.Th scope="col">{t('publicPages.table.reviewers')}</Table.Th>
                  <Table.Th scope="col">{t('publicPages.table.stage')}</Table.Th>
                  <Table.Th scope="col">{t('publicPages.table.started')}</Table.Th>
                  <Table.Th scope="col">{t('publicPages.table.dialogue')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => {
                  const year = calendarYearOf(r);
                  return (
                    <Table.Tr key={r.id}>
                      <Table.Th scope="row" fw={500}>
                        <Anchor component={Link} to={paths.country.getHref(r.stateUnderReview)}>
                          {nameOf(r.stateUnderReview)}
                        </Anchor>
                      </Table.Th>
                      <Table.Td>
                        {t('reviews.cycleYearShort', { cycle: f.calendarYear(r.cycle), year: f.calendarYear(r.cohortYear) })}
                        {year !== null ? (
                          <Text size="xs" c="dimmed">
                            {f.calendarYear(year)}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{f.list(r.reviewers.map(nameOf))}</Table.Td>
                      <Table.Td>
                        <StageBadge stage={r.stage} size="sm" />
                      </Table.Td>
                      <Table.Td>{r.startDate ? f.date(r.startDate) : t('publicPages.notYet')}</Table.Td>
                      <Table.Td>
                        <DialogueDate dialogue={r.dialogue} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      ) : null}
    </Stack>
  );
}
