import { Button, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useAgendaStep, useSessions, type SessionDto } from '../api/sessions.ts';
import { agendaToText, parseAgendaText } from './agenda-text.ts';
import { sessionLabel } from './session-labels.ts';

/** The secretariat's agenda editor: items as lines, carrying another session's agenda, adoption. */
export function AgendaEditor({ session }: { session: SessionDto }) {
  const { t } = useTranslation();
  const step = useAgendaStep(session.id);
  const sessions = useSessions();
  const [text, setText] = useState(agendaToText(session.agenda));
  const [from, setFrom] = useState<string | null>(null);
  const [on, setOn] = useState(session.startDate);
  if (session.agendaAdoptedOn) return null;
  const others = (sessions.data?.sessions ?? []).filter((s) => s.id !== session.id);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="agenda-editor-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="agenda-editor-title">
          {t('sessions.agendaEditor.title')}
        </Title>
        <Textarea label={t('sessions.agendaEditor.items')} description={t('sessions.agendaEditor.itemsHint')} autosize minRows={6} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        {step.isError ? <ProblemAlert error={step.error} /> : null}
        <Group>
          <Button onClick={() => step.mutate({ path: '', method: 'PUT', body: { items: parseAgendaText(text), version: session.version } })} loading={step.isPending}>
            {t('sessions.agendaEditor.save')}
          </Button>
        </Group>
        {session.agenda.length === 0 && others.length > 0 ? (
          <Group align="end">
            <Select label={t('sessions.agendaEditor.carryFrom')} data={others.map((s) => ({ value: s.id, label: sessionLabel(t, s) }))} value={from} onChange={setFrom} />
            <Button variant="default" disabled={!from} onClick={() => from && step.mutate({ path: '/carry', method: 'POST', body: { fromSessionId: from } })}>
              {t('sessions.agendaEditor.carry')}
            </Button>
          </Group>
        ) : null}
        {session.agenda.length > 0 ? (
          <Group align="end">
            <TextInput type="date" label={t('sessions.agendaEditor.adoptedOn')} value={on} onChange={(e) => setOn(e.currentTarget.value)} />
            <Button variant="default" onClick={() => step.mutate({ path: '/adopt', method: 'POST', body: { on } })}>
              {t('sessions.agendaEditor.adopt')}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('sessions.view.noAgenda')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
