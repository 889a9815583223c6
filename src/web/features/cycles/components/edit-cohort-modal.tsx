import { Alert, Button, Group, Modal, MultiSelect, Stack, Text, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormatters } from '../../../lib/format.ts';
import { foldForSearch } from '../../../lib/text.ts';
import { usePartyNames } from '../../parties/api/use-party-names.ts';
import { cohortsByYear, useCycles, type CohortDto, type CycleDto } from '../api/get-cycles.ts';
import { useUpdateCohort } from '../api/update-cohort.ts';

export interface CohortRef {
  cycleNumber: number;
  year: number;
}

/** Accent-insensitive search on the State's name and its ISO code. */
const filterStates: OptionsFilter = ({ options, search }) => {
  const folded = foldForSearch(search);
  if (!folded) return options;
  return (options as ComboboxItem[]).filter(
    (o) => foldForSearch(o.label).includes(folded) || o.value.toLowerCase().includes(folded),
  );
};

function findCohort(cycles: CycleDto[] | undefined, ref: CohortRef | null): { cycle: CycleDto; cohort: CohortDto } | null {
  if (!ref) return null;
  const cycle = cycles?.find((c) => c.number === ref.cycleNumber);
  const cohort = cycle ? cohortsByYear(cycle).find((c) => c.year === ref.year) : undefined;
  return cycle && cohort ? { cycle, cohort } : null;
}

function EditCohortForm({ target, onClose }: { target: { cycle: CycleDto; cohort: CohortDto }; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const cycles = useCycles();
  const { parties, language } = usePartyNames();
  const updateCohort = useUpdateCohort();
  // The editor works from the version it opened; a newer one on the server means a conflict.
  const [base, setBase] = useState(target.cohort);
  const [selected, setSelected] = useState<string[]>(target.cohort.states);

  const options = useMemo(() => {
    const collator = new Intl.Collator(language, { sensitivity: 'base' });
    return (parties.data?.parties ?? [])
      // States parties today; the server checks each was a party by the end of the cohort's year.
      .filter((p) => (p.kind === 'state' && p.isParty) || selected.includes(p.iso3))
      .map((p) => ({ value: p.iso3, label: p.names[language] }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [parties.data, language, selected]);

  const isConflict = isApiError(updateCohort.error) && updateCohort.error.status === 409;

  async function reloadLatest() {
    const result = await cycles.refetch();
    const latest = findCohort(result.data?.cycles, { cycleNumber: target.cycle.number, year: target.cohort.year });
    if (latest) {
      setBase(latest.cohort);
      setSelected(latest.cohort.states);
    }
    updateCohort.reset();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    updateCohort.mutate(
      { cycleNumber: target.cycle.number, year: base.year, states: selected, version: base.version },
      { onSuccess: onClose },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          {t('cycles.edit.body', { year: f.calendarYear(base.calendarYear), cycle: f.calendarYear(target.cycle.number) })}
        </Text>
        {isConflict ? (
          <Alert color="orange" variant="light" role="alert" title={t('cycles.edit.conflictTitle')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('cycles.edit.conflictBody')}</Text>
              <Button size="xs" variant="default" loading={cycles.isFetching} onClick={() => void reloadLatest()}>
                {t('cycles.edit.reload')}
              </Button>
            </Stack>
          </Alert>
        ) : updateCohort.isError ? (
          <ProblemAlert error={updateCohort.error} title={t('cycles.edit.failedTitle')} />
        ) : null}
        <MultiSelect
          label={t('cycles.edit.statesLabel', { year: f.calendarYear(base.calendarYear) })}
          description={t('cycles.edit.statesHint')}
          placeholder={selected.length === 0 ? t('cycles.edit.statesPlaceholder') : undefined}
          data={options}
          value={selected}
          onChange={setSelected}
          searchable
          clearable
          hidePickedOptions
          filter={filterStates}
          nothingFoundMessage={t('cycles.edit.nothingFound')}
          maxDropdownHeight={280}
          comboboxProps={{ withinPortal: true }}
          clearButtonProps={{ 'aria-label': t('cycles.edit.clear') }}
        />
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {t('cycles.edit.selectedCount', { formatted: f.number(selected.length) })}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={updateCohort.isPending} disabled={isConflict}>
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function EditCohortModal({ target, onClose }: { target: CohortRef | null; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const cycles = useCycles();
  // Captured when the modal opens; the form keeps its own copy so a refetch does not overwrite edits.
  const found = findCohort(cycles.data?.cycles, target);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('actions.close') }}
      opened={target !== null}
      onClose={onClose}
      size="lg"
      title={found ? t('cycles.edit.title', { year: f.calendarYear(found.cohort.calendarYear) }) : ''}
    >
      {found ? <EditCohortForm key={`${found.cycle.number}-${found.cohort.year}`} target={found} onClose={onClose} /> : null}
    </Modal>
  );
}
