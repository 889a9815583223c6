import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONVENTION_OPENED_ON } from '../../../../domain/parties/party.ts';
import { ProblemAlert } from '../../../components/ui/problem-message.tsx';
import { todayIso, useFormatters } from '../../../lib/format.ts';
import type { PartyListItem } from '../api/get-parties.ts';
import { useRecordAccession } from '../api/record-accession.ts';

export function RecordAccessionModal({
  party,
  onClose,
  onRecorded,
}: {
  party: PartyListItem | null;
  onClose: () => void;
  onRecorded: (party: PartyListItem) => void;
}) {
  const { t } = useTranslation();
  const f = useFormatters();
  const recordAccession = useRecordAccession();
  const [effectiveOn, setEffectiveOn] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const name = party ? party.names[f.language] : '';

  function close() {
    setEffectiveOn('');
    setFieldError(undefined);
    recordAccession.reset();
    onClose();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!party) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveOn)) {
      setFieldError(t('parties.accession.dateRequired'));
      return;
    }
    setFieldError(undefined);
    recordAccession.mutate(
      { iso3: party.iso3, effectiveOn },
      {
        onSuccess: ({ party: updated }) => {
          onRecorded(updated);
          close();
        },
      },
    );
  }

  return (
    <Modal closeButtonProps={{ 'aria-label': t('actions.close') }} opened={party !== null} onClose={close} title={t('parties.accession.title', { name })} centered size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('parties.accession.body', { name })}</Text>
          {recordAccession.isError ? <ProblemAlert error={recordAccession.error} title={t('parties.accession.failedTitle')} /> : null}
          <TextInput
            type="date"
            label={t('parties.accession.dateLabel')}
            description={t('parties.accession.dateHint', { date: f.date(CONVENTION_OPENED_ON) })}
            required
            min={CONVENTION_OPENED_ON}
            max={todayIso()}
            value={effectiveOn}
            error={fieldError}
            onChange={(e) => setEffectiveOn(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={recordAccession.isPending}>
              {t('parties.accession.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
