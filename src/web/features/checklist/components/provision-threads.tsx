import { Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { useAbility } from '../../auth/api/get-session.ts';
import { THREAD_KINDS, useOpenThread, useReplyToThread, type ThreadDto, type ThreadKind } from '../api/checklist.ts';
import { threadKindLabel } from './checklist-labels.ts';

export function ThreadStatusBadge({ status }: { status: ThreadDto['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'open' ? 'orange.9' : 'green.9'} variant="light" size="sm" tt="none">
      {status === 'open' ? t('checklist.threads.open') : t('checklist.threads.resolved')}
    </Badge>
  );
}

/** The desk-review threads of one provision, with the forms the user may use. */
export function ProvisionThreads({ reviewId, provisionId, provisionLabel, threads }: { reviewId: string; provisionId: string; provisionLabel: string; threads: ThreadDto[] }) {
  const { t } = useTranslation();
  const canAsk = useAbility('deskReview.comment');
  const [asking, setAsking] = useState(false);
  if (threads.length === 0 && !canAsk) return null;
  return (
    <Stack gap="xs" component="section" aria-label={t('checklist.threads.title', { provision: provisionLabel })}>
      <Text size="sm" fw={600}>
        {t('checklist.threads.heading')}
      </Text>
      {threads.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('checklist.threads.none')}
        </Text>
      ) : (
        threads.map((thread) => <Thread key={thread.id} reviewId={reviewId} thread={thread} />)
      )}
      {canAsk ? (
        asking ? (
          <AskForm reviewId={reviewId} provisionId={provisionId} provisionLabel={provisionLabel} onDone={() => setAsking(false)} />
        ) : (
          <Group>
            <Button size="xs" variant="light" onClick={() => setAsking(true)} aria-label={t('checklist.threads.askOn', { provision: provisionLabel })}>
              {t('checklist.threads.ask')}
            </Button>
          </Group>
        )
      ) : null}
    </Stack>
  );
}

function Thread({ reviewId, thread }: { reviewId: string; thread: ThreadDto }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const canReply = useAbility('deskReview.reply');
  // The State under review (and the secretariat helping it) may make a reply part of the answer.
  const canAddToAnswer = useAbility('checklist.answer');
  const reply = useReplyToThread(reviewId);
  const [body, setBody] = useState('');
  const [empty, setEmpty] = useState(false);
  const [addToAnswer, setAddToAnswer] = useState(false);

  function send(extra: { resolve?: boolean; reopen?: boolean } = {}) {
    const text = body.trim();
    if (!text) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    reply.mutate(
      { threadId: thread.id, body: text, ...extra, ...(canAddToAnswer && addToAnswer ? { addToAnswer: true } : {}) },
      {
        onSuccess: () => {
          setBody('');
          setAddToAnswer(false);
        },
      },
    );
  }

  return (
    <Paper withBorder radius="sm" p="sm" data-thread-status={thread.status}>
      <Group gap="xs" mb={4}>
        <Badge color="indigo.8" variant="outline" size="sm" tt="none">
          {threadKindLabel(t, thread.kind)}
        </Badge>
        <ThreadStatusBadge status={thread.status} />
      </Group>
      <Stack component="ol" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
        {thread.messages.map((m, i) => (
          <li key={`${m.createdAt}-${i}`}>
            <Text size="xs" c="dimmed">
              {t('checklist.threads.messageBy', { author: m.author, at: f.dateTimeUtc(m.createdAt) })}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {m.body}
            </Text>
            {m.answerVersion ? (
              <Text size="xs" c="teal.9">
                {t('checklist.threads.addedToAnswer', { version: m.answerVersion })}
              </Text>
            ) : null}
          </li>
        ))}
      </Stack>
      {canReply ? (
        <Stack gap={6} mt="sm">
          <Textarea
            label={t('checklist.threads.reply')}
            autosize
            minRows={2}
            value={body}
            error={empty ? t('checklist.threads.emptyMessage') : undefined}
            onChange={(event) => setBody(event.currentTarget.value)}
          />
          {canAddToAnswer ? (
            <Checkbox size="xs" label={t('checklist.threads.addToAnswer')} checked={addToAnswer} onChange={(event) => setAddToAnswer(event.currentTarget.checked)} />
          ) : null}
          {reply.isError ? <ProblemAlert error={reply.error} /> : null}
          <Group gap="xs">
            <Button size="xs" loading={reply.isPending} onClick={() => send()}>
              {t('checklist.threads.sendReply')}
            </Button>
            {thread.status === 'open' ? (
              <Button size="xs" variant="default" disabled={reply.isPending} onClick={() => send({ resolve: true })}>
                {t('checklist.threads.replyResolve')}
              </Button>
            ) : (
              <Button size="xs" variant="default" disabled={reply.isPending} onClick={() => send({ reopen: true })}>
                {t('checklist.threads.replyReopen')}
              </Button>
            )}
          </Group>
        </Stack>
      ) : null}
    </Paper>
  );
}

function AskForm({ reviewId, provisionId, provisionLabel, onDone }: { reviewId: string; provisionId: string; provisionLabel: string; onDone: () => void }) {
  const { t } = useTranslation();
  const open = useOpenThread(reviewId);
  const [kind, setKind] = useState<ThreadKind>('question');
  const [body, setBody] = useState('');
  const [empty, setEmpty] = useState(false);
  return (
    <Paper withBorder radius="sm" p="sm">
      <form
        aria-label={t('checklist.threads.askOn', { provision: provisionLabel })}
        onSubmit={(event) => {
          event.preventDefault();
          const text = body.trim();
          if (!text) {
            setEmpty(true);
            return;
          }
          open.mutate({ provisionId, kind, body: text }, { onSuccess: onDone });
        }}
      >
        <Stack gap={6}>
          <NativeSelect
            label={t('checklist.threads.kindLabel')}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as ThreadKind)}
            data={THREAD_KINDS.map((k) => ({ value: k, label: threadKindLabel(t, k) }))}
          />
          <Textarea
            label={t('checklist.threads.message')}
            autosize
            minRows={2}
            value={body}
            error={empty ? t('checklist.threads.emptyMessage') : undefined}
            onChange={(event) => setBody(event.currentTarget.value)}
          />
          {open.isError ? <ProblemAlert error={open.error} /> : null}
          <Group gap="xs">
            <Button size="xs" type="submit" loading={open.isPending}>
              {t('checklist.threads.send')}
            </Button>
            <Button size="xs" variant="default" onClick={onDone}>
              {t('actions.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
