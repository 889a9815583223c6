import { Alert, Anchor, Box, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import { RichTextView } from '../../checklist/components/rich-text-view.tsx';
import { languageName } from '../../dialogue/components/zoned-time.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { documentLabel, textDirection } from '../../publication/components/publication-labels.ts';
import { SectionContentView } from '../../report/components/section-content-view.tsx';
import { publicationFileUrl, usePublicPublication, type PublicPublicationResponse } from '../api/get-publication.ts';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <Box>
      <Text component="dt" size="sm" c="dimmed">
        {term}
      </Text>
      <Box component="dd" m={0}>
        {children}
      </Box>
    </Box>
  );
}

/** A published document as it was published, for anyone: an executive summary or a country review report. */
export function PublicationView({ publicationId }: { publicationId: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { nameOf } = usePartyNames();
  const query = usePublicPublication(publicationId);
  if (query.isPending) {
    return (
      <>
        <PageHeader title={t('publication.public.title')} />
        <Loading />
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('publication.public.title')} />
        <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const p = query.data;
  const stateName = nameOf(p.state.iso3) === p.state.iso3 ? p.state.name : nameOf(p.state.iso3);
  const versions = [...(p.versions ?? [])].sort((a, b) => a.version - b.version);
  const corrections = versions.length > 0 ? versions.filter((v) => v.version > 1) : p.version > 1 ? [{ id: p.id, version: p.version, note: p.note, publishedAt: p.publishedAt }] : [];
  const latest = versions.at(-1);
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('publication.public.pageTitle', { document: documentLabel(t, p.document), state: stateName, cycle: f.calendarYear(p.cycle) })}
        actions={
          <Anchor component={Link} to={paths.country.getHref(p.state.iso3)} size="sm">
            {t('publication.public.backToProfile', { state: stateName })}
          </Anchor>
        }
      />
      <Paper withBorder radius="md" p="md">
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 4 }} spacing="md" m={0}>
          <Fact term={t('publication.public.symbol')}>
            <Text dir="ltr" data-testid="publication-symbol">
              {p.symbol || '—'}
            </Text>
          </Fact>
          <Fact term={t('publication.table.language')}>
            <Text>{languageName(p.language, f.language)}</Text>
          </Fact>
          <Fact term={t('publication.table.version')}>
            <Text>{f.number(p.version)}</Text>
          </Fact>
          <Fact term={t('publication.table.published')}>
            <Text>{f.date(p.publishedAt)}</Text>
          </Fact>
        </SimpleGrid>
        {latest && latest.version > p.version ? (
          <Alert color="orange" variant="light" mt="md">
            <Anchor component={Link} to={paths.publication.getHref(latest.id)}>
              {t('publication.public.newerVersion', { version: f.number(latest.version) })}
            </Anchor>
          </Alert>
        ) : null}
        {corrections.length > 0 ? (
          <Box mt="md" component="section" aria-labelledby="publication-corrections-title">
            <Title order={2} size="h5" id="publication-corrections-title">
              {t('publication.public.corrections')}
            </Title>
            <List size="sm" spacing={2}>
              {corrections.map((c) => (
                <List.Item key={c.version}>
                  {c.id !== p.id ? (
                    <Anchor component={Link} to={paths.publication.getHref(c.id)} size="sm">
                      {t('publication.public.versionLink', { version: f.number(c.version) })}
                    </Anchor>
                  ) : (
                    t('publication.public.versionLink', { version: f.number(c.version) })
                  )}
                  {` — ${t('publication.public.dateNote', { date: f.date(c.publishedAt), note: c.note || '—' })}`}
                </List.Item>
              ))}
            </List>
          </Box>
        ) : null}
        <Group gap="xs" mt="md">
          <Button component="a" href={publicationFileUrl(p.id, 'docx')} hrefLang={p.language} variant="default" size="xs">
            {t('publication.public.docx')}
          </Button>
          <Button component="a" href={publicationFileUrl(p.id, 'pdf')} hrefLang={p.language} variant="default" size="xs">
            {t('publication.public.pdf')}
          </Button>
        </Group>
      </Paper>
      <Box component="section" aria-labelledby="publication-text-title">
        <Title order={2} size="h3" id="publication-text-title" mb="sm">
          {t('publication.public.text')}
        </Title>
        <Box dir={textDirection(p.language)} lang={p.language} data-testid="publication-text">
          <PublishedText publication={p} />
        </Box>
      </Box>
    </Stack>
  );
}

function PublishedText({ publication: p }: { publication: PublicPublicationResponse }) {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  if (p.html !== null) return <RichTextView html={p.html} />;
  if (p.sections) {
    const chapters: { chapter: string; sections: NonNullable<PublicPublicationResponse['sections']> }[] = [];
    for (const s of p.sections) {
      const last = chapters[chapters.length - 1];
      if (last && last.chapter === s.chapter) last.sections.push(s);
      else chapters.push({ chapter: s.chapter, sections: [s] });
    }
    return (
      <Stack gap="xl">
        {chapters.map(({ chapter, sections }) => (
          <Box component="section" key={chapter} aria-labelledby={`publication-chapter-${chapter}`}>
            <Title order={3} size="h3" id={`publication-chapter-${chapter}`} mb="sm" lang={i18n.resolvedLanguage}>
              {t('report.chapter', { chapter: f.chapter(chapter) })}
            </Title>
            <Stack gap="lg">
              {sections.map((s) => (
                <Box key={s.article} component="section" aria-labelledby={`publication-article-${s.article}`}>
                  <Title order={4} size="h4" id={`publication-article-${s.article}`} mb="xs" lang={i18n.resolvedLanguage}>
                    {t('report.articleTitle', { article: f.number(s.article), title: s.title })}
                  </Title>
                  <SectionContentView content={s.content} headingOrder={5} referenceOf={(n) => s.content.recommendations[n - 1]?.reference} />
                </Box>
              ))}
            </Stack>
          </Box>
        ))}
      </Stack>
    );
  }
  if (p.checklist) {
    return (
      <Stack gap="lg">
        {p.checklist.map((a) => (
          <Box key={a.article} component="section" aria-labelledby={`publication-checklist-${a.article}`}>
            <Title order={3} size="h4" id={`publication-checklist-${a.article}`} mb="xs" lang={i18n.resolvedLanguage}>
              {t('report.articleTitle', { article: f.number(a.article), title: a.title })}
            </Title>
            <Stack gap="sm">
              {a.provisions.map((provision) => (
                <Box key={provision.id}>
                  <Title order={4} size="h6" lang={i18n.resolvedLanguage}>
                    {t('publication.public.provision', { id: provision.id, label: provision.label })}
                  </Title>
                  <RichTextView html={provision.text} />
                </Box>
              ))}
            </Stack>
          </Box>
        ))}
      </Stack>
    );
  }
  return <Text size="sm">{t('publication.public.filesOnly')}</Text>;
}
