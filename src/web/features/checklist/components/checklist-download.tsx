import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Where the checklist is served as a Word document (same confidentiality as the page). */
export function checklistDocxUrl(reviewId: string): string {
  return `/api/reviews/${encodeURIComponent(reviewId)}/checklist.docx`;
}

/**
 * A plain link to the DOCX export: the browser downloads it with the session cookie, and
 * the server decides which version (working or submitted) the reader gets.
 */
export function ChecklistDownload({ reviewId }: { reviewId: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="center" wrap="wrap">
      <Button component="a" href={checklistDocxUrl(reviewId)} download variant="default" size="xs">
        {t('checklist.download.docx')}
      </Button>
      <Text size="xs" c="dimmed">
        {t('checklist.download.note')}
      </Text>
    </Group>
  );
}
