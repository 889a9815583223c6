import type { TFunction } from 'i18next';
import { assistanceTypeLabel } from '../../checklist/components/checklist-labels.ts';

/** The API's readable ids, in the standard order; only research-and-data differs from the stored id. */
export const NEED_TYPE_IDS = ['capacity-building', 'legislative-assistance', 'legal-advice', 'model-legislation', 'institution-building', 'policymaking', 'research-and-data', 'international-cooperation', 'on-site-expert', 'action-plan', 'good-practices', 'other'] as const;

export function needTypeLabel(t: TFunction, id: string): string {
  return assistanceTypeLabel(t, id === 'research-and-data' ? 'research-data' : id);
}
