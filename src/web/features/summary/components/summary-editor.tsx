import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { SaveBar, useSavedDraft } from '../../../components/ui/saved-draft.tsx';
import { RichTextField } from '../../checklist/components/rich-text-editor.tsx';
import { getPrefill, useSaveSummary, type SummaryResponse } from '../api/summary.ts';
import { TextConflict } from './text-conflict.tsx';

interface Stored {
  text: string;
  symbol: string;
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
}

const storedOf = (s: SummaryResponse): Stored => ({ text: s.text, symbol: s.symbol, version: s.version, updatedBy: s.updatedBy, updatedAt: s.updatedAt });

/** Whether an HTML text has any words (an editor left with empty paragraphs has none). */
export function hasWords(html: string): boolean {
  return html.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').trim() !== '';
}

/**
 * The original text of the executive summary and its document symbol, saved with the
 * version they started from; a first draft can be pre-filled from the report.
 */
export function SummaryEditor({ reviewId, summary, onDirtyChange }: { reviewId: string; summary: SummaryResponse; onDirtyChange: (dirty: boolean) => void }) {
  const { t } = useTranslation();
  const save = useSaveSummary(reviewId);
  const editor = useSavedDraft<Stored, { text: string; symbol: string }>({
    stored: storedOf(summary),
    draftOf: (s) => ({ text: s.text, symbol: s.symbol }),
    same: (a, b) => a.text === b.text && a.symbol === b.symbol,
    send: async (draft, version) => storedOf(await save.mutateAsync({ ...draft, version })),
    theirsOf: (current) => (current ? storedOf(current as SummaryResponse) : null),
  });
  const { draft, isDirty, state, edit, latest } = editor;
  const { text, symbol } = draft;
  const [prefill, setPrefill] = useState<{ kind: 'idle' } | { kind: 'asking' } | { kind: 'loading' } | { kind: 'error'; error: unknown }>({ kind: 'idle' });

  useEffect(() => onDirtyChange(isDirty), [isDirty, onDirtyChange]);

  async function runPrefill() {
    setPrefill({ kind: 'loading' });
    try {
      const { text: filled } = await getPrefill(reviewId);
      edit({ text: filled });
      setPrefill({ kind: 'idle' });
    } catch (error) {
      setPrefill({ kind: 'error', error });
    }
  }

  return (
    <Stack gap="md">
      <TextInput
        label={t('summary.editor.symbol')}
        description={t('summary.editor.symbolHint')}
        value={symbol}
        dir="ltr"
        onChange={(event) => edit({ symbol: event.currentTarget.value })}
        maw={420}
      />
      <Group gap="sm" align="center">
        <Button variant="light" size="sm" loading={prefill.kind === 'loading'} onClick={() => (hasWords(latest.current.text) ? setPrefill({ kind: 'asking' }) : void runPrefill())}>
          {t('summary.prefill.button')}
        </Button>
        <Text size="xs" c="dimmed" maw={560}>
          {t('summary.prefill.hint')}
        </Text>
      </Group>
      {prefill.kind === 'error' ? <ProblemAlert error={prefill.error} title={t('summary.prefill.error')} /> : null}
      <RichTextField label={t('summary.editor.text')} value={text} onChange={(html) => edit({ text: html })} lang="en" dir="ltr" />
      <SaveBar draft={editor} label={t('summary.editor.save')} words={{ saving: t('summary.editor.saving'), unsaved: t('summary.editor.unsaved'), saved: t('summary.editor.saved') }} />
      {state.kind === 'error' ? <ProblemAlert error={state.error} /> : null}
      {state.kind === 'conflict' ? <TextConflict mine={text} theirs={state.theirs} language="en" onKeepMine={editor.keepMine} onTakeTheirs={editor.takeTheirs} /> : null}
      {state.kind === 'conflict' && state.theirs && state.theirs.symbol !== symbol ? (
        <Alert variant="light" color="orange">
          {t('summary.conflict.symbol', { mine: symbol || '—', theirs: state.theirs.symbol || '—' })}
        </Alert>
      ) : null}
      <Modal
        opened={prefill.kind === 'asking'}
        onClose={() => setPrefill({ kind: 'idle' })}
        title={t('summary.prefill.confirmTitle')}
        closeButtonProps={{ 'aria-label': t('actions.close') }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('summary.prefill.confirmText')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setPrefill({ kind: 'idle' })}>
              {t('actions.cancel')}
            </Button>
            <Button onClick={() => void runPrefill()}>
              {t('summary.prefill.replace')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
