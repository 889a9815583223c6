import { Alert, Badge, Box, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { useReportStep, type ReportResponse, type ReportStep } from '../api/report.ts';

interface StepText {
  title: string;
  explain: string;
  button: string;
  confirm: string;
  done: string | null;
  may: boolean;
}

/**
 * The three steps of the report (docs/REPORTS.md §1): the secretariat shares the draft, the
 * State under review agrees to it as it stands, the secretariat finalises it. Each button is
 * shown only to whom the server allows it, with what it does.
 */
export function ReportSteps({ reviewId, report, hasUnsavedChanges }: { reviewId: string; report: ReportResponse; hasUnsavedChanges: boolean }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const step = useReportStep(reviewId);
  const [confirming, setConfirming] = useState<ReportStep | null>(null);
  const [done, setDone] = useState<ReportStep | null>(null);
  const agreement = report.agreement;

  const steps: Record<ReportStep, StepText> = {
    share: {
      title: t('report.steps.share.title'),
      explain: t('report.steps.share.explain'),
      button: t('report.steps.share.button'),
      confirm: t('report.steps.share.confirm'),
      done: report.sharedAt ? t('report.steps.share.done', { date: f.date(report.sharedAt) }) : null,
      may: report.may.share,
    },
    agree: {
      title: t('report.steps.agree.title'),
      explain: t('report.steps.agree.explain'),
      button: t('report.steps.agree.button'),
      confirm: t('report.steps.agree.confirm'),
      done: agreement && report.agreementHolds ? t('report.steps.agree.done', { who: agreement.by, date: f.dateTimeUtc(agreement.at) }) : null,
      may: report.may.agree,
    },
    finalise: {
      title: t('report.steps.finalise.title'),
      explain: t('report.steps.finalise.explain'),
      button: t('report.steps.finalise.button'),
      confirm: t('report.steps.finalise.confirm'),
      done: report.finalisedAt ? t('report.steps.finalise.done', { date: f.date(report.finalisedAt) }) : null,
      may: report.may.finalise,
    },
  };
  const order: ReportStep[] = ['share', 'agree', 'finalise'];
  const open = confirming ? steps[confirming] : null;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="report-steps-title">
      <Title order={2} size="h4" id="report-steps-title" mb="sm">
        {t('report.steps.title')}
      </Title>
      {done ? (
        <Alert color="teal" variant="light" role="status" mb="sm" withCloseButton closeButtonLabel={t('actions.dismiss')} onClose={() => setDone(null)}>
          {steps[done].done ?? t('report.steps.recorded')}
        </Alert>
      ) : null}
      {agreement && !report.agreementHolds && !report.finalisedAt ? (
        <Alert color="orange" variant="light" mb="sm">
          {t('report.steps.agreementVoid', { who: agreement.by, date: f.dateTimeUtc(agreement.at) })}
        </Alert>
      ) : null}
      <Stack component="ol" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('report.steps.title')}>
        {order.map((key, i) => {
          const s = steps[key];
          return (
            <Box component="li" key={key} data-step={key} data-done={s.done ? 'true' : 'false'}>
              <Group gap="xs" align="center">
                <Text fw={600}>{t('report.steps.numbered', { n: i + 1, title: s.title })}</Text>
                {s.done ? (
                  <Badge color="green.9" variant="light" tt="none">
                    {t('report.steps.doneBadge')}
                  </Badge>
                ) : null}
              </Group>
              <Text size="sm" c="dimmed" maw={760}>
                {s.explain}
              </Text>
              {s.done ? <Text size="sm">{s.done}</Text> : null}
              {s.may ? (
                <Group mt={6} gap="sm">
                  <Button size="sm" onClick={() => setConfirming(key)} disabled={hasUnsavedChanges}>
                    {s.button}
                  </Button>
                  {hasUnsavedChanges ? (
                    <Text size="xs" c="dimmed">
                      {t('report.steps.saveFirst')}
                    </Text>
                  ) : null}
                </Group>
              ) : null}
            </Box>
          );
        })}
      </Stack>
      <Modal
        opened={confirming !== null}
        onClose={() => {
          setConfirming(null);
          step.reset();
        }}
        title={open?.title}
        closeButtonProps={{ 'aria-label': t('actions.close') }}
      >
        {open && confirming ? (
          <Stack gap="sm">
            <Text size="sm">{open.confirm}</Text>
            {step.isError ? <ProblemAlert error={step.error} /> : null}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setConfirming(null)}>
                {t('actions.cancel')}
              </Button>
              <Button
                loading={step.isPending}
                onClick={() =>
                  step.mutate(confirming, {
                    onSuccess: () => {
                      setDone(confirming);
                      setConfirming(null);
                    },
                  })
                }
              >
                {open.button}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Paper>
  );
}
