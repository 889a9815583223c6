import { Alert, Box, Button, Fieldset, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSISTANCE_TYPES, type AssistanceType } from '../../../../domain/reviews/checklist.ts';
import { useErrorMessage } from '../../../components/ui/problem-message.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormatters } from '../../../lib/format.ts';
import { assistanceTypeLabel } from '../../checklist/components/checklist-labels.ts';
import { RichTextField } from '../../checklist/components/rich-text-editor.tsx';
import { saveSection, useStoreSection, type SectionContent, type SectionDto } from '../api/report.ts';
import { proseFieldLabel } from './report-labels.ts';
import { PROSE_FIELDS, SectionContentView } from './section-content-view.tsx';

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'taken' } | { kind: 'error'; error: unknown } | { kind: 'conflict'; theirs: SectionDto | null };

/** What is sent: items trimmed, blank ones left out (the server refuses an empty recommendation). */
export function cleanContent(content: SectionContent): SectionContent {
  return {
    ...content,
    recommendations: content.recommendations.map((r) => ({ text: r.text.trim() })).filter((r) => r.text),
    goodPractices: content.goodPractices.map((g) => ({ text: g.text.trim() })).filter((g) => g.text),
    needs: content.needs.map((n) => ({ type: n.type, text: n.text.trim() })).filter((n) => n.text),
  };
}

const sameContent = (a: SectionContent, b: SectionContent) => JSON.stringify(cleanContent(a)) === JSON.stringify(cleanContent(b));

/**
 * The editor of one section of the report. Nothing is saved until the user presses Save: a
 * section is a reviewed text, saved whole as a new version. A save that meets a newer
 * version (409) shows both and keeps the user's text until they choose.
 */
