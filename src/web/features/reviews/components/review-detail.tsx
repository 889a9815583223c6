import { Alert, Anchor, Box, Group, List, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { dialogueTypeLabel, milestoneLabel, reviewActorLabel, reviewersSourceLabel, reviewHistoryActionLabel } from '../../../i18n/labels.ts';
import { useFormatters } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import { useAbility } from '../../auth/api/get-session.ts';
import { useCycles } from '../../cycles/api/get-cycles.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { useReview, type HistoryEntryDto, type ReviewDetailDto } from '../api/get-reviews.ts';
import { ReviewActions } from './review-actions.tsx';
import { DaysLate, StageBadge } from './review-bits.tsx';
import { ReviewTimeline } from './review-timeline.tsx';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Box>
      <Text component="dt" size="sm" fw={600} c="dimmed">
        {term}
      </Text>
      <Box component="dd" m={0} mt={4}>
        {children}
      </Box>
    </Box>
  );
}

/** "Peru · cycle 1, year 2 (2011)", the page title. */
function useReviewTitle() {
  const { t } = useTranslation();
  const f = useFormatters();
  const { nameOf } = usePartyNames();
  const cycles = useCycles();
  return (review: Pick<ReviewDetailDto, 'stateUnderReview' | 'cycle' | 'cohortYear'>) => {
    const cycle = cycles.data?.cycles.find((c) => c.number === review.cycle);
    const where = cycle
      ? t('reviews.cycleYearCalendar', { cycle: f.calendarYear(review.cycle), year: f.calendarYear(review.cohortYear), calendarYear: f.calendarYear(cycle.firstYear + review.cohortYear - 1) })
      : t('reviews.cycleYear', { cycle: f.calendarYear(review.cycle), year: f.calendarYear(review.cohortYear) });
    return `${nameOf(review.stateUnderReview)} · ${where}`;
  };
}

export function ReviewDetail({ reviewId }: { reviewId: string }) {
  const { t } = useTranslation();
  const review = useReview(reviewId);
  const title = useReviewTitle();

  if (review.isPending) {
    return (
      <>
        <PageHeader title={t('reviews.reviewTitle')} />
        <Loading />
      </>
    );
  }
  if (review.isError) {
    return (
      <>
        <PageHeader title={t('reviews.reviewTitle')} />
        <ProblemAlert error={review.error} onRetry={() => void review.refetch()} />
        <BackLink />
      </>
    );
  }
  const data = review.data.review;
  return (
    <>
      <PageHeader title={title(data)} actions={<BackLink />} />
      <ReviewBody review={data} />
    </>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={paths.reviews.getHref()} size="sm">
      {t('reviews.backToTracker')}
    </Anchor>
  );
}

