/**
 * The financial statement as at a date (docs/FINANCES.md): the funding gap first and
 * highlighted, then contributions (by donor where the reader may see them), earmarking,
 * expenditure by category and cycle, requirements, burn rate, virtual visits and posts.
 */
import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { Loading } from '../../../components/ui/loading.tsx';
import { useFormatters } from '../../../lib/format.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { statementXlsxUrl, useStatement, type Donor, type StatementDto } from '../api/finance.ts';
import { useMoney } from './money.ts';

function Figure({ label, value, testId, highlight = false }: { label: string; value: string; testId: string; highlight?: boolean }) {
  return (
    <Paper withBorder p="md" radius="md" bg={highlight ? 'orange.0' : undefined} style={highlight ? { borderColor: 'var(--mantine-color-orange-8)', borderWidth: 2 } : undefined}>
      <Text size="sm" c={highlight ? 'dark.9' : 'dimmed'} fw={highlight ? 700 : 500}>
        {label}
      </Text>
      <Text size={highlight ? 'xl' : 'lg'} fw={700} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={2} size="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

export function StatementTables({ statement }: { statement: StatementDto }) {
  const { t } = useTranslation();
  const money = useMoney();
  const f = useFormatters();
  const { nameOf } = usePartyNames();
  // States parties by their name in the interface language; other donors as recorded.
  const donorName = (donor: Donor, recorded: string) => (donor.kind === 'party' ? nameOf(donor.iso3) : recorded);
  const s = statement;
  const cycles = s.spentByCycle.map((c) => c.cycle);
  const categories = [...new Set(s.spending.map((x) => x.category))];
  return (
    <Stack gap="xl">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Figure label={t('finance.fundingGap')} value={money(s.fundingGap)} testId="funding-gap" highlight />
        <Figure label={t('finance.requirementsToDate')} value={money(s.requirementsToDate)} testId="requirements-to-date" />
        <Figure label={t('finance.received')} value={money(s.contributions.received)} testId="received" />
        <Figure label={t('finance.spentTotal')} value={money(s.spentTotal)} testId="spent-total" />
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('finance.gapExplained')}
      </Text>

      <Section title={t('finance.contributionsTitle')}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('finance.donor')}</Table.Th>
              <Table.Th scope="col">{t('finance.pledged')}</Table.Th>
              <Table.Th scope="col">{t('finance.received')}</Table.Th>
              <Table.Th scope="col">{t('finance.outstanding')}</Table.Th>
              <Table.Th scope="col">{t('finance.inKind')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.donors.map((d) => (
              <Table.Tr key={d.donor.kind === 'party' ? d.donor.iso3 : d.donor.name}>
                <Table.Th scope="row">{donorName(d.donor, d.name)}</Table.Th>
                <Table.Td>{money(d.pledged)}</Table.Td>
                <Table.Td>{money(d.received)}</Table.Td>
                <Table.Td>{money(d.outstanding)}</Table.Td>
                <Table.Td>{money(d.inKind)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Th scope="row">{s.donors.length === 0 && s.donorsAggregated ? t('finance.allDonors') : t('finance.total')}</Table.Th>
              <Table.Td data-testid="total-pledged">{money(s.contributions.pledged)}</Table.Td>
              <Table.Td>{money(s.contributions.received)}</Table.Td>
              <Table.Td>{money(s.contributions.outstanding)}</Table.Td>
              <Table.Td>{money(s.contributions.inKind)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        {s.donorsAggregated ? (
          <Text size="sm" c="dimmed" data-testid="donors-aggregated">
            {t('finance.donorsAggregated')}
          </Text>
        ) : null}
      </Section>

      <Section title={t('finance.earmarkingTitle')}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('finance.earmarking')}</Table.Th>
              <Table.Th scope="col">{t('finance.pledged')}</Table.Th>
              <Table.Th scope="col">{t('finance.received')}</Table.Th>
              <Table.Th scope="col">{t('finance.inKind')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.byEarmarking.map((e) => (
              <Table.Tr key={e.earmarking}>
                <Table.Th scope="row">{t(`finance.earmarkings.${e.earmarking}`)}</Table.Th>
                <Table.Td>{money(e.pledged)}</Table.Td>
                <Table.Td>{money(e.received)}</Table.Td>
                <Table.Td>{money(e.inKind)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>

      {s.contributionList.length > 0 ? (
        <Section title={t('finance.contributionListTitle')}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('finance.donor')}</Table.Th>
                <Table.Th scope="col">{t('finance.date')}</Table.Th>
                <Table.Th scope="col">{t('finance.kind')}</Table.Th>
                <Table.Th scope="col">{t('finance.amount')}</Table.Th>
                <Table.Th scope="col">{t('finance.received')}</Table.Th>
                <Table.Th scope="col">{t('finance.earmarking')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.contributionList.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row">{donorName(c.donor, c.name)}</Table.Th>
                  <Table.Td>{f.date(c.date)}</Table.Td>
                  <Table.Td>{c.kind === 'in-kind' ? `${t('finance.kinds.in-kind')}: ${c.description}` : t('finance.kinds.cash')}</Table.Td>
                  <Table.Td>{money(c.amount, c.currency)}</Table.Td>
                  <Table.Td>{c.kind === 'cash' ? money(c.received, c.currency) : '—'}</Table.Td>
                  <Table.Td>{c.earmarking === 'activity' ? `${t('finance.earmarkings.activity')}: ${c.activity}` : t(`finance.earmarkings.${c.earmarking}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
      ) : null}

      <Section title={t('finance.spendingTitle')}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('finance.category')}</Table.Th>
              {cycles.map((c) => (
                <Table.Th scope="col" key={c}>
                  {t('finance.cycleN', { cycle: c })}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {categories.map((category) => (
              <Table.Tr key={category}>
                <Table.Th scope="row">{t(`finance.categories.${category}`)}</Table.Th>
                {cycles.map((c) => (
                  <Table.Td key={c}>{money(s.spending.find((x) => x.category === category && x.cycle === c)?.amount ?? '0')}</Table.Td>
                ))}
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Th scope="row">{t('finance.total')}</Table.Th>
              {s.spentByCycle.map((c) => (
                <Table.Td key={c.cycle} data-testid={`spent-cycle-${c.cycle}`}>
                  {money(c.amount)}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Section>

      <Section title={t('finance.requirementsTitle')}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('finance.cycleAndYear')}</Table.Th>
              <Table.Th scope="col">{t('finance.requirement')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.requirements.map((r) => (
              <Table.Tr key={`${r.cycle}-${r.year}`}>
                <Table.Th scope="row">{t('finance.cycleYear', { cycle: r.cycle, year: f.calendarYear(r.year) })}</Table.Th>
                <Table.Td>{money(r.amount)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Th scope="row">{t('finance.requirementsToDate')}</Table.Th>
              <Table.Td>{money(s.requirementsToDate)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Section>

      <Section title={t('finance.otherTitle')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Figure label={t('finance.burnRate', { months: s.burnRate.months })} value={money(s.burnRate.perMonth)} testId="burn-rate" />
          <Figure
            label={t('finance.virtualSavings', { visits: s.virtualVisits.count })}
            value={s.virtualVisits.savings === null ? t('finance.noVisitCost') : money(s.virtualVisits.savings)}
            testId="virtual-savings"
          />
          <Figure label={t('finance.posts')} value={t('finance.postsValue', { total: s.posts.total, regular: s.posts.regularBudget, vacant: s.posts.vacant })} testId="posts" />
        </SimpleGrid>
      </Section>
    </Stack>
  );
}

/** The as-at date picker, the export link and the statement. */
export function StatementView({ asAt, onAsAtChange }: { asAt: string; onAsAtChange: (date: string) => void }) {
  const { t } = useTranslation();
  const statement = useStatement(asAt, /^\d{4}-\d{2}-\d{2}$/.test(asAt));
  return (
    <Stack gap="lg">
      <Group align="flex-end">
        <TextInput type="date" label={t('finance.asAt')} value={asAt} onChange={(e) => onAsAtChange(e.currentTarget.value)} w={200} />
        <Anchor href={statementXlsxUrl(asAt)} download>
          {t('finance.downloadXlsx')}
        </Anchor>
      </Group>
      {statement.isPending ? <Loading /> : statement.isError ? <ProblemAlert error={statement.error} onRetry={() => void statement.refetch()} /> : <StatementTables statement={statement.data} />}
    </Stack>
  );
}
