import { Alert, Box, Button, Checkbox, Group, SegmentedControl, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSISTANCE_TYPES, type AssistanceType, type ChecklistFormat, type Compliance } from '../../../../domain/reviews/checklist.ts';
import { useErrorMessage } from '../../../components/ui/problem-message.tsx';
import { VersionConflict } from '../../../components/ui/version-conflict.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { saveAnswer, useStoreAnswer, type AnswerDto } from '../api/checklist.ts';
import { assistanceTypeLabel, complianceLabel } from './checklist-labels.ts';
import { RichTextField } from './rich-text-editor.tsx';
import { RichTextView } from './rich-text-view.tsx';

/** How long typing must pause before the answer is saved. */
export const AUTOSAVE_DELAY_MS = 1500;

interface Draft {
  compliance: Compliance | null;
  text: string;
  types: AssistanceType[];
  needsText: string;
}

type SaveState = { kind: 'idle' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; error: unknown } | { kind: 'conflict'; theirs: AnswerDto | null };

function draftOf(answer: AnswerDto | null): Draft {
  return {
    compliance: answer?.compliance ?? null,
    text: answer?.text ?? '',
    types: (answer?.assistanceNeeds.types ?? []) as AssistanceType[],
    needsText: answer?.assistanceNeeds.text ?? '',
  };
}

/**
 * The editor of one answer. Each change is saved after a short pause; a save that meets a
 * newer answer (409) shows both versions and keeps the user's text until they choose.
 */