function ReviewBody({ review }: { review: ReviewDetailDto }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { nameOf } = usePartyNames();
  const canManage = useAbility('review.manage');
  const [message, setMessage] = useState<string | null>(null);
  const openPause = review.pauses.find((p) => p.to === null);
  const dialogue = review.milestones?.find((m) => m.kind === 'dialogueHeld')?.dialogueType;

  return (
    <Stack gap="xl">
      {message ? (
        <Alert color="teal" variant="light" role="status" withCloseButton closeButtonLabel={t('actions.dismiss')} onClose={() => setMessage(null)}>
          {message}
        </Alert>
      ) : null}

      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="review-summary-title">
        <Title order={2} size="h3" id="review-summary-title" mb="sm">
          {t('reviews.summary.title')}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 4 }} spacing="lg" m={0}>
          <Fact term={t('reviews.summary.stage')}>
            <Group gap="xs">
              <StageBadge stage={review.stage} size="lg" />
            </Group>
            {openPause ? (
              <Text size="sm" mt={4}>
                {t('reviews.summary.pausedSince', { date: f.date(openPause.from) })}
              </Text>
            ) : null}
          </Fact>
          <Fact term={t('reviews.summary.reviewers')}>
            {review.reviewers.map((iso3) => (
              <Text key={iso3} fw={500}>
                {nameOf(iso3)}
              </Text>
            ))}
            <Text size="xs" c="dimmed">
              {reviewersSourceLabel(t, review.reviewersSource)}
            </Text>
          </Fact>
          <Fact term={t('reviews.summary.waitingOn')}>
            {review.next.length === 0 ? (
              <Text>—</Text>
            ) : (
              <List size="sm" spacing={2}>
                {review.next.map((n) => (
                  <List.Item key={n.kind}>
                    <Text span fw={600} size="sm">
                      {reviewActorLabel(t, n.actor)}
                    </Text>
                    {': '}
                    {milestoneLabel(t, n.kind)}
                  </List.Item>
                ))}
              </List>
            )}
          </Fact>
          <Fact term={t('reviews.summary.daysLate')}>
            <DaysLate days={review.daysLate} overdue={review.overdue.length > 0} />
            {review.overdue.length > 0 ? (
              <Text size="xs" c="red.9">
                {t('reviews.summary.overdueSteps', { steps: f.list(review.overdue.map((k) => milestoneLabel(t, k))) })}
              </Text>
            ) : null}
          </Fact>
          {dialogue ? (
            <Fact term={t('reviews.summary.dialogueType')}>
              <Text>{dialogueTypeLabel(t, dialogue)}</Text>
            </Fact>
          ) : null}
          <Fact term={t('reviews.summary.consent')}>
            <Text>{review.consentToPublishReport ? t('reviews.summary.consentYes') : t('reviews.summary.consentNo')}</Text>
          </Fact>
        </SimpleGrid>
        {canManage ? (
          <Box mt="lg">
            <ReviewActions review={review} onDone={setMessage} />
          </Box>
        ) : null}
      </Paper>

      {review.canSeeContent ? (
        <Stack gap={4}>
          <Anchor component={Link} to={paths.reviewChecklist.getHref(review.id)} fw={600}>
            {t('checklist.openLink')}
          </Anchor>
          {review.checklist ? (
            <Group gap="sm" maw={480}>
              <Progress value={review.checklist.total ? (review.checklist.answered / review.checklist.total) * 100 : 0} flex={1} color="un.8" aria-label={t('checklist.progress.title')} />
              <Text size="sm" data-testid="review-checklist-progress">
                {t('checklist.progress.text', { answered: f.number(review.checklist.answered), total: f.number(review.checklist.total) })}
                {review.checklist.lastSubmission ? ` · ${t('reviews.checklistSubmission', { number: f.number(review.checklist.lastSubmission) })}` : ''}
              </Text>
            </Group>
          ) : null}
          <Anchor mt="xs" component={Link} to={paths.reviewDialogue.getHref(review.id)} fw={600}>
            {t('dialogue.openLink')}
          </Anchor>
          <Anchor mt="xs" component={Link} to={paths.reviewReport.getHref(review.id)} fw={600}>
            {t('report.openLink')}
          </Anchor>
          <Anchor mt="xs" component={Link} to={paths.reviewSummary.getHref(review.id)} fw={600}>
            {t('summary.openLink')}
          </Anchor>
          <Anchor mt="xs" component={Link} to={paths.reviewFollowUp.getHref(review.id)} fw={600}>
            {t('followUp.openLink')}
          </Anchor>
        </Stack>
      ) : null}

      <ReviewTimeline review={review} />

      {review.pauses.length > 0 ? (
        <Box component="section" aria-labelledby="review-pauses-title">
          <Title order={2} size="h3" id="review-pauses-title" mb="xs">
            {t('reviews.pauses.title')}
          </Title>
          <List spacing={4}>
            {review.pauses.map((p) => (
              <List.Item key={p.from}>
                {p.to ? t('reviews.pauses.closed', { from: f.date(p.from), to: f.date(p.to) }) : t('reviews.pauses.open', { from: f.date(p.from) })}
                {p.reason ? ` — ${p.reason}` : ''}
              </List.Item>
            ))}
          </List>
        </Box>
      ) : null}

      <History entries={review.history} />
    </Stack>
  );
}

/** The known fields of a history entry's details, in words. */
function useDetailsText() {
  const { t } = useTranslation();
  const f = useFormatters();
  return (details: unknown): string => {
    if (!details || typeof details !== 'object') return typeof details === 'string' ? details : '';
    const d = details as Record<string, unknown>;
    const parts: string[] = [];
    const kind = typeof d.kind === 'string' ? d.kind : typeof d.milestone === 'string' ? d.milestone : null;
    if (kind) parts.push(milestoneLabel(t, kind));
    for (const key of ['date', 'from', 'to', 'newDueDate'] as const) {
      const value = d[key];
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) parts.push(f.date(value));
    }
    if (typeof d.dialogueType === 'string') parts.push(dialogueTypeLabel(t, d.dialogueType));
    if (typeof d.agreedBy === 'string') parts.push(d.agreedBy);
    if (typeof d.reason === 'string') parts.push(d.reason);
    if (typeof d.source === 'string') parts.push(reviewersSourceLabel(t, d.source));
    return parts.join(' · ');
  };
}

function History({ entries }: { entries: HistoryEntryDto[] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const detailsText = useDetailsText();
  const sorted = [...entries].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Box component="section" aria-labelledby="review-history-title">
      <Title order={2} size="h3" id="review-history-title" mb="xs">
        {t('reviews.history.title')}
      </Title>
      {sorted.length === 0 ? (
        <Text c="dimmed">{t('reviews.history.empty')}</Text>
      ) : (
        <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {sorted.map((entry, i) => {
            const details = detailsText(entry.details);
            return (
              <Paper component="li" key={`${entry.at}-${i}`} withBorder radius="sm" px="sm" py={6}>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" c="dimmed" className="nowrap">
                    {t('reviews.history.at', { at: f.dateTimeUtc(entry.at) })}
                  </Text>
                  <Text size="sm" fw={600}>
                    {reviewHistoryActionLabel(t, entry.action)}
                  </Text>
                  {details ? <Text size="sm">{details}</Text> : null}
                  {entry.actor ? (
                    <Text size="sm" c="dimmed">
                      {t('reviews.history.by', { actor: entry.actor })}
                    </Text>
                  ) : null}
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Box>
  );
}
