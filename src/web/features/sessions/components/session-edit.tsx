import { Button, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { SESSION_FORMAT_VALUES, useBodies, useUpdateSession, type SessionDto, type SessionFormat, type SessionInput } from '../api/sessions.ts';
import { bodyLabel, formatLabel } from './session-labels.ts';

/** The secretariat changes a session's bodies, number, part, dates, venue or format (with its version). */
export function SessionEditForm({ session }: { session: SessionDto }) {
  const { t } = useTranslation();
  const bodies = useBodies();
  const update = useUpdateSession(session.id);
  const [draft, setDraft] = useState<SessionInput>({
    bodies: session.bodies.map((b) => b.code),
    number: session.number,
    resumedPart: session.resumedPart,
    startDate: session.startDate,
    endDate: session.endDate,
    venue: session.venue,
    format: session.format,
  });
  const set = (change: Partial<SessionInput>) => setDraft((d) => ({ ...d, ...change }));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="edit-session-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="edit-session-title">
          {t('sessions.edit.title')}
        </Title>
        <MultiSelect
          label={t('sessions.fields.bodies')}
          description={t('sessions.fields.bodiesHint')}
          data={(bodies.data?.bodies ?? session.bodies).map((b) => ({ value: b.code, label: bodyLabel(t, b.code, b.name) }))}
          value={draft.bodies}
          onChange={(value) => set({ bodies: value })}
        />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <NumberInput label={t('sessions.fields.number')} min={1} value={draft.number} onChange={(v) => set({ number: Number(v) || 1 })} />
          <NumberInput label={t('sessions.fields.resumedPart')} min={0} value={draft.resumedPart} onChange={(v) => set({ resumedPart: Number(v) || 0 })} />
          <TextInput type="date" label={t('sessions.fields.startDate')} value={draft.startDate} onChange={(e) => set({ startDate: e.currentTarget.value })} />
          <TextInput type="date" label={t('sessions.fields.endDate')} value={draft.endDate} onChange={(e) => set({ endDate: e.currentTarget.value })} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('sessions.fields.venue')} value={draft.venue} onChange={(e) => set({ venue: e.currentTarget.value })} />
          <Select label={t('sessions.fields.format')} allowDeselect={false} data={SESSION_FORMAT_VALUES.map((f) => ({ value: f, label: formatLabel(t, f) }))} value={draft.format} onChange={(v) => v && set({ format: v as SessionFormat })} />
        </SimpleGrid>
        {update.isError ? <ProblemAlert error={update.error} /> : null}
        <Group>
          <Button variant="default" onClick={() => update.mutate({ ...draft, version: session.version })} loading={update.isPending}>
            {t('sessions.edit.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
