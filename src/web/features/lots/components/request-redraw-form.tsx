import { Alert, Button, Group, NativeSelect, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAbility, useSession } from '../../auth/api/get-session.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import type { ReviewerAssignmentDto } from '../api/get-draw.ts';
import { useRequestRedraw } from '../api/request-redraw.ts';
import { DrawProblem } from './draw-problem.tsx';

/**
 * Asks for one reviewer of a State under review to be drawn again at the next meeting. The
 * secretariat may ask for any State; a focal point only for its own (the server checks).
 */
export function RequestRedrawForm({ cycle, result }: { cycle: number; result: ReviewerAssignmentDto[] }) {
  const { t } = useTranslation();
  const { nameOf, language } = usePartyNames();
  const { data: session } = useSession();
  const isManager = useAbility('lots.manage');
  const request = useRequestRedraw();
  const ownState = session?.user?.stateIso3 ?? null;
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  const states = result
    .map((r) => r.underReview)
    .filter((iso3) => isManager || iso3 === ownState)
    .sort((a, b) => collator.compare(nameOf(a), nameOf(b)));
  const [underReview, setUnderReview] = useState(states[0] ?? '');
  const [slot, setSlot] = useState<'0' | '1'>('0');
  const [reason, setReason] = useState('');
  const [decision, setDecision] = useState('');
  const [done, setDone] = useState<string | null>(null);

  if (states.length === 0) return null;
  const chosen = states.includes(underReview) ? underReview : states[0]!;
  const current = result.find((r) => r.underReview === chosen);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    request.mutate(
      {
        cycle,
        underReview: chosen,
        slot: slot === '1' ? 1 : 0,
        reason: reason.trim() || undefined,
        exceptionalDecision: isManager && decision.trim() ? decision.trim() : undefined,
      },
      {
        onSuccess: () => {
          setDone(chosen);
          setReason('');
          setDecision('');
        },
      },
    );
  }

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="request-redraw-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} id="request-redraw-title">
            {t('lots.requestRedraw.title')}
          </Title>
          <Text size="sm">{t('lots.requestRedraw.body')}</Text>
          <NativeSelect
            label={t('lots.requestRedraw.state')}
            value={chosen}
            onChange={(e) => setUnderReview(e.currentTarget.value)}
            data={states.map((iso3) => ({ value: iso3, label: nameOf(iso3) }))}
          />
          <Radio.Group label={t('lots.requestRedraw.slot')} value={slot} onChange={(v) => setSlot(v === '1' ? '1' : '0')}>
            <Stack gap={6} mt={6}>
              <Radio value="0" label={t('lots.requestRedraw.slot0', { name: current ? nameOf(current.reviewers[0]) : '' })} />
              <Radio value="1" label={t('lots.requestRedraw.slot1', { name: current ? nameOf(current.reviewers[1]) : '' })} />
            </Stack>
          </Radio.Group>
          <Textarea label={t('lots.requestRedraw.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={1000} autosize minRows={2} />
          {isManager ? (
            <Textarea
              label={t('lots.requestRedraw.decision')}
              description={t('lots.requestRedraw.decisionHint')}
              value={decision}
              onChange={(e) => setDecision(e.currentTarget.value)}
              maxLength={1000}
              autosize
              minRows={2}
            />
          ) : null}
          {request.isError ? <DrawProblem error={request.error} title={t('lots.requestRedraw.failedTitle')} /> : null}
          {done ? (
            <Alert color="green" variant="light" role="status">
              {t('lots.requestRedraw.done', { name: nameOf(done) })}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={request.isPending}>
              {t('lots.requestRedraw.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
