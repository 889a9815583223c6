/**
 * Labels of the codes the API answers with, each with its literal t() call so the locale test
 * sees every key. Types of assistance and regional groups reuse the existing labels.
 */
import type { TFunction } from 'i18next';
import { storedNeedType } from '../../../../domain/analytics/needs-types.ts';
import type { RegionalGroup } from '../../../../domain/parties/regional-groups.ts';
import { regionalGroupLabel } from '../../../i18n/labels.ts';
import { assistanceTypeLabel } from '../../checklist/components/checklist-labels.ts';
import type { ProviderKind, TaStatus } from '../api/ta-projects.ts';

export function typeLabel(t: TFunction, type: string): string {
  return assistanceTypeLabel(t, storedNeedType(type) ?? type);
}

export function regionLabel(t: TFunction, region: string): string {
  return regionalGroupLabel(t, region === 'none' ? null : (region as RegionalGroup));
}

export function statusLabel(t: TFunction, status: TaStatus): string {
  switch (status) {
    case 'offered':
      return t('taProjects.status.offered');
    case 'agreed':
      return t('taProjects.status.agreed');
    case 'under-way':
      return t('taProjects.status.underWay');
    case 'delivered':
      return t('taProjects.status.delivered');
    default:
      return String(status);
  }
}

export function providerKindLabel(t: TFunction, kind: ProviderKind): string {
  switch (kind) {
    case 'unodc':
      return t('taProjects.provider.unodc');
    case 'un-entity':
      return t('taProjects.provider.unEntity');
    case 'bilateral-donor':
      return t('taProjects.provider.bilateralDonor');
    case 'regional-body':
      return t('taProjects.provider.regionalBody');
    case 'initiative':
      return t('taProjects.provider.initiative');
    case 'other':
      return t('taProjects.provider.other');
    default:
      return String(kind);
  }
}
