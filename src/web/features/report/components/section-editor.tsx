import { Alert, Button, Fieldset, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSISTANCE_TYPES, type AssistanceType } from '../../../../domain/reviews/checklist.ts';
import { useErrorMessage } from '../../../components/ui/problem-message.tsx';
import { SaveBar, useSavedDraft } from '../../../components/ui/saved-draft.tsx';
import { VersionConflict } from '../../../components/ui/version-conflict.tsx';
import { assistanceTypeLabel } from '../../checklist/components/checklist-labels.ts';
import { RichTextField } from '../../checklist/components/rich-text-editor.tsx';
import { saveSection, useStoreSection, type SectionContent, type SectionDto } from '../api/report.ts';
import { proseFieldLabel } from './report-labels.ts';
import { PROSE_FIELDS, SectionContentView } from './section-content-view.tsx';

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
  const article = section.article;
  const editor = useSavedDraft<SectionDto, SectionContent>({
    stored: section,
    draftOf: (s) => s.content,
    same: sameContent,
    send: async (content, version) => (await saveSection(reviewId, article, { content: cleanContent(content), version })).section,
    theirsOf: (current) => (current as SectionDto | null | undefined) ?? null,
    onStored: store,
  });
  const { draft, isDirty, state, edit } = editor;

  useEffect(() => {
    onDirtyChange(article, isDirty);
  }, [article, isDirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(article, false), [article, onDirtyChange]);

  return (
    <Stack gap="md">
      {PROSE_FIELDS.map((field) => (
        <RichTextField
          key={field}
          label={t('report.editor.fieldFor', { field: proseFieldLabel(t, field), article: articleLabel })}
          value={draft[field]}
          onChange={(html) => edit({ [field]: html })}
        />
      ))}
      <TextItems
        legend={t('report.fields.recommendations')}
        items={draft.recommendations}
        itemLabel={(n) => t('report.editor.recommendation', { n, article: articleLabel })}
        removeLabel={(n) => t('report.editor.removeRecommendation', { n, article: articleLabel })}
        addLabel={t('report.editor.addRecommendation')}
        addAriaLabel={t('report.editor.addRecommendationTo', { article: articleLabel })}
        onChange={(recommendations) => edit({ recommendations })}
      />
      <TextItems
        legend={t('report.fields.goodPractices')}
        items={draft.goodPractices}
        itemLabel={(n) => t('report.editor.goodPractice', { n, article: articleLabel })}
        removeLabel={(n) => t('report.editor.removeGoodPractice', { n, article: articleLabel })}
        addLabel={t('report.editor.addGoodPractice')}
        addAriaLabel={t('report.editor.addGoodPracticeTo', { article: articleLabel })}
        onChange={(goodPractices) => edit({ goodPractices })}
      />
      <NeedItems articleLabel={articleLabel} items={draft.needs} onChange={(needs) => edit({ needs })} />

      <SaveBar
        draft={editor}
        label={t('report.editor.save')}
        ariaLabel={t('report.editor.saveFor', { article: articleLabel })}
        statusTestId="section-save-status"
        words={{ saving: t('report.editor.saving'), unsaved: t('report.editor.unsaved'), saved: t('report.editor.saved'), taken: t('report.editor.taken') }}
      />
      {state.kind === 'error' ? (
        <Alert color="red" variant="light" role="alert">
          <Text size="sm">{errorMessage(state.error)}</Text>
        </Alert>
      ) : null}
      {state.kind === 'conflict' ? (
        // Both versions side by side, as for a checklist answer; the user's own stays until they choose.
        <VersionConflict
          words={{
            title: t('report.conflict.title'),
            explain: t('report.conflict.explain'),
            mine: t('report.conflict.mine'),
            theirs: t('report.conflict.theirs'),
            none: t('report.conflict.none'),
            keepMine: t('report.conflict.keepMine'),
            takeTheirs: t('report.conflict.takeTheirs'),
            savedBy: (who, at) => t('report.savedBy', { who, at }),
          }}
          mine={<SectionContentView content={cleanContent(draft)} headingOrder={5} />}
          theirs={state.theirs ? { ...state.theirs, content: <SectionContentView content={state.theirs.content} headingOrder={5} /> } : null}
          onKeepMine={editor.keepMine}
          onTakeTheirs={editor.takeTheirs}
        />
      ) : null}
    </Stack>
  );
}

