import { Badge, Box, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { cohortsByYear, type CycleDto } from '../api/get-cycles.ts';
import type { CohortRef } from './edit-cohort-modal.tsx';

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <Box>
      <Text component="dt" size="xs" fw={600} c="dimmed" tt="uppercase">
        {term}
      </Text>
      <Text component="dd" m={0} size="sm" fw={500}>
        {children}
      </Text>
    </Box>
  );
}

export function CycleCard({ cycle, canEdit, onEdit }: { cycle: CycleDto; canEdit: boolean; onEdit: (ref: CohortRef) => void }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { nameOf, language } = usePartyNames();
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  const headingId = `cycle-${cycle.number}-title`;

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Box>
            <Title order={2} id={headingId}>
              {t('cycles.cycleHeading', { number: f.calendarYear(cycle.number) })}
            </Title>
            <Text size="sm" c="dimmed" lang="en" className="data-en">
              {cycle.title}
            </Text>
          </Box>
        </Group>

        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} spacing="md" m={0}>
          <Fact term={t('cycles.chapters')}>{f.list(cycle.chapters.map((c) => t('cycles.chapterBadge', { number: f.chapter(c) })))}</Fact>
          <Fact term={t('cycles.startsOn')}>{f.date(cycle.startsOn)}</Fact>
          <Fact term={t('cycles.endsOn')}>{f.date(cycle.endsOn)}</Fact>
          <Fact term={t('cycles.extendedTo')}>
            {cycle.extendedTo ? (
              <>
                {f.date(cycle.extendedTo)}{' '}
                <Badge size="xs" color="orange.9" variant="light" tt="none">
                  {t('cycles.extended')}
                </Badge>
              </>
            ) : (
              t('cycles.notExtended')
            )}
          </Fact>
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('cycles.span', { from: f.calendarYear(cycle.firstYear), to: f.calendarYear(cycle.firstYear + cycle.years - 1) })}
        </Text>

        <Box>
          <Title order={3} mb="xs">
            {t('cycles.cohortsTitle')}
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table withTableBorder withColumnBorders={false} verticalSpacing="sm" aria-label={t('cycles.cohortsOf', { number: f.calendarYear(cycle.number) })}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={120}>
                    {t('cycles.year')}
                  </Table.Th>
                  <Table.Th scope="col" w={110}>
                    {t('cycles.calendarYear')}
                  </Table.Th>
                  <Table.Th scope="col">{t('cycles.statesUnderReview')}</Table.Th>
                  {canEdit ? (
                    <Table.Th scope="col" w={150}>
                      {t('cycles.actions')}
                    </Table.Th>
                  ) : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cohortsByYear(cycle).map((cohort) => {
                  const names = cohort.states.map(nameOf).sort(collator.compare);
                  return (
                    <Table.Tr key={cohort.year}>
                      <Table.Th scope="row" fw={500}>
                        {t('cycles.yearN', { number: f.calendarYear(cohort.year) })}
                      </Table.Th>
                      <Table.Td>{f.calendarYear(cohort.calendarYear)}</Table.Td>
                      <Table.Td>
                        {names.length === 0 ? (
                          <Text size="sm" c="dimmed" fs="italic">
                            {t('cycles.noStates')}
                          </Text>
                        ) : (
                          <Stack gap={4}>
                            <Text size="xs" fw={600} c="dimmed">
                              {t('cycles.stateCount', { formatted: f.number(names.length) })}
                            </Text>
                            <Text size="sm" lh={1.55}>
                              {names.join(language === 'zh' ? '、' : language === 'ar' ? '، ' : ', ')}
                            </Text>
                          </Stack>
                        )}
                      </Table.Td>
                      {canEdit ? (
                        <Table.Td>
                          <Button
                            size="compact-sm"
                            variant="light"
                            aria-label={t('cycles.editCohortFor', { year: f.calendarYear(cohort.calendarYear) })}
                            onClick={() => onEdit({ cycleNumber: cycle.number, year: cohort.year })}
                          >
                            {t('cycles.editCohort')}
                          </Button>
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Box>
      </Stack>
    </Paper>
  );
}
