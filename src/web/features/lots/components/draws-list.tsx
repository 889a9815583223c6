import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { drawKindLabel } from '../../../i18n/labels.ts';
import { useFormatters } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import { useAbility } from '../../auth/api/get-session.ts';
import { useCycles } from '../../cycles/api/get-cycles.ts';
import { useDraws } from '../api/get-draws.ts';
import { DrawStatusBadge, ShortHash } from './draw-bits.tsx';
import { RedrawRequests } from './redraw-requests.tsx';

export function DrawsList() {
  const { t } = useTranslation();
  const f = useFormatters();
  const draws = useDraws();
  const cycles = useCycles();
  const isManager = useAbility('lots.manage');

  const calendarYearOf = (cycle: number, year: number) => {
    const c = cycles.data?.cycles.find((x) => x.number === cycle);
    return c ? c.firstYear + year - 1 : null;
  };

  return (
    <Stack gap="xl">
      <Group gap="sm">
        {isManager ? (
          <Button component={Link} to={paths.drawNew.getHref()}>
            {t('lots.list.newDraw')}
          </Button>
        ) : null}
        <Button component={Link} to={paths.drawVerify.getHref()} variant="default">
          {t('lots.list.verify')}
        </Button>
      </Group>
      {draws.isPending ? (
        <Loading />
      ) : draws.isError ? (
        <ProblemAlert error={draws.error} onRetry={() => void draws.refetch()} />
      ) : draws.data.draws.length === 0 ? (
        <Text c="dimmed">{t('lots.list.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table withTableBorder striped verticalSpacing="sm" aria-label={t('lots.list.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('lots.list.draw')}</Table.Th>
                <Table.Th scope="col">{t('lots.list.cycle')}</Table.Th>
                <Table.Th scope="col">{t('lots.list.year')}</Table.Th>
                <Table.Th scope="col">{t('lots.list.status')}</Table.Th>
                <Table.Th scope="col">{t('lots.list.commitment')}</Table.Th>
                <Table.Th scope="col">{t('lots.list.committedAt')}</Table.Th>
                <Table.Th scope="col">{t('lots.list.publishedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {draws.data.draws.map((draw) => {
                const calendarYear = draw.year === null ? null : calendarYearOf(draw.cycle, draw.year);
                return (
                  <Table.Tr key={draw.id}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor component={Link} to={paths.draw.getHref(draw.id)} fw={600}>
                        {drawKindLabel(t, draw.kind)}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{f.calendarYear(draw.cycle)}</Table.Td>
                    <Table.Td>
                      {draw.year === null
                        ? '—'
                        : calendarYear
                          ? t('lots.list.yearCalendar', { year: f.calendarYear(draw.year), calendarYear: f.calendarYear(calendarYear) })
                          : f.calendarYear(draw.year)}
                    </Table.Td>
                    <Table.Td>
                      <DrawStatusBadge status={draw.status} />
                    </Table.Td>
                    <Table.Td>
                      <ShortHash value={draw.commitment} label={t('lots.list.commitment')} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{f.dateTimeUtc(draw.createdAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{draw.publishedAt ? f.dateTimeUtc(draw.publishedAt) : '—'}</Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {isManager ? <RedrawRequests /> : null}
    </Stack>
  );
}
