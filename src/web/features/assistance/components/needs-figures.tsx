/**
 * The figures of a cycle: totals, by type (with a bar chart), by chapter, by article and the
 * groups of articles counted together; the States behind each figure for the secretariat.
 */
import { BarChart } from '@mantine/charts';
import { Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale, useFormatters } from '../../../lib/format.ts';
import type { AssistanceStatsDto } from '../api/assistance.ts';
import { needTypeLabel, NEED_TYPE_IDS } from './type-label.ts';

function FigureTable({ id, caption, head, rows }: { id: string; caption: string; head: string[]; rows: ReactNode[][] }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby={`${id}-title`}>
      <Title order={2} size="h3" id={`${id}-title`}>
        {caption}
      </Title>
      <Table.ScrollContainer minWidth={420}>
        <Table striped withTableBorder data-testid={id}>
          <Table.Thead>
            <Table.Tr>
              {head.map((h) => (
                <Table.Th key={h} scope="col">
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((cells, i) => (
              <Table.Tr key={i}>
                {cells.map((c, j) => (j === 0 ? <Table.Th key={j} scope="row" fw={400}>{c}</Table.Th> : <Table.Td key={j}>{c}</Table.Td>))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

export function NeedsFigures({ stats }: { stats: AssistanceStatsDto }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const percent = (n: number) => new Intl.NumberFormat(intlLocale(f.language), { style: 'percent', maximumFractionDigits: 1 }).format(n);
  const detail = stats.behind;
  const states = (list: string[] | undefined) => (list && list.length > 0 ? f.list(list) : '—');
  const head = (first: string) => [first, t('assistance.needs'), t('assistance.share'), ...(detail ? [t('assistance.states')] : [])];
  const chart = NEED_TYPE_IDS.map((type) => ({ type: needTypeLabel(t, type), needs: stats.byType[type] ?? 0 }));
  return (
    <Stack gap="xl">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            {t('assistance.total')}
          </Text>
          <Text fz="xl" fw={700} data-testid="needs-total">
            {f.number(stats.total)}
          </Text>
        </Paper>
        <Paper withBorder p="md">
          <Text size="sm" c="dimmed">
            {t('assistance.statesWithNeeds')}
          </Text>
          <Text fz="xl" fw={700} data-testid="needs-states">
            {f.number(stats.statesWithNeeds)}
          </Text>
        </Paper>
      </SimpleGrid>
      {stats.total === 0 ? (
        <Text c="dimmed">{t('assistance.empty')}</Text>
      ) : (
        <>
          <div role="img" aria-label={t('assistance.chartLabel')} dir="ltr">
            <BarChart h={320} data={chart} dataKey="type" series={[{ name: 'needs', label: t('assistance.needs'), color: 'blue.7' }]} orientation="vertical" yAxisProps={{ width: 220 }} gridAxis="x" />
          </div>
          <FigureTable
            id="needs-by-type"
            caption={t('assistance.byType')}
            head={head(t('assistance.type'))}
            rows={NEED_TYPE_IDS.map((type) => [needTypeLabel(t, type), f.number(stats.byType[type] ?? 0), percent(stats.shares.byType[type] ?? 0), ...(detail ? [states(detail.byType[type])] : [])])}
          />
          <Group grow align="start">
            <FigureTable
              id="needs-by-chapter"
              caption={t('assistance.byChapter')}
              head={[t('assistance.chapter'), t('assistance.needs'), t('assistance.share'), t('assistance.statesInChapter')]}
              rows={Object.keys(stats.byChapter).map((c) => [t('assistance.chapterN', { chapter: f.chapter(c) }), f.number(stats.byChapter[c]!), percent(stats.shares.byChapter[c] ?? 0), f.number(stats.statesByChapter[c] ?? 0)])}
            />
            <FigureTable
              id="needs-by-group"
              caption={t('assistance.groups')}
              head={[t('assistance.group'), t('assistance.needs'), t('assistance.share'), t('assistance.shareOfChapter')]}
              rows={stats.groups.map((g) => [
                t('assistance.articlesTogether', { articles: f.list(g.articles.map((a) => f.number(a))) }),
                f.number(g.count),
                percent(g.share),
                Object.entries(g.shareOfChapter)
                  .map(([c, s]) => `${t('assistance.chapterN', { chapter: f.chapter(c) })}: ${percent(s)}`)
                  .join('; '),
              ])}
            />
          </Group>
          <FigureTable
            id="needs-by-article"
            caption={t('assistance.byArticle')}
            head={head(t('assistance.article'))}
            rows={Object.keys(stats.byArticle).map((a) => [t('assistance.articleN', { article: f.number(Number(a)) }), f.number(stats.byArticle[a]!), percent(stats.shares.byArticle[a] ?? 0), ...(detail ? [states(detail.byArticle[a])] : [])])}
          />
        </>
      )}
    </Stack>
  );
}
