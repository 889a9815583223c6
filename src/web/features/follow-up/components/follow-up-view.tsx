import { Alert, Anchor, Badge, Button, Code, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import { evidenceHref, useCloseRound, useFollowUp, useOpenRound, type FollowUpRecommendation, type FollowUpResponse, type HistoryEntry } from '../api/follow-up.ts';
import { AssessmentForm, SelfReportForm } from './follow-up-forms.tsx';
import { STATUS_COLOURS, statusLabel } from './labels.ts';

export function StatusBadge({ status }: { status: keyof typeof STATUS_COLOURS }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="dot" tt="none" size="lg">
      {statusLabel(t, status)}
    </Badge>
  );
}

function Rounds({ data }: { data: FollowUpResponse }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const open = useOpenRound(data.reviewId);
  const close = useCloseRound(data.reviewId);
  return (
    <Stack gap="sm" component="section" aria-labelledby="follow-up-rounds">
      <Title order={2} id="follow-up-rounds">
        {t('followUp.rounds.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('followUp.rounds.schedule', { months: f.number(data.settings.intervalMonths), days: f.number(data.settings.responseDays), date: data.finalisedOn ? f.date(data.finalisedOn) : '—' })}
      </Text>
      {data.rounds.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('followUp.rounds.round')}</Table.Th>
                <Table.Th scope="col">{t('followUp.rounds.opens')}</Table.Th>
                <Table.Th scope="col">{t('followUp.rounds.due')}</Table.Th>
                <Table.Th scope="col">{t('followUp.rounds.closed')}</Table.Th>
                <Table.Th scope="col">{t('followUp.rounds.state')}</Table.Th>
                {data.may.manage ? <Table.Th scope="col">{t('followUp.rounds.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.rounds.map((r) => (
                <Table.Tr key={r.number}>
                  <Table.Td>{f.number(r.number)}</Table.Td>
                  <Table.Td>{f.date(r.opensOn)}</Table.Td>
                  <Table.Td>{f.date(r.dueOn)}</Table.Td>
                  <Table.Td>{r.closedOn ? f.date(r.closedOn) : '—'}</Table.Td>
                  <Table.Td>{t(`followUp.roundState.${r.state}`)}</Table.Td>
                  {data.may.manage ? (
                    <Table.Td>
                      {r.state !== 'closed' && r.state !== 'scheduled' ? (
                        <Button size="xs" variant="default" loading={close.isPending} onClick={() => close.mutate(r.number)}>
                          {t('followUp.rounds.close', { round: r.number })}
                        </Button>
                      ) : null}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text>{t('followUp.rounds.none')}</Text>
      )}
      {data.upcoming ? (
        <Group>
          <Text size="sm">{t('followUp.rounds.upcoming', { round: data.upcoming.number, opens: f.date(data.upcoming.opensOn), due: f.date(data.upcoming.dueOn) })}</Text>
          {data.may.manage ? (
            <Button size="xs" onClick={() => open.mutate()} loading={open.isPending}>
              {t('followUp.rounds.open', { round: data.upcoming.number })}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {open.isError ? <ProblemAlert error={open.error} /> : null}
      {close.isError ? <ProblemAlert error={close.error} /> : null}
    </Stack>
  );
}

function HistoryItem({ reviewId, entry }: { reviewId: string; entry: HistoryEntry }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const head = t(entry.kind === 'self-report' ? 'followUp.history.selfReport' : 'followUp.history.assessment', { round: entry.round, version: entry.version, date: f.date(entry.on), author: entry.author });
  return (
    <List.Item>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {head}
        </Text>
        <StatusBadge status={entry.status} />
      </Group>
      {entry.kind === 'self-report' ? (
        <Stack gap={2}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
            {entry.narrative}
          </Text>
          {entry.links.map((l) => (
            <Anchor key={l.url} href={l.url} size="sm" target="_blank" rel="noopener noreferrer">
              {l.title}
            </Anchor>
          ))}
          {entry.statistics.map((s, i) => (
            <Text key={i} size="sm">
              {t('followUp.history.statistic', { label: s.label, value: s.value, period: s.period })}
            </Text>
          ))}
          {entry.documents.map((d) => (
            <Anchor key={d.id} href={evidenceHref(reviewId, d.id)} size="sm" download>
              {d.filename}
            </Anchor>
          ))}
        </Stack>
      ) : entry.note ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
          {entry.note}
        </Text>
      ) : null}
    </List.Item>
  );
}

function RecommendationCard({ data, r }: { data: FollowUpResponse; r: FollowUpRecommendation }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const current = data.rounds.at(-1);
  const isOpen = current !== undefined && (current.state === 'open' || current.state === 'overdue');
  // Assess the latest round the State reported in (possibly closed meanwhile).
  const reportedRounds = r.history.filter((h) => h.kind === 'self-report').map((h) => h.round);
  const assessRound = reportedRounds.length > 0 ? Math.max(...reportedRounds) : undefined;
  return (
    <Paper withBorder p="md" component="article" aria-label={t('followUp.recommendation', { reference: r.reference })}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4} style={{ flex: 1 }}>
            <Code>{r.reference}</Code>
            <Text dir="auto">{r.text}</Text>
          </Stack>
          <Stack gap={4} align="flex-end" data-testid={`latest-${r.reference}`}>
            {r.latest ? <StatusBadge status={r.latest.status} /> : <StatusBadge status="not-assessed" />}
            {r.latest ? (
              <Text size="xs" c="dimmed">
                {t('followUp.assessedOn', { round: r.latest.round, date: f.date(r.latest.assessedOn) })}
              </Text>
            ) : null}
            {r.claimed ? (
              <Text size="xs" c="dimmed">
                {t('followUp.claimed', { status: statusLabel(t, r.claimed.status), round: r.claimed.round })}
              </Text>
            ) : null}
          </Stack>
        </Group>
        {r.history.length > 0 ? (
          <div>
            <Title order={3} size="h5">
              {t('followUp.history.title')}
            </Title>
            <List spacing="xs" size="sm">
              {r.history.map((h) => (
                <HistoryItem key={`${h.kind}-${h.round}-${h.version}`} reviewId={data.reviewId} entry={h} />
              ))}
            </List>
          </div>
        ) : null}
        {data.may.report && isOpen ? <SelfReportForm reviewId={data.reviewId} round={current.number} recommendation={r} /> : null}
        {data.may.assess && assessRound !== undefined ? <AssessmentForm reviewId={data.reviewId} round={assessRound} recommendation={r} /> : null}
      </Stack>
    </Paper>
  );
}

/** One review's follow-up: rounds, each recommendation's latest status, its history and the forms the actor may use. */
export function FollowUpView({ reviewId }: { reviewId: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const followUp = useFollowUp(reviewId);
  const back = (
    <Anchor component={Link} to={paths.review.getHref(reviewId)} size="sm">
      {t('report.backToReview')}
    </Anchor>
  );
  if (followUp.isPending) {
    return (
      <>
        <PageHeader title={t('followUp.title')} />
        <Loading />
      </>
    );
  }
  if (followUp.isError) {
    return (
      <>
        <PageHeader title={t('followUp.title')} actions={back} />
        <ProblemAlert error={followUp.error} onRetry={() => void followUp.refetch()} />
      </>
    );
  }
  const data = followUp.data;
  return (
    <>
      <PageHeader
        title={t('followUp.pageTitle', { state: data.state.name, cycle: f.calendarYear(data.cycle) })}
        description={t('followUp.description')}
        actions={
          <Group gap="lg">
            {back}
            {data.canSeeDetail ? (
              <Anchor component={Link} to={paths.reviewActionPlan.getHref(reviewId)} size="sm">
                {t('followUp.plan.link')}
              </Anchor>
            ) : null}
            <Anchor component={Link} to={paths.followUp.getHref()} size="sm">
              {t('followUp.dashboard.link')}
            </Anchor>
          </Group>
        }
      />
      <Stack gap="xl">
        {data.finalisedOn === null ? <Alert color="blue">{t('followUp.notFinalised')}</Alert> : <Rounds data={data} />}
        {!data.canSeeDetail ? <Alert color="gray">{t('followUp.publishedOnly')}</Alert> : null}
        <Stack gap="md" component="section" aria-labelledby="follow-up-recommendations">
          <Title order={2} id="follow-up-recommendations">
            {t('followUp.recommendations', { n: f.number(data.recommendations.length) })}
          </Title>
          {data.recommendations.length === 0 ? <Text>{t('followUp.noRecommendations')}</Text> : data.recommendations.map((r) => <RecommendationCard key={r.reference} data={data} r={r} />)}
        </Stack>
      </Stack>
    </>
  );
}
