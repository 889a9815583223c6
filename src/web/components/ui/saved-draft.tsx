import { Button, Group, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { isApiError } from '../../lib/api-client.ts';

export type DraftState<S> =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'taken' }
  | { kind: 'error'; error: unknown }
  | { kind: 'conflict'; theirs: S | null };

export interface SavedDraft<S, D> {
  draft: D;
  base: S;
  isDirty: boolean;
  state: DraftState<S>;
  /** The draft as last typed: handlers read it here, as two changes can come before a re-render. */
  latest: { readonly current: D };
  edit: (patch: Partial<D>) => void;
  /** Saves the draft as a new version of the one it started from. */
  save: () => Promise<void>;
  /** After a conflict: saves the user's draft over the stored version. */
  keepMine: () => void;
  /** After a conflict: drops the user's draft for the stored version. */
  takeTheirs: () => void;
}

/**
 * A text saved whole, when the user presses Save, as a new version of the one it started
 * from: a report section, the summary's original and each language version. The three had
 * the same state machine written out three times (unsaved / saving / saved, a 409 that
 * keeps the user's draft until they keep it or take the stored one, text typed during a save
 * kept, a newer stored version taking the place of an untouched draft, the browser asking
 * before leaving unsaved changes); this hook is that machine once. The checklist's answers
 * save themselves after a pause and keep their own.
 *
 * @param stored the version last known to be stored (a newer one replaces an untouched draft)
 * @param draftOf what the user edits of a stored version
 * @param same whether two drafts would be saved alike
 * @param send saves a draft over a version; resolves to the new stored version (null: saved,
 * but not returned) and rejects with the API's error
 * @param theirsOf the stored version a 409 carries, if any
 * @param onStored told of every stored version the draft now stands on (saved or taken)
 */
export function useSavedDraft<S extends { version: number }, D extends object>({
  stored,
  draftOf,
  same,
  send,
  theirsOf,
  onStored,
}: {
  stored: S;
  draftOf: (stored: S) => D;
  same: (a: D, b: D) => boolean;
  send: (draft: D, version: number) => Promise<S | null>;
  theirsOf: (current: unknown) => S | null;
  onStored?: (stored: S) => void;
}): SavedDraft<S, D> {
  const [base, setBase] = useState(stored);
  const [draft, setDraft] = useState(() => draftOf(stored));
  const [state, setState] = useState<DraftState<S>>({ kind: 'idle' });
  const latest = useRef(draft);
  const isDirty = !same(draft, draftOf(base));

  // A newer version saved elsewhere (seen on a reload) replaces an untouched draft.
  if (stored.version > base.version && !isDirty && state.kind !== 'conflict' && state.kind !== 'saving') {
    setBase(stored);
    setDraft(draftOf(stored));
  }
  useEffect(() => {
    latest.current = draft;
  }, [draft]);
  // Leaving the page with unsaved changes: the browser asks the user to stay.
  useEffect(() => {
    if (!isDirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isDirty]);

  function replaceDraft(next: D) {
    latest.current = next;
    setDraft(next);
  }

  function edit(patch: Partial<D>) {
    replaceDraft({ ...latest.current, ...patch });
    setState((s) => (s.kind === 'saved' || s.kind === 'taken' ? { kind: 'idle' } : s));
  }

  async function saveOver(version: number) {
    const sent = latest.current;
    setState({ kind: 'saving' });
    try {
      const saved = await send(sent, version);
      if (saved) {
        setBase(saved);
        // Text typed while the save was on its way stays, still unsaved.
        if (same(latest.current, sent)) replaceDraft(draftOf(saved));
        onStored?.(saved);
      }
      setState({ kind: 'saved' });
    } catch (error) {
      if (isApiError(error) && error.status === 409) setState({ kind: 'conflict', theirs: theirsOf(error.problem.current) });
      else setState({ kind: 'error', error });
    }
  }

  function takeTheirs() {
    if (state.kind !== 'conflict') return;
    const { theirs } = state;
    const next = theirs ?? { ...base, version: 0 };
    setBase(next);
    replaceDraft(draftOf(next));
    if (theirs) onStored?.(theirs);
    setState({ kind: 'taken' });
  }

  return {
    draft,
    base,
    isDirty,
    state,
    latest,
    edit,
    save: () => saveOver(base.version),
    keepMine: () => {
      if (state.kind === 'conflict') void saveOver(state.theirs?.version ?? 0);
    },
    takeTheirs,
  };
}

/** The Save button of a {@link useSavedDraft} draft and the status beside it, read out as it changes. */
export function SaveBar({
  draft,
  label,
  ariaLabel,
  statusTestId,
  words,
}: {
  draft: { state: DraftState<unknown>; isDirty: boolean; save: () => Promise<void> };
  label: string;
  ariaLabel?: string;
  statusTestId?: string;
  /** `taken`: after taking the stored version over one's own (nothing said when absent). */
  words: { saving: string; unsaved: string; saved: string; taken?: string };
}) {
  const { state, isDirty } = draft;
  const status =
    state.kind === 'saving' ? words.saving : isDirty ? words.unsaved : state.kind === 'saved' ? words.saved : state.kind === 'taken' ? (words.taken ?? '') : '';
  return (
    <Group gap="sm" align="center">
      <Button onClick={() => void draft.save()} disabled={!isDirty || state.kind === 'conflict'} loading={state.kind === 'saving'} aria-label={ariaLabel}>
        {label}
      </Button>
      <Text size="sm" c={isDirty ? undefined : 'dimmed'} fw={isDirty ? 600 : undefined} role="status" aria-live="polite" data-testid={statusTestId}>
        {status}
      </Text>
    </Group>
  );
}
