/**
 * Labels for the codes of registration and attendance. Each code has its own literal t()
 * call so that the locale test can check every key.
 */
import type { TFunction } from 'i18next';
import type { UnLanguage } from '../../../../domain/parties/party.ts';
import type { DelegationKind, ObserverCategory, RegistrationStatus } from '../api/participants.ts';

export function categoryLabel(t: TFunction, category: ObserverCategory): string {
  switch (category) {
    case 'secretariat-unit':
      return t('sessions.participants.category.secretariatUnit');
    case 'un-body':
      return t('sessions.participants.category.unBody');
    case 'specialized-agency':
      return t('sessions.participants.category.specializedAgency');
    case 'pni-institute':
      return t('sessions.participants.category.pniInstitute');
    case 'igo':
      return t('sessions.participants.category.igo');
    case 'standing-observer':
      return t('sessions.participants.category.standingObserver');
    case 'ngo':
      return t('sessions.participants.category.ngo');
    default:
      return category;
  }
}

export function kindLabel(t: TFunction, kind: DelegationKind): string {
  switch (kind) {
    case 'party':
      return t('sessions.participants.kind.party');
    case 'signatory':
      return t('sessions.participants.kind.signatory');
    case 'reio':
      return t('sessions.participants.kind.reio');
    case 'observer':
      return t('sessions.participants.kind.observer');
    default:
      return kind;
  }
}

export function registrationStatusLabel(t: TFunction, status: RegistrationStatus): string {
  switch (status) {
    case 'registered':
      return t('sessions.participants.status.registered');
    case 'approved':
      return t('sessions.participants.status.approved');
    case 'attended':
      return t('sessions.participants.status.attended');
    case 'rejected':
      return t('sessions.participants.status.rejected');
    case 'withdrawn':
      return t('sessions.participants.status.withdrawn');
    default:
      return status;
  }
}

/** The name of each UN language in itself, for the language of the paragraphs. */
export const LANGUAGE_AUTONYMS: Record<UnLanguage, string> = { en: 'English', fr: 'Français', es: 'Español', ru: 'Русский', zh: '中文', ar: 'العربية' };
