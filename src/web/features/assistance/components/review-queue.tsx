/** The needs the classifier typed on import, for the secretariat to confirm or correct. */
import { Badge, Button, Checkbox, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { intlLocale, useFormatters } from '../../../lib/format.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { useAssistanceQueue, useReviewNeed, type QueueDto } from '../api/assistance.ts';
import { needTypeLabel, NEED_TYPE_IDS } from './type-label.ts';

function QueueRow({ need }: { need: QueueDto['needs'][number] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { nameOf } = usePartyNames();
  const percent = (n: number) => new Intl.NumberFormat(intlLocale(f.language), { style: 'percent', maximumFractionDigits: 0 }).format(n);
  const [types, setTypes] = useState(need.types);
  const review = useReviewNeed();
  return (
    <Table.Tr data-testid="queue-row">
      <Table.Td>{nameOf(need.state)}</Table.Td>
      <Table.Td>{f.number(need.article)}</Table.Td>
      <Table.Td dir="auto">{need.text}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          {need.suggested.map((s) => (
            <Badge key={s.type} variant="light" color="gray.8">
              {needTypeLabel(t, s.type)} {percent(s.confidence)}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Checkbox.Group value={types} onChange={setTypes} aria-label={t('assistance.rightTypesFor', { text: need.text.slice(0, 60) })}>
          <Stack gap={4}>
            {NEED_TYPE_IDS.map((type) => (
              <Checkbox key={type} value={type} label={needTypeLabel(t, type)} size="xs" />
            ))}
          </Stack>
        </Checkbox.Group>
      </Table.Td>
      <Table.Td>
        <Button size="xs" onClick={() => review.mutate({ id: need.id, types, version: need.version })} loading={review.isPending} disabled={types.length === 0}>
          {types.slice().sort().join() === need.types.slice().sort().join() ? t('assistance.confirm') : t('assistance.correct')}
        </Button>
        {review.isError ? <ProblemAlert error={review.error} /> : null}
      </Table.Td>
    </Table.Tr>
  );
}

export function ReviewQueue() {
  const { t } = useTranslation();
  const f = useFormatters();
  const queue = useAssistanceQueue(true);
  return (
    <Stack gap="xs" component="section" aria-labelledby="queue-title">
      <Title order={2} size="h3" id="queue-title">
        {t('assistance.queueTitle')}
      </Title>
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ProblemAlert error={queue.error} />
      ) : (
        <>
          <Text size="sm" c="dimmed" data-testid="queue-summary">
            {t('assistance.queueSummary', { pending: f.number(queue.data.pending), corrections: f.number(queue.data.corrections) })}
          </Text>
          {queue.data.needs.length === 0 ? (
            <Text c="dimmed">{t('assistance.queueEmpty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table withTableBorder verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('assistance.state')}</Table.Th>
                    <Table.Th scope="col">{t('assistance.article')}</Table.Th>
                    <Table.Th scope="col">{t('assistance.needText')}</Table.Th>
                    <Table.Th scope="col">{t('assistance.suggested')}</Table.Th>
                    <Table.Th scope="col">{t('assistance.rightTypes')}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('assistance.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {queue.data.needs.map((need) => (
                    <QueueRow key={`${need.id}:${need.version}`} need={need} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </Stack>
  );
}
