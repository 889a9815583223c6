import { Badge, Box, Button, Group, NativeSelect, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { SaveBar, useSavedDraft } from '../../../components/ui/saved-draft.tsx';
import { LANGUAGES } from '../../../i18n/languages.ts';
import { useFormatters } from '../../../lib/format.ts';
import { RichTextField } from '../../checklist/components/rich-text-editor.tsx';
import { RichTextView } from '../../checklist/components/rich-text-view.tsx';
import { languageName } from '../../dialogue/components/zoned-time.ts';
import { textDirection, translationStatusLabel } from '../../publication/components/publication-labels.ts';
import {
  ORIGINAL_LANGUAGE,
  summaryDownloadUrl,
  TRANSLATION_STATUS_VALUES,
  useSaveLanguageVersion,
  type LanguageVersionDto,
  type SummaryResponse,
  type TranslationStatus,
  type UnLanguage,
} from '../api/summary.ts';
import { TextConflict } from './text-conflict.tsx';

const STATUS_COLOURS: Record<TranslationStatus, string> = { pending: 'gray.7', in_translation: 'blue.8', final: 'green.9' };

export function TranslationStatusBadge({ status }: { status: TranslationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={STATUS_COLOURS[status] ?? 'gray.7'} tt="none">
      {translationStatusLabel(t, status)}
    </Badge>
  );
}

/** The six language versions of the summary, one tab each, in the UN's order. */
export function LanguageVersions({ reviewId, summary }: { reviewId: string; summary: SummaryResponse }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const byLanguage = new Map(summary.languages.map((l) => [l.language, l]));
  const present = LANGUAGES.filter((l) => byLanguage.has(l.code));
  const [tab, setTab] = useState<string | null>(ORIGINAL_LANGUAGE);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="summary-languages-title">
      <Title order={2} size="h3" id="summary-languages-title" mb="xs">
        {t('summary.languages.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm" maw={760}>
        {t('summary.languages.explain')}
      </Text>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List aria-label={t('summary.languages.title')}>
          {present.map((l) => {
            const entry = byLanguage.get(l.code)!;
            return (
              <Tabs.Tab key={l.code} value={l.code} data-status={entry.status}>
                {languageName(l.code, f.language)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        {present.map((l) => (
          <Tabs.Panel key={l.code} value={l.code} pt="md">
            <LanguagePanel reviewId={reviewId} summary={summary} entry={byLanguage.get(l.code)!} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Paper>
  );
}

function Downloads({ reviewId, language, name }: { reviewId: string; language: UnLanguage; name: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Button component="a" href={summaryDownloadUrl(reviewId, 'docx', language)} download variant="default" size="xs" aria-label={t('summary.download.docxIn', { language: name })}>
        {t('summary.download.docx')}
      </Button>
      <Button component="a" href={summaryDownloadUrl(reviewId, 'pdf', language)} download variant="default" size="xs" aria-label={t('summary.download.pdfIn', { language: name })}>
        {t('summary.download.pdf')}
      </Button>
    </Group>
  );
}

function LanguagePanel({ reviewId, summary, entry }: { reviewId: string; summary: SummaryResponse; entry: LanguageVersionDto }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const name = languageName(entry.language, f.language);
  const isOriginal = entry.language === ORIGINAL_LANGUAGE;
  const isEditable = summary.may.translate && !isOriginal;
  return (
    <Stack gap="sm" data-language={entry.language}>
      <Group gap="sm" align="center" wrap="wrap">
        <TranslationStatusBadge status={entry.status} />
        {entry.publishedAt ? (
          <Badge size="sm" variant="outline" color="green.9" tt="none">
            {t('summary.languages.published', { date: f.date(entry.publishedAt) })}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            {t('summary.languages.notPublished')}
          </Text>
        )}
        {entry.version > 0 && entry.updatedBy && entry.updatedAt ? (
          <Text size="sm" c="dimmed">
            {t('summary.languages.meta', { version: f.number(entry.version), who: entry.updatedBy, at: f.dateTimeUtc(entry.updatedAt) })}
          </Text>
        ) : null}
        <Downloads reviewId={reviewId} language={entry.language} name={name} />
      </Group>
      {isOriginal ? (
        <Text size="sm" c="dimmed">
          {t('summary.languages.original')}
        </Text>
      ) : null}
      {isEditable ? (
        <LanguageEditor key={entry.language} reviewId={reviewId} entry={entry} name={name} isSummaryFinal={summary.status === 'finalised'} />
      ) : (
        <Box dir={textDirection(entry.language)} lang={entry.language} data-testid={`summary-text-${entry.language}`}>
          <RichTextView html={entry.text} empty={t('summary.languages.noText')} />
        </Box>
      )}
    </Stack>
  );
}

type Stored = Pick<LanguageVersionDto, 'text' | 'status' | 'version' | 'updatedBy' | 'updatedAt'>;

/** The 409 of a language version carries the stored summary (or the stored language version). */
function storedVersion(current: unknown, language: UnLanguage): Stored | null {
  if (!current || typeof current !== 'object') return null;
  if ('languages' in current && Array.isArray(current.languages)) return (current.languages as LanguageVersionDto[]).find((l) => l.language === language) ?? null;
  if ('text' in current && 'version' in current) return current as Stored;
  return null;
}

function LanguageEditor({ reviewId, entry, name, isSummaryFinal }: { reviewId: string; entry: LanguageVersionDto; name: string; isSummaryFinal: boolean }) {
  const { t } = useTranslation();
  const save = useSaveLanguageVersion(reviewId, entry.language);
  const editor = useSavedDraft<Stored, { text: string; status: TranslationStatus }>({
    stored: entry,
    draftOf: (s) => ({ text: s.text, status: s.status }),
    same: (a, b) => a.text === b.text && a.status === b.status,
    send: async (draft, version) => (await save.mutateAsync({ ...draft, version })).languages.find((l) => l.language === entry.language) ?? null,
    theirsOf: (current) => storedVersion(current, entry.language),
  });
  const { draft, state, edit } = editor;
  return (
    <Stack gap="sm">
      <NativeSelect
        label={t('summary.languages.statusLabel', { language: name })}
        value={draft.status}
        data={TRANSLATION_STATUS_VALUES.map((s) => ({ value: s, label: translationStatusLabel(t, s) }))}
        onChange={(event) => edit({ status: event.currentTarget.value as TranslationStatus })}
        maw={320}
        description={isSummaryFinal ? t('summary.languages.finalPublishes') : t('summary.languages.finalNeedsSummary')}
      />
      <RichTextField
        label={t('summary.languages.textLabel', { language: name })}
        value={draft.text}
        onChange={(html) => edit({ text: html })}
        lang={entry.language}
        dir={textDirection(entry.language)}
      />
      <SaveBar
        draft={editor}
        label={t('summary.languages.save', { language: name })}
        words={{ saving: t('summary.editor.saving'), unsaved: t('summary.editor.unsaved'), saved: t('summary.editor.saved') }}
      />
      {state.kind === 'error' ? <ProblemAlert error={state.error} /> : null}
      {state.kind === 'conflict' ? (
        <TextConflict mine={draft.text} theirs={state.theirs} language={entry.language} onKeepMine={editor.keepMine} onTakeTheirs={editor.takeTheirs} />
      ) : null}
    </Stack>
  );
}
