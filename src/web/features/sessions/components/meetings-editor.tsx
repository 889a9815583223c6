import { Button, Group, MultiSelect, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useSaveMeetings, type SessionDto } from '../api/sessions.ts';
import { bodyLabel } from './session-labels.ts';

interface Row {
  title: string;
  /** datetime-local values, in UTC (the page shows meetings in UTC). */
  start: string;
  end: string;
  room: string;
  bodies: string[];
}

const toLocal = (iso: string) => iso.slice(0, 16);
const toIso = (local: string) => (local ? `${local}:00Z` : '');

/** The secretariat's list of meetings (times in UTC), saved as a whole. */
export function MeetingsEditor({ session }: { session: SessionDto }) {
  const { t } = useTranslation();
  const save = useSaveMeetings(session.id);
  const [rows, setRows] = useState<Row[]>(session.meetings.map((m) => ({ title: m.title, start: toLocal(m.startsAt), end: toLocal(m.endsAt), room: m.room, bodies: m.bodies })));
  const set = (i: number, change: Partial<Row>) => setRows((all) => all.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const bodies = session.bodies.map((b) => ({ value: b.code, label: bodyLabel(t, b.code, b.name) }));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="meetings-editor-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="meetings-editor-title">
          {t('sessions.meetingsEditor.title')}
        </Title>
        {rows.map((row, i) => (
          <Group key={i} align="end" wrap="wrap">
            <TextInput label={t('sessions.meetingsEditor.meetingTitle', { n: i + 1 })} value={row.title} onChange={(e) => set(i, { title: e.currentTarget.value })} />
            <TextInput type="datetime-local" label={t('sessions.meetingsEditor.start', { n: i + 1 })} value={row.start} onChange={(e) => set(i, { start: e.currentTarget.value })} />
            <TextInput type="datetime-local" label={t('sessions.meetingsEditor.end', { n: i + 1 })} value={row.end} onChange={(e) => set(i, { end: e.currentTarget.value })} />
            <TextInput label={t('sessions.meetingsEditor.room', { n: i + 1 })} value={row.room} onChange={(e) => set(i, { room: e.currentTarget.value })} />
            <MultiSelect label={t('sessions.meetingsEditor.bodies', { n: i + 1 })} data={bodies} value={row.bodies} onChange={(value) => set(i, { bodies: value })} />
            <Button variant="subtle" color="red.9" onClick={() => setRows((all) => all.filter((_, j) => j !== i))}>
              {t('sessions.meetingsEditor.remove', { n: i + 1 })}
            </Button>
          </Group>
        ))}
        {save.isError ? <ProblemAlert error={save.error} /> : null}
        <Group>
          <Button variant="default" onClick={() => setRows((all) => [...all, { title: '', start: `${session.startDate}T09:00`, end: `${session.startDate}T11:00`, room: '', bodies: session.bodies.slice(0, 1).map((b) => b.code) }])}>
            {t('sessions.meetingsEditor.add')}
          </Button>
          <Button onClick={() => save.mutate(rows.map((r) => ({ title: r.title, startsAt: toIso(r.start), endsAt: toIso(r.end), room: r.room, bodies: r.bodies })))} loading={save.isPending}>
            {t('sessions.meetingsEditor.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
