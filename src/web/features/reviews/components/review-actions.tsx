import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DIALOGUE_TYPES, type DialogueType, type MilestoneKind } from '../../../../domain/reviews/milestones.ts';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { dialogueTypeLabel, milestoneLabel, reviewActorLabel } from '../../../i18n/labels.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { todayIso, useFormatters } from '../../../lib/format.ts';
import type { ReviewDetailDto } from '../api/get-reviews.ts';
import { useExtendDeadline, usePauseReview, useRecordMilestone, useResumeReview } from '../api/review-actions.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
type Dialog = 'milestone' | 'pause' | 'resume' | 'extension' | null;

/** The secretariat's writes on a review, each in its own dialog; the page shows the result. */
export function ReviewActions({ review, onDone }: { review: ReviewDetailDto; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Dialog>(null);
  const isPaused = review.pauses.some((p) => p.to === null);
  const extendable = review.timeline.filter((s) => s.status === 'due' || s.status === 'overdue' || s.status === 'upcoming');
  const started = review.timeline.some((s) => s.kind === 'started' && s.status === 'done');
  const close = () => setOpen(null);
  const done = (message: string) => {
    setOpen(null);
    onDone(message);
  };

  return (
    <>
      <Group gap="sm">
        <Button onClick={() => setOpen('milestone')} disabled={review.next.length === 0}>
          {t('reviews.actions.recordMilestone')}
        </Button>
        {isPaused ? (
          <Button variant="default" onClick={() => setOpen('resume')}>
            {t('reviews.actions.resume')}
          </Button>
        ) : (
          <Button variant="default" onClick={() => setOpen('pause')} disabled={!started || review.stage === 'completed'}>
            {t('reviews.actions.pause')}
          </Button>
        )}
        <Button variant="default" onClick={() => setOpen('extension')} disabled={!started || extendable.length === 0}>
          {t('reviews.actions.extend')}
        </Button>
      </Group>
      {open === 'milestone' ? <RecordMilestoneDialog review={review} onClose={close} onDone={done} /> : null}
      {open === 'pause' ? <PauseDialog review={review} onClose={close} onDone={done} /> : null}
      {open === 'resume' ? <ResumeDialog review={review} onClose={close} onDone={done} /> : null}
      {open === 'extension' ? <ExtensionDialog review={review} kinds={extendable.map((s) => s.kind)} onClose={close} onDone={done} /> : null}
    </>
  );
}

interface DialogProps {
  review: ReviewDetailDto;
  onClose: () => void;
  onDone: (message: string) => void;
}

/** A dialog with its form, the API's error in place, and a reload of the review after a version conflict. */
function ActionDialog({
  title,
  error,
  pending,
  submitLabel,
  onClose,
  onSubmit,
  reviewId,
  children,
}: {
  title: string;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onClose: () => void;
  onSubmit: () => void;
  reviewId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const isConflict = isApiError(error) && error.status === 409;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <Modal opened onClose={onClose} title={title} centered size="md" closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {error ? <ProblemAlert error={error} title={t('reviews.actions.failedTitle')} /> : null}
          {isConflict ? (
            <Button variant="light" size="xs" onClick={() => void queryClient.invalidateQueries({ queryKey: ['reviews', 'detail', reviewId] })}>
              {t('reviews.actions.reload')}
            </Button>
          ) : null}
          {children}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function RecordMilestoneDialog({ review, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const mutation = useRecordMilestone();
  const [kind, setKind] = useState<MilestoneKind>(review.next[0]?.kind ?? 'started');
  const [date, setDate] = useState('');
  const [dialogueType, setDialogueType] = useState<DialogueType | ''>('');
  const [errors, setErrors] = useState<{ date?: string; dialogueType?: string }>({});

  function submit() {
    const problems = {
      date: ISO_DATE.test(date) ? undefined : t('reviews.actions.dateRequired'),
      dialogueType: kind === 'dialogueHeld' && !dialogueType ? t('reviews.actions.dialogueTypeRequired') : undefined,
    };
    setErrors(problems);
    if (problems.date || problems.dialogueType) return;
    mutation.mutate(
      { id: review.id, kind, date, version: review.version, ...(kind === 'dialogueHeld' && dialogueType ? { dialogueType } : {}) },
      { onSuccess: () => onDone(t('reviews.actions.milestoneRecorded', { milestone: milestoneLabel(t, kind) })) },
    );
  }

  return (
    <ActionDialog
      title={t('reviews.actions.recordMilestoneTitle')}
      error={mutation.error}
      pending={mutation.isPending}
      submitLabel={t('reviews.actions.recordMilestoneSubmit')}
      onClose={onClose}
      onSubmit={submit}
      reviewId={review.id}
    >
      <NativeSelect
        label={t('reviews.actions.milestone')}
        description={t('reviews.actions.milestoneHint')}
        value={kind}
        onChange={(e) => setKind(e.currentTarget.value as MilestoneKind)}
        data={review.next.map((n) => ({ value: n.kind, label: `${milestoneLabel(t, n.kind)} (${reviewActorLabel(t, n.actor)})` }))}
        data-autofocus
      />
      <TextInput
        type="date"
        label={t('reviews.actions.date')}
        description={t('reviews.actions.dateHint')}
        required
        max={todayIso()}
        value={date}
        error={errors.date}
        onChange={(e) => setDate(e.currentTarget.value)}
      />
      {kind === 'dialogueHeld' ? (
        <NativeSelect
          label={t('reviews.actions.dialogueType')}
          required
          value={dialogueType}
          error={errors.dialogueType}
          onChange={(e) => setDialogueType(e.currentTarget.value as DialogueType | '')}
          data={[{ value: '', label: t('reviews.actions.chooseDialogueType') }, ...DIALOGUE_TYPES.map((d) => ({ value: d, label: dialogueTypeLabel(t, d) }))]}
        />
      ) : null}
    </ActionDialog>
  );
}

function PauseDialog({ review, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const mutation = usePauseReview();
  const [from, setFrom] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ from?: string; reason?: string }>({});

  function submit() {
    const problems = {
      from: ISO_DATE.test(from) ? undefined : t('reviews.actions.dateRequired'),
      reason: reason.trim() ? undefined : t('reviews.actions.reasonRequired'),
    };
    setErrors(problems);
    if (problems.from || problems.reason) return;
    mutation.mutate({ id: review.id, from, reason: reason.trim(), version: review.version }, { onSuccess: () => onDone(t('reviews.actions.paused')) });
  }

  return (
    <ActionDialog
      title={t('reviews.actions.pauseTitle')}
      error={mutation.error}
      pending={mutation.isPending}
      submitLabel={t('reviews.actions.pauseSubmit')}
      onClose={onClose}
      onSubmit={submit}
      reviewId={review.id}
    >
      <Text size="sm">{t('reviews.actions.pauseBody')}</Text>
      <TextInput type="date" label={t('reviews.actions.pauseFrom')} required max={todayIso()} value={from} error={errors.from} onChange={(e) => setFrom(e.currentTarget.value)} data-autofocus />
      <Textarea label={t('reviews.actions.reason')} description={t('reviews.actions.pauseReasonHint')} required autosize minRows={2} value={reason} error={errors.reason} onChange={(e) => setReason(e.currentTarget.value)} />
    </ActionDialog>
  );
}

function ResumeDialog({ review, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const mutation = useResumeReview();
  const [to, setTo] = useState('');
  const [error, setError] = useState<string | undefined>();
  const open = review.pauses.find((p) => p.to === null);

  function submit() {
    if (!ISO_DATE.test(to)) {
      setError(t('reviews.actions.dateRequired'));
      return;
    }
    setError(undefined);
    mutation.mutate({ id: review.id, to, version: review.version }, { onSuccess: () => onDone(t('reviews.actions.resumed')) });
  }

  return (
    <ActionDialog
      title={t('reviews.actions.resumeTitle')}
      error={mutation.error}
      pending={mutation.isPending}
      submitLabel={t('reviews.actions.resumeSubmit')}
      onClose={onClose}
      onSubmit={submit}
      reviewId={review.id}
    >
      <TextInput
        type="date"
        label={t('reviews.actions.resumeTo')}
        required
        min={open?.from}
        max={todayIso()}
        value={to}
        error={error}
        onChange={(e) => setTo(e.currentTarget.value)}
        data-autofocus
      />
    </ActionDialog>
  );
}

function ExtensionDialog({ review, kinds, onClose, onDone }: DialogProps & { kinds: MilestoneKind[] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const mutation = useExtendDeadline();
  const [milestone, setMilestone] = useState<MilestoneKind>(kinds[0] ?? 'started');
  const [newDueDate, setNewDueDate] = useState('');
  const [reason, setReason] = useState('');
  const [agreedBy, setAgreedBy] = useState('');
  const [errors, setErrors] = useState<{ newDueDate?: string; reason?: string; agreedBy?: string }>({});
  const current = review.timeline.find((s) => s.kind === milestone)?.dueDate ?? undefined;

  function submit() {
    const problems = {
      newDueDate: ISO_DATE.test(newDueDate) ? undefined : t('reviews.actions.dateRequired'),
      reason: reason.trim() ? undefined : t('reviews.actions.reasonRequired'),
      agreedBy: agreedBy.trim() ? undefined : t('reviews.actions.agreedByRequired'),
    };
    setErrors(problems);
    if (problems.newDueDate || problems.reason || problems.agreedBy) return;
    mutation.mutate(
      { id: review.id, milestone, newDueDate, reason: reason.trim(), agreedBy: agreedBy.trim(), version: review.version },
      { onSuccess: () => onDone(t('reviews.actions.extended', { milestone: milestoneLabel(t, milestone) })) },
    );
  }

  return (
    <ActionDialog
      title={t('reviews.actions.extendTitle')}
      error={mutation.error}
      pending={mutation.isPending}
      submitLabel={t('reviews.actions.extendSubmit')}
      onClose={onClose}
      onSubmit={submit}
      reviewId={review.id}
    >
      <NativeSelect
        label={t('reviews.actions.milestone')}
        value={milestone}
        onChange={(e) => setMilestone(e.currentTarget.value as MilestoneKind)}
        data={kinds.map((k) => ({ value: k, label: milestoneLabel(t, k) }))}
        data-autofocus
      />
      <TextInput
        type="date"
        label={t('reviews.actions.newDueDate')}
        description={current ? t('reviews.actions.currentDueDate', { date: f.date(current) }) : undefined}
        required
        min={current}
        value={newDueDate}
        error={errors.newDueDate}
        onChange={(e) => setNewDueDate(e.currentTarget.value)}
      />
      <Textarea label={t('reviews.actions.reason')} required autosize minRows={2} value={reason} error={errors.reason} onChange={(e) => setReason(e.currentTarget.value)} />
      <TextInput label={t('reviews.actions.agreedBy')} description={t('reviews.actions.agreedByHint')} required value={agreedBy} error={errors.agreedBy} onChange={(e) => setAgreedBy(e.currentTarget.value)} />
    </ActionDialog>
  );
}