export function AnswerEditor({
  reviewId,
  provisionId,
  provisionLabel,
  format,
  answer,
  onDirtyChange,
}: {
  reviewId: string;
  provisionId: string;
  provisionLabel: string;
  format: ChecklistFormat;
  answer: AnswerDto | null;
  onDirtyChange: (provisionId: string, dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const storeAnswer = useStoreAnswer(reviewId);
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(answer));
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const version = useRef(answer?.version ?? 0);
  const latest = useRef(draft);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  const again = useRef(false);
  const conflicted = useRef(false);

  const flush = useRef<(keepalive: boolean) => void>(() => {});
  useEffect(() => {
    flush.current = (keepalive) => void save(keepalive);
  });
  // Leaving the view before the pause is over still saves what was typed.
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        timer.current = null;
        flush.current(false);
      }
    },
    [],
  );
  // Closing or reloading the tab during the pause: the save starts at once and may outlive
  // the page, and the browser asks the user to stay until it is done.
  useEffect(() => {
    function onBeforeUnload(event: BeforeUnloadEvent) {
      if (!timer.current && !inFlight.current) return;
      if (timer.current) {
        clearTimeout(timer.current);
        timer.current = null;
        flush.current(true);
      }
      event.preventDefault();
    }
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  async function save(keepalive = false) {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    setState({ kind: 'saving' });
    const d = latest.current;
    try {
      const { answer: saved } = await saveAnswer(reviewId, provisionId, {
        ...(format === 'structured' ? { compliance: d.compliance } : {}),
        text: d.text,
        assistanceNeeds: { types: d.types, text: d.needsText },
        version: version.current,
      }, { keepalive });
      version.current = saved.version;
      storeAnswer(provisionId, saved);
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        void save();
        return;
      }
      setState({ kind: 'saved' });
      onDirtyChange(provisionId, false);
    } catch (error) {
      inFlight.current = false;
      again.current = false;
      if (isApiError(error) && error.status === 409) {
        conflicted.current = true;
        setState({ kind: 'conflict', theirs: (error.problem.current as AnswerDto | null | undefined) ?? null });
      } else {
        setState({ kind: 'error', error });
      }
    }
  }

  function change(patch: Partial<Draft>) {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setDraft(next);
    onDirtyChange(provisionId, true);
    if (conflicted.current) return; // Nothing is saved until the user has chosen a version.
    if (!inFlight.current) setState({ kind: 'pending' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void save();
    }, AUTOSAVE_DELAY_MS);
  }

  function keepMine(theirs: AnswerDto | null) {
    conflicted.current = false;
    version.current = theirs?.version ?? 0;
    void save();
  }

  function takeTheirs(theirs: AnswerDto | null) {
    conflicted.current = false;
    version.current = theirs?.version ?? 0;
    const next = draftOf(theirs);
    latest.current = next;
    setDraft(next);
    storeAnswer(provisionId, theirs);
    setState({ kind: 'saved' });
    onDirtyChange(provisionId, false);
  }

  return (
    <Stack gap="sm">
      {format === 'structured' ? (
        <Box>
          <Text id={`${id}-compliance`} size="sm" fw={500} mb={4}>
            {t('checklist.answer.compliance')}
          </Text>
          <SegmentedControl
            aria-labelledby={`${id}-compliance`}
            value={draft.compliance ?? ''}
            onChange={(value) => change({ compliance: (value || null) as Compliance | null })}
            data={[
              { value: 'yes', label: complianceLabel(t, 'yes') },
              { value: 'partially', label: complianceLabel(t, 'partially') },
              { value: 'no', label: complianceLabel(t, 'no') },
            ]}
          />
        </Box>
      ) : null}
      <RichTextField label={t('checklist.answer.textLabel', { provision: provisionLabel })} value={draft.text} onChange={(text) => change({ text })} />
      {format === 'structured' ? (
        <Checkbox.Group
          label={t('checklist.answer.assistanceTypes')}
          value={draft.types}
          onChange={(types) => change({ types: types as AssistanceType[] })}
        >
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing={4} mt={4}>
            {ASSISTANCE_TYPES.map((type) => (
              <Checkbox key={type} value={type} label={assistanceTypeLabel(t, type)} size="sm" />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      ) : null}
      <Textarea
        label={t('checklist.answer.assistanceText')}
        autosize
        minRows={1}
        maxRows={6}
        value={draft.needsText}
        onChange={(event) => change({ needsText: event.currentTarget.value })}
      />
      <SaveStatus state={state} />
      {state.kind === 'error' ? (
        <Alert color="red" variant="light" role="alert">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{errorMessage(state.error)}</Text>
            <Button size="xs" variant="light" onClick={() => void save()}>
              {t('actions.tryAgain')}
            </Button>
          </Group>
        </Alert>
      ) : null}
      {state.kind === 'conflict' ? (
        <ConflictView mine={draft} theirs={state.theirs} format={format} onKeepMine={() => keepMine(state.theirs)} onTakeTheirs={() => takeTheirs(state.theirs)} />
      ) : null}
    </Stack>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  const text =
    state.kind === 'pending' ? t('checklist.answer.pending') : state.kind === 'saving' ? t('checklist.answer.saving') : state.kind === 'saved' ? t('checklist.answer.saved') : '';
  return (
    <Text size="sm" c="dimmed" role="status" aria-live="polite" mih="1.5em">
      {text}
    </Text>
  );
}

function AnswerText({ compliance, text, format }: { compliance: Compliance | null; text: string; format: ChecklistFormat }) {
  const { t } = useTranslation();
  return (
    <>
      {format === 'structured' ? <Text size="sm" fw={600}>{compliance ? complianceLabel(t, compliance) : '—'}</Text> : null}
      <RichTextView html={text} />
    </>
  );
}

/** Both versions side by side; the user's own stays on screen until they choose. */
export function ConflictView({
  mine,
  theirs,
  format,
  onKeepMine,
  onTakeTheirs,
}: {
  mine: Draft;
  theirs: AnswerDto | null;
  format: ChecklistFormat;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t } = useTranslation();
  return (
    <VersionConflict
      words={{
        title: t('checklist.conflict.title'),
        explain: t('checklist.conflict.explain'),
        mine: t('checklist.conflict.mine'),
        theirs: t('checklist.conflict.theirs'),
        none: t('checklist.conflict.deleted'),
        keepMine: t('checklist.conflict.keepMine'),
        takeTheirs: t('checklist.conflict.takeTheirs'),
        savedBy: (who, at) => t('checklist.conflict.savedBy', { who, at }),
      }}
      mine={<AnswerText compliance={mine.compliance} text={mine.text} format={format} />}
      theirs={theirs ? { ...theirs, content: <AnswerText compliance={theirs.compliance} text={theirs.text} format={format} /> } : null}
      onKeepMine={onKeepMine}
      onTakeTheirs={onTakeTheirs}
    />
  );
}
