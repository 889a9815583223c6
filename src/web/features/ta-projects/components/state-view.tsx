/**
 * One State (docs/TA-PROJECTS.md): its needs, the recommendations each serves and the projects
 * serving it with status and results. The secretariat links a need to a recommendation to the
 * same State by its reference (cycle/ISO3/article/sequence).
 */
import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { useStateView, useTaWrite, type StateDto } from '../api/ta-projects.ts';
import { statusLabel, typeLabel } from './labels.ts';

function LinkForm({ view }: { view: StateDto }) {
  const { t } = useTranslation();
  const [need, setNeed] = useState('');
  const [reference, setReference] = useState('');
  const write = useTaWrite<{ need: string; reference: string }>(() => '/api/ta/needs/recommendations');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    write.mutate({ need, reference }, { onSuccess: () => setReference('') });
  };
  return (
    <Paper withBorder p="md" component="form" aria-label={t('taProjects.link.title')} onSubmit={submit}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('taProjects.link.title')}
        </Title>
        <NativeSelect
          label={t('taProjects.need')}
          value={need}
          onChange={(e) => setNeed(e.currentTarget.value)}
          data={[{ value: '', label: t('taProjects.choose') }, ...view.needs.map((l) => ({ value: l.need.key, label: `${t('taProjects.articleN', { n: l.need.article, cycle: l.need.cycle })}: ${l.need.text.slice(0, 80)}` }))]}
        />
        <TextInput label={t('taProjects.link.reference')} description={t('taProjects.link.referenceHint')} value={reference} onChange={(e) => setReference(e.currentTarget.value)} required />
        {write.error ? <ProblemAlert error={write.error} /> : null}
        {write.isSuccess ? (
          <Alert color="green" variant="light" role="status">
            {t('taProjects.saved')}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={write.isPending}>
            {t('taProjects.link.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function StateView({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const { parties } = usePartyNames();
  const [iso3, setIso3] = useState('');
  const view = useStateView(iso3);
  return (
    <Stack gap="md">
      <NativeSelect
        label={t('taProjects.state')}
        value={iso3}
        onChange={(e) => setIso3(e.currentTarget.value)}
        data={[{ value: '', label: t('taProjects.choose') }, ...(parties.data?.parties ?? []).map((p) => ({ value: p.iso3, label: p.name }))]}
      />
      {iso3 === '' ? null : view.isPending ? (
        <Loading />
      ) : view.error ? (
        <ProblemAlert error={view.error} />
      ) : view.data.needs.length === 0 ? (
        <Text c="dimmed">{t('taProjects.stateNoNeeds')}</Text>
      ) : (
        <>
          <Table striped withTableBorder captionSide="top">
            <Table.Caption>{t('taProjects.stateCaption', { state: view.data.name })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('taProjects.need')}</Table.Th>
                <Table.Th scope="col">{t('taProjects.recommendations')}</Table.Th>
                <Table.Th scope="col">{t('taProjects.tabs.projects')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.data.needs.map((l) => (
                <Table.Tr key={l.need.key}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {`${t('taProjects.articleN', { n: l.need.article, cycle: l.need.cycle })} · ${l.need.types.map((type) => typeLabel(t, type)).join(', ')}`}
                    </Text>
                    <Text size="sm">{l.need.text}</Text>
                  </Table.Td>
                  <Table.Td>{l.recommendations.join(', ') || '—'}</Table.Td>
                  <Table.Td>
                    {l.projects.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('taProjects.noProvider')}
                      </Text>
                    ) : (
                      l.projects.map((p) => (
                        <Stack gap={2} key={p.id}>
                          <Group gap="xs">
                            <Text size="sm">{`${p.title} (${p.providerName})`}</Text>
                            <Badge variant="light">{statusLabel(t, p.status)}</Badge>
                          </Group>
                          {p.results ? <Text size="xs">{p.results}</Text> : null}
                        </Stack>
                      ))
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {manage ? <LinkForm view={view.data} /> : null}
        </>
      )}
    </Stack>
  );
}
