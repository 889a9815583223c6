import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import type { CohortYearDto } from '../api/get-draw.ts';

/** The result of a draw of cohorts: the States under review in each year of the cycle. */
export function CohortResultTable({ result, firstYear }: { result: CohortYearDto[]; firstYear?: number }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { nameOf, language } = usePartyNames();
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  const separator = language === 'zh' ? '、' : language === 'ar' ? '، ' : ', ';
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table withTableBorder verticalSpacing="md" aria-label={t('lots.result.cohortsLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={180} fz={{ base: 'sm', md: 'lg' }}>
              {t('lots.result.year')}
            </Table.Th>
            <Table.Th scope="col" fz={{ base: 'sm', md: 'lg' }}>
              {t('lots.result.states')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...result]
            .sort((a, b) => a.year - b.year)
            .map((cohort) => (
              <Table.Tr key={cohort.year}>
                <Table.Th scope="row" fz={{ base: 'md', md: 'lg' }} style={{ verticalAlign: 'top' }}>
                  {t('cycles.yearN', { number: f.calendarYear(cohort.year) })}
                  {firstYear ? (
                    <Text fz="sm" c="dimmed" fw={400}>
                      {f.calendarYear(firstYear + cohort.year - 1)}
                    </Text>
                  ) : null}
                  <Text fz="sm" c="dimmed" fw={400}>
                    {t('cycles.stateCount', { formatted: f.number(cohort.states.length) })}
                  </Text>
                </Table.Th>
                <Table.Td>
                  <Text fz={{ base: 'sm', md: 'lg' }} lh={1.6}>
                    {cohort.states
                      .map(nameOf)
                      .sort(collator.compare)
                      .join(separator)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
