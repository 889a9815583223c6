import type { TFunction } from 'i18next';

/** Who a participant speaks for, with the State's name. */
export function sideLabel(t: TFunction, side: string, nameOf: (iso3: string) => string, stateUnderReview: string): string {
  if (side === 'state-under-review') return t('dialogue.side.stateUnderReview', { state: nameOf(stateUnderReview) });
  if (side === 'secretariat') return t('dialogue.side.secretariat');
  if (side === 'stakeholder') return t('dialogue.side.stakeholder');
  if (side.startsWith('reviewer:')) return t('dialogue.side.reviewer', { state: nameOf(side.slice('reviewer:'.length)) });
  return side;
}