/**
 * The editor of a list of items (recommendations, good practices, needs): each item's
 * fields with a Remove button, a line when there are none, and an Add button. The lists
 * differ only in their fields and words.
 */
function ItemList<T extends object>({
  legend,
  items,
  wrap,
  fields,
  removeLabel,
  addLabel,
  addAriaLabel,
  newItem,
  onChange,
}: {
  legend: string;
  items: T[];
  wrap: 'wrap' | 'nowrap';
  /** The fields of the item numbered n (from 1); `update` changes some of them. */
  fields: (item: T, n: number, update: (patch: Partial<T>) => void) => ReactNode;
  removeLabel: (n: number) => string;
  addLabel: string;
  addAriaLabel: string;
  newItem: () => T;
  onChange: (items: T[]) => void;
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
          <Group key={i} gap="xs" align="flex-end" wrap={wrap}>
            {fields(item, i + 1, (patch) => onChange(items.map((it, j) => (j === i ? { ...it, ...patch } : it))))}
            <Button size="xs" variant="subtle" color="red.9" aria-label={removeLabel(i + 1)} onClick={() => onChange(items.filter((_, j) => j !== i))}>
              {t('report.editor.remove')}
            </Button>
          </Group>
        ))}
        <Group>
          <Button size="xs" variant="light" aria-label={addAriaLabel} onClick={() => onChange([...items, newItem()])}>
            {addLabel}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

function TextItems({
  itemLabel,
  ...list
}: {
  legend: string;
  items: { text: string }[];
  itemLabel: (n: number) => string;
  removeLabel: (n: number) => string;
  addLabel: string;
  addAriaLabel: string;
  onChange: (items: { text: string }[]) => void;
}) {
  return (
    <ItemList
      {...list}
      wrap="nowrap"
      newItem={() => ({ text: '' })}
      fields={(item, n, update) => (
        <Textarea flex={1} label={itemLabel(n)} autosize minRows={1} maxRows={8} value={item.text} onChange={(event) => update({ text: event.currentTarget.value })} />
      )}
    />
  );
}

function NeedItems({ articleLabel, items, onChange }: { articleLabel: string; items: SectionContent['needs']; onChange: (items: SectionContent['needs']) => void }) {
  const { t } = useTranslation();
  const types = ASSISTANCE_TYPES.map((type) => ({ value: type, label: assistanceTypeLabel(t, type) }));
  return (
    <ItemList<SectionContent['needs'][number]>
      legend={t('report.fields.needs')}
      items={items}
      wrap="wrap"
      removeLabel={(n) => t('report.editor.removeNeed', { n, article: articleLabel })}
      addLabel={t('report.editor.addNeed')}
      addAriaLabel={t('report.editor.addNeedTo', { article: articleLabel })}
      newItem={() => ({ type: 'capacity-building', text: '' })}
      onChange={onChange}
      fields={(item, n, update) => (
        <>
          <NativeSelect
            label={t('report.editor.needType', { n, article: articleLabel })}
            value={item.type}
            data={types}
            onChange={(event) => update({ type: event.currentTarget.value as AssistanceType })}
          />
          <Textarea
            flex={1}
            miw={240}
            label={t('report.editor.needText', { n, article: articleLabel })}
            autosize
            minRows={1}
            maxRows={8}
            value={item.text}
            onChange={(event) => update({ text: event.currentTarget.value })}
          />
        </>
      )}
    />
  );
}
