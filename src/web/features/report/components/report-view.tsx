import { Alert, Anchor, Badge, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { reportDocxUrl, reportPdfUrl, useReport, type ReportResponse, type SectionDto } from '../api/report.ts';
import { REPORT_STATUS_COLOURS, reportStatusLabel } from './report-labels.ts';
import { ReportSteps } from './report-steps.tsx';
import { SectionComments } from './section-comments.tsx';
import { SectionContentView } from './section-content-view.tsx';
import { SectionEditor } from './section-editor.tsx';
import { SectionVersions } from './section-versions.tsx';

export function ReportStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={REPORT_STATUS_COLOURS[status] ?? 'gray.7'} variant="light" size="lg" tt="none" data-testid="report-status">
      {reportStatusLabel(t, status)}
    </Badge>
  );
}

/** The country review report of one review: its steps and a section per article under review. */
export function ReportView({ reviewId }: { reviewId: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { nameOf } = usePartyNames();
  const report = useReport(reviewId);
  const back = (
    <Anchor component={Link} to={paths.review.getHref(reviewId)} size="sm">
      {t('report.backToReview')}
    </Anchor>
  );
  if (report.isPending) {
    return (
      <>
        <PageHeader title={t('report.title')} />
        <Loading />
      </>
    );
  }
  if (report.isError) {
    return (
      <>
        <PageHeader title={t('report.title')} actions={back} />
        <ProblemAlert error={report.error} onRetry={() => void report.refetch()} />
      </>
    );
  }
  const data = report.data;
  const stateName = nameOf(data.state.iso3) === data.state.iso3 ? data.state.name : nameOf(data.state.iso3);
  return (
    <>
      <PageHeader
        title={t('report.pageTitle', { state: stateName, cycle: f.calendarYear(data.cycle) })}
        description={t('report.description')}
        actions={
          <Group gap="lg" align="center" wrap="wrap">
            {back}
            <ReportStatusBadge status={data.status} />
            <Group gap="xs">
              <Button component="a" href={reportDocxUrl(reviewId)} download variant="default" size="xs">
                {t('report.download.docx')}
              </Button>
              <Button component="a" href={reportPdfUrl(reviewId)} download variant="default" size="xs">
                {t('report.download.pdf')}
              </Button>
            </Group>
          </Group>
        }
      />
      <ReportBody reviewId={reviewId} report={data} />
    </>
  );
}

function groupByChapter(sections: SectionDto[]): { chapter: string; sections: SectionDto[] }[] {
  const out: { chapter: string; sections: SectionDto[] }[] = [];
  for (const s of sections) {
    const last = out[out.length - 1];
    if (last && last.chapter === s.chapter) last.sections.push(s);
    else out.push({ chapter: s.chapter, sections: [s] });
  }
  return out;
}

function ReportBody({ reviewId, report }: { reviewId: string; report: ReportResponse }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const [dirty, setDirty] = useState<ReadonlySet<number>>(new Set());
  const onDirtyChange = useCallback((article: number, isDirty: boolean) => {
    setDirty((old) => {
      if (old.has(article) === isDirty) return old;
      const next = new Set(old);
      if (isDirty) next.add(article);
      else next.delete(article);
      return next;
    });
  }, []);
  const chapters = groupByChapter(report.sections);
  return (
    <Stack gap="xl">
      <ReportSteps reviewId={reviewId} report={report} hasUnsavedChanges={dirty.size > 0} />
      {!report.may.draft ? (
        <Alert color="blue" variant="light">
          {report.status === 'finalised' ? t('report.readOnly.finalised') : t('report.readOnly.reader')}
        </Alert>
      ) : null}
      {chapters.length > 0 ? (
        <Box component="nav" aria-label={t('report.contents')}>
          <Text size="sm" fw={600} mb={4}>
            {t('report.contents')}
          </Text>
          <Group gap="xs" wrap="wrap">
            {report.sections.map((s) => (
              <Anchor key={s.article} href={`#report-article-${s.article}`} size="sm">
                {t('report.articleShort', { article: f.number(s.article) })}
                {dirty.has(s.article) ? ` ${t('report.unsavedMark')}` : ''}
              </Anchor>
            ))}
          </Group>
        </Box>
      ) : (
        <Text c="dimmed">{t('report.noSections')}</Text>
      )}
      {chapters.map(({ chapter, sections }) => (
        <Box component="section" key={chapter} aria-labelledby={`report-chapter-${chapter}`}>
          <Title order={2} size="h3" id={`report-chapter-${chapter}`} mb="sm">
            {t('report.chapter', { chapter: f.chapter(chapter) })}
          </Title>
          <Stack gap="md">
            {sections.map((s) => (
              <SectionCard key={s.article} reviewId={reviewId} section={s} report={report} onDirtyChange={onDirtyChange} />
            ))}
          </Stack>
        </Box>
      ))}
    </Stack>
  );
}

function SectionCard({ reviewId, section, report, onDirtyChange }: { reviewId: string; section: SectionDto; report: ReportResponse; onDirtyChange: (article: number, dirty: boolean) => void }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const headingId = `report-article-${section.article}`;
  const articleLabel = f.number(section.article);
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-labelledby={headingId} data-article={section.article}>
      <Stack gap="md">
        <Box>
          <Title order={3} size="h4" id={headingId} style={{ scrollMarginTop: 80 }}>
            {t('report.articleTitle', { article: articleLabel, title: section.title })}
          </Title>
          <Text size="sm" c="dimmed" data-testid="section-meta">
            {section.version === 0
              ? t('report.section.notWritten')
              : t('report.section.meta', {
                  version: f.number(section.version),
                  who: section.updatedBy ?? '—',
                  at: section.updatedAt ? f.dateTimeUtc(section.updatedAt) : '—',
                })}
          </Text>
          {section.authors.length > 0 ? (
            <Text size="sm" c="dimmed">
              {t('report.section.authors', { authors: f.list(section.authors) })}
            </Text>
          ) : null}
        </Box>
        {report.may.draft ? (
          <SectionEditor reviewId={reviewId} section={section} articleLabel={articleLabel} onDirtyChange={onDirtyChange} />
        ) : (
          <SectionContentView content={section.content} />
        )}
        <Group gap="sm" align="flex-start">
          {section.version > 0 ? <SectionVersions reviewId={reviewId} article={section.article} articleLabel={articleLabel} /> : null}
        </Group>
        <SectionComments reviewId={reviewId} article={section.article} articleLabel={articleLabel} count={section.commentCount} mayComment={report.may.comment} />
      </Stack>
    </Paper>
  );
}
