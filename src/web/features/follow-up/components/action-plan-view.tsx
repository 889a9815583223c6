import { Anchor, Badge, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { planExportHref, PROGRESS_STATUSES, useActionPlan, useReportProgress, useSaveAction, type ActionDto, type ActionPlanResponse, type ProgressStatus } from '../api/follow-up.ts';

function NewActionForm({ plan }: { plan: ActionPlanResponse }) {
  const { t } = useTranslation();
  const save = useSaveAction(plan.reviewId);
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [deadline, setDeadline] = useState('');
  const [indicators, setIndicators] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const recommendations = plan.recommendations.filter((r) => chosen.includes(r.reference)).map((r) => ({ article: r.article, sequence: r.sequence }));
    save.mutate(
      { id: null, body: { title, ownerInstitution: owner, deadline, indicators: indicators.split('\n'), recommendations, version: 0 } },
      {
        onSuccess: () => {
          setTitle('');
          setOwner('');
          setDeadline('');
          setIndicators('');
          setChosen([]);
        },
      },
    );
  }
  return (
    <Paper withBorder p="md" component="form" onSubmit={onSubmit} aria-labelledby="new-action">
      <Stack gap="xs">
        <Title order={2} size="h3" id="new-action">
          {t('followUp.plan.newAction')}
        </Title>
        <TextInput label={t('followUp.plan.actionTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
        <Group grow align="flex-start">
          <TextInput label={t('followUp.plan.owner')} value={owner} onChange={(e) => setOwner(e.currentTarget.value)} required />
          <TextInput type="date" label={t('followUp.plan.deadline')} value={deadline} onChange={(e) => setDeadline(e.currentTarget.value)} required />
        </Group>
        <Textarea label={t('followUp.plan.indicators')} description={t('followUp.plan.indicatorsHint')} value={indicators} onChange={(e) => setIndicators(e.currentTarget.value)} autosize minRows={2} />
        <Checkbox.Group label={t('followUp.plan.serves')} value={chosen} onChange={setChosen}>
          <Stack gap={4} mt={4}>
            {plan.recommendations.map((r) => (
              <Checkbox key={r.reference} value={r.reference} label={`${r.reference} — ${r.text}`} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('followUp.plan.add')}
          </Button>
        </Group>
        {save.isError ? <ProblemAlert error={save.error} /> : null}
      </Stack>
    </Paper>
  );
}

function ProgressForm({ reviewId, action }: { reviewId: string; action: ActionDto }) {
  const { t } = useTranslation();
  const report = useReportProgress(reviewId, action.id);
  const [percent, setPercent] = useState<string | number>(action.progress?.percent ?? '');
  const [status, setStatus] = useState<ProgressStatus>(action.progress?.status ?? 'on-track');
  const [note, setNote] = useState('');
  return (
    <form
      aria-label={t('followUp.plan.progressFor', { title: action.title })}
      onSubmit={(e) => {
        e.preventDefault();
        report.mutate({ percent: percent === '' ? null : Number(percent), status, note }, { onSuccess: () => setNote('') });
      }}
    >
      <Group align="flex-end" gap="xs" wrap="wrap">
        <NumberInput label={t('followUp.plan.percent')} value={percent} onChange={setPercent} min={0} max={100} allowDecimal={false} w={120} />
        <NativeSelect label={t('followUp.plan.progressStatus')} value={status} onChange={(e) => setStatus(e.currentTarget.value as ProgressStatus)} data={PROGRESS_STATUSES.map((s) => ({ value: s, label: t(`followUp.progress.${s}`) }))} />
        <TextInput label={t('followUp.plan.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: 1, minWidth: 200 }} />
        <Button type="submit" variant="default" loading={report.isPending}>
          {t('followUp.plan.report')}
        </Button>
      </Group>
      {report.isError ? <ProblemAlert error={report.error} /> : null}
    </form>
  );
}

/** The national action plan of a review: actions, the recommendations they serve, progress; exports. */
export function ActionPlanView({ reviewId }: { reviewId: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const plan = useActionPlan(reviewId);
  const { nameOf } = usePartyNames();
  const back = (
    <Anchor component={Link} to={paths.reviewFollowUp.getHref(reviewId)} size="sm">
      {t('followUp.plan.back')}
    </Anchor>
  );
  if (plan.isPending) return (<><PageHeader title={t('followUp.plan.title')} /><Loading /></>);
  if (plan.isError) return (<><PageHeader title={t('followUp.plan.title')} actions={back} /><ProblemAlert error={plan.error} onRetry={() => void plan.refetch()} /></>);
  const data = plan.data;
  return (
    <>
      <PageHeader
        title={t('followUp.plan.pageTitle', { state: nameOf(data.stateIso3), cycle: f.calendarYear(data.cycle) })}
        description={t('followUp.plan.description')}
        actions={
          <Group gap="md">
            {back}
            <Button component="a" href={planExportHref(reviewId, 'xlsx')} download variant="default" size="xs">
              {t('followUp.plan.xlsx')}
            </Button>
            <Button component="a" href={planExportHref(reviewId, 'csv')} download variant="default" size="xs">
              {t('followUp.plan.csv')}
            </Button>
          </Group>
        }
      />
      <Stack gap="lg">
        {data.actions.length === 0 ? <Text>{t('followUp.plan.empty')}</Text> : null}
        {data.actions.map((a) => (
          <Paper key={a.id} withBorder p="md" component="article" aria-label={a.title}>
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={2} size="h4">
                  {a.title}
                </Title>
                {a.progress ? (
                  <Badge variant="dot" color="blue.9" tt="none" size="lg">
                    {a.progress.percent === null ? t(`followUp.progress.${a.progress.status}`) : `${f.number(a.progress.percent)} % · ${t(`followUp.progress.${a.progress.status}`)}`}
                  </Badge>
                ) : null}
              </Group>
              <Table variant="vertical" withTableBorder>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Th w={200}>{t('followUp.plan.owner')}</Table.Th>
                    <Table.Td>{a.ownerInstitution}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('followUp.plan.deadline')}</Table.Th>
                    <Table.Td>{f.date(a.deadline)}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('followUp.plan.indicators')}</Table.Th>
                    <Table.Td>{a.indicators.join(' · ') || '—'}</Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Th>{t('followUp.plan.serves')}</Table.Th>
                    <Table.Td>{a.recommendations.map((r) => r.reference).join(', ')}</Table.Td>
                  </Table.Tr>
                  {a.progress ? (
                    <Table.Tr>
                      <Table.Th>{t('followUp.plan.lastProgress')}</Table.Th>
                      <Table.Td>{t('followUp.plan.progressLine', { date: f.date(a.progress.reportedOn), author: a.progress.author, note: a.progress.note || '—' })}</Table.Td>
                    </Table.Tr>
                  ) : null}
                </Table.Tbody>
              </Table>
              {data.may.edit ? <ProgressForm reviewId={reviewId} action={a} /> : null}
            </Stack>
          </Paper>
        ))}
        {data.may.edit && data.recommendations.length > 0 ? <NewActionForm plan={data} /> : null}
      </Stack>
    </>
  );
}
