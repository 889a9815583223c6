import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { isApiError } from '../../../lib/api-client.ts';
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
  const [base, setBase] = useState<Stored>(() => storedOf(summary));
  const [text, setText] = useState(summary.text);
  const [symbol, setSymbol] = useState(summary.symbol);
  const [conflict, setConflict] = useState<{ theirs: Stored | null } | null>(null);
  const [saved, setSaved] = useState(false);
  const [prefill, setPrefill] = useState<{ kind: 'idle' } | { kind: 'asking' } | { kind: 'loading' } | { kind: 'error'; error: unknown }>({ kind: 'idle' });
  const latest = useRef({ text, symbol });
  const isDirty = text !== base.text || symbol !== base.symbol;

  // A newer version saved elsewhere replaces an untouched draft.
  if (summary.version > base.version && !isDirty && !conflict && !save.isPending) {
    setBase(storedOf(summary));
    setText(summary.text);
    setSymbol(summary.symbol);
  }
  useEffect(() => {
    latest.current = { text, symbol };
  }, [text, symbol]);

  useEffect(() => onDirtyChange(isDirty), [isDirty, onDirtyChange]);
  useEffect(() => {
    if (!isDirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isDirty]);

  function edit(next: { text?: string; symbol?: string }) {
    latest.current = { ...latest.current, ...next };
    if (next.text !== undefined) setText(next.text);
    if (next.symbol !== undefined) setSymbol(next.symbol);
    setSaved(false);
  }

  function doSave(version: number) {
    const sent = { ...latest.current };
    setConflict(null);
    save.mutate(
      { text: sent.text, symbol: sent.symbol, version },
      {
        onSuccess: (stored) => {
          setBase(storedOf(stored));
          if (latest.current.text === sent.text && latest.current.symbol === sent.symbol) {
            latest.current = { text: stored.text, symbol: stored.symbol };
            setText(stored.text);
            setSymbol(stored.symbol);
          }
          setSaved(true);
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            const current = error.problem.current as SummaryResponse | undefined;
            setConflict({ theirs: current ? storedOf(current) : null });
          }
        },
      },
    );
  }

  function takeTheirs(theirs: Stored | null) {
    const next = theirs ?? { ...base, version: 0 };
    setBase(next);
    latest.current = { text: next.text, symbol: next.symbol };
    setText(next.text);
    setSymbol(next.symbol);
    setConflict(null);
    save.reset();
  }

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

  const status = save.isPending ? t('summary.editor.saving') : isDirty ? t('summary.editor.unsaved') : saved ? t('summary.editor.saved') : '';
  const saveError = save.isError && !(isApiError(save.error) && save.error.status === 409) ? save.error : null;

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
      <Group gap="sm" align="center">
        <Button onClick={() => doSave(base.version)} loading={save.isPending} disabled={!isDirty || conflict !== null}>
          {t('summary.editor.save')}
        </Button>
        <Text size="sm" c={isDirty ? undefined : 'dimmed'} fw={isDirty ? 600 : undefined} role="status" aria-live="polite">
          {status}
        </Text>
      </Group>
      {saveError ? <ProblemAlert error={saveError} /> : null}
      {conflict ? (
        <TextConflict
          mine={text}
          theirs={conflict.theirs}
          language="en"
          onKeepMine={() => doSave(conflict.theirs?.version ?? 0)}
          onTakeTheirs={() => takeTheirs(conflict.theirs)}
        />
      ) : null}
      {conflict?.theirs && conflict.theirs.symbol !== symbol ? (
        <Alert variant="light" color="orange">
          {t('summary.conflict.symbol', { mine: symbol || '—', theirs: conflict.theirs.symbol || '—' })}
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
