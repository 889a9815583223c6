import { Badge, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionalGroup } from '../../../../domain/parties/regional-groups.ts';
import { regionalGroupLabel } from '../../../i18n/labels.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import type { ReviewerAssignmentDto } from '../api/get-draw.ts';

function StateCell({ iso3, group, isChanged }: { iso3: string; group: RegionalGroup | null | undefined; isChanged?: boolean }) {
  const { t } = useTranslation();
  const { nameOf } = usePartyNames();
  return (
    <Stack gap={2}>
      <Text fz={{ base: 'md', md: 'xl' }} fw={600} lh={1.3}>
        {nameOf(iso3)}{' '}
        <Text span fz="sm" c="dimmed" fw={500} dir="ltr">
          {iso3}
        </Text>
      </Text>
      {group !== undefined ? (
        <Text fz={{ base: 'xs', md: 'sm' }} c="dimmed">
          {regionalGroupLabel(t, group)}
        </Text>
      ) : null}
      {isChanged ? (
        <Badge color="orange.9" variant="light" size="sm" tt="none" w="fit-content">
          {t('lots.result.redrawn')}
        </Badge>
      ) : null}
    </Stack>
  );
}

/**
 * The result of a reviewer draw, for the meeting-room screen: each State under review, its
 * reviewer #1 (same regional group) and its reviewer #2, by name in the interface language.
 */
export function ReviewerResultTable({
  result,
  recordParties,
  changed,
}: {
  result: ReviewerAssignmentDto[];
  /** The record's own groups, used when the list of parties has not loaded. */
  recordParties?: { iso3: string; regionalGroup: string | null }[];
  /** The slot a redraw changed, highlighted. */
  changed?: { underReview: string; slot: 0 | 1 };
}) {
  const { t } = useTranslation();
  const { nameOf, parties, language } = usePartyNames();
  const groupOf = useMemo(() => {
    const map = new Map<string, RegionalGroup | null>();
    for (const p of recordParties ?? []) map.set(p.iso3, p.regionalGroup as RegionalGroup | null);
    for (const p of parties.data?.parties ?? []) map.set(p.iso3, p.regionalGroup);
    return (iso3: string) => map.get(iso3);
  }, [parties.data, recordParties]);
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  const rows = [...result].sort((a, b) => collator.compare(nameOf(a.underReview), nameOf(b.underReview)));

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder striped verticalSpacing="md" horizontalSpacing="md" aria-label={t('lots.result.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" fz={{ base: 'sm', md: 'lg' }}>
              {t('lots.result.underReview')}
            </Table.Th>
            <Table.Th scope="col" fz={{ base: 'sm', md: 'lg' }}>
              {t('lots.result.reviewer1')}
            </Table.Th>
            <Table.Th scope="col" fz={{ base: 'sm', md: 'lg' }}>
              {t('lots.result.reviewer2')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.underReview}>
              <Table.Th scope="row" fw={400}>
                <StateCell iso3={row.underReview} group={groupOf(row.underReview)} />
              </Table.Th>
              {row.reviewers.map((reviewer, slot) => (
                <Table.Td key={slot}>
                  <StateCell iso3={reviewer} group={groupOf(reviewer)} isChanged={changed?.underReview === row.underReview && changed.slot === slot} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
