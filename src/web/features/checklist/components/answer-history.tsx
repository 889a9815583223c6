import { Badge, Button, Group, Modal, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { diffWords } from 'diff';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { useAnswerHistory, type AnswerVersionDto } from '../api/checklist.ts';
import { RichTextView } from './rich-text-view.tsx';

/** The words of an answer, for comparing two versions word by word. */
function plainWords(html: string): string {
  if (!html) return '';
  const doc = new DOMParser().parseFromString(html.replace(/<\/(p|li|h3|h4|blockquote)>/g, '</$1>\n'), 'text/html');
  return (doc.body.textContent ?? '').trim();
}

/** Words removed and added between two versions, marked so colour is not the only sign. */
export function WordDiff({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation();
  const parts = diffWords(plainWords(before), plainWords(after));
  return (
    <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap' }} data-testid="word-diff">
      {parts.map((part, i) =>
        part.added ? (
          <ins key={i} title={t('checklist.history.added')} style={{ background: 'var(--mantine-color-green-1)', textDecoration: 'underline' }}>
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={i} title={t('checklist.history.removed')} style={{ background: 'var(--mantine-color-red-1)' }}>
            {part.value}
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </Text>
  );
}

function versionLabel(t: ReturnType<typeof useTranslation>['t'], v: AnswerVersionDto, at: string): string {
  return t('checklist.history.versionOption', { version: v.version, at });
}

/** "History": every version of one answer, any two compared word by word. */
export function AnswerHistory({ reviewId, provisionId }: { reviewId: string; provisionId: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const [opened, setOpened] = useState(false);
  const history = useAnswerHistory(reviewId, provisionId, opened);
  const [picked, setPicked] = useState<{ from?: number; to?: number }>({});
  const versions = history.data?.versions ?? [];
  const to = versions.find((v) => v.version === picked.to) ?? versions[0];
  const from = versions.find((v) => v.version === picked.from) ?? versions.find((v) => to && v.version < to.version);
  const options = versions.map((v) => ({ value: String(v.version), label: versionLabel(t, v, f.dateTimeUtc(v.updatedAt)) }));
  return (
    <>
      <Button size="xs" variant="subtle" onClick={() => setOpened(true)} aria-label={t('checklist.history.openFor', { provision: provisionId })}>
        {t('checklist.history.open')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} size="xl" title={t('checklist.history.title', { provision: provisionId })} closeButtonProps={{ 'aria-label': t('actions.close') }}>
        {history.isPending ? <Loading /> : null}
        {history.isError ? <ProblemAlert error={history.error} onRetry={() => void history.refetch()} /> : null}
        {history.data && versions.length === 0 ? <Text size="sm">{t('checklist.history.none')}</Text> : null}
        {to ? (
          <Stack gap="md">
            <Group gap="md" align="flex-end">
              <NativeSelect label={t('checklist.history.from')} value={from ? String(from.version) : ''} data={[{ value: '', label: '—' }, ...options]} onChange={(e) => setPicked({ ...picked, from: Number(e.currentTarget.value) || undefined })} />
              <NativeSelect label={t('checklist.history.to')} value={String(to.version)} data={options} onChange={(e) => setPicked({ ...picked, to: Number(e.currentTarget.value) })} />
            </Group>
            <Paper withBorder p="sm" radius="sm" component="section" aria-label={t('checklist.history.changes')}>
              <Title order={3} size="h6" mb={4}>
                {t('checklist.history.changes')}
              </Title>
              <WordDiff before={from?.text ?? ''} after={to.text} />
            </Paper>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              {[from, to].map((v, i) =>
                v ? (
                  <Paper key={`${i}-${v.version}`} withBorder p="sm" radius="sm" component="section" aria-label={versionLabel(t, v, f.dateTimeUtc(v.updatedAt))}>
                    <Group gap="xs" mb={4}>
                      <Title order={3} size="h6">
                        {t('checklist.history.version', { version: v.version })}
                      </Title>
                      {v.source === 'desk-review' ? <Badge size="xs" variant="light" tt="none">{t('checklist.history.fromDeskReview')}</Badge> : null}
                      {v.submissions.length > 0 ? <Badge size="xs" variant="outline" tt="none">{t('checklist.history.submittedIn', { list: v.submissions.join(', ') })}</Badge> : null}
                    </Group>
                    <Text size="xs" c="dimmed" mb={4}>
                      {t('checklist.conflict.savedBy', { who: v.updatedBy, at: f.dateTimeUtc(v.updatedAt) })}
                    </Text>
                    <RichTextView html={v.text} />
                  </Paper>
                ) : null,
              )}
            </SimpleGrid>
          </Stack>
        ) : null}
      </Modal>
    </>
  );
}
