import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { milestoneLabel, regionalGroupLabel } from '../../../i18n/labels.ts';
import { useFormatters } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import { StageBadge } from '../../reviews/components/review-bits.tsx';
import { countryFeedUrl, useCountryProfile, type CountryProfileResponse, type ProfileReview, type StateRef } from '../api/get-public.ts';
import { FollowByEmail } from '../../subscriptions/components/follow-by-email.tsx';
import { DialogueDate } from './dialogue-date.tsx';
import { PublishedMaterial } from './published-material.tsx';

/**
 * A State's public page: party status, each cycle's review with stage, dates and reviewing
 * States, and what has been published (documents per language, recommendations, good
 * practices — "none published yet" until the report module publishes some).
 */
export function CountryProfile({ iso3 }: { iso3: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const profile = useCountryProfile(iso3);
  const nameOf = (s: StateRef) => s.names[f.language] ?? s.name;

  if (profile.isPending) return <Loading />;
  if (profile.isError) return <ProblemAlert error={profile.error} onRetry={() => void profile.refetch()} />;
  const { state, reviews, asReviewer } = profile.data;
  const status = state.isParty
    ? state.becameParty?.effectiveOn
      ? t('publicPages.profile.partySince', { date: state.becameParty.precision === 'year' ? f.year(state.becameParty.effectiveOn) : f.date(state.becameParty.effectiveOn) })
      : t('publicPages.profile.party')
    : t('publicPages.profile.notParty');

  return (
    <Stack gap="lg">
      <PageHeader title={nameOf(state)} description={`${status} · ${regionalGroupLabel(t, state.regionalGroup)}`} />
      <Group justify="space-between">
        <Anchor component={Link} to={paths.schedule.getHref()}>
          {t('publicPages.profile.backToSchedule')}
        </Anchor>
        <Anchor href={countryFeedUrl(state.iso3)} type="application/atom+xml">
          {t('publicPages.feed.country', { name: nameOf(state) })}
        </Anchor>
      </Group>
      <FollowByEmail country={{ iso3: state.iso3, name: nameOf(state) }} feedUrl={countryFeedUrl(state.iso3)} />
      {reviews.length === 0 ? <Text>{t('publicPages.profile.noReviews')}</Text> : null}
      {reviews.map((review) => (
        <ReviewCard key={review.id} profile={profile.data} review={review} nameOf={nameOf} />
      ))}
      {asReviewer.length > 0 ? (
        <section aria-labelledby="as-reviewer-title">
          <Title order={2} size="h3" id="as-reviewer-title" mb="xs">
            {t('publicPages.profile.asReviewer')}
          </Title>
          <List>
            {asReviewer.map((r) => (
              <List.Item key={r.reviewId}>
                <Anchor component={Link} to={paths.country.getHref(r.stateUnderReview.iso3)}>
                  {nameOf(r.stateUnderReview)}
                </Anchor>{' '}
                ({t('reviews.cycleN', { number: f.calendarYear(r.cycle) })})
              </List.Item>
            ))}
          </List>
        </section>
      ) : null}
    </Stack>
  );
}

function ReviewCard({ profile, review, nameOf }: { profile: CountryProfileResponse; review: ProfileReview; nameOf: (s: StateRef) => string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const titleId = `review-${review.id}-title`;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id={titleId}>
          {t('publicPages.profile.reviewTitle', { cycle: f.calendarYear(review.cycle), year: f.calendarYear(review.cohortYear) })}
        </Title>
        <StageBadge stage={review.stage} />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
        <div>
          <Text size="sm" c="dimmed">
            {t('publicPages.table.reviewers')}
          </Text>
          <Text>{f.list(review.reviewers.map(nameOf))}</Text>
        </div>
        <div>
          <Text size="sm" c="dimmed">
            {t('publicPages.table.started')}
          </Text>
          <Text>{review.startDate ? f.date(review.startDate) : t('publicPages.notYet')}</Text>
        </div>
        <div>
          <Text size="sm" c="dimmed">
            {t('publicPages.table.dialogue')}
          </Text>
          <Text component="div">
            <DialogueDate dialogue={review.dialogue} />
          </Text>
        </div>
      </SimpleGrid>
      {review.milestones.length > 0 ? (
        <Table aria-label={t('publicPages.profile.milestones')} mb="md" withRowBorders={false}>
          <Table.Tbody>
            {review.milestones.map((m) => (
              <Table.Tr key={m.kind}>
                <Table.Th scope="row" fw={400}>
                  {milestoneLabel(t, m.kind)}
                </Table.Th>
                <Table.Td>{f.date(m.date)}</Table.Td>
              </Table.Tr>
            ))}
            {review.pauses.map((p) => (
              <Table.Tr key={`pause-${p.from}`}>
                <Table.Th scope="row" fw={400}>
                  <Badge color="orange.9" variant="light" size="sm">
                    {t('reviews.stage.paused')}
                  </Badge>
                </Table.Th>
                <Table.Td>{p.to ? `${f.date(p.from)} – ${f.date(p.to)}` : t('publicPages.profile.pausedSince', { date: f.date(p.from) })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <PublishedMaterial profile={profile} review={review} />
    </Card>
  );
}