export function SectionEditor({
  reviewId,
  section,
  articleLabel,
  onDirtyChange,
}: {
  reviewId: string;
  section: SectionDto;
  articleLabel: string;
  onDirtyChange: (article: number, dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const store = useStoreSection(reviewId);
  const [base, setBase] = useState(section);
  const [draft, setDraft] = useState(section.content);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const latest = useRef(draft);
  const isDirty = !sameContent(draft, base.content);

  // A newer version saved elsewhere (seen on a reload of the report) replaces an untouched draft.
  if (section.version > base.version && !isDirty && state.kind !== 'conflict' && state.kind !== 'saving') {
    setBase(section);
    setDraft(section.content);
  }
  // The handlers read the latest draft from here: two changes can come before a re-render.
  useEffect(() => {
    latest.current = draft;
  }, [draft]);

  const article = section.article;
  useEffect(() => {
    onDirtyChange(article, isDirty);
  }, [article, isDirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(article, false), [article, onDirtyChange]);
  // Leaving the page with unsaved changes: the browser asks the user to stay.
  useEffect(() => {
    if (!isDirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isDirty]);

  function change(next: SectionContent) {
    latest.current = next;
    setDraft(next);
    if (state.kind === 'saved' || state.kind === 'taken') setState({ kind: 'idle' });
  }

  async function save(version: number) {
    const sent = cleanContent(latest.current);
    setState({ kind: 'saving' });
    try {
      const { section: saved } = await saveSection(reviewId, article, { content: sent, version });
      setBase(saved);
      // Text typed while the save was on its way stays, still unsaved.
      if (sameContent(latest.current, sent)) {
        latest.current = saved.content;
        setDraft(saved.content);
      }
      store(saved);
      setState({ kind: 'saved' });
    } catch (error) {
      if (isApiError(error) && error.status === 409) setState({ kind: 'conflict', theirs: (error.problem.current as SectionDto | null | undefined) ?? null });
      else setState({ kind: 'error', error });
    }
  }

  function takeTheirs(theirs: SectionDto | null) {
    const next = theirs ?? { ...base, version: 0 };
    setBase(next);
    latest.current = next.content;
    setDraft(next.content);
    if (theirs) store(theirs);
    setState({ kind: 'taken' });
  }

  const status =
    state.kind === 'saving'
      ? t('report.editor.saving')
      : isDirty
        ? t('report.editor.unsaved')
        : state.kind === 'saved'
          ? t('report.editor.saved')
          : state.kind === 'taken'
            ? t('report.editor.taken')
            : '';

  return (
    <Stack gap="md">
      {PROSE_FIELDS.map((field) => (
        <RichTextField
          key={field}
          label={t('report.editor.fieldFor', { field: proseFieldLabel(t, field), article: articleLabel })}
          value={draft[field]}
          onChange={(html) => change({ ...latest.current, [field]: html })}
        />
      ))}
      <TextItems
        legend={t('report.fields.recommendations')}
        items={draft.recommendations}
        itemLabel={(n) => t('report.editor.recommendation', { n, article: articleLabel })}
        removeLabel={(n) => t('report.editor.removeRecommendation', { n, article: articleLabel })}
        addLabel={t('report.editor.addRecommendation')}
        addAriaLabel={t('report.editor.addRecommendationTo', { article: articleLabel })}
        onChange={(recommendations) => change({ ...latest.current, recommendations })}
      />
      <TextItems
        legend={t('report.fields.goodPractices')}
        items={draft.goodPractices}
        itemLabel={(n) => t('report.editor.goodPractice', { n, article: articleLabel })}
        removeLabel={(n) => t('report.editor.removeGoodPractice', { n, article: articleLabel })}
        addLabel={t('report.editor.addGoodPractice')}
        addAriaLabel={t('report.editor.addGoodPracticeTo', { article: articleLabel })}
        onChange={(goodPractices) => change({ ...latest.current, goodPractices })}
      />
      <NeedItems articleLabel={articleLabel} items={draft.needs} onChange={(needs) => change({ ...latest.current, needs })} />

      <Group gap="sm" align="center">
        <Button onClick={() => void save(base.version)} disabled={!isDirty || state.kind === 'conflict'} loading={state.kind === 'saving'} aria-label={t('report.editor.saveFor', { article: articleLabel })}>
          {t('report.editor.save')}
        </Button>
        <Text size="sm" c={isDirty ? undefined : 'dimmed'} fw={isDirty ? 600 : undefined} role="status" aria-live="polite" data-testid="section-save-status">
          {status}
        </Text>
      </Group>
      {state.kind === 'error' ? (
        <Alert color="red" variant="light" role="alert">
          <Text size="sm">{errorMessage(state.error)}</Text>
        </Alert>
      ) : null}
      {state.kind === 'conflict' ? (
        <SectionConflict
          mine={draft}
          theirs={state.theirs}
          onKeepMine={() => void save(state.theirs?.version ?? 0)}
          onTakeTheirs={() => takeTheirs(state.theirs)}
        />
      ) : null}
    </Stack>
  );
}

function TextItems({
  legend,
  items,
  itemLabel,
  removeLabel,
  addLabel,
  addAriaLabel,
  onChange,
}: {
  legend: string;
  items: { text: string }[];
  itemLabel: (n: number) => string;
  removeLabel: (n: number) => string;
  addLabel: string;
  addAriaLabel: string;
  onChange: (items: { text: string }[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Fieldset legend={legend} variant="filled" p="sm">
      <Stack gap="xs">
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('report.editor.noItems')}
          </Text>
        ) : null}
        {items.map((item, i) => (
          <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
            <Textarea
              flex={1}
              label={itemLabel(i + 1)}
              autosize
              minRows={1}
              maxRows={8}
              value={item.text}
              onChange={(event) => {
                const text = event.currentTarget.value;
                onChange(items.map((it, j) => (j === i ? { text } : it)));
              }}
            />
            <Button size="xs" variant="subtle" color="red.9" aria-label={removeLabel(i + 1)} onClick={() => onChange(items.filter((_, j) => j !== i))}>
              {t('report.editor.remove')}
            </Button>
          </Group>
        ))}
        <Group>
          <Button size="xs" variant="light" aria-label={addAriaLabel} onClick={() => onChange([...items, { text: '' }])}>
            {addLabel}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

function NeedItems({ articleLabel, items, onChange }: { articleLabel: string; items: SectionContent['needs']; onChange: (items: SectionContent['needs']) => void }) {
  const { t } = useTranslation();
  const types = ASSISTANCE_TYPES.map((type) => ({ value: type, label: assistanceTypeLabel(t, type) }));
  return (
    <Fieldset legend={t('report.fields.needs')} variant="filled" p="sm">
      <Stack gap="xs">
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('report.editor.noItems')}
          </Text>
        ) : null}
        {items.map((item, i) => (
          <Group key={i} gap="xs" align="flex-end" wrap="wrap">
            <NativeSelect
              label={t('report.editor.needType', { n: i + 1, article: articleLabel })}
              value={item.type}
              data={types}
              onChange={(event) => {
                const type = event.currentTarget.value as AssistanceType;
                onChange(items.map((it, j) => (j === i ? { ...it, type } : it)));
              }}
            />
            <Textarea
              flex={1}
              miw={240}
              label={t('report.editor.needText', { n: i + 1, article: articleLabel })}
              autosize
              minRows={1}
              maxRows={8}
              value={item.text}
              onChange={(event) => {
                const text = event.currentTarget.value;
                onChange(items.map((it, j) => (j === i ? { ...it, text } : it)));
              }}
            />
            <Button size="xs" variant="subtle" color="red.9" aria-label={t('report.editor.removeNeed', { n: i + 1, article: articleLabel })} onClick={() => onChange(items.filter((_, j) => j !== i))}>
              {t('report.editor.remove')}
            </Button>
          </Group>
        ))}
        <Group>
          <Button
            size="xs"
            variant="light"
            aria-label={t('report.editor.addNeedTo', { article: articleLabel })}
            onClick={() => onChange([...items, { type: 'capacity-building', text: '' }])}
          >
            {t('report.editor.addNeed')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** Both versions side by side, as for a checklist answer; the user's own stays until they choose. */
function SectionConflict({ mine, theirs, onKeepMine, onTakeTheirs }: { mine: SectionContent; theirs: SectionDto | null; onKeepMine: () => void; onTakeTheirs: () => void }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <Alert color="orange" variant="light" role="alert" title={t('report.conflict.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('report.conflict.explain')}</Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Paper withBorder p="sm" radius="sm" component="section" aria-label={t('report.conflict.mine')}>
            <Title order={4} size="h6" mb={4}>
              {t('report.conflict.mine')}
            </Title>
            <SectionContentView content={cleanContent(mine)} headingOrder={5} />
          </Paper>
          <Paper withBorder p="sm" radius="sm" component="section" aria-label={t('report.conflict.theirs')}>
            <Title order={4} size="h6" mb={4}>
              {t('report.conflict.theirs')}
            </Title>
            {theirs ? (
              <>
                {theirs.updatedBy && theirs.updatedAt ? (
                  <Text size="xs" c="dimmed" mb={4}>
                    {t('report.savedBy', { who: theirs.updatedBy, at: f.dateTimeUtc(theirs.updatedAt) })}
                  </Text>
                ) : null}
                <SectionContentView content={theirs.content} headingOrder={5} />
              </>
            ) : (
              <Box>
                <Text size="sm">{t('report.conflict.none')}</Text>
              </Box>
            )}
          </Paper>
        </SimpleGrid>
        <Group gap="sm">
          <Button size="sm" onClick={onKeepMine}>
            {t('report.conflict.keepMine')}
          </Button>
          <Button size="sm" variant="default" onClick={onTakeTheirs}>
            {t('report.conflict.takeTheirs')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
