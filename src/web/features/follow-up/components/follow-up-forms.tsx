import { Button, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { FOLLOW_UP_STATUSES, useAssess, useSelfReport, useUploadEvidence, type FollowUpRecommendation, type FollowUpStatus } from '../api/follow-up.ts';
import { statusLabel } from './labels.ts';

function StatusSelect({ label, value, onChange }: { label: string; value: FollowUpStatus; onChange: (s: FollowUpStatus) => void }) {
  const { t } = useTranslation();
  return <NativeSelect label={label} value={value} onChange={(e) => onChange(e.currentTarget.value as FollowUpStatus)} data={FOLLOW_UP_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))} maw={320} />;
}

/** The State's self-report on one recommendation in the open round, with its evidence. */
export function SelfReportForm({ reviewId, round, recommendation }: { reviewId: string; round: number; recommendation: FollowUpRecommendation }) {
  const { t } = useTranslation();
  const fileInputId = useId();
  const [status, setStatus] = useState<FollowUpStatus>(recommendation.claimed?.status ?? 'implemented');
  const [narrative, setNarrative] = useState('');
  const [link, setLink] = useState({ url: '', title: '' });
  const [statistic, setStatistic] = useState({ label: '', value: '', period: '' });
  const [files, setFiles] = useState<File[]>([]);
  const [isDone, setIsDone] = useState(false);
  const upload = useUploadEvidence(reviewId);
  const submit = useSelfReport(reviewId, round, recommendation);
  const isBusy = upload.isPending || submit.isPending;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setIsDone(false);
    try {
      const documents: string[] = [];
      // Files first: a self-report cites only files already in the store.
      for (const file of files) documents.push((await upload.mutateAsync(file)).file.id);
      await submit.mutateAsync({
        status,
        narrative,
        links: link.url.trim() ? [link] : [],
        statistics: statistic.label.trim() || statistic.value.trim() ? [statistic] : [],
        documents,
      });
      setNarrative('');
      setLink({ url: '', title: '' });
      setStatistic({ label: '', value: '', period: '' });
      setFiles([]);
      setIsDone(true);
    } catch {
      // Shown below from the mutation's error.
    }
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} aria-label={t('followUp.selfReport.formLabel', { reference: recommendation.reference })}>
      <Stack gap="xs">
        <Title order={4}>{t('followUp.selfReport.title', { round })}</Title>
        <StatusSelect label={t('followUp.selfReport.status')} value={status} onChange={setStatus} />
        <Textarea label={t('followUp.selfReport.narrative')} description={t('followUp.selfReport.narrativeHint')} value={narrative} onChange={(e) => setNarrative(e.currentTarget.value)} autosize minRows={3} required />
        <Group grow align="flex-start">
          <TextInput label={t('followUp.selfReport.linkUrl')} type="url" value={link.url} onChange={(e) => setLink({ ...link, url: e.currentTarget.value })} />
          <TextInput label={t('followUp.selfReport.linkTitle')} value={link.title} onChange={(e) => setLink({ ...link, title: e.currentTarget.value })} />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={t('followUp.selfReport.statLabel')} value={statistic.label} onChange={(e) => setStatistic({ ...statistic, label: e.currentTarget.value })} />
          <TextInput label={t('followUp.selfReport.statValue')} value={statistic.value} onChange={(e) => setStatistic({ ...statistic, value: e.currentTarget.value })} />
          <TextInput label={t('followUp.selfReport.statPeriod')} value={statistic.period} onChange={(e) => setStatistic({ ...statistic, period: e.currentTarget.value })} />
        </Group>
        <div>
          <Text component="label" htmlFor={fileInputId} size="sm" fw={500}>
            {t('followUp.selfReport.documents')}
          </Text>
          <input id={fileInputId} type="file" multiple onChange={(e) => setFiles([...(e.currentTarget.files ?? [])])} style={{ display: 'block', marginTop: 4 }} />
        </div>
        <Group>
          <Button type="submit" loading={isBusy}>
            {t('followUp.selfReport.submit')}
          </Button>
          {isDone ? (
            <Text size="sm" fw={600} role="status">
              {t('followUp.selfReport.done')}
            </Text>
          ) : null}
        </Group>
        {upload.isError ? <ProblemAlert error={upload.error} /> : null}
        {submit.isError ? <ProblemAlert error={submit.error} /> : null}
      </Stack>
    </form>
  );
}

/** The assessment of the latest self-report, by the reviewers or the secretariat. */
export function AssessmentForm({ reviewId, round, recommendation }: { reviewId: string; round: number; recommendation: FollowUpRecommendation }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<FollowUpStatus>('partly-implemented');
  const [note, setNote] = useState('');
  const assess = useAssess(reviewId, round, recommendation);
  return (
    <form
      aria-label={t('followUp.assessment.formLabel', { reference: recommendation.reference })}
      onSubmit={(e) => {
        e.preventDefault();
        assess.mutate({ status, note }, { onSuccess: () => setNote('') });
      }}
    >
      <Stack gap="xs">
        <Title order={4}>{t('followUp.assessment.title', { round })}</Title>
        <StatusSelect label={t('followUp.assessment.status')} value={status} onChange={setStatus} />
        <Textarea label={t('followUp.assessment.note')} description={t('followUp.assessment.noteHint')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
        <Group>
          <Button type="submit" loading={assess.isPending}>
            {t('followUp.assessment.submit')}
          </Button>
          {assess.isSuccess ? (
            <Text size="sm" fw={600} role="status">
              {t('followUp.assessment.done')}
            </Text>
          ) : null}
        </Group>
        {assess.isError ? <ProblemAlert error={assess.error} /> : null}
      </Stack>
    </form>
  );
}
