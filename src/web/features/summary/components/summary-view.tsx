import { Anchor, Badge, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import { RichTextView } from '../../checklist/components/rich-text-view.tsx';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { PublicationPanel } from '../../publication/components/publication-panel.tsx';
import { reportStatusLabel } from '../../report/components/report-labels.ts';
import { useReview } from '../../reviews/api/get-reviews.ts';
import { useFinaliseSummary, useSummary, type SummaryResponse } from '../api/summary.ts';
import { LanguageVersions } from './language-versions.tsx';
import { SummaryEditor } from './summary-editor.tsx';

/** The executive summary of one review, its six language versions and the publication of the review's outcome. */
export function SummaryView({ reviewId }: { reviewId: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { nameOf } = usePartyNames();
  const review = useReview(reviewId);
  const summary = useSummary(reviewId);
  const r = review.data?.review;
  const title = r ? t('summary.pageTitle', { state: nameOf(r.stateUnderReview), cycle: f.calendarYear(r.cycle) }) : t('summary.title');
  const back = (
    <Anchor component={Link} to={paths.review.getHref(reviewId)} size="sm">
      {t('summary.backToReview')}
    </Anchor>
  );
  if (summary.isPending) {
    return (
      <>
        <PageHeader title={title} />
        <Loading />
      </>
    );
  }
  if (summary.isError) {
    return (
      <>
        <PageHeader title={title} actions={back} />
        <ProblemAlert error={summary.error} onRetry={() => void summary.refetch()} />
      </>
    );
  }
  const data = summary.data;
  return (
    <>
      <PageHeader
        title={title}
        description={t('summary.description')}
        actions={
          <Group gap="lg" align="center" wrap="wrap">
            {back}
            <Anchor component={Link} to={paths.reviewReport.getHref(reviewId)} size="sm">
              {t('summary.toReport')}
            </Anchor>
          </Group>
        }
      />
      <Stack gap="xl">
        <OriginalPanel reviewId={reviewId} summary={data} />
        <LanguageVersions reviewId={reviewId} summary={data} />
        <PublicationPanel reviewId={reviewId} finalLanguages={data.languages.filter((l) => l.status === 'final').map((l) => l.language)} />
      </Stack>
    </>
  );
}

function OriginalPanel({ reviewId, summary }: { reviewId: string; summary: SummaryResponse }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const [isDirty, setIsDirty] = useState(false);
  const isFinal = summary.status === 'finalised';
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="summary-original-title">
      <Group gap="sm" align="center" mb="xs" wrap="wrap">
        <Title order={2} size="h3" id="summary-original-title">
          {t('summary.original.title')}
        </Title>
        <Badge color={isFinal ? 'green.9' : 'blue.8'} variant="light" size="lg" tt="none" data-testid="summary-status">
          {isFinal && summary.finalisedAt ? t('summary.status.finalisedOn', { date: f.date(summary.finalisedAt) }) : t('summary.status.drafting')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('summary.original.reportStatus', { status: reportStatusLabel(t, summary.reportStatus) })}
        {summary.version > 0 && summary.updatedBy && summary.updatedAt
          ? ` · ${t('summary.original.meta', { version: f.number(summary.version), who: summary.updatedBy, at: f.dateTimeUtc(summary.updatedAt) })}`
          : ''}
      </Text>
      {summary.may.draft && !isFinal ? (
        <SummaryEditor reviewId={reviewId} summary={summary} onDirtyChange={setIsDirty} />
      ) : (
        <Stack gap="sm">
          <Box>
            <Text size="sm" fw={600}>
              {t('summary.editor.symbol')}
            </Text>
            <Text dir="ltr" data-testid="summary-symbol">
              {summary.symbol || '—'}
            </Text>
          </Box>
          <Box lang="en">
            <RichTextView html={summary.text} empty={t('summary.languages.noText')} />
          </Box>
        </Stack>
      )}
      {summary.may.finalise && !isFinal ? <FinaliseBlock reviewId={reviewId} hasUnsavedChanges={isDirty} /> : null}
    </Paper>
  );
}

function FinaliseBlock({ reviewId, hasUnsavedChanges }: { reviewId: string; hasUnsavedChanges: boolean }) {
  const { t } = useTranslation();
  const finalise = useFinaliseSummary(reviewId);
  return (
    <Stack gap="xs" mt="lg" component="section" aria-labelledby="summary-finalise-title">
      <Title order={3} size="h5" id="summary-finalise-title">
        {t('summary.finalise.title')}
      </Title>
      <Text size="sm" c="dimmed" maw={760}>
        {t('summary.finalise.explain')}
      </Text>
      <Group gap="sm">
        <Button onClick={() => finalise.mutate()} loading={finalise.isPending} disabled={hasUnsavedChanges}>
          {t('summary.finalise.button')}
        </Button>
        {hasUnsavedChanges ? (
          <Text size="xs" c="dimmed">
            {t('summary.finalise.saveFirst')}
          </Text>
        ) : null}
      </Group>
      {finalise.isError ? <ProblemAlert error={finalise.error} title={t('summary.finalise.refused')} /> : null}
    </Stack>
  );
}
