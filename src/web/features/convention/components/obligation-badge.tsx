import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { obligationLabel } from '../../../i18n/labels.ts';
import type { Obligation } from '../api/get-convention.ts';

const COLORS: Record<Obligation, string> = {
  mandatory: 'un.8',
  consider: 'grape.9',
  optional: 'teal.9',
  definition: 'gray.8',
};

export function ObligationBadge({ obligation }: { obligation: Obligation }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[obligation] ?? 'gray.8'} variant={obligation === 'mandatory' ? 'filled' : 'light'} radius="sm" tt="none">
      {obligationLabel(t, obligation)}
    </Badge>
  );
}
