import { Anchor, Badge, Box, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { milestoneLabel } from '../../../i18n/labels.ts';
import { useFormatters } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { DaysLate } from '../../reviews/components/review-bits.tsx';
import { useInbox, useMarkAllRead, useMarkRead, useNotifications, type InboxItemDto, type NotificationDto } from '../api/notifications.ts';
import { notificationKindLabel } from './notification-labels.ts';

/** "Waiting on you" (derived from the reviews as they stand), then the notifications received. */
export function InboxView() {
  return (
    <Stack gap="xl">
      <WaitingOnYou />
      <NotificationList />
    </Stack>
  );
}

function WaitingOnYou() {
  const { t } = useTranslation();
  const f = useFormatters();
  const { nameOf } = usePartyNames();
  const inbox = useInbox();
  const items = inbox.data?.items ?? [];

  const what = (item: InboxItemDto) =>
    item.kind === 'review.step' ? milestoneLabel(t, item.subject) : t('notifications.waiting.threadAnswer', { provision: item.subject });
  const href = (item: InboxItemDto) => (item.kind === 'review.step' ? paths.review.getHref(item.reviewId) : paths.reviewChecklist.getHref(item.reviewId));

  return (
    <Box component="section" aria-labelledby="inbox-waiting-title">
      <Stack gap={2} mb="xs">
        <Title order={2} size="h3" id="inbox-waiting-title">
          {t('notifications.waiting.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('notifications.waiting.hint')}
        </Text>
      </Stack>
      {inbox.isPending ? <Loading /> : null}
      {inbox.isError ? <ProblemAlert error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
      {inbox.data && items.length === 0 ? (
        <Paper withBorder radius="md" p="md">
          <Text c="dimmed">{t('notifications.waiting.empty')}</Text>
        </Paper>
      ) : null}
      {items.length > 0 ? (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover aria-labelledby="inbox-waiting-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('notifications.waiting.what')}</Table.Th>
                  <Table.Th scope="col">{t('notifications.waiting.state')}</Table.Th>
                  <Table.Th scope="col">{t('notifications.waiting.cycle')}</Table.Th>
                  <Table.Th scope="col">{t('notifications.waiting.dueDate')}</Table.Th>
                  <Table.Th scope="col" className="nowrap">
                    {t('reviews.table.daysLate')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item) => (
                  <Table.Tr key={`${item.kind}-${item.reviewId}-${item.threadId ?? item.subject}`} data-late={item.daysLate > 0 ? 'true' : undefined}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor component={Link} to={href(item)} fw={600} size="sm">
                        {what(item)}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>
                      <Text size="sm">{nameOf(item.stateUnderReview)}</Text>
                    </Table.Td>
                    <Table.Td className="nowrap">
                      <Text size="sm">{f.calendarYear(item.cycle)}</Text>
                    </Table.Td>
                    <Table.Td className="nowrap">
                      <Text size="sm">{item.dueDate ? f.date(item.dueDate) : '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <DaysLate days={item.daysLate} overdue={item.daysLate > 0} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ) : null}
    </Box>
  );
}

function NotificationList() {
  const { t } = useTranslation();
  const f = useFormatters();
  const notifications = useNotifications();
  const markAll = useMarkAllRead();
  const unread = notifications.data?.unread ?? 0;

  return (
    <Box component="section" aria-labelledby="inbox-notifications-title">
      <Group justify="space-between" align="flex-end" mb="xs" gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h3" id="inbox-notifications-title">
            {t('notifications.list.title')}
          </Title>
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {notifications.data ? t('notifications.list.unread', { formatted: f.number(unread) }) : ''}
          </Text>
        </Stack>
        <Button variant="default" onClick={() => markAll.mutate()} disabled={unread === 0} loading={markAll.isPending}>
          {t('notifications.list.markAllRead')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t('notifications.list.englishOnly')}
      </Text>
      {markAll.isError ? <ProblemAlert error={markAll.error} /> : null}
      {notifications.isPending ? <Loading /> : null}
      {notifications.isError ? <ProblemAlert error={notifications.error} onRetry={() => void notifications.refetch()} /> : null}
      {notifications.data && notifications.data.notifications.length === 0 ? (
        <Paper withBorder radius="md" p="md">
          <Text c="dimmed">{t('notifications.list.empty')}</Text>
        </Paper>
      ) : null}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-labelledby="inbox-notifications-title">
        {(notifications.data?.notifications ?? []).map((n) => (
          <NotificationCard key={n.id} notification={n} />
        ))}
      </Stack>
    </Box>
  );
}

function NotificationCard({ notification: n }: { notification: NotificationDto }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const markRead = useMarkRead();
  const isUnread = n.readAt === null;
  return (
    <Paper
      component="li"
      withBorder
      radius="md"
      p="md"
      data-unread={isUnread ? 'true' : undefined}
      style={isUnread ? { borderInlineStart: '4px solid var(--mantine-color-un-7)', background: 'var(--mantine-color-un-0)' } : undefined}
    >
      <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            {isUnread ? (
              <Badge color="un.8" variant="filled" size="sm" tt="none">
                {t('notifications.list.new')}
              </Badge>
            ) : null}
            <Badge color="gray.7" variant="light" size="sm" tt="none">
              {notificationKindLabel(t, n.kind)}
            </Badge>
            <Text size="xs" c="dimmed" className="nowrap">
              {t('notifications.list.at', { time: f.dateTimeUtc(n.createdAt) })}
            </Text>
          </Group>
          <Text fw={isUnread ? 700 : 500} lang="en">
            {n.subject}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }} lang="en">
            {n.body}
          </Text>
          <Anchor component={Link} to={n.link} size="sm" fw={600} onClick={() => (isUnread ? markRead.mutate(n.id) : undefined)}>
            {t('notifications.list.open')}
          </Anchor>
          {markRead.isError ? <ProblemAlert error={markRead.error} /> : null}
        </Stack>
        {isUnread ? (
          <Button
            size="compact-sm"
            variant="default"
            loading={markRead.isPending}
            onClick={() => markRead.mutate(n.id)}
            aria-label={t('notifications.list.markReadFor', { subject: n.subject })}
          >
            {t('notifications.list.markRead')}
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}
