import type { TFunction } from 'i18next';

/** Each code has its own literal t() call, so the locale test can check every key. */
export function reportStatusLabel(t: TFunction, status: string): string {
  switch (status) {
    case 'drafting':
      return t('report.status.drafting');
    case 'shared':
      return t('report.status.shared');
    case 'agreed':
      return t('report.status.agreed');
    case 'finalised':
      return t('report.status.finalised');
    default:
      return status;
  }
}

export const REPORT_STATUS_COLOURS: Record<string, string> = {
  drafting: 'blue.8',
  shared: 'violet.8',
  agreed: 'teal.9',
  finalised: 'green.9',
};

export function proseFieldLabel(t: TFunction, field: string): string {
  switch (field) {
    case 'summary':
      return t('report.fields.summary');
    case 'observations':
      return t('report.fields.observations');
    case 'successes':
      return t('report.fields.successes');
    case 'challenges':
      return t('report.fields.challenges');
    default:
      return field;
  }
}

export function commentSideLabel(t: TFunction, side: string): string {
  switch (side) {
    case 'secretariat':
      return t('report.comments.side.secretariat');
    case 'reviewing':
      return t('report.comments.side.reviewing');
    case 'under-review':
      return t('report.comments.side.underReview');
    default:
      return side;
  }
}
