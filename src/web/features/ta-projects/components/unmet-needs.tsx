/**
 * Needs with no provider yet (docs/TA-PROJECTS.md): counted by type and by regional group,
 * with the list. The secretariat ticks needs of one State and records a project for them.
 */
import { Alert, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { PROVIDER_KINDS, coordinationXlsxUrl, useTaWrite, useUnmet, type ProviderKind } from '../api/ta-projects.ts';
import { providerKindLabel, regionLabel, typeLabel } from './labels.ts';

function CountTable({ caption, label, rows }: { caption: string; label: string; rows: { key: string; name: string; count: number }[] }) {
  const { t } = useTranslation();
  return (
    <Table striped withTableBorder captionSide="top">
      <Table.Caption>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{label}</Table.Th>
          <Table.Th scope="col">{t('taProjects.needs')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Th scope="row">{r.name}</Table.Th>
            <Table.Td data-testid={`count-${r.key}`}>{r.count}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function CreateProjectForm({ needs, onDone }: { needs: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const write = useTaWrite<Record<string, unknown>>(() => '/api/ta/projects');
  const [title, setTitle] = useState('');
  const [providerKind, setProviderKind] = useState<ProviderKind>('unodc');
  const [providerName, setProviderName] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    write.mutate({ title, providerKind, providerName, needs }, { onSuccess: onDone });
  };
  return (
    <Paper withBorder p="md" component="form" aria-label={t('taProjects.create.title')} onSubmit={submit}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('taProjects.create.title')}
        </Title>
        <Text size="sm">{t('taProjects.create.selected', { n: needs.length })}</Text>
        <TextInput label={t('taProjects.create.projectTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
        <NativeSelect label={t('taProjects.providerKind')} value={providerKind} onChange={(e) => setProviderKind(e.currentTarget.value as ProviderKind)} data={PROVIDER_KINDS.map((k) => ({ value: k, label: providerKindLabel(t, k) }))} />
        <TextInput label={t('taProjects.providerName')} value={providerName} onChange={(e) => setProviderName(e.currentTarget.value)} required />
        {write.error ? <ProblemAlert error={write.error} /> : null}
        <Group>
          <Button type="submit" loading={write.isPending} disabled={needs.length === 0}>
            {t('taProjects.create.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function UnmetNeeds({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const [cycle, setCycle] = useState<number | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [created, setCreated] = useState(false);
  const unmet = useUnmet(cycle);
  if (unmet.isPending) return <Loading />;
  if (unmet.error) return <ProblemAlert error={unmet.error} onRetry={() => void unmet.refetch()} />;
  const data = unmet.data;
  const toggle = (key: string, on: boolean) => setSelected((s) => (on ? [...s, key] : s.filter((k) => k !== key)));
  return (
    <Stack gap="md">
      <Group align="end">
        <NativeSelect
          label={t('taProjects.cycle')}
          value={cycle === null ? '' : String(cycle)}
          onChange={(e) => setCycle(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}
          data={[{ value: '', label: t('taProjects.allCycles') }, { value: '1', label: t('taProjects.cycleN', { n: 1 }) }, { value: '2', label: t('taProjects.cycleN', { n: 2 }) }]}
        />
        <Button component="a" variant="light" href={coordinationXlsxUrl(cycle)}>
          {t('taProjects.download')}
        </Button>
      </Group>
      <Text data-testid="unmet-total">{t('taProjects.unmetTotal', { n: data.total })}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <CountTable caption={t('taProjects.byType')} label={t('taProjects.type')} rows={data.byType.map((r) => ({ key: r.type, name: typeLabel(t, r.type), count: r.count }))} />
        <CountTable caption={t('taProjects.byRegion')} label={t('taProjects.region')} rows={data.byRegion.map((r) => ({ key: r.region, name: regionLabel(t, r.region), count: r.count }))} />
      </SimpleGrid>
      {created ? (
        <Alert color="green" variant="light" role="status">
          {t('taProjects.create.done')}
        </Alert>
      ) : null}
      {manage ? (
        <CreateProjectForm
          needs={selected}
          onDone={() => {
            setSelected([]);
            setCreated(true);
          }}
        />
      ) : null}
      <Table striped withTableBorder captionSide="top">
        <Table.Caption>{t('taProjects.needList')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {manage ? <Table.Th scope="col">{t('taProjects.select')}</Table.Th> : null}
            <Table.Th scope="col">{t('taProjects.state')}</Table.Th>
            <Table.Th scope="col">{t('taProjects.region')}</Table.Th>
            <Table.Th scope="col">{t('taProjects.article')}</Table.Th>
            <Table.Th scope="col">{t('taProjects.type')}</Table.Th>
            <Table.Th scope="col">{t('taProjects.need')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.needs.map((n) => (
            <Table.Tr key={n.key}>
              {manage ? (
                <Table.Td>
                  <Checkbox aria-label={t('taProjects.selectNeed', { state: n.stateName, article: n.article })} checked={selected.includes(n.key)} onChange={(e) => toggle(n.key, e.currentTarget.checked)} />
                </Table.Td>
              ) : null}
              <Table.Td>{n.stateName}</Table.Td>
              <Table.Td>{regionLabel(t, n.region)}</Table.Td>
              <Table.Td>{t('taProjects.articleN', { n: n.article, cycle: n.cycle })}</Table.Td>
              <Table.Td>{n.types.map((type) => typeLabel(t, type)).join(', ')}</Table.Td>
              <Table.Td>{n.text}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {data.needs.length === 0 ? <Text c="dimmed">{t('taProjects.noUnmet')}</Text> : null}
    </Stack>
  );
}
