import { Alert, Anchor, Badge, Button, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import { useAbility } from '../../auth/api/get-session.ts';
import { SESSION_FORMAT_VALUES, useAddBody, useBodies, useCreateSession, useSessions, type BodyDto, type SessionFormat, type SessionInput } from '../api/sessions.ts';
import { bodyLabel, formatLabel, sessionLabel, statusLabel } from './session-labels.ts';

function NewSessionForm() {
  const { t } = useTranslation();
  const bodies = useBodies();
  const create = useCreateSession();
  const [draft, setDraft] = useState<SessionInput>({ bodies: ['IRG'], number: 1, resumedPart: 0, startDate: '', endDate: '', venue: 'Vienna', format: 'in-person' });
  const set = (change: Partial<SessionInput>) => setDraft((d) => ({ ...d, ...change }));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="new-session-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="new-session-title">
          {t('sessions.list.new')}
        </Title>
        <MultiSelect
          label={t('sessions.fields.bodies')}
          description={t('sessions.fields.bodiesHint')}
          data={(bodies.data?.bodies ?? []).map((b) => ({ value: b.code, label: bodyLabel(t, b.code, b.name) }))}
          value={draft.bodies}
          onChange={(value) => set({ bodies: value })}
        />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <NumberInput label={t('sessions.fields.number')} min={1} value={draft.number} onChange={(v) => set({ number: Number(v) || 1 })} />
          <NumberInput label={t('sessions.fields.resumedPart')} description={t('sessions.fields.resumedPartHint')} min={0} value={draft.resumedPart} onChange={(v) => set({ resumedPart: Number(v) || 0 })} />
          <TextInput type="date" label={t('sessions.fields.startDate')} value={draft.startDate} onChange={(e) => set({ startDate: e.currentTarget.value })} />
          <TextInput type="date" label={t('sessions.fields.endDate')} value={draft.endDate} onChange={(e) => set({ endDate: e.currentTarget.value })} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('sessions.fields.venue')} value={draft.venue} onChange={(e) => set({ venue: e.currentTarget.value })} />
          <Select
            label={t('sessions.fields.format')}
            data={SESSION_FORMAT_VALUES.map((f) => ({ value: f, label: formatLabel(t, f) }))}
            value={draft.format}
            allowDeselect={false}
            onChange={(v) => v && set({ format: v as SessionFormat })}
          />
        </SimpleGrid>
        {create.isError ? <ProblemAlert error={create.error} /> : null}
        {create.isSuccess ? (
          <Alert color="green" role="status">
            {t('sessions.list.created')}{' '}
            <Anchor component={Link} to={paths.session.getHref(create.data.session.id)}>
              {sessionLabel(t, create.data.session)}
            </Anchor>
          </Alert>
        ) : null}
        <Group>
          <Button onClick={() => create.mutate(draft)} loading={create.isPending}>
            {t('sessions.list.create')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function AddBodyForm() {
  const { t } = useTranslation();
  const add = useAddBody();
  const [draft, setDraft] = useState<BodyDto>({ code: '', name: '', series: '' });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="add-body-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="add-body-title">
          {t('sessions.addBody.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('sessions.addBody.code')} description={t('sessions.addBody.codeHint')} value={draft.code} onChange={(e) => setDraft({ ...draft, code: e.currentTarget.value })} />
          <TextInput label={t('sessions.addBody.name')} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />
          <TextInput label={t('sessions.addBody.series')} description={t('sessions.addBody.seriesHint')} value={draft.series} onChange={(e) => setDraft({ ...draft, series: e.currentTarget.value })} />
        </SimpleGrid>
        {add.isError ? <ProblemAlert error={add.error} /> : null}
        {add.isSuccess ? (
          <Alert color="green" role="status">
            {t('sessions.addBody.added', { name: add.data.body.name })}
          </Alert>
        ) : null}
        <Group>
          <Button variant="default" onClick={() => add.mutate(draft)} loading={add.isPending}>
            {t('sessions.addBody.button')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function SessionsList() {
  const { t } = useTranslation();
  const f = useFormatters();
  const sessions = useSessions();
  const isManager = useAbility('sessions.manage');
  return (
    <Stack gap="xl">
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <ProblemAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data.sessions.length === 0 ? (
        <Text c="dimmed">{t('sessions.list.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table withTableBorder striped verticalSpacing="sm" aria-label={t('sessions.list.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('sessions.list.session')}</Table.Th>
                <Table.Th scope="col">{t('sessions.fields.bodies')}</Table.Th>
                <Table.Th scope="col">{t('sessions.fields.dates')}</Table.Th>
                <Table.Th scope="col">{t('sessions.fields.venue')}</Table.Th>
                <Table.Th scope="col">{t('sessions.fields.format')}</Table.Th>
                <Table.Th scope="col">{t('sessions.fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.sessions.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={paths.session.getHref(s.id)}>
                      {sessionLabel(t, s)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {s.joint ? (
                      <Badge variant="light" color="indigo.9" me={6}>
                        {t('sessions.joint')}
                      </Badge>
                    ) : null}
                    {f.list(s.bodies.map((b) => bodyLabel(t, b.code, b.name)))}
                  </Table.Td>
                  <Table.Td>{s.startDate === s.endDate ? f.date(s.startDate) : t('sessions.dateRange', { from: f.date(s.startDate), to: f.date(s.endDate) })}</Table.Td>
                  <Table.Td>{s.venue}</Table.Td>
                  <Table.Td>{formatLabel(t, s.format)}</Table.Td>
                  <Table.Td>{statusLabel(t, s.status)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {isManager ? <NewSessionForm /> : null}
      {isManager ? <AddBodyForm /> : null}
    </Stack>
  );
}
