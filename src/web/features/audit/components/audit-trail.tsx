import { Badge, Button, Center, Code, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { auditOutcomeLabel } from '../../../i18n/labels.ts';
import { useFormatters } from '../../../lib/format.ts';
import { useAuditEvents, type AuditEvent } from '../api/get-audit.ts';

function outcomeColor(outcome: string): string {
  if (['success', 'succeeded', 'ok'].includes(outcome)) return 'teal.9';
  if (['denied', 'forbidden'].includes(outcome)) return 'orange.9';
  return 'red.9';
}

function hasDetails(details: unknown): boolean {
  if (details === null || details === undefined) return false;
  if (typeof details === 'object') return Object.keys(details).length > 0;
  return true;
}

function EventRow({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" className="nowrap">
          <time dateTime={event.occurredAt}>{f.dateTimeUtc(event.occurredAt)}</time>
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{event.actorLabel}</Text>
      </Table.Td>
      <Table.Td>
        <Code>{event.action}</Code>
      </Table.Td>
      <Table.Td>
        <Badge color={outcomeColor(event.outcome)} variant="light" radius="sm" tt="none">
          {auditOutcomeLabel(t, event.outcome)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {event.resourceType ? (
          <Text size="sm" component="span" dir="ltr">
            {event.resourceType}
            {event.resourceId ? (
              <Text span size="xs" c="dimmed" ff="monospace">
                {' '}
                {event.resourceId}
              </Text>
            ) : null}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {hasDetails(event.details) ? (
          <details>
            <summary>
              <Text span size="sm">
                {t('audit.showDetails')}
              </Text>
            </summary>
            <Code block mt={4} dir="ltr" style={{ maxWidth: 360, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {JSON.stringify(event.details, null, 2)}
            </Code>
          </details>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

export function AuditTrail() {
  const { t } = useTranslation();
  const audit = useAuditEvents();
  if (audit.isPending) return <Loading />;
  // A failed "load more" keeps the events already shown; only a failed first page replaces them.
  if (!audit.data) return <ProblemAlert error={audit.error} onRetry={() => void audit.refetch()} />;
  const events = audit.data.pages.flatMap((p) => p.events);
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={860}>
          <Table striped aria-label={t('audit.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('audit.time')}</Table.Th>
                <Table.Th scope="col">{t('audit.actor')}</Table.Th>
                <Table.Th scope="col">{t('audit.action')}</Table.Th>
                <Table.Th scope="col">{t('audit.outcome.header')}</Table.Th>
                <Table.Th scope="col">{t('audit.resource')}</Table.Th>
                <Table.Th scope="col">{t('audit.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.map((event) => (
                <EventRow key={String(event.id)} event={event} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {events.length === 0 ? (
          <Text p="md" c="dimmed" ta="center">
            {t('audit.empty')}
          </Text>
        ) : null}
      </Paper>
      {audit.isError ? <ProblemAlert error={audit.error} /> : null}
      <Center>
        {audit.hasNextPage ? (
          <Button variant="default" loading={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>
            {t('audit.loadMore')}
          </Button>
        ) : events.length > 0 ? (
          <Text size="sm" c="dimmed">
            {t('audit.end')}
          </Text>
        ) : null}
      </Center>
    </Stack>
  );
}
