/** The reviews behind one figure: State, cohort, the milestone's date as it stood, stage today. */
import { Alert, Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { dialogueTypeLabel, reviewStageLabel } from '../../../i18n/labels.ts';
import { useFormatters } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { useProgressReviews, type Figure } from '../api/progress.ts';
import { useFigureLabel } from './progress-figures.tsx';

export function ProgressReviews({ cycle, asOf, figure }: { cycle: number; asOf: string; figure: Figure }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const label = useFigureLabel();
  const { nameOf } = usePartyNames();
  const list = useProgressReviews(cycle, asOf, figure);
  return (
    <Stack gap="xs" component="section" aria-labelledby="figure-reviews-title" data-testid="figure-reviews">
      <Title order={2} size="h3" id="figure-reviews-title">
        {t('statistics.reviewsBehind', { figure: label(figure) })}
      </Title>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ProblemAlert error={list.error} />
      ) : list.data.count === 0 ? (
        <Alert color="gray">{t('statistics.noReviews')}</Alert>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('statistics.state')}</Table.Th>
              <Table.Th scope="col">{t('statistics.cohort')}</Table.Th>
              <Table.Th scope="col">{t('statistics.date')}</Table.Th>
              <Table.Th scope="col">{t('statistics.stageToday')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...list.data.reviews].sort((a, b) => nameOf(a.stateIso3).localeCompare(nameOf(b.stateIso3), f.language)).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Th scope="row">
                  <Anchor component={Link} to={paths.review.getHref(r.id)}>
                    {nameOf(r.stateIso3)}
                  </Anchor>
                </Table.Th>
                <Table.Td>{f.number(r.cohortYear)}</Table.Td>
                <Table.Td>
                  {r.date ? f.date(r.date) : '—'}
                  {r.dialogueType ? <Text span size="sm" c="dimmed">{` · ${dialogueTypeLabel(t, r.dialogueType)}`}</Text> : null}
                </Table.Td>
                <Table.Td>{reviewStageLabel(t, r.stage)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
