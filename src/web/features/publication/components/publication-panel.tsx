import { Alert, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { LANGUAGES } from '../../../i18n/languages.ts';
import { useFormatters } from '../../../lib/format.ts';
import { languageName } from '../../dialogue/components/zoned-time.ts';
import type { UnLanguage } from '../../summary/api/summary.ts';
import {
  CONSENT_DOCUMENTS,
  usePublications,
  usePublish,
  useRecordConsent,
  type ConsentDto,
  type PublicationDto,
  type PublishedDocument,
} from '../api/publications.ts';
import { documentLabel } from './publication-labels.ts';

/**
 * Publication of a review's outcome (docs/REPORTS.md §3): the State's consent, the publish
 * buttons (a second publication of a document in a language is a correction, with a note),
 * and every publication so far.
 *
 * @param finalLanguages the languages whose summary version is final: the only ones the
 * summary can be published in.
 */
export function PublicationPanel({ reviewId, finalLanguages }: { reviewId: string; finalLanguages: readonly UnLanguage[] }) {
  const { t } = useTranslation();
  const query = usePublications(reviewId);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="publication-title">
      <Title order={2} size="h3" id="publication-title" mb="xs">
        {t('publication.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={760}>
        {t('publication.explain')}
      </Text>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ProblemAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <Stack gap="lg">
          <ConsentBlock consent={query.data.consent} />
          {query.data.may.consent ? <ConsentForm key={query.data.consent?.recordedAt ?? 'none'} reviewId={reviewId} consent={query.data.consent} /> : null}
          {query.data.may.publish ? <PublishTable reviewId={reviewId} consent={query.data.consent} publications={query.data.publications} finalLanguages={finalLanguages} /> : null}
          <PublicationList publications={query.data.publications} />
        </Stack>
      ) : null}
    </Paper>
  );
}

function ConsentBlock({ consent }: { consent: ConsentDto | null }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <Stack gap={4} component="section" aria-labelledby="publication-consent-title">
      <Title order={3} size="h5" id="publication-consent-title">
        {t('publication.consent.title')}
      </Title>
      {consent ? (
        <>
          <Text size="sm" data-testid="consent-recorded">
            {t('publication.consent.recorded', {
              documents: f.list(consent.documents.map((d) => documentLabel(t, d))),
              languages: f.list(consent.languages.map((l) => languageName(l, f.language))),
            })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('publication.consent.recordedBy', { who: consent.recordedBy, at: f.dateTimeUtc(consent.recordedAt) })}
          </Text>
          {consent.note ? <Text size="sm">{t('publication.consent.noteValue', { note: consent.note })}</Text> : null}
        </>
      ) : (
        <Text size="sm">{t('publication.consent.none')}</Text>
      )}
    </Stack>
  );
}

