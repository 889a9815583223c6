import type { TFunction } from 'i18next';
import { directionOf, isUnLanguage } from '../../../i18n/languages.ts';

export function documentLabel(t: TFunction, document: string): string {
  switch (document) {
    case 'report':
      return t('publication.document.report');
    case 'summary':
      return t('publication.document.summary');
    case 'checklist':
      return t('publication.document.checklist');
    default:
      return document;
  }
}

export function translationStatusLabel(t: TFunction, status: string): string {
  switch (status) {
    case 'pending':
      return t('summary.languages.status.pending');
    case 'in_translation':
      return t('summary.languages.status.inTranslation');
    case 'final':
      return t('summary.languages.status.final');
    default:
      return status;
  }
}

/** The text direction of a document's language: Arabic is written right to left. */
export function textDirection(language: string): 'rtl' | 'ltr' {
  return isUnLanguage(language) ? directionOf(language) : 'ltr';
}
