/**
 * One chapter of the thematic report: a bar chart of recommendations and good practices per
 * article, the same figures as a table (the chart's text alternative), and the most common
 * challenges of each article with their examples.
 */
import { BarChart } from '@mantine/charts';
import { Blockquote, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import type { ThematicChapterDto } from '../api/thematic.ts';

export function ThematicChapter({ chapter }: { chapter: ThematicChapterDto }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const titleId = `thematic-chapter-${chapter.chapter}`;
  const data = chapter.articles.map((a) => ({ article: String(a.article), recommendations: a.recommendations, goodPractices: a.goodPractices }));
  return (
    <Stack gap="sm" component="section" aria-labelledby={titleId} data-testid="thematic-chapter">
      <Title order={2} size="h3" id={titleId}>
        {t('report.chapter', { chapter: f.chapter(chapter.chapter) })}: {chapter.title}
      </Title>
      <Text>{t('thematic.chapterSummary', { states: f.number(chapter.statesWithRecommendations), recommendations: f.number(chapter.recommendations), goodPractices: f.number(chapter.goodPractices) })}</Text>
      <div role="img" aria-label={t('thematic.chartLabel', { chapter: f.chapter(chapter.chapter) })} dir="ltr" data-testid="thematic-chart">
        <BarChart
          h={260}
          data={data}
          dataKey="article"
          withLegend
          legendProps={{ verticalAlign: 'top' }}
          xAxisLabel={t('thematic.article')}
          series={[
            { name: 'recommendations', label: t('thematic.recommendations'), color: 'blue.8' },
            { name: 'goodPractices', label: t('thematic.goodPractices'), color: 'teal.5' },
          ]}
        />
      </div>
      <Table.ScrollContainer minWidth={560}>
        <Table striped withTableBorder data-testid="thematic-table">
          <caption style={{ captionSide: 'top', textAlign: 'start', fontWeight: 600, paddingBottom: 4 }}>{t('thematic.tableCaption', { chapter: f.chapter(chapter.chapter) })}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('thematic.article')}</Table.Th>
              <Table.Th scope="col">{t('thematic.statesWithRecommendations')}</Table.Th>
              <Table.Th scope="col">{t('thematic.recommendations')}</Table.Th>
              <Table.Th scope="col">{t('thematic.goodPractices')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {chapter.articles.map((a) => (
              <Table.Tr key={a.article}>
                <Table.Th scope="row" fw={400}>
                  {t('search.articleValue', { number: a.article, title: a.title })}
                </Table.Th>
                <Table.Td>{f.number(a.statesWithRecommendations)}</Table.Td>
                <Table.Td>{f.number(a.recommendations)}</Table.Td>
                <Table.Td>{f.number(a.goodPractices)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {chapter.articles
        .filter((a) => a.challenges.length > 0)
        .map((a) => (
          <Stack key={a.article} gap={4}>
            <Title order={3} size="h5">
              {t('thematic.challengesOf', { number: a.article, title: a.title })}
            </Title>
            <List spacing={4}>
              {a.challenges.map((g) => (
                <List.Item key={g.stem}>
                  <Text span fw={600} lang="en">
                    {g.label}
                  </Text>{' '}
                  <Text span c="dimmed">
                    {t('thematic.groupStates', { n: f.number(g.states) })}
                  </Text>
                  {g.examples.map((e, i) => (
                    <Blockquote key={i} p="xs" mt={4} cite={`— ${e.state}`} lang="en" dir="auto">
                      {e.text}
                    </Blockquote>
                  ))}
                </List.Item>
              ))}
            </List>
          </Stack>
        ))}
    </Stack>
  );
}
