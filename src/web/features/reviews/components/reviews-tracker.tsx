import { Anchor, Badge, Box, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGIONAL_GROUPS, type RegionalGroup } from '../../../../domain/parties/regional-groups.ts';
import { STAGES, type Stage } from '../../../../domain/reviews/stages.ts';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { regionalGroupLabel, reviewActorLabel, reviewStageLabel } from '../../../i18n/labels.ts';
import { useFormatters } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import { useCycles } from '../../cycles/api/get-cycles.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { useReviews, type ReviewFilters, type ReviewRowDto } from '../api/get-reviews.ts';
import { DaysLate, STAGE_COLOURS, StageBadge } from './review-bits.tsx';
import { downloadText, toCsv } from './tracker-csv.ts';

type SortKey = 'delay' | 'state' | 'stage';

/**
 * Where every review stands. The server filters by cycle, cohort year, group and delay; the
 * stage is filtered here, so that the counts at the top keep showing every stage.
 */
export function ReviewsTracker() {
  const { t } = useTranslation();
  const f = useFormatters();
  const { nameOf } = usePartyNames();
  const cycles = useCycles();
  const [cycle, setCycle] = useState<number | undefined>();
  const [cohortYear, setCohortYear] = useState<number | undefined>();
  const [regionalGroup, setRegionalGroup] = useState<RegionalGroup | undefined>();
  const [stage, setStage] = useState<Stage | undefined>();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [sort, setSort] = useState<SortKey>('delay');

  const filters: ReviewFilters = { cycle, cohortYear, regionalGroup, overdue: overdueOnly ? true : undefined };
  const reviews = useReviews(filters);

  const cycleList = cycles.data?.cycles ?? [];
  const selectedCycle = cycleList.find((c) => c.number === cycle);
  const yearCount = selectedCycle?.years ?? Math.max(5, ...cycleList.map((c) => c.years));
  const calendarYearOf = (row: Pick<ReviewRowDto, 'cycle' | 'cohortYear'>) => {
    const c = cycleList.find((x) => x.number === row.cycle);
    return c ? c.firstYear + row.cohortYear - 1 : null;
  };

  const rows = useMemo(() => {
    const collator = new Intl.Collator(f.language, { sensitivity: 'base' });
    const byName = (a: ReviewRowDto, b: ReviewRowDto) => collator.compare(nameOf(a.stateUnderReview), nameOf(b.stateUnderReview)) || a.cycle - b.cycle;
    const list = (reviews.data?.reviews ?? []).filter((r) => (stage ? r.stage === stage : true));
    return list.sort((a, b) => {
      if (sort === 'state') return byName(a, b);
      if (sort === 'stage') return STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) || byName(a, b);
      return b.daysLate - a.daysLate || b.overdue.length - a.overdue.length || byName(a, b);
    });
  }, [reviews.data, stage, sort, f.language, nameOf]);

  function exportCsv() {
    const header = [
      t('reviews.csv.stateIso3'),
      t('reviews.csv.state'),
      t('reviews.table.group'),
      t('reviews.csv.cycle'),
      t('reviews.csv.cohortYear'),
      t('reviews.csv.reviewer1'),
      t('reviews.csv.reviewer2'),
      t('reviews.table.stage'),
      t('reviews.table.waitingOn'),
      t('reviews.table.daysLate'),
      t('reviews.csv.overdueSteps'),
    ];
    const body = rows.map((r) => [
      r.stateUnderReview,
      nameOf(r.stateUnderReview),
      regionalGroupLabel(t, r.regionalGroup),
      r.cycle,
      r.cohortYear,
      r.reviewers[0],
      r.reviewers[1],
      reviewStageLabel(t, r.stage),
      r.waitingOn.map((a) => reviewActorLabel(t, a)).join('; '),
      r.daysLate,
      r.overdue.join('; '),
    ]);
    downloadText(toCsv([header, ...body]), `reviews-${reviews.data?.asOf ?? 'tracker'}.csv`);
  }

  const counts = reviews.data?.counts;

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="review-filters-title">
        <VisuallyHidden>
          <h2 id="review-filters-title">{t('reviews.filters.title')}</h2>
        </VisuallyHidden>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="md" style={{ alignItems: 'end' }}>
          <NativeSelect
            label={t('reviews.filters.cycle')}
            value={cycle === undefined ? '' : String(cycle)}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setCycle(value ? Number(value) : undefined);
              setCohortYear(undefined);
            }}
            data={[
              { value: '', label: t('reviews.filters.allCycles') },
              ...cycleList.map((c) => ({ value: String(c.number), label: t('reviews.cycleN', { number: f.calendarYear(c.number) }) })),
            ]}
          />
          <NativeSelect
            label={t('reviews.filters.cohortYear')}
            value={cohortYear === undefined ? '' : String(cohortYear)}
            onChange={(e) => setCohortYear(e.currentTarget.value ? Number(e.currentTarget.value) : undefined)}
            data={[
              { value: '', label: t('reviews.filters.allYears') },
              ...Array.from({ length: yearCount }, (_, i) => i + 1).map((y) => ({
                value: String(y),
                label: selectedCycle
                  ? t('reviews.yearCalendar', { year: f.calendarYear(y), calendarYear: f.calendarYear(selectedCycle.firstYear + y - 1) })
                  : t('reviews.yearN', { year: f.calendarYear(y) }),
              })),
            ]}
          />
          <NativeSelect
            label={t('reviews.filters.group')}
            value={regionalGroup ?? ''}
            onChange={(e) => setRegionalGroup((e.currentTarget.value || undefined) as RegionalGroup | undefined)}
            data={[{ value: '', label: t('reviews.filters.allGroups') }, ...REGIONAL_GROUPS.map((g) => ({ value: g, label: regionalGroupLabel(t, g) }))]}
          />
          <NativeSelect
            label={t('reviews.filters.stage')}
            value={stage ?? ''}
            onChange={(e) => setStage((e.currentTarget.value || undefined) as Stage | undefined)}
            data={[{ value: '', label: t('reviews.filters.allStages') }, ...STAGES.map((s) => ({ value: s, label: reviewStageLabel(t, s) }))]}
          />
          <Checkbox label={t('reviews.filters.overdueOnly')} checked={overdueOnly} onChange={(e) => setOverdueOnly(e.currentTarget.checked)} pb={8} />
        </SimpleGrid>
      </Paper>

      {reviews.isError ? <ProblemAlert error={reviews.error} onRetry={() => void reviews.refetch()} /> : null}
      {reviews.isPending ? <Loading /> : null}

      {reviews.data && counts ? (
        <>
          <Box component="section" aria-labelledby="review-counts-title">
            <Title order={2} size="h3" id="review-counts-title" mb={4}>
              {t('reviews.counts.title', { date: f.date(reviews.data.asOf) })}
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              {t('reviews.counts.hint')}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 4, lg: 6 }} spacing="sm">
              <CountTile
                label={t('reviews.counts.total')}
                value={f.number(counts.total)}
                pressed={stage === undefined && !overdueOnly}
                onClick={() => {
                  setStage(undefined);
                  setOverdueOnly(false);
                }}
                colour="un.9"
              />
              <CountTile label={t('reviews.counts.overdue')} value={f.number(counts.overdue)} pressed={overdueOnly} onClick={() => setOverdueOnly(!overdueOnly)} colour="red.9" />
              {STAGES.map((s) => (
                <CountTile
                  key={s}
                  label={reviewStageLabel(t, s)}
                  value={f.number(counts.byStage[s] ?? 0)}
                  pressed={stage === s}
                  onClick={() => setStage(stage === s ? undefined : s)}
                  colour={STAGE_COLOURS[s]}
                />
              ))}
            </SimpleGrid>
          </Box>

          <Box component="section" aria-labelledby="review-table-title">
            <Group justify="space-between" align="flex-end" mb="xs" gap="sm">
              <Stack gap={2}>
                <Title order={2} size="h3" id="review-table-title">
                  {t('reviews.table.title')}
                </Title>
                <Text size="sm" c="dimmed" role="status" aria-live="polite">
                  {t('reviews.table.shown', { shown: f.number(rows.length), total: f.number(counts.total) })}
                </Text>
              </Stack>
              <Group gap="sm" align="flex-end">
                <NativeSelect
                  size="sm"
                  label={t('reviews.table.sortBy')}
                  value={sort}
                  onChange={(e) => setSort(e.currentTarget.value as SortKey)}
                  data={[
                    { value: 'delay', label: t('reviews.table.sortDelay') },
                    { value: 'state', label: t('reviews.table.sortState') },
                    { value: 'stage', label: t('reviews.table.sortStage') },
                  ]}
                />
                <Button variant="default" onClick={exportCsv} disabled={rows.length === 0}>
                  {t('reviews.table.exportCsv')}
                </Button>
              </Group>
            </Group>
            <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
              <Table.ScrollContainer minWidth={980}>
                <Table striped highlightOnHover stickyHeader aria-labelledby="review-table-title">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('reviews.table.state')}</Table.Th>
                      <Table.Th scope="col">{t('reviews.table.group')}</Table.Th>
                      <Table.Th scope="col">{t('reviews.table.cycleYear')}</Table.Th>
                      <Table.Th scope="col">{t('reviews.table.reviewers')}</Table.Th>
                      <Table.Th scope="col">{t('reviews.table.stage')}</Table.Th>
                      <Table.Th scope="col">{t('reviews.table.waitingOn')}</Table.Th>
                      <Table.Th scope="col" className="nowrap">
                        {t('reviews.table.daysLate')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((r) => {
                      const calendarYear = calendarYearOf(r);
                      return (
                        <Table.Tr key={r.id}>
                          <Table.Th scope="row" fw={500}>
                            <Anchor component={Link} to={paths.review.getHref(r.id)} fw={600} size="sm">
                              {nameOf(r.stateUnderReview)}
                            </Anchor>
                          </Table.Th>
                          <Table.Td>
                            <Text size="sm">{regionalGroupLabel(t, r.regionalGroup)}</Text>
                          </Table.Td>
                          <Table.Td className="nowrap">
                            <Text size="sm">
                              {t('reviews.cycleYearShort', { cycle: f.calendarYear(r.cycle), year: f.calendarYear(r.cohortYear) })}
                            </Text>
                            {calendarYear ? (
                              <Text size="xs" c="dimmed">
                                {f.calendarYear(calendarYear)}
                              </Text>
                            ) : null}
                          </Table.Td>
                          <Table.Td>
                            {/* One State per line: names such as "Antigua and Barbuda" make "A and B" ambiguous. */}
                            {r.reviewers.map((iso3) => (
                              <Text key={iso3} size="sm">
                                {nameOf(iso3)}
                              </Text>
                            ))}
                          </Table.Td>
                          <Table.Td>
                            <StageBadge stage={r.stage} />
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{r.waitingOn.length > 0 ? f.list(r.waitingOn.map((a) => reviewActorLabel(t, a))) : '—'}</Text>
                          </Table.Td>
                          <Table.Td>
                            <DaysLate days={r.daysLate} overdue={r.overdue.length > 0} />
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {rows.length === 0 ? (
                <Text p="md" c="dimmed" ta="center">
                  {t('reviews.table.empty')}
                </Text>
              ) : null}
            </Paper>
            {reviews.isFetching && !reviews.isPending ? (
              <Badge mt="xs" variant="light" color="gray">
                {t('status.updating')}
              </Badge>
            ) : null}
          </Box>
        </>
      ) : null}
    </Stack>
  );
}

function CountTile({ label, value, pressed, onClick, colour }: { label: string; value: string; pressed: boolean; onClick: () => void; colour: string }) {
  return (
    <UnstyledButton
      onClick={onClick}
      aria-pressed={pressed}
      style={{
        border: `${pressed ? 2 : 1}px solid ${pressed ? 'var(--mantine-color-un-7)' : 'var(--mantine-color-gray-3)'}`,
        borderRadius: 'var(--mantine-radius-md)',
        padding: pressed ? 'calc(var(--mantine-spacing-sm) - 1px)' : 'var(--mantine-spacing-sm)',
        background: pressed ? 'var(--mantine-color-un-0)' : 'var(--mantine-color-body)',
        borderInlineStart: `4px solid var(--mantine-color-${colour.replace('.', '-')})`,
      }}
    >
      <Text size="xs" fw={600} lh={1.3}>
        {label}
      </Text>
      <Text fz={22} fw={700} lh={1.2}>
        {value}
      </Text>
    </UnstyledButton>
  );
}
