import type { TFunction } from 'i18next';

export function complianceLabel(t: TFunction, value: string): string {
  switch (value) {
    case 'yes':
      return t('checklist.compliance.yes');
    case 'partially':
      return t('checklist.compliance.partially');
    case 'no':
      return t('checklist.compliance.no');
    default:
      return value;
  }
}

export function assistanceTypeLabel(t: TFunction, value: string): string {
  switch (value) {
    case 'capacity-building':
      return t('checklist.assistance.capacityBuilding');
    case 'legislative-assistance':
      return t('checklist.assistance.legislativeAssistance');
    case 'legal-advice':
      return t('checklist.assistance.legalAdvice');
    case 'model-legislation':
      return t('checklist.assistance.modelLegislation');
    case 'institution-building':
      return t('checklist.assistance.institutionBuilding');
    case 'policymaking':
      return t('checklist.assistance.policymaking');
    case 'research-data':
      return t('checklist.assistance.researchData');
    case 'international-cooperation':
      return t('checklist.assistance.internationalCooperation');
    case 'on-site-expert':
      return t('checklist.assistance.onSiteExpert');
    case 'action-plan':
      return t('checklist.assistance.actionPlan');
    case 'good-practices':
      return t('checklist.assistance.goodPractices');
    case 'other':
      return t('checklist.assistance.other');
    default:
      return value;
  }
}

export function threadKindLabel(t: TFunction, value: string): string {
  switch (value) {
    case 'question':
      return t('checklist.threads.kind.question');
    case 'request':
      return t('checklist.threads.kind.request');
    case 'observation':
      return t('checklist.threads.kind.observation');
    default:
      return value;
  }
}
