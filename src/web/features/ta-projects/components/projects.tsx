/**
 * The projects (docs/TA-PROJECTS.md) with status, funding and results. The secretariat moves a
 * project one step forward, allocates funding from a contribution and attributes an
 * expenditure; the server checks every rule and its message is shown where the form is.
 */
import { Alert, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useMoney } from '../../finance/components/money.ts';
import { TA_STATUSES, useFunding, useProjects, useTaWrite, type ProjectDto, type TaStatus } from '../api/ta-projects.ts';
import { statusLabel } from './labels.ts';
import { MoneyList } from './portfolios.tsx';

function FormCard({ title, onSubmit, pending, error, done, children }: { title: string; onSubmit: () => void; pending: boolean; error: unknown; done: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="form" aria-label={title} onSubmit={(e: FormEvent) => (e.preventDefault(), onSubmit())}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        {children}
        {error ? <ProblemAlert error={error} /> : null}
        {done ? (
          <Alert color="green" variant="light" role="status">
            {t('taProjects.saved')}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={pending}>
            {title}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function nextStatus(status: TaStatus): TaStatus | undefined {
  return TA_STATUSES[TA_STATUSES.indexOf(status) + 1];
}

function StatusForm({ projects }: { projects: ProjectDto[] }) {
  const { t } = useTranslation();
  const open = projects.filter((p) => p.status !== 'delivered');
  const [id, setId] = useState('');
  const [status, setStatus] = useState<TaStatus>('agreed');
  const [results, setResults] = useState('');
  const write = useTaWrite<{ id: string; status: TaStatus; results?: string }>((input) => `/api/ta/projects/${input.id}/status`, 'PUT', ({ id: _id, ...rest }) => rest);
  const chosen = projects.find((p) => p.id === id);
  return (
    <FormCard title={t('taProjects.statusForm.title')} onSubmit={() => write.mutate({ id, status, ...(results.trim() ? { results } : {}) }, { onSuccess: () => setResults('') })} pending={write.isPending} error={write.error} done={write.isSuccess}>
      <NativeSelect
        label={t('taProjects.project')}
        value={id}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setId(value);
          const project = projects.find((p) => p.id === value);
          if (project) setStatus(nextStatus(project.status) ?? project.status);
        }}
        data={[{ value: '', label: t('taProjects.choose') }, ...open.map((p) => ({ value: p.id, label: `${p.title} (${p.stateName})` }))]}
      />
      {chosen ? <Text size="sm">{t('taProjects.statusForm.current', { status: statusLabel(t, chosen.status) })}</Text> : null}
      <NativeSelect label={t('taProjects.statusForm.newStatus')} value={status} onChange={(e) => setStatus(e.currentTarget.value as TaStatus)} data={TA_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))} />
      <TextInput label={t('taProjects.results')} value={results} onChange={(e) => setResults(e.currentTarget.value)} />
    </FormCard>
  );
}

