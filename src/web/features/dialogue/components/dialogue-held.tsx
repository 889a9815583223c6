import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { useRecordHeld } from '../api/dialogue.ts';

/**
 * Where the dialogue meets the review's timeline: once it is over, the secretariat records
 * it as held from here, and everyone sees on which day it was recorded.
 */
export function DialogueHeld({ reviewId, heldOn, endDate, canRecord }: { reviewId: string; heldOn: string | null; endDate: string | null; canRecord: boolean }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const record = useRecordHeld(reviewId);
  if (heldOn) {
    return (
      <Alert variant="light" color="teal" data-testid="dialogue-held">
        {t('dialogue.held.recorded', { date: f.date(heldOn) })}
      </Alert>
    );
  }
  if (!canRecord || !endDate) return null;
  return (
    <Group gap="sm" align="center">
      <Button size="xs" variant="light" loading={record.isPending} onClick={() => record.mutate()}>
        {t('dialogue.held.record')}
      </Button>
      <Text size="xs" c="dimmed">
        {t('dialogue.held.explain', { date: f.date(endDate) })}
      </Text>
      {record.isError ? <ProblemAlert error={record.error} /> : null}
    </Group>
  );
}
