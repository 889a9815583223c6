/**
 * The completion forecast: reviews completed by each month, the median and the band between
 * the 10th and 90th percentile, the planned end; a table of the same points and of each open
 * review's projected completion.
 */
import { Alert, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { intlLocale, useFormatters } from '../../../lib/format.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { useForecast } from '../api/progress.ts';

export function ForecastChart({ cycle }: { cycle: number }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { nameOf } = usePartyNames();
  const forecast = useForecast(cycle);
  const percent = (n: number) => new Intl.NumberFormat(intlLocale(f.language), { style: 'percent', maximumFractionDigits: 0 }).format(n);
  const month = (iso: string) => new Intl.DateTimeFormat(intlLocale(f.language), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  return (
    <Stack gap="xs" component="section" aria-labelledby="forecast-title">
      <Title order={2} size="h3" id="forecast-title">
        {t('statistics.forecastTitle')}
      </Title>
      {forecast.isPending ? (
        <Loading />
      ) : forecast.isError ? (
        <ProblemAlert error={forecast.error} />
      ) : forecast.data.completion === null ? (
        <Text c="dimmed">{t('statistics.emptyCycle')}</Text>
      ) : (
        (() => {
          const d = forecast.data;
          const completion = d.completion!;
          const likely = (d.probabilityOnTime ?? 0) >= 0.5;
          const data = d.fan.map((p) => ({ date: p.date, band: [p.p10, p.p90] as [number, number], p50: p.p50 }));
          return (
            <>
              <Alert color={likely ? 'green' : 'orange'} data-testid="forecast-summary">
                <Text fw={600}>
                  {t('statistics.forecastSummary', { p50: f.date(completion.p50), p10: f.date(completion.p10), p90: f.date(completion.p90) })}
                </Text>
                <Text component="div">
                  {t('statistics.plannedEnd', { date: f.date(d.plannedEnd), probability: percent(d.probabilityOnTime ?? 0) })}{' '}
                  <Badge color={likely ? 'green' : 'orange'} variant="light">
                    {likely ? t('statistics.likely') : t('statistics.unlikely')}
                  </Badge>
                </Text>
                <Text size="sm" c="dimmed">
                  {t('statistics.forecastMethod', { runs: f.number(d.runs), completed: f.number(d.completed), total: f.number(d.total) })}
                </Text>
              </Alert>
              <div role="img" aria-label={t('statistics.forecastChartLabel')} style={{ width: '100%', height: 300 }} dir="ltr">
                <ResponsiveContainer>
                  <ComposedChart data={data} margin={{ top: 10, right: 20, bottom: 10, left: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="date" tickFormatter={month} minTickGap={40} />
                    <YAxis allowDecimals={false} domain={[0, d.total]} />
                    <Area dataKey="band" stroke="none" fill="var(--mantine-color-blue-3)" fillOpacity={0.5} isAnimationActive={false} />
                    <Line dataKey="p50" stroke="var(--mantine-color-blue-8)" strokeWidth={2} dot={false} isAnimationActive={false} />
                    <ReferenceLine x={d.fan.find((p) => p.date >= d.plannedEnd)?.date} stroke="var(--mantine-color-red-8)" strokeDasharray="4 4" />
                  </ComposedChart>
                </ResponsiveContainer>
              </div>
              <details>
                <summary>{t('statistics.forecastTable')}</summary>
                <Table striped withTableBorder mt="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('statistics.date')}</Table.Th>
                      <Table.Th scope="col">P10</Table.Th>
                      <Table.Th scope="col">P50</Table.Th>
                      <Table.Th scope="col">P90</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.fan.map((p) => (
                      <Table.Tr key={p.date}>
                        <Table.Th scope="row">{f.date(p.date)}</Table.Th>
                        <Table.Td>{f.number(p.p10)}</Table.Td>
                        <Table.Td>{f.number(p.p50)}</Table.Td>
                        <Table.Td>{f.number(p.p90)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </details>
              {d.open.length > 0 ? (
                <details>
                  <summary>{t('statistics.openReviews', { n: f.number(d.open.length) })}</summary>
                  <Table striped withTableBorder mt="xs" data-testid="forecast-reviews">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('statistics.state')}</Table.Th>
                        <Table.Th scope="col">P10</Table.Th>
                        <Table.Th scope="col">P50</Table.Th>
                        <Table.Th scope="col">P90</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {d.open.map((r) => (
                        <Table.Tr key={r.id}>
                          <Table.Th scope="row">{nameOf(r.stateIso3)}</Table.Th>
                          <Table.Td>{f.date(r.p10)}</Table.Td>
                          <Table.Td>{f.date(r.p50)}</Table.Td>
                          <Table.Td>{f.date(r.p90)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </details>
              ) : null}
            </>
          );
        })()
      )}
    </Stack>
  );
}
