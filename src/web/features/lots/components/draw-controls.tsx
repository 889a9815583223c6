import { Alert, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrawDetailDto } from '../api/get-draw.ts';
import { useCancelDraw } from '../api/cancel-draw.ts';
import { usePublishDraw } from '../api/publish-draw.ts';
import { useRunDraw } from '../api/run-draw.ts';
import { DrawProblem } from './draw-problem.tsx';

function RunForm({ draw }: { draw: DrawDetailDto }) {
  const { t } = useTranslation();
  const run = useRunDraw();
  const [entropy, setEntropy] = useState('');
  const [isMissing, setMissing] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (entropy.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    run.mutate({ id: draw.id, publicEntropy: entropy });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('lots.run.entropyLabel')}
          description={t('lots.run.entropyHint')}
          value={entropy}
          onChange={(e) => setEntropy(e.currentTarget.value)}
          error={isMissing ? t('lots.run.entropyRequired') : undefined}
          maxLength={500}
          size="lg"
          required
          autoComplete="off"
        />
        {run.isError ? <DrawProblem error={run.error} title={t('lots.run.failedTitle')} /> : null}
        <Group>
          <Button type="submit" size="md" loading={run.isPending}>
            {t('lots.run.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PublishButton({ draw }: { draw: DrawDetailDto }) {
  const { t } = useTranslation();
  const publish = usePublishDraw();
  return (
    <Stack gap="sm">
      <Text size="sm">{t('lots.publish.body')}</Text>
      {publish.isError ? <DrawProblem error={publish.error} title={t('lots.publish.failedTitle')} /> : null}
      <Group>
        <Button size="md" color="#1e6b30" loading={publish.isPending} onClick={() => publish.mutate(draw.id)}>
          {t('lots.publish.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

function CancelForm({ draw }: { draw: DrawDetailDto }) {
  const { t } = useTranslation();
  const cancel = useCancelDraw();
  const [isOpen, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [isMissing, setMissing] = useState(false);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    cancel.mutate({ id: draw.id, reason: reason.trim() });
  }

  if (!isOpen) {
    return (
      <Group>
        <Button variant="default" color="red" onClick={() => setOpen(true)}>
          {t('lots.cancel.open')}
        </Button>
      </Group>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Textarea
          label={t('lots.cancel.reasonLabel')}
          description={t('lots.cancel.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={isMissing ? t('lots.cancel.reasonRequired') : undefined}
          maxLength={1000}
          autosize
          minRows={2}
          required
        />
        {cancel.isError ? <DrawProblem error={cancel.error} title={t('lots.cancel.failedTitle')} /> : null}
        <Group gap="sm">
          <Button type="submit" color="red.8" loading={cancel.isPending}>
            {t('lots.cancel.submit')}
          </Button>
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('actions.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The secretariat's steps on a draw: run it with the public entropy, publish it, or cancel it. */
export function DrawControls({ draw }: { draw: DrawDetailDto }) {
  const { t } = useTranslation();
  if (draw.status !== 'committed' && draw.status !== 'drawn') return null;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="draw-controls-title" bg="gray.0">
      <Stack gap="md">
        <Title order={2} id="draw-controls-title">
          {t('lots.controls.title')}
        </Title>
        {draw.status === 'committed' ? (
          <>
            <Text size="sm">{t('lots.run.body')}</Text>
            <RunForm draw={draw} />
          </>
        ) : (
          <>
            <Alert color="orange" variant="light" title={t('lots.controls.notPublicTitle')}>
              <Text size="sm">{t('lots.controls.notPublicBody')}</Text>
            </Alert>
            <PublishButton draw={draw} />
          </>
        )}
        <CancelForm draw={draw} />
      </Stack>
    </Paper>
  );
}
