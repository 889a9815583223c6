import { Badge, Box, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { useAddComment, useSectionComments } from '../api/report.ts';
import { commentSideLabel } from './report-labels.ts';

/**
 * The comments on one section, loaded when opened (a report has a section per article: the
 * page would otherwise ask for every section's comments at once).
 */
export function SectionComments({ reviewId, article, articleLabel, count, mayComment }: { reviewId: string; article: number; articleLabel: string; count: number; mayComment: boolean }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const panelId = useId();
  const [opened, setOpened] = useState(false);
  const comments = useSectionComments(reviewId, article, opened);
  const add = useAddComment(reviewId, article);
  const [body, setBody] = useState('');
  const [isEmpty, setIsEmpty] = useState(false);
  return (
    <Stack gap="xs">
      <Group>
        <Button
          size="xs"
          variant="default"
          onClick={() => setOpened((o) => !o)}
          aria-expanded={opened}
          aria-controls={panelId}
          aria-label={t('report.comments.toggleFor', { article: articleLabel, count: f.number(count) })}
        >
          {t('report.comments.toggle', { count: f.number(count) })}
        </Button>
      </Group>
      <Box id={panelId}>
        {opened ? (
          <Stack gap="xs" component="section" aria-label={t('report.comments.title', { article: articleLabel })}>
            {comments.isPending ? <Loading /> : null}
            {comments.isError ? <ProblemAlert error={comments.error} onRetry={() => void comments.refetch()} /> : null}
            {comments.data && comments.data.comments.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('report.comments.none')}
              </Text>
            ) : null}
            {comments.data && comments.data.comments.length > 0 ? (
              <Stack component="ol" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
                {comments.data.comments.map((c) => (
                  <Paper component="li" key={c.id} withBorder radius="sm" p="xs">
                    <Group gap="xs" mb={2}>
                      <Text size="xs" fw={600}>
                        {c.author}
                      </Text>
                      <Badge size="xs" variant="light" color="gray.8" tt="none">
                        {commentSideLabel(t, c.side)}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {f.dateTimeUtc(c.createdAt)}
                      </Text>
                    </Group>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {c.body}
                    </Text>
                  </Paper>
                ))}
              </Stack>
            ) : null}
            {mayComment ? (
              <form
                onSubmit={(event) => {
                  event.preventDefault();
                  const text = body.trim();
                  if (!text) {
                    setIsEmpty(true);
                    return;
                  }
                  setIsEmpty(false);
                  add.mutate(text, { onSuccess: () => setBody('') });
                }}
              >
                <Stack gap={6}>
                  <Textarea
                    label={t('report.comments.label', { article: articleLabel })}
                    autosize
                    minRows={2}
                    value={body}
                    error={isEmpty ? t('report.comments.emptyError') : undefined}
                    onChange={(event) => setBody(event.currentTarget.value)}
                  />
                  {add.isError ? <ProblemAlert error={add.error} /> : null}
                  <Group>
                    <Button size="xs" type="submit" loading={add.isPending}>
                      {t('report.comments.add')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            ) : null}
          </Stack>
        ) : null}
      </Box>
    </Stack>
  );
}
