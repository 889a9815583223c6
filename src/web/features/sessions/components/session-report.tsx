import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { todayIso, useFormatters } from '../../../lib/format.ts';
import { WordDiff } from '../../checklist/components/answer-history.tsx';
import { useReportStep, useSessionReport, type SessionReportDto } from '../api/sessions.ts';
import { historyLabel, reportStatusLabel, silenceLabel } from './session-labels.ts';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Two versions compared word by word (the checklist's word diff). */
function VersionCompare({ report }: { report: SessionReportDto }) {
  const { t } = useTranslation();
  const versions = report.versions;
  const [to, setTo] = useState(String(versions[0]?.version ?? ''));
  const [from, setFrom] = useState(String(versions[1]?.version ?? versions[0]?.version ?? ''));
  if (versions.length === 0) return null;
  const textOf = (v: string) => versions.find((x) => String(x.version) === v)?.text ?? '';
  const options = versions.map((v) => ({ value: String(v.version), label: t('sessions.report.versionLabel', { version: v.version }) }));
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('sessions.report.compare')}
      </Title>
      <Group>
        <NativeSelect label={t('sessions.report.from')} data={options} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <NativeSelect label={t('sessions.report.to')} data={options} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      <Paper withBorder p="sm">
        <WordDiff before={escapeHtml(textOf(from))} after={escapeHtml(textOf(to))} />
      </Paper>
    </Stack>
  );
}

function ReportSteps({ sessionId, report }: { sessionId: string; report: SessionReportDto }) {
  const { t } = useTranslation();
  const step = useReportStep(sessionId);
  const latest = report.versions[0]?.text ?? '';
  const [text, setText] = useState(latest);
  const [deadline, setDeadline] = useState('');
  const [adoptOn, setAdoptOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const m = report.may;
  return (
    <Stack gap="sm">
      {step.isError ? <ProblemAlert error={step.error} /> : null}
      {m.edit ? (
        <Stack gap="xs">
          <Textarea label={t('sessions.report.text')} autosize minRows={6} value={text} onChange={(e) => setText(e.currentTarget.value)} />
          <Group>
            <Button onClick={() => step.mutate({ path: '', method: 'PUT', body: { text, version: report.version } })} loading={step.isPending}>
              {t('sessions.report.save')}
            </Button>
          </Group>
        </Stack>
      ) : null}
      {m.circulate ? (
        <Group align="end">
          <TextInput type="datetime-local" label={t('sessions.report.deadline')} description={t('sessions.report.deadlineHint')} value={deadline} onChange={(e) => setDeadline(e.currentTarget.value)} />
          <Button variant="default" onClick={() => step.mutate({ path: '/circulate', method: 'POST', body: { silenceDeadline: deadline ? new Date(deadline).toISOString() : null } })}>
            {deadline ? t('sessions.report.circulateSilence') : t('sessions.report.circulate')}
          </Button>
        </Group>
      ) : null}
      {m.adopt ? (
        <Group align="end">
          <TextInput type="date" label={t('sessions.report.adoptedOn')} value={adoptOn} onChange={(e) => setAdoptOn(e.currentTarget.value)} />
          <Button variant="default" onClick={() => step.mutate({ path: '/adopt', method: 'POST', body: { on: adoptOn } })}>
            {t('sessions.report.adopt')}
          </Button>
        </Group>
      ) : null}
      {m.closeSilence ? (
        <Group>
          <Button onClick={() => step.mutate({ path: '/close-silence', method: 'POST' })}>{t('sessions.report.closeSilence')}</Button>
        </Group>
      ) : null}
      {m.lock ? (
        <Group>
          <Button variant="default" onClick={() => step.mutate({ path: '/lock', method: 'POST' })}>
            {t('sessions.report.lock')}
          </Button>
        </Group>
      ) : null}
      {m.object ? (
        <Stack gap="xs">
          <Textarea label={t('sessions.report.objectionNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group>
            <Button color="red.9" onClick={() => step.mutate({ path: '/objections', method: 'POST', body: { note } })}>
              {t('sessions.report.object')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}

export function SessionReportPanel({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const query = useSessionReport(sessionId, true);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  const report = query.data.report;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="session-report-title">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h3" id="session-report-title">
            {t('sessions.report.title')}
          </Title>
          <Group gap="xs">
            <Badge variant="light" color="blue.9" data-testid="report-status">
              {reportStatusLabel(t, report.status)}
            </Badge>
            {report.silence !== 'none' ? <Badge variant="outline" color="gray.8">{silenceLabel(t, report.silence)}</Badge> : null}
          </Group>
        </Group>
        {report.silenceDeadline && report.silence === 'running' ? <Alert role="status">{t('sessions.report.silenceUntil', { deadline: f.dateTimeUtc(report.silenceDeadline) })}</Alert> : null}
        {report.adoptedOn ? (
          <Text data-testid="report-adoption">
            {report.adoptionMode === 'silence' ? t('sessions.report.adoptedBySilence', { date: f.date(report.adoptedOn) }) : t('sessions.report.adoptedInMeeting', { date: f.date(report.adoptedOn) })}
          </Text>
        ) : null}
        {/* Keyed by version: a new version (saved here or elsewhere) restarts the editor from its text. */}
        <ReportSteps key={report.version} sessionId={sessionId} report={report} />
        {report.versions.length === 0 ? <Text c="dimmed">{t('sessions.report.noText')}</Text> : <VersionCompare report={report} />}
        {report.objections.length > 0 ? (
          <Stack gap={4}>
            <Title order={3} size="h4">
              {t('sessions.report.objections')}
            </Title>
            {report.objections.map((o) => (
              <Text key={`${o.stateIso3}-${o.circulatedVersion}`} size="sm">
                {t('sessions.report.objectionLine', { state: o.stateIso3, version: o.circulatedVersion, at: f.dateTimeUtc(o.objectedAt) })} {o.note}
              </Text>
            ))}
          </Stack>
        ) : null}
        {report.history.length > 0 ? (
          <Stack gap={4}>
            <Title order={3} size="h4">
              {t('sessions.report.historyTitle')}
            </Title>
            <ol style={{ margin: 0, paddingInlineStart: '1.5rem' }}>
              {report.history.map((h, i) => (
                <li key={i}>
                  <Text size="sm">
                    {f.dateTimeUtc(h.at)} · {historyLabel(t, h.action)} · {h.actor}
                  </Text>
                </li>
              ))}
            </ol>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
