/** The update as the secretariat words it, in the interface language, with a copy button. */
import { Button, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { useProgressSentence } from '../api/progress.ts';

export function ProgressSentence({ cycle, asOf, enabled }: { cycle: number; asOf: string; enabled: boolean }) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  const sentence = useProgressSentence(cycle, asOf, language, enabled);
  return (
    <Stack gap="xs" component="section" aria-labelledby="sentence-title">
      <Title order={2} size="h3" id="sentence-title">
        {t('statistics.sentenceTitle')}
      </Title>
      {sentence.isPending ? (
        <Loading />
      ) : sentence.isError ? (
        <ProblemAlert error={sentence.error} />
      ) : (
        <Paper withBorder p="md">
          <Text data-testid="progress-sentence" lang={language} dir="auto">
            {sentence.data.sentence}
          </Text>
          <Group justify="flex-end" mt="xs">
            <CopyButton value={sentence.data.sentence}>
              {({ copied, copy }) => (
                <Button variant="light" size="xs" onClick={copy}>
                  {copied ? t('statistics.copied') : t('statistics.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
