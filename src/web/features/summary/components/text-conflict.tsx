import { Alert, Box, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import { RichTextView } from '../../checklist/components/rich-text-view.tsx';
import { textDirection } from '../../publication/components/publication-labels.ts';

/**
 * A text saved by someone else meanwhile (409): both versions side by side, as for a
 * checklist answer; the user's own stays on screen until they choose.
 */
export function TextConflict({
  mine,
  theirs,
  language,
  onKeepMine,
  onTakeTheirs,
}: {
  mine: string;
  theirs: { text: string; updatedBy: string | null; updatedAt: string | null } | null;
  language: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormatters();
  const dir = textDirection(language);
  return (
    <Alert color="orange" variant="light" role="alert" title={t('summary.conflict.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('summary.conflict.explain')}</Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Paper withBorder p="sm" radius="sm" component="section" aria-label={t('summary.conflict.mine')}>
            <Title order={4} size="h6" mb={4}>
              {t('summary.conflict.mine')}
            </Title>
            <Box dir={dir} lang={language}>
              <RichTextView html={mine} />
            </Box>
          </Paper>
          <Paper withBorder p="sm" radius="sm" component="section" aria-label={t('summary.conflict.theirs')}>
            <Title order={4} size="h6" mb={4}>
              {t('summary.conflict.theirs')}
            </Title>
            {theirs ? (
              <>
                {theirs.updatedBy && theirs.updatedAt ? (
                  <Text size="xs" c="dimmed" mb={4}>
                    {t('report.savedBy', { who: theirs.updatedBy, at: f.dateTimeUtc(theirs.updatedAt) })}
                  </Text>
                ) : null}
                <Box dir={dir} lang={language}>
                  <RichTextView html={theirs.text} />
                </Box>
              </>
            ) : (
              <Text size="sm">{t('report.conflict.none')}</Text>
            )}
          </Paper>
        </SimpleGrid>
        <Group gap="sm">
          <Button size="sm" onClick={onKeepMine}>
            {t('report.conflict.keepMine')}
          </Button>
          <Button size="sm" variant="default" onClick={onTakeTheirs}>
            {t('report.conflict.takeTheirs')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
