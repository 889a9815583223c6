/**
 * The secretariat's finance forms (docs/FINANCES.md): a contribution (pledge or in kind), a
 * receipt against a pledge, an expenditure, a requirement, an exchange rate, a post and the
 * per-visit cost. The server checks everything; its message is shown where the form is.
 */
import { Alert, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { todayIso } from '../../../lib/format.ts';
import { CONTRIBUTION_KINDS, CURRENCIES, EARMARKINGS, EXPENDITURE_CATEGORIES, useFinanceWrite, useRecords, type ContributionKind, type Earmarking, type ExpenditureCategory, type RecordsDto } from '../api/finance.ts';
import { FinanceRecords } from './finance-records.tsx';
import { useMoney } from './money.ts';

function FormCard({ title, onSubmit, submit, pending, error, done, children }: { title: string; onSubmit: () => void; submit: string; pending: boolean; error: unknown; done: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md" component="form" aria-label={title} onSubmit={(e: FormEvent) => (e.preventDefault(), onSubmit())}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        {children}
        {error ? <ProblemAlert error={error} /> : null}
        {done ? (
          <Alert color="green" variant="light" role="status">
            {t('finance.saved')}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={pending}>
            {submit}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

const currencyOptions = CURRENCIES.map((c) => ({ value: c, label: c }));

function ContributionForm() {
  const { t } = useTranslation();
  const { parties } = usePartyNames();
  const write = useFinanceWrite<Record<string, unknown>>(() => '/api/finance/contributions');
  const [donorKind, setDonorKind] = useState<'party' | 'other'>('party');
  const [iso3, setIso3] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ContributionKind>('cash');
  const [date, setDate] = useState(todayIso());
  const [currency, setCurrency] = useState('USD');
  const [amount, setAmount] = useState('');
  const [earmarking, setEarmarking] = useState<Earmarking>('unearmarked');
  const [activity, setActivity] = useState('');
  const [description, setDescription] = useState('');
  const [received, setReceived] = useState(false);
  const partyOptions = [{ value: '', label: t('finance.choose') }, ...(parties.data?.parties ?? []).map((p) => ({ value: p.iso3, label: p.name }))];
  const submit = () =>
    write.mutate({
      donor: donorKind === 'party' ? { iso3 } : { name },
      kind,
      date,
      currency,
      amount: amount.trim(),
      earmarking,
      ...(earmarking === 'activity' ? { activity } : {}),
      ...(kind === 'in-kind' ? { description } : { received }),
    });
  return (
    <FormCard title={t('finance.forms.contribution')} submit={t('finance.forms.recordContribution')} onSubmit={submit} pending={write.isPending} error={write.error} done={write.isSuccess}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect label={t('finance.donorType')} value={donorKind} onChange={(e) => setDonorKind(e.currentTarget.value as 'party' | 'other')} data={[{ value: 'party', label: t('finance.donorParty') }, { value: 'other', label: t('finance.donorOther') }]} />
        {donorKind === 'party' ? (
          <NativeSelect label={t('finance.donorState')} value={iso3} onChange={(e) => setIso3(e.currentTarget.value)} data={partyOptions} required />
        ) : (
          <TextInput label={t('finance.donorName')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
        )}
        <NativeSelect label={t('finance.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as ContributionKind)} data={CONTRIBUTION_KINDS.map((k) => ({ value: k, label: t(`finance.kinds.${k}`) }))} />
        <TextInput type="date" label={t('finance.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} required />
        <NativeSelect label={t('finance.currency')} value={currency} onChange={(e) => setCurrency(e.currentTarget.value)} data={currencyOptions} />
        <TextInput label={kind === 'in-kind' ? t('finance.value') : t('finance.amount')} description={t('finance.amountHint')} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.currentTarget.value)} required />
        <NativeSelect label={t('finance.earmarking')} value={earmarking} onChange={(e) => setEarmarking(e.currentTarget.value as Earmarking)} data={EARMARKINGS.map((k) => ({ value: k, label: t(`finance.earmarkings.${k}`) }))} />
        {earmarking === 'activity' ? <TextInput label={t('finance.activity')} value={activity} onChange={(e) => setActivity(e.currentTarget.value)} required /> : null}
        {kind === 'in-kind' ? <TextInput label={t('finance.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} required /> : null}
      </SimpleGrid>
      {kind === 'cash' ? <Checkbox label={t('finance.receivedInFull')} checked={received} onChange={(e) => setReceived(e.currentTarget.checked)} /> : null}
    </FormCard>
  );
}

function ReceiptForm() {
  const { t } = useTranslation();
  const money = useMoney();
  const records = useRecords(true);
  const { nameOf } = usePartyNames();
  const [id, setId] = useState('');
  const [date, setDate] = useState(todayIso());
  const [amount, setAmount] = useState('');
  const write = useFinanceWrite<{ id: string; date: string; amount: string }>((input) => `/api/finance/contributions/${encodeURIComponent(input.id)}/receipts`);
  const open = (records.data?.contributions ?? []).filter((c) => c.kind === 'cash' && c.received !== c.amount);
  const options = [
    { value: '', label: open.length === 0 ? t('finance.noOpenPledges') : t('finance.choose') },
    ...open.map((c) => ({ value: c.id, label: `${c.donor.kind === 'party' ? nameOf(c.donor.iso3) : c.donor.name} · ${c.date} · ${money(c.amount, c.currency)} (${t('finance.received')}: ${money(c.received, c.currency)})` })),
  ];
  return (
    <FormCard title={t('finance.forms.receipt')} submit={t('finance.forms.recordReceipt')} onSubmit={() => write.mutate({ id, date, amount: amount.trim() })} pending={write.isPending} error={write.error} done={write.isSuccess}>
      <NativeSelect label={t('finance.pledge')} value={id} onChange={(e) => setId(e.currentTarget.value)} data={options} required />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="date" label={t('finance.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} required />
        <TextInput label={t('finance.amountInPledgeCurrency')} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.currentTarget.value)} required />
      </SimpleGrid>
    </FormCard>
  );
}

function ExpenditureForm() {
  const { t } = useTranslation();
  const [cycle, setCycle] = useState('2');
  const [category, setCategory] = useState<ExpenditureCategory>('travel-experts');
  const [date, setDate] = useState(todayIso());
  const [currency, setCurrency] = useState('USD');
  const [amount, setAmount] = useState('');
  const [description, setDescription] = useState('');
  const write = useFinanceWrite<Record<string, unknown>>(() => '/api/finance/expenditures');
  return (
    <FormCard
      title={t('finance.forms.expenditure')}
      submit={t('finance.forms.recordExpenditure')}
      onSubmit={() => write.mutate({ cycle: Number(cycle), category, date, currency, amount: amount.trim(), description })}
      pending={write.isPending}
      error={write.error}
      done={write.isSuccess}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('finance.cycle')} inputMode="numeric" value={cycle} onChange={(e) => setCycle(e.currentTarget.value)} required />
        <NativeSelect label={t('finance.category')} value={category} onChange={(e) => setCategory(e.currentTarget.value as ExpenditureCategory)} data={EXPENDITURE_CATEGORIES.map((c) => ({ value: c, label: t(`finance.categories.${c}`) }))} />
        <TextInput type="date" label={t('finance.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} required />
        <NativeSelect label={t('finance.currency')} value={currency} onChange={(e) => setCurrency(e.currentTarget.value)} data={currencyOptions} />
        <TextInput label={t('finance.amount')} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.currentTarget.value)} required />
        <TextInput label={t('finance.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
      </SimpleGrid>
    </FormCard>
  );
}

function RequirementForm() {
  const { t } = useTranslation();
  const [cycle, setCycle] = useState('2');
  const [year, setYear] = useState(todayIso().slice(0, 4));
  const [currency, setCurrency] = useState('USD');
  const [amount, setAmount] = useState('');
  const write = useFinanceWrite<Record<string, unknown>>(() => '/api/finance/requirements');
  return (
    <FormCard title={t('finance.forms.requirement')} submit={t('finance.forms.recordRequirement')} onSubmit={() => write.mutate({ cycle: Number(cycle), year: Number(year), currency, amount: amount.trim() })} pending={write.isPending} error={write.error} done={write.isSuccess}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('finance.cycle')} inputMode="numeric" value={cycle} onChange={(e) => setCycle(e.currentTarget.value)} required />
        <TextInput label={t('finance.year')} inputMode="numeric" value={year} onChange={(e) => setYear(e.currentTarget.value)} required />
        <NativeSelect label={t('finance.currency')} value={currency} onChange={(e) => setCurrency(e.currentTarget.value)} data={currencyOptions} />
        <TextInput label={t('finance.amount')} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.currentTarget.value)} required />
      </SimpleGrid>
    </FormCard>
  );
}

function RateForm() {
  const { t } = useTranslation();
  const records = useRecords(true);
  const [currency, setCurrency] = useState('EUR');
  const [validFrom, setValidFrom] = useState(todayIso());
  const [perUsd, setPerUsd] = useState('');
  const write = useFinanceWrite<Record<string, unknown>>(() => '/api/finance/rates');
  return (
    <FormCard title={t('finance.forms.rate')} submit={t('finance.forms.recordRate')} onSubmit={() => write.mutate({ currency, validFrom, perUsd: perUsd.trim() })} pending={write.isPending} error={write.error} done={write.isSuccess}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect label={t('finance.currency')} value={currency} onChange={(e) => setCurrency(e.currentTarget.value)} data={currencyOptions.filter((c) => c.value !== 'USD')} />
        <TextInput type="date" label={t('finance.validFrom')} value={validFrom} onChange={(e) => setValidFrom(e.currentTarget.value)} required />
        <TextInput label={t('finance.perUsd')} inputMode="decimal" value={perUsd} onChange={(e) => setPerUsd(e.currentTarget.value)} required />
      </SimpleGrid>
      {(records.data?.rates.length ?? 0) > 0 ? (
        <Text size="sm" c="dimmed">
          {t('finance.ratesKnown')}: {records.data!.rates.map((r) => `${r.currency} ${r.perUsd} (${r.validFrom})`).join('; ')}
        </Text>
      ) : null}
    </FormCard>
  );
}

function PostForm() {
  const { t } = useTranslation();
  const [grade, setGrade] = useState('');
  const [title, setTitle] = useState('');
  const [regularBudget, setRegularBudget] = useState(true);
  const [vacantFrom, setVacantFrom] = useState('');
  const [vacantTo, setVacantTo] = useState('');
  const write = useFinanceWrite<Record<string, unknown>>(() => '/api/finance/posts');
  return (
    <FormCard
      title={t('finance.forms.post')}
      submit={t('finance.forms.recordPost')}
      onSubmit={() => write.mutate({ grade, title, regularBudget, vacantFrom: vacantFrom || null, vacantTo: vacantTo || null })}
      pending={write.isPending}
      error={write.error}
      done={write.isSuccess}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('finance.grade')} value={grade} onChange={(e) => setGrade(e.currentTarget.value)} required />
        <TextInput label={t('finance.postTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
        <TextInput type="date" label={t('finance.vacantFrom')} value={vacantFrom} onChange={(e) => setVacantFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('finance.vacantTo')} value={vacantTo} onChange={(e) => setVacantTo(e.currentTarget.value)} />
      </SimpleGrid>
      <Checkbox label={t('finance.regularBudget')} checked={regularBudget} onChange={(e) => setRegularBudget(e.currentTarget.checked)} />
    </FormCard>
  );
}

function VacancyRow({ post }: { post: RecordsDto['posts'][number] }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(post.vacantFrom ?? '');
  const [to, setTo] = useState(post.vacantTo ?? '');
  const write = useFinanceWrite<{ vacantFrom: string | null; vacantTo: string | null }>(() => `/api/finance/posts/${encodeURIComponent(post.id)}/vacancy`, 'PUT');
  const label = `${post.grade} ${post.title}`;
  return (
    <Table.Tr>
      <Table.Th scope="row">{label}</Table.Th>
      <Table.Td>{post.regularBudget ? t('finance.yes') : t('finance.no')}</Table.Td>
      <Table.Td>
        <TextInput type="date" aria-label={`${t('finance.vacantFrom')}: ${label}`} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
      </Table.Td>
      <Table.Td>
        <TextInput type="date" aria-label={`${t('finance.vacantTo')}: ${label}`} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Table.Td>
      <Table.Td>
        <Button size="xs" variant="default" loading={write.isPending} onClick={() => write.mutate({ vacantFrom: from || null, vacantTo: to || null })} aria-label={`${t('finance.saveVacancy')}: ${label}`}>
          {t('finance.saveVacancy')}
        </Button>
        {write.error ? <ProblemAlert error={write.error} /> : null}
      </Table.Td>
    </Table.Tr>
  );
}

function PostsTable() {
  const { t } = useTranslation();
  const records = useRecords(true);
  const posts = records.data?.posts ?? [];
  if (posts.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={t('finance.postsTitle')}>
      <Title order={3} size="h4" mb="sm">
        {t('finance.postsTitle')}
      </Title>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('finance.postTitle')}</Table.Th>
            <Table.Th scope="col">{t('finance.regularBudget')}</Table.Th>
            <Table.Th scope="col">{t('finance.vacantFrom')}</Table.Th>
            <Table.Th scope="col">{t('finance.vacantTo')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('finance.saveVacancy')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {posts.map((p) => (
            <VacancyRow key={`${p.id}-${p.vacantFrom ?? ''}-${p.vacantTo ?? ''}`} post={p} />
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function VisitCostForm() {
  const { t } = useTranslation();
  const records = useRecords(true);
  const [amount, setAmount] = useState<string | null>(null);
  const write = useFinanceWrite<{ visitCost: string | null }>(() => '/api/finance/settings', 'PUT');
  const value = amount ?? records.data?.visitCost ?? '';
  return (
    <FormCard title={t('finance.forms.visitCost')} submit={t('finance.forms.saveVisitCost')} onSubmit={() => write.mutate({ visitCost: value.trim() === '' ? null : value.trim() })} pending={write.isPending} error={write.error} done={write.isSuccess}>
      <TextInput label={t('finance.visitCost')} inputMode="decimal" value={value} onChange={(e) => setAmount(e.currentTarget.value)} />
    </FormCard>
  );
}

export function FinanceForms() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" component="section" aria-label={t('finance.recordTitle')}>
      <Title order={2} size="h3">
        {t('finance.recordTitle')}
      </Title>
      <ContributionForm />
      <ReceiptForm />
      <ExpenditureForm />
      <RequirementForm />
      <RateForm />
      <PostsTable />
      <PostForm />
      <VisitCostForm />
      <FinanceRecords />
    </Stack>
  );
}
