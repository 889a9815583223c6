import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/format.ts';
import type { PartyListItem } from '../api/get-parties.ts';

export function PartyStatusBadge({ isParty }: { isParty: boolean }) {
  const { t } = useTranslation();
  return isParty ? (
    <Badge color="teal" variant="light" radius="sm" tt="none" styles={{ label: { overflow: 'visible' } }}>
      {t('parties.status.party')}
    </Badge>
  ) : (
    <Badge color="gray" variant="outline" radius="sm" tt="none" styles={{ label: { overflow: 'visible' } }}>
      {t('parties.status.notParty')}
    </Badge>
  );
}

/** When the State became a party, as precisely as the record allows. */
export function PartySince({ party }: { party: PartyListItem }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const since = party.becameParty;
  if (!party.isParty || !since) {
    return (
      <Text size="sm" c="dimmed" aria-label={t('parties.since.none')}>
        —
      </Text>
    );
  }
  if (since.precision === 'unknown' || !since.effectiveOn) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {t('parties.since.unknown')}
      </Text>
    );
  }
  if (since.precision === 'year') {
    return (
      <Text size="sm">
        {f.year(since.effectiveOn)}{' '}
        <Text span size="xs" c="dimmed">
          ({t('parties.since.yearOnly')})
        </Text>
      </Text>
    );
  }
  return (
    <Text size="sm" className="nowrap">
      {f.date(since.effectiveOn)}
    </Text>
  );
}