function FundingForms({ projects }: { projects: ProjectDto[] }) {
  const { t } = useTranslation();
  const money = useMoney();
  const funding = useFunding(true);
  const [projectId, setProjectId] = useState('');
  const [contributionId, setContributionId] = useState('');
  const [amount, setAmount] = useState('');
  const [spendProject, setSpendProject] = useState('');
  const [expenditureId, setExpenditureId] = useState('');
  const allocate = useTaWrite<{ projectId: string; contributionId: string; amount: string }>((input) => `/api/ta/projects/${input.projectId}/funding`, 'POST', ({ projectId: _p, ...rest }) => rest);
  const attribute = useTaWrite<{ projectId: string; expenditureId: string }>((input) => `/api/ta/projects/${input.projectId}/spending`, 'POST', ({ projectId: _p, ...rest }) => rest);
  const projectOptions = [{ value: '', label: t('taProjects.choose') }, ...projects.map((p) => ({ value: p.id, label: `${p.title} (${p.stateName})` }))];
  const contributions = funding.data?.contributions ?? [];
  const expenditures = (funding.data?.expenditures ?? []).filter((e) => e.projectId === null);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <FormCard title={t('taProjects.allocate.title')} onSubmit={() => allocate.mutate({ projectId, contributionId, amount }, { onSuccess: () => setAmount('') })} pending={allocate.isPending} error={allocate.error} done={allocate.isSuccess}>
        <NativeSelect label={t('taProjects.project')} value={projectId} onChange={(e) => setProjectId(e.currentTarget.value)} data={projectOptions} />
        <NativeSelect
          label={t('taProjects.allocate.contribution')}
          value={contributionId}
          onChange={(e) => setContributionId(e.currentTarget.value)}
          data={[
            { value: '', label: t('taProjects.choose') },
            ...contributions.map((c) => ({ value: c.id, label: t('taProjects.allocate.option', { donor: c.donor, date: c.date, amount: money(c.amount, c.currency), available: money(c.available, c.currency) }) })),
          ]}
        />
        <TextInput label={t('taProjects.allocate.amount')} value={amount} onChange={(e) => setAmount(e.currentTarget.value)} inputMode="decimal" required />
      </FormCard>
      <FormCard title={t('taProjects.attribute.title')} onSubmit={() => attribute.mutate({ projectId: spendProject, expenditureId })} pending={attribute.isPending} error={attribute.error} done={attribute.isSuccess}>
        <NativeSelect label={t('taProjects.project')} value={spendProject} onChange={(e) => setSpendProject(e.currentTarget.value)} data={projectOptions} />
        <NativeSelect
          label={t('taProjects.attribute.expenditure')}
          value={expenditureId}
          onChange={(e) => setExpenditureId(e.currentTarget.value)}
          data={[{ value: '', label: t('taProjects.choose') }, ...expenditures.map((x) => ({ value: x.id, label: `${x.date} · ${money(x.amount, x.currency)}${x.description ? ` · ${x.description}` : ''}` }))]}
        />
      </FormCard>
    </SimpleGrid>
  );
}

export function Projects() {
  const { t } = useTranslation();
  const projects = useProjects();
  const money = useMoney();
  if (projects.isPending) return <Loading />;
  if (projects.error) return <ProblemAlert error={projects.error} onRetry={() => void projects.refetch()} />;
  const { projects: list, may } = projects.data;
  return (
    <Stack gap="md">
      {list.length === 0 ? (
        <Text c="dimmed">{t('taProjects.noProjects')}</Text>
      ) : (
        <Table striped withTableBorder captionSide="top">
          <Table.Caption>{t('taProjects.tabs.projects')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('taProjects.project')}</Table.Th>
              <Table.Th scope="col">{t('taProjects.providerName')}</Table.Th>
              <Table.Th scope="col">{t('taProjects.state')}</Table.Th>
              <Table.Th scope="col">{t('taProjects.statusLabel')}</Table.Th>
              <Table.Th scope="col">{t('taProjects.allocated')}</Table.Th>
              <Table.Th scope="col">{t('taProjects.spent')}</Table.Th>
              <Table.Th scope="col">{t('taProjects.results')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Th scope="row">{p.title}</Table.Th>
                <Table.Td>{p.providerName}</Table.Td>
                <Table.Td>{p.stateName}</Table.Td>
                <Table.Td data-testid={`status-${p.id}`}>{statusLabel(t, p.status)}</Table.Td>
                <Table.Td>
                  <MoneyList items={p.allocated} />
                  {p.allocations.map((a) => (
                    <Text size="xs" key={a.id}>
                      {`${a.donor}: ${money(a.amount, a.currency)}`}
                    </Text>
                  ))}
                  {p.allocationsHidden > 0 ? (
                    <Text size="xs" c="dimmed">
                      {t('taProjects.allocationsHidden', { n: p.allocationsHidden })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <MoneyList items={p.spent} />
                </Table.Td>
                <Table.Td>{p.results}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {may.manage && list.length > 0 ? (
        <>
          <StatusForm projects={list} />
          <FundingForms projects={list} />
        </>
      ) : null}
    </Stack>
  );
}
