/** Providers' portfolios (docs/TA-PROJECTS.md): projects by status, States served, allocated and spent per currency. */
import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { useMoney } from '../../finance/components/money.ts';
import { TA_STATUSES, usePortfolios, type Money } from '../api/ta-projects.ts';
import { providerKindLabel, statusLabel } from './labels.ts';

export function MoneyList({ items }: { items: Money[] }) {
  const money = useMoney();
  return items.length === 0 ? <>—</> : <>{items.map((m) => money(m.amount, m.currency)).join('; ')}</>;
}

export function Portfolios() {
  const { t } = useTranslation();
  const portfolios = usePortfolios();
  if (portfolios.isPending) return <Loading />;
  if (portfolios.error) return <ProblemAlert error={portfolios.error} onRetry={() => void portfolios.refetch()} />;
  if (portfolios.data.length === 0) return <Text c="dimmed">{t('taProjects.noProjects')}</Text>;
  return (
    <Stack>
      <Table striped withTableBorder captionSide="top">
        <Table.Caption>{t('taProjects.tabs.portfolios')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('taProjects.providerName')}</Table.Th>
            <Table.Th scope="col">{t('taProjects.providerKind')}</Table.Th>
            <Table.Th scope="col">{t('taProjects.projectCount')}</Table.Th>
            {TA_STATUSES.map((s) => (
              <Table.Th scope="col" key={s}>
                {statusLabel(t, s)}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('taProjects.states')}</Table.Th>
            <Table.Th scope="col">{t('taProjects.allocated')}</Table.Th>
            <Table.Th scope="col">{t('taProjects.spent')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {portfolios.data.map((p) => (
            <Table.Tr key={`${p.providerKind}/${p.providerName}`}>
              <Table.Th scope="row">{p.providerName}</Table.Th>
              <Table.Td>{providerKindLabel(t, p.providerKind)}</Table.Td>
              <Table.Td>{p.projects}</Table.Td>
              {TA_STATUSES.map((s) => (
                <Table.Td key={s}>{p.byStatus[s]}</Table.Td>
              ))}
              <Table.Td>{p.states.join(', ')}</Table.Td>
              <Table.Td>
                <MoneyList items={p.allocated} />
              </Table.Td>
              <Table.Td>
                <MoneyList items={p.spent} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
