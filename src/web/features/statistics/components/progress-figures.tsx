/**
 * The progress figures as "N of M": a table (each figure opens the list of reviews behind
 * it), a bar chart of the same numbers for those who read charts, and a CSV download.
 */
import { BarChart } from '@mantine/charts';
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { intlLocale, useFormatters } from '../../../lib/format.ts';
import { FIGURES, figureValue, progressCsv, type Figure, type ProgressDto } from '../api/progress.ts';

/** Sub-figures (the forms of dialogue) are indented under the dialogues. */
const INDENTED: ReadonlySet<Figure> = new Set(['countryVisits', 'jointMeetings', 'virtualVisits']);

export function useFigureLabel() {
  const { t } = useTranslation();
  return (figure: Figure) => t(`statistics.figure.${figure}`);
}

export function ProgressFigures({ progress, selected, onSelect }: { progress: ProgressDto; selected: Figure | null; onSelect: (figure: Figure) => void }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const label = useFigureLabel();
  const p = progress;
  const share = (n: number) => (p.total === 0 ? '—' : new Intl.NumberFormat(intlLocale(f.language), { style: 'percent', maximumFractionDigits: 0 }).format(n / p.total));
  const csv = progressCsv(p, label);
  const chartData = FIGURES.filter((x) => x !== 'paused').map((figure) => ({ figure: label(figure), count: figureValue(p, figure) }));
  return (
    <Stack gap="md">
      <Group justify="space-between" align="end">
        <Title order={2} size="h3">
          {t('statistics.figuresTitle', { date: f.date(p.asOf) })}
        </Title>
        <Anchor href={`data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`} download={`progress-cycle-${p.cycle}-${p.asOf}.csv`} data-testid="progress-csv">
          {t('statistics.downloadCsv')}
        </Anchor>
      </Group>
      {p.total === 0 ? (
        <Text c="dimmed" data-testid="progress-empty">
          {t('statistics.emptyCycle')}
        </Text>
      ) : null}
      <Table withTableBorder striped data-testid="progress-table">
        <Table.Caption>{t('statistics.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('statistics.figureColumn')}</Table.Th>
            <Table.Th scope="col">{t('statistics.countColumn')}</Table.Th>
            <Table.Th scope="col">{t('statistics.shareColumn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {FIGURES.map((figure) => {
            const value = figureValue(p, figure);
            return (
              <Table.Tr key={figure} bg={selected === figure ? 'blue.0' : undefined}>
                <Table.Th scope="row" style={{ paddingInlineStart: INDENTED.has(figure) ? 32 : undefined, fontWeight: INDENTED.has(figure) ? 400 : 600 }}>
                  {label(figure)}
                </Table.Th>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => onSelect(figure)} aria-pressed={selected === figure} data-testid={`figure-${figure}`} data-value={value} aria-label={t('statistics.showReviews', { figure: label(figure), count: value, total: p.total })}>
                    {t('statistics.nOfM', { n: f.number(value), m: f.number(p.total) })}
                  </Button>
                </Table.Td>
                <Table.Td>{share(value)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {p.total > 0 ? (
        <div role="img" aria-label={t('statistics.chartLabel')}>
          <BarChart h={280} data={chartData} dataKey="figure" orientation="vertical" yAxisProps={{ width: 200 }} series={[{ name: 'count', label: t('statistics.countColumn'), color: 'blue.7' }]} withTooltip={false} />
        </div>
      ) : null}
    </Stack>
  );
}
