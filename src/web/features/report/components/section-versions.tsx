import { Button, Drawer, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { WordDiff } from '../../checklist/components/answer-history.tsx';
import { useSectionVersions } from '../api/report.ts';
import { SectionContentView, sectionAsHtml } from './section-content-view.tsx';

/** "Versions": every saved version of a section, any two compared word by word. */
export function SectionVersions({ reviewId, article, articleLabel }: { reviewId: string; article: number; articleLabel: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const [opened, setOpened] = useState(false);
  const history = useSectionVersions(reviewId, article, opened);
  const [picked, setPicked] = useState<{ from?: number; to?: number }>({});
  const versions = history.data?.versions ?? [];
  const to = versions.find((v) => v.version === picked.to) ?? versions[0];
  const from = versions.find((v) => v.version === picked.from) ?? versions.find((v) => to && v.version < to.version);
  const options = versions.map((v) => ({ value: String(v.version), label: t('report.versions.option', { version: f.number(v.version), who: v.author, at: f.dateTimeUtc(v.createdAt) }) }));
  return (
    <>
      <Button size="xs" variant="default" onClick={() => setOpened(true)} aria-label={t('report.versions.openFor', { article: articleLabel })}>
        {t('report.versions.open')}
      </Button>
      <Drawer
        opened={opened}
        onClose={() => setOpened(false)}
        position="right"
        size="xl"
        title={t('report.versions.title', { article: articleLabel })}
        closeButtonProps={{ 'aria-label': t('actions.close') }}
      >
        {history.isPending && opened ? <Loading /> : null}
        {history.isError ? <ProblemAlert error={history.error} onRetry={() => void history.refetch()} /> : null}
        {history.data && versions.length === 0 ? <Text size="sm">{t('report.versions.none')}</Text> : null}
        {to ? (
          <Stack gap="md">
            <Group gap="md" align="flex-end" wrap="wrap">
              <NativeSelect
                label={t('report.versions.from')}
                value={from ? String(from.version) : ''}
                data={[{ value: '', label: t('report.versions.nothing') }, ...options]}
                onChange={(e) => setPicked({ ...picked, from: Number(e.currentTarget.value) || undefined })}
              />
              <NativeSelect label={t('report.versions.to')} value={String(to.version)} data={options} onChange={(e) => setPicked({ ...picked, to: Number(e.currentTarget.value) })} />
            </Group>
            <Paper withBorder p="sm" radius="sm" component="section" aria-label={t('report.versions.changes')}>
              <Title order={3} size="h6" mb={4}>
                {t('report.versions.changes')}
              </Title>
              <WordDiff before={from ? sectionAsHtml(t, from.content) : ''} after={sectionAsHtml(t, to.content)} />
            </Paper>
            <Paper withBorder p="sm" radius="sm" component="section" aria-label={t('report.versions.version', { version: f.number(to.version) })}>
              <Title order={3} size="h6">
                {t('report.versions.version', { version: f.number(to.version) })}
              </Title>
              <Text size="xs" c="dimmed" mb="xs">
                {t('report.savedBy', { who: to.author, at: f.dateTimeUtc(to.createdAt) })}
              </Text>
              <SectionContentView content={to.content} />
            </Paper>
          </Stack>
        ) : null}
      </Drawer>
    </>
  );
}
