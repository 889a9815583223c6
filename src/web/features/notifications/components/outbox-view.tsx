import { Alert, Badge, Box, Group, NativeSelect, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { EMAIL_STATUSES, useOutbox, type EmailStatus } from '../api/notifications.ts';
import { emailStatusLabel, notificationKindLabel } from './notification-labels.ts';

const STATUS_COLOURS: Record<EmailStatus, string> = {
  pending: 'blue.8',
  sent: 'green.9',
  failed: 'red.9',
  outbox: 'gray.7',
};

/** Every notification e-mail, its recipient and what became of it (the secretariat's view). */
export function OutboxView() {
  const { t } = useTranslation();
  const f = useFormatters();
  const [status, setStatus] = useState<EmailStatus | undefined>();
  const outbox = useOutbox(status);
  const data = outbox.data;

  return (
    <Stack gap="md">
      {data ? (
        <Alert color={data.isSmtpConfigured ? 'teal' : 'orange'} variant="light" title={data.isSmtpConfigured ? t('notifications.outbox.smtpOnTitle') : t('notifications.outbox.smtpOffTitle')}>
          <Text size="sm">{data.isSmtpConfigured ? t('notifications.outbox.smtpOn') : t('notifications.outbox.smtpOff')}</Text>
        </Alert>
      ) : null}
      <Group justify="space-between" align="flex-end" gap="sm">
        <Group gap="xs" role="status" aria-live="polite">
          {data
            ? EMAIL_STATUSES.map((s) => (
                <Badge key={s} color={STATUS_COLOURS[s]} variant="light" size="lg" tt="none">
                  {t('notifications.outbox.count', { status: emailStatusLabel(t, s), formatted: f.number(data.counts[s]) })}
                </Badge>
              ))
            : null}
        </Group>
        <NativeSelect
          label={t('notifications.outbox.filter')}
          value={status ?? ''}
          onChange={(e) => setStatus((e.currentTarget.value || undefined) as EmailStatus | undefined)}
          data={[{ value: '', label: t('notifications.outbox.allStatuses') }, ...EMAIL_STATUSES.map((s) => ({ value: s, label: emailStatusLabel(t, s) }))]}
        />
      </Group>
      {outbox.isPending ? <Loading /> : null}
      {outbox.isError ? <ProblemAlert error={outbox.error} onRetry={() => void outbox.refetch()} /> : null}
      {data ? (
        <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
          <Table.ScrollContainer minWidth={900}>
            <Table striped aria-label={t('notifications.outbox.tableLabel')} verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('notifications.outbox.written')}</Table.Th>
                  <Table.Th scope="col">{t('notifications.outbox.recipient')}</Table.Th>
                  <Table.Th scope="col">{t('notifications.outbox.message')}</Table.Th>
                  <Table.Th scope="col">{t('notifications.outbox.statusHeader')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.emails.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td className="nowrap">
                      <Text size="sm">{f.dateTimeUtc(e.createdAt)}</Text>
                    </Table.Td>
                    <Table.Th scope="row" fw={500}>
                      <Text size="sm" fw={600}>
                        {e.recipientName}
                      </Text>
                      <Text size="xs" c="dimmed" component="span" dir="ltr">
                        {e.email}
                      </Text>
                    </Table.Th>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        {notificationKindLabel(t, e.kind)}
                      </Text>
                      <Box component="details">
                        <Text component="summary" size="sm" fw={500} lang="en" style={{ cursor: 'pointer' }}>
                          {e.subject}
                        </Text>
                        <Text size="sm" mt={4} lang="en" style={{ whiteSpace: 'pre-line' }}>
                          {e.body}
                        </Text>
                        <Text size="xs" c="dimmed" dir="ltr">
                          {e.link}
                        </Text>
                      </Box>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLOURS[e.status]} variant={e.status === 'failed' ? 'filled' : 'light'} size="sm" tt="none">
                        {emailStatusLabel(t, e.status)}
                      </Badge>
                      {e.emailedAt ? (
                        <Text size="xs" c="dimmed" className="nowrap">
                          {f.dateTimeUtc(e.emailedAt)}
                        </Text>
                      ) : null}
                      {e.error ? (
                        <Text size="xs" c="red.9" style={{ overflowWrap: 'anywhere' }}>
                          {e.error}
                        </Text>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {data.emails.length === 0 ? (
            <Text p="md" c="dimmed" ta="center">
              {t('notifications.outbox.empty')}
            </Text>
          ) : null}
        </Paper>
      ) : null}
    </Stack>
  );
}
