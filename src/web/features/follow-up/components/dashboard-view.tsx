import { BarChart, LineChart } from '@mantine/charts';
import { Button, Code, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { todayIso, useFormatters } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import { DIMENSIONS, FOLLOW_UP_STATUSES, NOT_ASSESSED, useDashboard, useDashboardList, type Behind, type DashboardFilter, type Dimension, type StatusOrNone } from '../api/follow-up.ts';
import { StatusBadge } from './follow-up-view.tsx';
import { statusLabel } from './labels.ts';

const STATUSES: StatusOrNone[] = [...FOLLOW_UP_STATUSES, NOT_ASSESSED];
const REGIONAL_GROUPS = ['african', 'asia-pacific', 'eastern-european', 'latin-american-caribbean', 'western-european-other'];

function useKeyLabel() {
  const { t } = useTranslation();
  const f = useFormatters();
  return (dimension: Dimension, key: string) =>
    dimension === 'article' ? t('followUp.dashboard.article', { n: key }) : dimension === 'cycle' ? t('followUp.dashboard.cycle', { n: key }) : dimension === 'chapter' ? t('followUp.dashboard.chapter', { n: f.chapter(key) }) : t(`regionalGroups.${key}`, { defaultValue: key });
}

function share(value: number | null, f: ReturnType<typeof useFormatters>): string {
  return value === null ? '—' : `${f.number(value)} %`;
}

/** The recommendations behind the figure chosen. */
function BehindList({ filter, behind, title }: { filter: DashboardFilter; behind: Behind; title: string }) {
  const { t } = useTranslation();
  const list = useDashboardList(filter, behind);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="follow-up-behind">
      <Title order={2} size="h3" id="follow-up-behind" mb="sm">
        {title}
      </Title>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ProblemAlert error={list.error} />
      ) : list.data.recommendations.length === 0 ? (
        <Text>{t('followUp.dashboard.emptyList')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped data-testid="behind-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('followUp.dashboard.reference')}</Table.Th>
                <Table.Th scope="col">{t('followUp.dashboard.state')}</Table.Th>
                <Table.Th scope="col">{t('followUp.dashboard.text')}</Table.Th>
                <Table.Th scope="col">{t('followUp.dashboard.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.recommendations.map((r) => (
                <Table.Tr key={r.reference}>
                  <Table.Td>
                    <Link to={paths.reviewFollowUp.getHref(r.reviewId)}>
                      <Code>{r.reference}</Code>
                    </Link>
                  </Table.Td>
                  <Table.Td>{r.stateName}</Table.Td>
                  <Table.Td dir="auto">{r.text}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={r.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

/** Shares implemented as at a date, by the chosen dimension and per quarter, filterable, with the list behind every figure. */
export function FollowUpDashboard() {
  const { t } = useTranslation();
  const f = useFormatters();
  const keyLabel = useKeyLabel();
  const [filter, setFilter] = useState<DashboardFilter>({ asAt: todayIso() });
  const [dimension, setDimension] = useState<Dimension>('article');
  const [behind, setBehind] = useState<{ behind: Behind; title: string } | null>(null);
  const dashboard = useDashboard(filter);
  const set = (patch: Partial<DashboardFilter>) => {
    setFilter({ ...filter, ...patch });
    setBehind(null);
  };

  const filters = (
    <Paper withBorder p="md" component="form" role="search" aria-label={t('followUp.dashboard.filters')} onSubmit={(e) => e.preventDefault()}>
      <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }}>
        <TextInput type="date" label={t('followUp.dashboard.asAt')} value={filter.asAt} onChange={(e) => e.currentTarget.value && set({ asAt: e.currentTarget.value })} />
        <NativeSelect label={t('followUp.dashboard.filterCycle')} value={filter.cycle ?? ''} onChange={(e) => set({ cycle: e.currentTarget.value || undefined })} data={[{ value: '', label: t('followUp.dashboard.all') }, { value: '1', label: t('followUp.dashboard.cycle', { n: 1 }) }, { value: '2', label: t('followUp.dashboard.cycle', { n: 2 }) }]} />
        <NativeSelect label={t('followUp.dashboard.filterChapter')} value={filter.chapter ?? ''} onChange={(e) => set({ chapter: e.currentTarget.value || undefined })} data={[{ value: '', label: t('followUp.dashboard.all') }, ...['II', 'III', 'IV', 'V'].map((c) => ({ value: c, label: t('followUp.dashboard.chapter', { n: f.chapter(c) }) }))]} />
        <TextInput label={t('followUp.dashboard.filterArticle')} inputMode="numeric" value={filter.article ?? ''} onChange={(e) => set({ article: /^\d{1,3}$/.test(e.currentTarget.value) ? e.currentTarget.value : undefined })} />
        <NativeSelect label={t('followUp.dashboard.filterGroup')} value={filter.regionalGroup ?? ''} onChange={(e) => set({ regionalGroup: e.currentTarget.value || undefined })} data={[{ value: '', label: t('followUp.dashboard.all') }, ...REGIONAL_GROUPS.map((g) => ({ value: g, label: t(`regionalGroups.${g}`) }))]} />
        <NativeSelect label={t('followUp.dashboard.by')} value={dimension} onChange={(e) => setDimension(e.currentTarget.value as Dimension)} data={DIMENSIONS.map((d) => ({ value: d, label: t(`followUp.dashboard.dimension.${d}`) }))} />
      </SimpleGrid>
    </Paper>
  );

  if (dashboard.isPending) return (<Stack>{filters}<Loading /></Stack>);
  if (dashboard.isError) return (<Stack>{filters}<ProblemAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} /></Stack>);
  const d = dashboard.data;
  const rows = d.by[dimension];
  const show = (b: Behind, title: string) => setBehind({ behind: b, title });

  return (
    <Stack gap="xl">
      {filters}
      {d.isPublishedOnly ? <Text size="sm" c="dimmed">{t('followUp.dashboard.publishedOnly')}</Text> : null}
      <Paper withBorder p="md">
        <Text size="xl" fw={700} data-testid="share-implemented">
          {t('followUp.dashboard.headline', { share: share(d.totals.shareImplemented, f), total: f.number(d.totals.total), date: f.date(d.asAt) })}
        </Text>
        <Group gap="xs" mt="xs">
          {STATUSES.map((s) => (
            <Button key={s} variant="subtle" size="compact-sm" onClick={() => show({ status: s }, t('followUp.dashboard.listTitle', { figure: statusLabel(t, s) }))} data-testid={`total-${s}`}>
              {t('followUp.dashboard.countOf', { status: statusLabel(t, s), n: f.number(d.totals.counts[s]) })}
            </Button>
          ))}
        </Group>
      </Paper>

      <Stack gap="sm" component="section" aria-labelledby="follow-up-by">
        <Title order={2} id="follow-up-by">
          {t('followUp.dashboard.byTitle', { dimension: t(`followUp.dashboard.dimension.${dimension}`) })}
        </Title>
        {rows.length > 0 ? (
          <div role="img" aria-label={t('followUp.dashboard.chartLabel', { dimension: t(`followUp.dashboard.dimension.${dimension}`) })}>
            <BarChart h={Math.max(160, rows.length * 28)} data={rows.map((r) => ({ key: keyLabel(dimension, r.key), share: r.shareImplemented ?? 0 }))} dataKey="key" orientation="vertical" yAxisProps={{ width: 200 }} xAxisProps={{ domain: [0, 100] }} series={[{ name: 'share', label: t('followUp.dashboard.shareColumn'), color: 'green.8' }]} withTooltip={false} />
          </div>
        ) : null}
        <Table.ScrollContainer minWidth={760}>
          <Table striped withTableBorder data-testid="by-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t(`followUp.dashboard.dimension.${dimension}`)}</Table.Th>
                {STATUSES.map((s) => (
                  <Table.Th scope="col" key={s}>
                    {statusLabel(t, s)}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{t('followUp.dashboard.shareColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Th scope="row">{keyLabel(dimension, r.key)}</Table.Th>
                  {STATUSES.map((s) => (
                    <Table.Td key={s}>
                      <Button variant="subtle" size="compact-sm" disabled={r.counts[s] === 0} aria-label={t('followUp.dashboard.showList', { figure: `${keyLabel(dimension, r.key)}, ${statusLabel(t, s)}`, n: r.counts[s] })} onClick={() => show({ dimension, key: r.key, status: s }, t('followUp.dashboard.listTitle', { figure: `${keyLabel(dimension, r.key)}, ${statusLabel(t, s)}` }))}>
                        {f.number(r.counts[s])}
                      </Button>
                    </Table.Td>
                  ))}
                  <Table.Td>{share(r.shareImplemented, f)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>

      {behind ? <BehindList filter={filter} behind={behind.behind} title={behind.title} /> : null}

      <Stack gap="sm" component="section" aria-labelledby="follow-up-quarterly">
        <Title order={2} id="follow-up-quarterly">
          {t('followUp.dashboard.quarterlyTitle')}
        </Title>
        {d.quarterly.length > 1 ? (
          <div role="img" aria-label={t('followUp.dashboard.quarterlyChart')}>
            <LineChart h={240} data={d.quarterly.map((q) => ({ quarter: q.quarter, share: q.shareImplemented ?? 0 }))} dataKey="quarter" yAxisProps={{ domain: [0, 100] }} series={[{ name: 'share', label: t('followUp.dashboard.shareColumn'), color: 'green.8' }]} withDots={false} withTooltip={false} />
          </div>
        ) : null}
        <details>
          <summary>{t('followUp.dashboard.quarterlyTable')}</summary>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('followUp.dashboard.quarter')}</Table.Th>
                <Table.Th scope="col">{t('followUp.dashboard.counted')}</Table.Th>
                <Table.Th scope="col">{t('followUp.dashboard.shareColumn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.quarterly.map((q) => (
                <Table.Tr key={q.quarter}>
                  <Table.Td>{q.quarter}</Table.Td>
                  <Table.Td>{f.number(q.total)}</Table.Td>
                  <Table.Td>{share(q.shareImplemented, f)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </details>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="follow-up-outstanding">
        <Title order={2} id="follow-up-outstanding">
          {filter.article ? t('followUp.dashboard.outstandingArticle', { n: filter.article }) : t('followUp.dashboard.outstandingTitle')}
        </Title>
        {d.mostOutstanding.length === 0 ? (
          <Text>{t('followUp.dashboard.emptyList')}</Text>
        ) : (
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('followUp.dashboard.state')}</Table.Th>
                <Table.Th scope="col">{t('followUp.dashboard.outstanding')}</Table.Th>
                <Table.Th scope="col">{t('followUp.dashboard.counted')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.mostOutstanding.map((o) => (
                <Table.Tr key={o.stateIso3}>
                  <Table.Th scope="row">{o.name}</Table.Th>
                  <Table.Td>
                    <Button variant="subtle" size="compact-sm" aria-label={t('followUp.dashboard.showList', { figure: `${o.name}, ${t('followUp.dashboard.outstanding')}`, n: o.outstanding })} onClick={() => show({ outstanding: 'true', stateIso3: o.stateIso3 }, t('followUp.dashboard.listTitle', { figure: `${o.name}, ${t('followUp.dashboard.outstanding')}` }))}>
                      {f.number(o.outstanding)}
                    </Button>
                  </Table.Td>
                  <Table.Td>{f.number(o.total)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Stack>
  );
}
