import { Accordion, Alert, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { useCycles } from '../../cycles/api/get-cycles.ts';
import { useConvention, type Article, type Chapter } from '../api/get-convention.ts';
import { ObligationBadge } from './obligation-badge.tsx';

function ProvisionsTable({ article }: { article: Article }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table withRowBorders verticalSpacing={6} aria-label={t('convention.provisionsOf', { number: article.number })}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={110}>
              {t('convention.provision')}
            </Table.Th>
            <Table.Th scope="col">{t('convention.label')}</Table.Th>
            <Table.Th scope="col" w={170}>
              {t('convention.obligationHeader')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {article.provisions.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Text size="sm" ff="monospace" dir="ltr" component="span">
                  {p.id}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lang="en" className="data-en">
                  {p.label}
                </Text>
              </Table.Td>
              <Table.Td>
                <ObligationBadge obligation={p.obligation} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ChapterPanel({ chapter }: { chapter: Chapter }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <Accordion multiple variant="separated" radius="sm" order={3} chevronPosition="left">
      {chapter.articles.map((article) => (
        <Accordion.Item key={article.number} value={String(article.number)}>
          <Accordion.Control>
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Text size="sm" fw={600}>
                {t('convention.article', { number: f.calendarYear(article.number) })}
                {' — '}
                <Text span inherit lang="en" className="data-en">
                  {article.title}
                </Text>
              </Text>
              <Text size="xs" c="dimmed" className="nowrap">
                {t('convention.provisionCount', { formatted: f.number(article.provisions.length) })}
              </Text>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <ProvisionsTable article={article} />
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}

export function ConventionBrowser() {
  const { t } = useTranslation();
  const f = useFormatters();
  const convention = useConvention();
  const cycles = useCycles();
  const [open, setOpen] = useState<string[]>([]);

  /** Which cycles review each chapter (cycle 1: III and IV; cycle 2: II and V). */
  const cyclesByChapter = useMemo(() => {
    const map = new Map<string, number[]>();
    for (const cycle of cycles.data?.cycles ?? []) {
      for (const chapter of cycle.chapters) map.set(chapter, [...(map.get(chapter) ?? []), cycle.number]);
    }
    return map;
  }, [cycles.data]);

  if (convention.isPending) return <Loading />;
  if (convention.isError) return <ProblemAlert error={convention.error} onRetry={() => void convention.refetch()} />;

  const chapters = convention.data.chapters;
  return (
    <Stack gap="md">
      {f.language !== 'en' ? (
        <Alert variant="light" color="un" title={t('convention.englishOnlyTitle')}>
          <Text size="sm">{t('convention.englishOnlyBody')}</Text>
        </Alert>
      ) : null}
      <Group justify="space-between" gap="sm">
        <Text fw={600} lang="en" className="data-en">
          {convention.data.instrument.title}
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => setOpen(chapters.map((c) => c.number))}>
            {t('convention.expandAll')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setOpen([])}>
            {t('convention.collapseAll')}
          </Button>
        </Group>
      </Group>
      {cycles.isError ? <ProblemAlert error={cycles.error} title={t('convention.cyclesUnavailable')} /> : null}
      <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
        <Accordion multiple value={open} onChange={setOpen} order={2} chevronPosition="left" radius={0}>
          {chapters.map((chapter) => {
            const reviewedIn = cyclesByChapter.get(chapter.number) ?? [];
            return (
              <Accordion.Item key={chapter.number} value={chapter.number}>
                <Accordion.Control>
                  <Group gap="sm" justify="space-between" wrap="wrap">
                    <Text fw={650}>
                      {t('convention.chapter', { number: f.chapter(chapter.number) })}
                      {' — '}
                      <Text span inherit lang="en" className="data-en">
                        {chapter.title}
                      </Text>
                    </Text>
                    <Group gap={6}>
                      {reviewedIn.map((n) => (
                        <Badge key={n} variant="light" color="un.8" radius="sm" tt="none">
                          {t('convention.reviewedInCycle', { number: f.calendarYear(n) })}
                        </Badge>
                      ))}
                      <Text size="xs" c="dimmed" miw={96} ta="end">
                        {t('convention.articleCount', { formatted: f.number(chapter.articles.length) })}
                      </Text>
                    </Group>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <ChapterPanel chapter={chapter} />
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      </Paper>
    </Stack>
  );
}
