/**
 * The secretariat's list of what it recorded (contributions, expenditures, requirements), each
 * with "Withdraw": a record entered in error leaves every statement but is never deleted — the
 * reason asked for here goes with it into the audit trail (docs/FINANCES.md). A correction is a
 * withdrawal and a new record.
 */
import { Button, Modal, Paper, Stack, Table, Tabs, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { useFinanceWrite, useRecords, type RecordsDto } from '../api/finance.ts';

type RecordKind = 'contributions' | 'expenditures' | 'requirements';

interface Withdrawable {
  kind: RecordKind;
  id: string;
  label: string;
}

function WithdrawDialog({ record, onClose }: { record: Withdrawable; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const write = useFinanceWrite<{ reason: string }>(() => `/api/finance/${record.kind}/${encodeURIComponent(record.id)}/withdraw`);
  return (
    <Modal opened onClose={onClose} title={t('finance.withdraw.title')} centered>
      <Stack
        component="form"
        gap="sm"
        onSubmit={(e) => {
          e.preventDefault();
          write.mutate({ reason }, { onSuccess: onClose });
        }}
      >
        <Text size="sm">{record.label}</Text>
        <Text size="sm" c="dimmed">
          {t('finance.withdraw.explain')}
        </Text>
        <Textarea label={t('finance.withdraw.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required autosize minRows={2} data-autofocus />
        {write.error ? <ProblemAlert error={write.error} /> : null}
        <Button type="submit" color="red" loading={write.isPending}>
          {t('finance.withdraw.confirm')}
        </Button>
      </Stack>
    </Modal>
  );
}

function RecordTable({ columns, rows, onWithdraw }: { columns: string[]; rows: { record: Withdrawable; cells: string[] }[]; onWithdraw: (r: Withdrawable) => void }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text c="dimmed">{t('finance.withdraw.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th scope="col" key={c}>
                {c}
              </Table.Th>
            ))}
            <Table.Th scope="col">
              <VisuallyHidden>{t('finance.withdraw.action')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(({ record, cells }) => (
            <Table.Tr key={record.id}>
              {cells.map((c, i) => (
                <Table.Td key={i}>{c}</Table.Td>
              ))}
              <Table.Td>
                <Button size="xs" variant="subtle" color="red" onClick={() => onWithdraw(record)} aria-label={`${t('finance.withdraw.action')}: ${record.label}`}>
                  {t('finance.withdraw.action')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function useRecordRows(data: RecordsDto | undefined) {
  const { t } = useTranslation();
  const { nameOf } = usePartyNames();
  const money = (amount: string, currency: string) => `${currency} ${amount}`;
  const contributions = (data?.contributions ?? []).map((c) => {
    const donor = c.donor.kind === 'party' ? nameOf(c.donor.iso3) : c.donor.name;
    const cells = [c.date, donor, t(`finance.kinds.${c.kind}`), t(`finance.earmarkings.${c.earmarking}`), money(c.amount, c.currency), money(c.received, c.currency)];
    return { record: { kind: 'contributions' as const, id: c.id, label: `${c.date} · ${donor} · ${money(c.amount, c.currency)}` }, cells };
  });
  const expenditures = (data?.expenditures ?? []).map((e) => {
    const cells = [e.date, t('finance.cycleN', { cycle: e.cycle }), t(`finance.categories.${e.category}`), money(e.amount, e.currency), e.description];
    return { record: { kind: 'expenditures' as const, id: e.id, label: `${e.date} · ${t(`finance.categories.${e.category}`)} · ${money(e.amount, e.currency)}` }, cells };
  });
  const requirements = (data?.requirements ?? []).map((r) => {
    const cells = [t('finance.cycleYear', { cycle: r.cycle, year: r.year }), money(r.amount, r.currency), r.description];
    return { record: { kind: 'requirements' as const, id: r.id, label: `${t('finance.cycleYear', { cycle: r.cycle, year: r.year })} · ${money(r.amount, r.currency)}` }, cells };
  });
  return { contributions, expenditures, requirements };
}

export function FinanceRecords() {
  const { t } = useTranslation();
  const records = useRecords(true);
  const rows = useRecordRows(records.data);
  const [withdrawing, setWithdrawing] = useState<Withdrawable | null>(null);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('finance.withdraw.listTitle')}>
      <Title order={3} size="h4" mb="sm">
        {t('finance.withdraw.listTitle')}
      </Title>
      <Tabs defaultValue="contributions" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="contributions">{`${t('finance.contributionListTitle')} (${rows.contributions.length})`}</Tabs.Tab>
          <Tabs.Tab value="expenditures">{`${t('finance.withdraw.expenditures')} (${rows.expenditures.length})`}</Tabs.Tab>
          <Tabs.Tab value="requirements">{`${t('finance.requirementsTitle')} (${rows.requirements.length})`}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="contributions" pt="sm">
          <RecordTable
            columns={[t('finance.date'), t('finance.donor'), t('finance.kind'), t('finance.earmarking'), t('finance.amount'), t('finance.received')]}
            rows={rows.contributions}
            onWithdraw={setWithdrawing}
          />
        </Tabs.Panel>
        <Tabs.Panel value="expenditures" pt="sm">
          <RecordTable columns={[t('finance.date'), t('finance.cycle'), t('finance.category'), t('finance.amount'), t('finance.description')]} rows={rows.expenditures} onWithdraw={setWithdrawing} />
        </Tabs.Panel>
        <Tabs.Panel value="requirements" pt="sm">
          <RecordTable columns={[t('finance.cycleAndYear'), t('finance.requirement'), t('finance.description')]} rows={rows.requirements} onWithdraw={setWithdrawing} />
        </Tabs.Panel>
      </Tabs>
      {withdrawing ? <WithdrawDialog record={withdrawing} onClose={() => setWithdrawing(null)} /> : null}
    </Paper>
  );
}
