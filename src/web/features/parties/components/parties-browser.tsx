import { Alert, Anchor, Badge, Box, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGIONAL_GROUPS, type RegionalGroup } from '../../../../domain/parties/regional-groups.ts';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { regionalGroupLabel } from '../../../i18n/labels.ts';
import { useFormatters } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import { foldForSearch } from '../../../lib/text.ts';
import { useAbility } from '../../auth/api/get-session.ts';
import { useParties, type PartyListItem } from '../api/get-parties.ts';
import { PartySince, PartyStatusBadge } from './party-status.tsx';
import { RecordAccessionModal } from './record-accession-modal.tsx';

type GroupFilter = 'all' | RegionalGroup | 'none';
type StatusFilter = 'all' | 'party' | 'notParty';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function matches(party: PartyListItem, foldedQuery: string, language: keyof PartyListItem['names']): boolean {
  if (!foldedQuery) return true;
  const haystacks = [party.names[language], party.name, party.iso3, party.iso2 ?? ''];
  return haystacks.some((h) => foldForSearch(h).includes(foldedQuery));
}

export function PartiesBrowser() {
  const { t } = useTranslation();
  const f = useFormatters();
  const canRecordAccession = useAbility('parties.recordAccession');
  const [search, setSearch] = useState('');
  const [group, setGroup] = useState<GroupFilter>('all');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [asOfInput, setAsOfInput] = useState('');
  const [accessionFor, setAccessionFor] = useState<PartyListItem | null>(null);
  const [recorded, setRecorded] = useState<PartyListItem | null>(null);

  const asOf = ISO_DATE.test(asOfInput) ? asOfInput : undefined;
  const parties = useParties(asOf);
  const deferredSearch = useDeferredValue(search);

  const rows = useMemo(() => {
    const all = parties.data?.parties ?? [];
    const folded = foldForSearch(deferredSearch);
    const collator = new Intl.Collator(f.language, { sensitivity: 'base' });
    return all
      .filter((p) => matches(p, folded, f.language))
      .filter((p) => (group === 'all' ? true : group === 'none' ? p.regionalGroup === null : p.regionalGroup === group))
      .filter((p) => (status === 'all' ? true : status === 'party' ? p.isParty : !p.isParty))
      .sort((a, b) => collator.compare(a.names[f.language], b.names[f.language]));
  }, [parties.data, deferredSearch, group, status, f.language]);

  const total = parties.data?.parties.length ?? 0;
  const asOfLabel = parties.data ? f.date(parties.data.asOf) : '';

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="party-filters-title">
        <VisuallyHidden>
          <h2 id="party-filters-title">{t('parties.filters.title')}</h2>
        </VisuallyHidden>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <TextInput
            type="search"
            label={t('parties.filters.search')}
            description={t('parties.filters.searchHint')}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('parties.filters.group')}
            description={t('parties.filters.groupHint')}
            value={group}
            onChange={(e) => setGroup(e.currentTarget.value as GroupFilter)}
            data={[
              { value: 'all', label: t('parties.filters.allGroups') },
              ...REGIONAL_GROUPS.map((g) => ({ value: g, label: regionalGroupLabel(t, g) })),
              { value: 'none', label: regionalGroupLabel(t, null) },
            ]}
          />
          <NativeSelect
            label={t('parties.filters.status')}
            description={t('parties.filters.statusHint')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as StatusFilter)}
            data={[
              { value: 'all', label: t('parties.filters.allStatuses') },
              { value: 'party', label: t('parties.status.party') },
              { value: 'notParty', label: t('parties.status.notParty') },
            ]}
          />
          <TextInput
            type="date"
            label={t('parties.filters.asOf')}
            description={t('parties.filters.asOfHint')}
            value={asOfInput}
            onChange={(e) => setAsOfInput(e.currentTarget.value)}
          />
        </SimpleGrid>
      </Paper>

      {recorded ? (
        <Alert color="teal" variant="light" role="status" withCloseButton closeButtonLabel={t('actions.dismiss')} onClose={() => setRecorded(null)}>
          {t('parties.accession.recorded', { name: recorded.names[f.language] })}
        </Alert>
      ) : null}

      {parties.isError ? <ProblemAlert error={parties.error} onRetry={() => void parties.refetch()} /> : null}
      {parties.isPending ? <Loading /> : null}

      {parties.data ? (
        <>
          <Box component="section" aria-labelledby="party-counts-title">
            <Title order={2} size="h3" id="party-counts-title" mb="xs">
              {t('parties.counts.title', { date: asOfLabel })}
            </Title>
            <SimpleGrid component="dl" cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" m={0}>
              <Paper withBorder p="sm" radius="md" bg="un.0">
                <Text component="dt" size="xs" fw={600}>
                  {t('parties.counts.total')}
                </Text>
                <Text component="dd" m={0} fz={24} fw={700} c="un.9">
                  {f.number(parties.data.counts.parties)}
                </Text>
              </Paper>
              {REGIONAL_GROUPS.map((g) => (
                <Paper key={g} withBorder p="sm" radius="md">
                  <Text component="dt" size="xs" fw={600} lh={1.3}>
                    {regionalGroupLabel(t, g)}
                  </Text>
                  <Text component="dd" m={0} fz={20} fw={700}>
                    {f.number(parties.data.counts.byRegionalGroup[g] ?? 0)}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
          </Box>

          <Box component="section" aria-labelledby="party-table-title">
            <Group justify="space-between" align="baseline" mb="xs" gap="xs">
              <Title order={2} size="h3" id="party-table-title">
                {t('parties.table.title')}
              </Title>
              <Text size="sm" c="dimmed" role="status" aria-live="polite">
                {t('parties.table.shown', { shown: f.number(rows.length), total: f.number(total) })}
                {' · '}
                {t('parties.table.partiesShown', { formatted: f.number(rows.filter((p) => p.isParty).length) })}
              </Text>
            </Group>
            <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
              <Table.ScrollContainer minWidth={760}>
                <Table striped highlightOnHover stickyHeader aria-labelledby="party-table-title">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('parties.table.name')}</Table.Th>
                      <Table.Th scope="col" className="nowrap">
                        {t('parties.table.iso')}
                      </Table.Th>
                      <Table.Th scope="col">{t('parties.table.group')}</Table.Th>
                      <Table.Th scope="col">{t('parties.table.since')}</Table.Th>
                      <Table.Th scope="col" className="nowrap">
                        {t('parties.table.status')}
                      </Table.Th>
                      {canRecordAccession ? <Table.Th scope="col">{t('parties.table.actions')}</Table.Th> : null}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((party) => (
                      <Table.Tr key={party.iso3}>
                        <Table.Th scope="row" fw={500}>
                          <Anchor component={Link} to={paths.country.getHref(party.iso3)} size="sm" fw={500}>
                            {party.names[f.language]}
                          </Anchor>
                          {party.kind === 'reio' ? (
                            <Text size="xs" c="dimmed">
                              {t('parties.table.reio')}
                            </Text>
                          ) : !party.isUnMember ? (
                            <Text size="xs" c="dimmed">
                              {t('parties.table.nonMember')}
                            </Text>
                          ) : null}
                        </Table.Th>
                        <Table.Td>
                          <Text size="sm" ff="monospace">
                            {party.iso3}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{regionalGroupLabel(t, party.regionalGroup)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <PartySince party={party} />
                        </Table.Td>
                        <Table.Td className="nowrap">
                          <PartyStatusBadge isParty={party.isParty} />
                        </Table.Td>
                        {canRecordAccession ? (
                          <Table.Td>
                            {!party.isParty ? (
                              <Button
                                size="compact-sm"
                                variant="light"
                                aria-label={t('parties.accession.buttonFor', { name: party.names[f.language] })}
                                onClick={() => setAccessionFor(party)}
                              >
                                {t('parties.accession.button')}
                              </Button>
                            ) : null}
                          </Table.Td>
                        ) : null}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {rows.length === 0 ? (
                <Text p="md" c="dimmed" ta="center">
                  {t('parties.table.empty')}
                </Text>
              ) : null}
            </Paper>
            {parties.isFetching && !parties.isPending ? (
              <Badge mt="xs" variant="light" color="gray">
                {t('status.updating')}
              </Badge>
            ) : null}
          </Box>
        </>
      ) : null}

      <RecordAccessionModal party={accessionFor} onClose={() => setAccessionFor(null)} onRecorded={setRecorded} />
    </Stack>
  );
}
