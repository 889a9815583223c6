import { Anchor, Box, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { UnLanguage } from '../../../../domain/parties/party.ts';
import { useFormatters } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import { languageName } from '../../dialogue/components/zoned-time.ts';
import { documentLabel } from '../../publication/components/publication-labels.ts';
import type { CountryProfileResponse, ProfileReview } from '../api/get-public.ts';
import { publicationFileUrl } from '../api/get-publication.ts';

type DocumentKind = 'report' | 'summary' | 'checklist';

interface Correction {
  version: number;
  publishedAt: string;
  note: string | null;
}

interface ShownDocument {
  publicationId: string | null;
  document: DocumentKind;
  language: UnLanguage;
  version: number;
  publishedAt: string;
  corrections: Correction[];
  /** A file address given by the server, when there is no publication id to build them from. */
  href: string | null;
}

interface ShownFinding {
  reference: string | null;
  article: string;
  text: string;
  language: UnLanguage | null;
}

const KIND_OF: Record<string, DocumentKind> = { 'executive-summary': 'summary', summary: 'summary', report: 'report', checklist: 'checklist' };

/** The corrections of a document, with the latest one when it is itself a correction. */
function correctionsOf(latest: { version: number; publishedAt: string; note: string | null }, listed: Correction[]): Correction[] {
  const all = new Map(listed.map((c) => [c.version, c]));
  if (latest.version > 1 && !all.has(latest.version)) all.set(latest.version, latest);
  return [...all.values()].filter((c) => c.version > 1).sort((a, b) => a.version - b.version);
}

/**
 * What one cycle's review has published. The profile's top-level lists (per cycle) are read
 * first; a server that still sends them inside each review (`published`) is read as well.
 */
function materialOf(profile: CountryProfileResponse, review: ProfileReview): { documents: ShownDocument[]; recommendations: ShownFinding[]; goodPractices: ShownFinding[] } {
  const published = review.published;
  const documents: ShownDocument[] = profile.documents
    ? profile.documents
        .filter((d) => d.cycle === review.cycle)
        .map((d) => ({ publicationId: d.publicationId, document: d.document, language: d.language, version: d.version, publishedAt: d.publishedAt, corrections: correctionsOf(d, d.corrections), href: null }))
    : (() => {
        const latest = new Map<string, ShownDocument>();
        const every = new Map<string, Correction[]>();
        for (const d of published?.documents ?? []) {
          const key = `${d.kind}:${d.language}`;
          every.set(key, [...(every.get(key) ?? []), { version: d.version, publishedAt: d.publishedOn, note: d.note }]);
          const known = latest.get(key);
          if (!known || d.version > known.version) {
            latest.set(key, { publicationId: 'id' in d && typeof d.id === 'string' ? d.id : null, document: KIND_OF[d.kind] ?? 'report', language: d.language, version: d.version, publishedAt: d.publishedOn, corrections: [], href: d.href });
          }
        }
        return [...latest.entries()].map(([key, d]) => ({ ...d, corrections: correctionsOf({ ...d, note: null }, every.get(key) ?? []) }));
      })();
  const recommendations: ShownFinding[] = profile.recommendations
    ? profile.recommendations.filter((r) => r.cycle === review.cycle).map((r) => ({ reference: r.reference, article: String(r.article), text: r.text, language: null }))
    : (published?.recommendations ?? []).map((r) => ({ reference: 'reference' in r && typeof r.reference === 'string' ? r.reference : null, article: r.article, text: r.text, language: r.language }));
  const goodPractices: ShownFinding[] = profile.goodPractices
    ? profile.goodPractices.filter((g) => g.cycle === review.cycle).map((g) => ({ reference: null, article: String(g.article), text: g.text, language: null }))
    : (published?.goodPractices ?? []).map((g) => ({ reference: null, article: g.article, text: g.text, language: g.language }));
  return { documents, recommendations, goodPractices };
}

/** The published documents, recommendations and good practices of one cycle's review of a State. */
export function PublishedMaterial({ profile, review }: { profile: CountryProfileResponse; review: ProfileReview }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { documents, recommendations, goodPractices } = materialOf(profile, review);
  const documentsId = `review-${review.id}-documents`;
  return (
    <Stack gap="md">
      <Box component="section" aria-labelledby={documentsId}>
        <Title order={3} size="h5" id={documentsId} mb={4}>
          {t('publicPages.profile.documents')}
        </Title>
        {documents.length === 0 ? (
          <Text size="sm">{t('publicPages.profile.noneYet')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table aria-labelledby={documentsId} verticalSpacing={6}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('publication.table.document')}</Table.Th>
                  <Table.Th scope="col">{t('publication.table.language')}</Table.Th>
                  <Table.Th scope="col">{t('publication.table.version')}</Table.Th>
                  <Table.Th scope="col">{t('publication.table.published')}</Table.Th>
                  <Table.Th scope="col">{t('publication.public.links')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {documents.map((d) => {
                  const what = t('publication.publish.what', { document: documentLabel(t, d.document), language: languageName(d.language, f.language) });
                  return (
                    <Table.Tr key={`${d.document}:${d.language}`} data-document={`${d.document}:${d.language}`}>
                      <Table.Th scope="row" fw={500}>
                        {documentLabel(t, d.document)}
                        {d.corrections.length > 0 ? (
                          <List size="xs" mt={4} c="dimmed" aria-label={t('publication.public.correctionsOf', { what })}>
                            {d.corrections.map((c) => (
                              <List.Item key={c.version}>
                                {t('publication.public.correction', { version: f.number(c.version), date: f.date(c.publishedAt), note: c.note || '—' })}
                              </List.Item>
                            ))}
                          </List>
                        ) : null}
                      </Table.Th>
                      <Table.Td>{languageName(d.language, f.language)}</Table.Td>
                      <Table.Td>{f.number(d.version)}</Table.Td>
                      <Table.Td>{f.date(d.publishedAt)}</Table.Td>
                      <Table.Td>
                        <Group gap="sm" wrap="wrap">
                          {d.publicationId ? (
                            <>
                              <Anchor component={Link} to={paths.publication.getHref(d.publicationId)} size="sm" aria-label={t('publication.public.readOnlineFor', { what })}>
                                {t('publication.public.readOnline')}
                              </Anchor>
                              <Anchor href={publicationFileUrl(d.publicationId, 'docx')} hrefLang={d.language} size="sm" aria-label={t('publication.public.docxFor', { what })}>
                                DOCX
                              </Anchor>
                              <Anchor href={publicationFileUrl(d.publicationId, 'pdf')} hrefLang={d.language} size="sm" aria-label={t('publication.public.pdfFor', { what })}>
                                PDF
                              </Anchor>
                            </>
                          ) : d.href ? (
                            <Anchor href={d.href} hrefLang={d.language} size="sm" aria-label={t('publication.public.downloadFor', { what })}>
                              {t('publication.public.download')}
                            </Anchor>
                          ) : null}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Box>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Findings title={t('publicPages.profile.recommendations')} items={recommendations} />
        <Findings title={t('publicPages.profile.goodPractices')} items={goodPractices} />
      </SimpleGrid>
    </Stack>
  );
}

function Findings({ title, items }: { title: string; items: ShownFinding[] }) {
  const { t } = useTranslation();
  return (
    <div>
      <Title order={3} size="h5">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text size="sm">{t('publicPages.profile.noneYet')}</Text>
      ) : (
        <List size="sm" spacing={4} aria-label={title}>
          {items.map((r, i) => (
            <List.Item key={`${r.reference ?? r.article}-${i}`} lang={r.language ?? undefined}>
              {r.reference ? (
                <Text span size="sm" c="dimmed" dir="ltr" mr={4}>
                  {r.reference}
                </Text>
              ) : null}
              {t('publicPages.profile.article', { article: r.article })}: {r.text}
            </List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
