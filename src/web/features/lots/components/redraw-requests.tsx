import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { redrawStatusLabel } from '../../../i18n/labels.ts';
import { useFormatters } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { useCommitDraw } from '../api/commit-draw.ts';
import { useRedrawRequests } from '../api/get-redraw-requests.ts';
import { useWithdrawRedraw } from '../api/withdraw-redraw.ts';
import { DrawProblem } from './draw-problem.tsx';

/** Secretariat: the queue of redraw requests; "Prepare redraw" commits a redraw draw for one. */
export function RedrawRequests({ cycle }: { cycle?: number }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { nameOf } = usePartyNames();
  const requests = useRedrawRequests();
  const commit = useCommitDraw();
  const withdraw = useWithdrawRedraw();
  const navigate = useNavigate();

  const rows = (requests.data?.requests ?? []).filter((r) => cycle === undefined || r.cycle === cycle);

  function prepare(requestId: string) {
    commit.mutate({ kind: 'redraw', requestId }, { onSuccess: ({ draw }) => void navigate({ to: paths.draw.getHref(draw.id) }) });
  }

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="redraw-requests-title">
      <Stack gap="sm">
        <Title order={2} id="redraw-requests-title">
          {t('lots.redraw.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('lots.redraw.body')}
        </Text>
        {commit.isError ? <DrawProblem error={commit.error} title={t('lots.redraw.prepareFailed')} /> : null}
        {withdraw.isError ? <ProblemAlert error={withdraw.error} /> : null}
        {requests.isPending ? (
          <Loading />
        ) : requests.isError ? (
          <ProblemAlert error={requests.error} onRetry={() => void requests.refetch()} />
        ) : rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('lots.redraw.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table withTableBorder verticalSpacing="sm" aria-label={t('lots.redraw.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('lots.redraw.state')}</Table.Th>
                  <Table.Th scope="col">{t('lots.redraw.slot')}</Table.Th>
                  <Table.Th scope="col">{t('lots.redraw.reason')}</Table.Th>
                  <Table.Th scope="col">{t('lots.redraw.requested')}</Table.Th>
                  <Table.Th scope="col">{t('lots.redraw.statusHeader')}</Table.Th>
                  <Table.Th scope="col">{t('lots.redraw.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Th scope="row" fw={500}>
                      {nameOf(r.underReview)}
                      <Text size="xs" c="dimmed">
                        {t('lots.cycleN', { number: f.calendarYear(r.cycle) })}
                      </Text>
                    </Table.Th>
                    <Table.Td>{r.slot === 0 ? t('lots.result.reviewer1') : t('lots.result.reviewer2')}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.reason ?? '—'}</Text>
                      {r.exceptionalDecision ? (
                        <Text size="xs" c="dimmed">
                          {t('lots.redraw.decision', { decision: r.exceptionalDecision })}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{f.dateTimeUtc(r.requestedAt)}</Text>
                      <Text size="xs" c="dimmed">
                        {r.requestedBy}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={r.status === 'queued' ? 'blue.8' : 'gray.7'} tt="none">
                        {redrawStatusLabel(t, r.status)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {r.status === 'queued' ? (
                        <Group gap="xs" wrap="nowrap">
                          <Button size="compact-sm" loading={commit.isPending && commit.variables?.kind === 'redraw' && commit.variables.requestId === r.id} onClick={() => prepare(r.id)} aria-label={t('lots.redraw.prepareFor', { name: nameOf(r.underReview) })}>
                            {t('lots.redraw.prepare')}
                          </Button>
                          <Button size="compact-sm" variant="default" loading={withdraw.isPending && withdraw.variables === r.id} onClick={() => withdraw.mutate(r.id)} aria-label={t('lots.redraw.withdrawFor', { name: nameOf(r.underReview) })}>
                            {t('lots.redraw.withdraw')}
                          </Button>
                        </Group>
                      ) : r.drawId ? (
                        <Anchor component={Link} to={paths.draw.getHref(r.drawId)} size="sm">
                          {t('lots.redraw.openDraw')}
                        </Anchor>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
