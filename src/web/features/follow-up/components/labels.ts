import type { TFunction } from 'i18next';
import type { StatusOrNone } from '../api/follow-up.ts';

/** The dot of each status badge; the label stays in the text colour (axe colour-contrast). */
export const STATUS_COLOURS: Record<StatusOrNone, string> = {
  implemented: 'green.9',
  'partly-implemented': 'yellow.9',
  'not-implemented': 'red.9',
  'no-longer-applicable': 'gray.8',
  'not-assessed': 'blue.9',
};

export function statusLabel(t: TFunction, status: StatusOrNone): string {
  return t(`followUp.status.${status}`);
}
