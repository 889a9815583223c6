import { Accordion, Alert, Button, Group, NativeSelect, Paper, Radio, Select, Stack, Table, Text, TextInput, Title, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/ui/loading.tsx';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { regionalGroupLabel } from '../../../i18n/labels.ts';
import { useFormatters } from '../../../lib/format.ts';
import { paths } from '../../../lib/paths.ts';
import { foldForSearch } from '../../../lib/text.ts';
import { cohortsByYear, useCycles, type CycleDto } from '../../cycles/api/get-cycles.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { useCommitDraw } from '../api/commit-draw.ts';
import { useDrawPool, type DrawPoolDto } from '../api/get-draw-pool.ts';
import { useRemoveExclusion } from '../api/remove-exclusion.ts';
import { useSetExclusion } from '../api/set-exclusion.ts';
import { DrawProblem } from './draw-problem.tsx';

type Kind = 'reviewers' | 'cohorts';

const filterStates: OptionsFilter = ({ options, search }) => {
  const folded = foldForSearch(search);
  if (!folded) return options;
  return (options as ComboboxItem[]).filter((o) => foldForSearch(o.label).includes(folded) || o.value.toLowerCase().includes(folded));
};

function ExcludeForm({ pool }: { pool: DrawPoolDto }) {
  const { t } = useTranslation();
  const { nameOf, language } = usePartyNames();
  const exclude = useSetExclusion();
  const [iso3, setIso3] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ state?: string; reason?: string }>({});
  const options = useMemo(() => {
    const collator = new Intl.Collator(language, { sensitivity: 'base' });
    return pool.groups
      .flatMap((g) => g.pool)
      .map((p) => ({ value: p.iso3, label: nameOf(p.iso3) }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [pool, nameOf, language]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = { state: iso3 ? undefined : t('lots.pool.stateRequired'), reason: reason.trim().length >= 3 ? undefined : t('lots.pool.reasonRequired') };
    setErrors(next);
    if (next.state || next.reason || !iso3) return;
    exclude.mutate({ cycle: pool.cycle, year: pool.year, iso3, reason: reason.trim() }, { onSuccess: () => { setIso3(null); setReason(''); } });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={3}>{t('lots.pool.excludeTitle')}</Title>
        <Group align="flex-start" grow>
          <Select
            label={t('lots.pool.state')}
            data={options}
            value={iso3}
            onChange={setIso3}
            searchable
            filter={filterStates}
            nothingFoundMessage={t('cycles.edit.nothingFound')}
            error={errors.state}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput label={t('lots.pool.reason')} description={t('lots.pool.reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} maxLength={1000} />
        </Group>
        {exclude.isError ? <ProblemAlert error={exclude.error} /> : null}
        <Group>
          <Button type="submit" variant="light" loading={exclude.isPending}>
            {t('lots.pool.exclude')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PoolView({ pool }: { pool: DrawPoolDto }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { nameOf, language } = usePartyNames();
  const putBack = useRemoveExclusion();
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  const byName = (a: string, b: string) => collator.compare(nameOf(a), nameOf(b));
  const excluded = pool.groups.flatMap((g) => g.excluded).sort((a, b) => byName(a.iso3, b.iso3));
  const separator = language === 'zh' ? '、' : language === 'ar' ? '، ' : ', ';

  return (
    <Stack gap="lg">
      {pool.isDrawn ? (
        <Alert color="orange" variant="light" title={t('lots.pool.drawnTitle')}>
          {t('lots.pool.drawnBody')}
        </Alert>
      ) : null}
      <Table.ScrollContainer minWidth={640}>
        <Table withTableBorder verticalSpacing="sm" aria-label={t('lots.pool.summaryLabel', { year: f.calendarYear(pool.calendarYear) })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('lots.pool.group')}</Table.Th>
              <Table.Th scope="col">{t('lots.pool.underReview')}</Table.Th>
              <Table.Th scope="col">{t('lots.pool.inPool')}</Table.Th>
              <Table.Th scope="col">{t('lots.pool.excluded')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pool.groups.map((g) => (
              <Table.Tr key={g.regionalGroup ?? 'none'}>
                <Table.Th scope="row" fw={500}>
                  {regionalGroupLabel(t, g.regionalGroup)}
                </Table.Th>
                <Table.Td>{f.number(g.underReview.length)}</Table.Td>
                <Table.Td>{f.number(g.pool.length)}</Table.Td>
                <Table.Td>{f.number(g.excluded.length)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <ExcludeForm pool={pool} />

      <Stack gap="xs">
        <Title order={3}>{t('lots.pool.excludedTitle')}</Title>
        {putBack.isError ? <ProblemAlert error={putBack.error} /> : null}
        {excluded.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('lots.pool.noneExcluded')}
          </Text>
        ) : (
          <Table withTableBorder verticalSpacing="xs" aria-label={t('lots.pool.excludedTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('lots.pool.state')}</Table.Th>
                <Table.Th scope="col">{t('lots.pool.reason')}</Table.Th>
                <Table.Th scope="col">{t('cycles.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {excluded.map((e) => (
                <Table.Tr key={e.iso3}>
                  <Table.Th scope="row" fw={500}>
                    {nameOf(e.iso3)}
                  </Table.Th>
                  <Table.Td>{e.reason}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="default"
                      loading={putBack.isPending && putBack.variables?.iso3 === e.iso3}
                      onClick={() => putBack.mutate({ cycle: pool.cycle, year: pool.year, iso3: e.iso3 })}
                      aria-label={t('lots.pool.putBackFor', { name: nameOf(e.iso3) })}
                    >
                      {t('lots.pool.putBack')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>

      <Stack gap="xs">
        <Title order={3}>{t('lots.pool.groupsTitle')}</Title>
        <Accordion multiple variant="separated">
          {pool.groups.map((g) => (
            <Accordion.Item key={g.regionalGroup ?? 'none'} value={g.regionalGroup ?? 'none'}>
              <Accordion.Control>{regionalGroupLabel(t, g.regionalGroup)}</Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  <Text size="sm">
                    <Text span fw={600}>
                      {t('lots.pool.underReview')}:
                    </Text>{' '}
                    {g.underReview.length === 0 ? '—' : [...g.underReview].sort(byName).map(nameOf).join(separator)}
                  </Text>
                  <Table verticalSpacing={4} aria-label={t('lots.pool.poolOf', { group: regionalGroupLabel(t, g.regionalGroup) })}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('lots.pool.state')}</Table.Th>
                        <Table.Th scope="col">{t('lots.pool.reviewsSoFar')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {[...g.pool]
                        .sort((a, b) => byName(a.iso3, b.iso3))
                        .map((p) => (
                          <Table.Tr key={p.iso3}>
                            <Table.Td>{nameOf(p.iso3)}</Table.Td>
                            <Table.Td>{f.number(p.reviewsSoFar)}</Table.Td>
                          </Table.Tr>
                        ))}
                    </Table.Tbody>
                  </Table>
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </Stack>
    </Stack>
  );
}

function hasCohorts(cycle: CycleDto | undefined): boolean {
  return Boolean(cycle?.cohorts.some((c) => c.states.length > 0));
}

/** Secretariat: choose what to draw, review the pool and exclusions, publish the commitment. */
export function NewDraw() {
  const { t } = useTranslation();
  const f = useFormatters();
  const cycles = useCycles();
  const commit = useCommitDraw();
  const navigate = useNavigate();
  const [cycleNumber, setCycleNumber] = useState<number | null>(null);
  const [kind, setKind] = useState<Kind | null>(null);
  const [year, setYear] = useState(1);

  const sorted = [...(cycles.data?.cycles ?? [])].sort((a, b) => a.number - b.number);
  const cycle = sorted.find((c) => c.number === cycleNumber) ?? sorted[0];
  const effectiveKind: Kind = kind ?? (hasCohorts(cycle) ? 'reviewers' : 'cohorts');
  const pool = useDrawPool(cycle?.number ?? 0, cycle && effectiveKind === 'reviewers' ? year : null);

  if (cycles.isPending) return <Loading />;
  if (cycles.isError) return <ProblemAlert error={cycles.error} onRetry={() => void cycles.refetch()} />;
  if (!cycle) return <Text c="dimmed">{t('cycles.none')}</Text>;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!cycle) return;
    commit.mutate(effectiveKind === 'cohorts' ? { kind: 'cohorts', cycle: cycle.number } : { kind: 'reviewers', cycle: cycle.number, year }, {
      onSuccess: ({ draw }) => void navigate({ to: paths.draw.getHref(draw.id) }),
    });
  }

  return (
    <Stack gap="xl">
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="new-draw-choice">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Title order={2} id="new-draw-choice">
              {t('lots.new.choiceTitle')}
            </Title>
            <NativeSelect
              label={t('lots.new.cycle')}
              value={String(cycle.number)}
              onChange={(e) => {
                setCycleNumber(Number(e.currentTarget.value));
                setKind(null);
                commit.reset();
              }}
              data={sorted.map((c) => ({ value: String(c.number), label: t('lots.cycleN', { number: f.calendarYear(c.number) }) }))}
            />
            <Radio.Group label={t('lots.new.kind')} value={effectiveKind} onChange={(v) => { setKind(v === 'cohorts' ? 'cohorts' : 'reviewers'); commit.reset(); }}>
              <Stack gap={6} mt={6}>
                <Radio value="reviewers" label={t('lots.new.kindReviewers')} />
                <Radio value="cohorts" label={t('lots.new.kindCohorts')} description={hasCohorts(cycle) ? t('lots.new.hasCohorts') : undefined} />
              </Stack>
            </Radio.Group>
            {effectiveKind === 'reviewers' ? (
              <NativeSelect
                label={t('lots.new.year')}
                value={String(year)}
                onChange={(e) => {
                  setYear(Number(e.currentTarget.value));
                  commit.reset();
                }}
                data={cohortsByYear(cycle).map((c) => ({
                  value: String(c.year),
                  label: t('lots.new.yearOption', { year: f.calendarYear(c.year), calendarYear: f.calendarYear(c.calendarYear), formatted: f.number(c.states.length) }),
                }))}
              />
            ) : (
              <Text size="sm">{t('lots.new.cohortsBody')}</Text>
            )}
            <Text size="sm" c="dimmed">
              {t('lots.new.commitHint')}
            </Text>
            {commit.isError ? <DrawProblem error={commit.error} title={t('lots.new.failedTitle')} /> : null}
            <Group>
              <Button type="submit" size="md" loading={commit.isPending}>
                {t('lots.new.commit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      {effectiveKind === 'reviewers' ? (
        <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="new-draw-pool">
          <Stack gap="md">
            <Title order={2} id="new-draw-pool">
              {t('lots.pool.title', { year: f.calendarYear(cycle.firstYear + year - 1) })}
            </Title>
            {pool.isPending ? <Loading /> : pool.isError ? <ProblemAlert error={pool.error} /> : <PoolView pool={pool.data} />}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