function ConsentForm({ reviewId, consent }: { reviewId: string; consent: ConsentDto | null }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const record = useRecordConsent(reviewId);
  const [documents, setDocuments] = useState<string[]>(consent?.documents ?? []);
  const [languages, setLanguages] = useState<string[]>(consent?.languages ?? []);
  const [note, setNote] = useState(consent?.note ?? '');
  const [saved, setSaved] = useState(false);
  return (
    <form
      aria-labelledby="publication-consent-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = note.trim();
        record.mutate(
          {
            documents: CONSENT_DOCUMENTS.filter((d) => documents.includes(d)),
            languages: LANGUAGES.map((l) => l.code).filter((l) => languages.includes(l)),
            ...(trimmed ? { note: trimmed } : {}),
          },
          { onSuccess: () => setSaved(true) },
        );
      }}
    >
      <Stack gap="sm">
        <Title order={3} size="h5" id="publication-consent-form-title">
          {consent ? t('publication.consent.changeTitle') : t('publication.consent.formTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Checkbox.Group label={t('publication.consent.documents')} value={documents} onChange={setDocuments}>
            <Stack gap={4} mt={4}>
              {CONSENT_DOCUMENTS.map((d) => (
                <Checkbox key={d} value={d} label={documentLabel(t, d)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Checkbox.Group label={t('publication.consent.languages')} value={languages} onChange={setLanguages}>
            <Stack gap={4} mt={4}>
              {LANGUAGES.map((l) => (
                <Checkbox key={l.code} value={l.code} label={languageName(l.code, f.language)} />
              ))}
            </Stack>
          </Checkbox.Group>
        </SimpleGrid>
        <Textarea label={t('publication.consent.note')} autosize minRows={2} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
        {record.isError ? <ProblemAlert error={record.error} /> : null}
        <Group gap="sm">
          <Button type="submit" loading={record.isPending}>
            {t('publication.consent.record')}
          </Button>
          {saved ? (
            <Text size="sm" role="status">
              {t('publication.consent.saved')}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}

/** The latest publication of each document and language. */
function latestOf(publications: PublicationDto[]): Map<string, PublicationDto> {
  const map = new Map<string, PublicationDto>();
  for (const p of publications) {
    const key = `${p.document}:${p.language}`;
    const known = map.get(key);
    if (!known || p.version > known.version) map.set(key, p);
  }
  return map;
}

function PublishTable({
  reviewId,
  consent,
  publications,
  finalLanguages,
}: {
  reviewId: string;
  consent: ConsentDto | null;
  publications: PublicationDto[];
  finalLanguages: readonly UnLanguage[];
}) {
  const { t } = useTranslation();
  const latest = latestOf(publications);
  const order = LANGUAGES.map((l) => l.code);
  const rows: { document: PublishedDocument; language: UnLanguage }[] = [
    ...order.filter((l) => finalLanguages.includes(l)).map((language) => ({ document: 'summary' as const, language })),
    ...(['report', 'checklist'] as const).flatMap((document) =>
      consent?.documents.includes(document) ? order.filter((l) => consent.languages.includes(l)).map((language) => ({ document, language })) : [],
    ),
  ];
  return (
    <Stack gap="xs" component="section" aria-labelledby="publication-publish-title">
      <Title order={3} size="h5" id="publication-publish-title">
        {t('publication.publish.title')}
      </Title>
      <Text size="sm" c="dimmed" maw={760}>
        {t('publication.publish.explain')}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm">{t('publication.publish.nothing')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table withTableBorder aria-labelledby="publication-publish-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('publication.table.document')}</Table.Th>
                <Table.Th scope="col">{t('publication.table.language')}</Table.Th>
                <Table.Th scope="col">{t('publication.table.latest')}</Table.Th>
                <Table.Th scope="col">{t('publication.table.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <PublishRow key={`${row.document}:${row.language}`} reviewId={reviewId} {...row} latest={latest.get(`${row.document}:${row.language}`) ?? null} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {!consent ? (
        <Alert variant="light" color="gray">
          {t('publication.publish.needsConsent')}
        </Alert>
      ) : null}
    </Stack>
  );
}

function PublishRow({ reviewId, document, language, latest }: { reviewId: string; document: PublishedDocument; language: UnLanguage; latest: PublicationDto | null }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const publish = usePublish(reviewId);
  const [note, setNote] = useState('');
  const [isNoteMissing, setIsNoteMissing] = useState(false);
  const what = t('publication.publish.what', { document: documentLabel(t, document), language: languageName(language, f.language) });
  return (
    <Table.Tr data-row={`${document}:${language}`}>
      <Table.Th scope="row" fw={500}>
        {documentLabel(t, document)}
      </Table.Th>
      <Table.Td>{languageName(language, f.language)}</Table.Td>
      <Table.Td>{latest ? t('publication.publish.latest', { version: f.number(latest.version), date: f.date(latest.publishedAt) }) : t('publication.publish.notYet')}</Table.Td>
      <Table.Td>
        <Stack gap={4}>
          {latest ? (
            <TextInput
              size="xs"
              label={t('publication.publish.correctionNote', { what })}
              value={note}
              error={isNoteMissing ? t('publication.publish.noteMissing') : undefined}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
          ) : null}
          <Group gap="xs">
            <Button
              size="xs"
              variant={latest ? 'default' : 'filled'}
              loading={publish.isPending}
              aria-label={latest ? t('publication.publish.correctionFor', { what }) : t('publication.publish.publishFor', { what })}
              onClick={() => {
                const trimmed = note.trim();
                // A correction says what it corrects (docs/REPORTS.md §3).
                if (latest && !trimmed) {
                  setIsNoteMissing(true);
                  return;
                }
                setIsNoteMissing(false);
                publish.mutate({ document, language, ...(trimmed ? { note: trimmed } : {}) }, { onSuccess: () => setNote('') });
              }}
            >
              {latest ? t('publication.publish.correction') : t('publication.publish.publish')}
            </Button>
          </Group>
          {publish.isError ? <ProblemAlert error={publish.error} /> : null}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

function PublicationList({ publications }: { publications: PublicationDto[] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const sorted = [...publications].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.version - a.version);
  return (
    <Stack gap="xs" component="section" aria-labelledby="publication-list-title">
      <Title order={3} size="h5" id="publication-list-title">
        {t('publication.list.title')}
      </Title>
      {sorted.length === 0 ? (
        <Text size="sm">{t('publication.list.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder aria-labelledby="publication-list-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('publication.table.document')}</Table.Th>
                <Table.Th scope="col">{t('publication.table.language')}</Table.Th>
                <Table.Th scope="col">{t('publication.table.version')}</Table.Th>
                <Table.Th scope="col">{t('publication.table.published')}</Table.Th>
                <Table.Th scope="col">{t('publication.table.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{documentLabel(t, p.document)}</Table.Td>
                  <Table.Td>{languageName(p.language, f.language)}</Table.Td>
                  <Table.Td>{f.number(p.version)}</Table.Td>
                  <Table.Td>{t('publication.list.publishedBy', { date: f.dateTimeUtc(p.publishedAt), who: p.publishedBy })}</Table.Td>
                  <Table.Td>{p.note || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
