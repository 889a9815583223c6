import type { TFunction } from 'i18next';
import type { RegionalGroup } from '../../../../domain/parties/regional-groups.ts';
import { regionalGroupLabel } from '../../../i18n/labels.ts';
import { assistanceTypeLabel } from '../../checklist/components/checklist-labels.ts';
import type { Facet } from '../api/search.ts';

export function kindLabel(t: TFunction, kind: string): string {
  switch (kind) {
    case 'recommendation':
      return t('search.kindRecommendation');
    case 'good-practice':
      return t('search.kindGoodPractice');
    case 'need':
      return t('search.kindNeed');
    default:
      return kind;
  }
}

export function facetTitle(t: TFunction, facet: Facet): string {
  switch (facet) {
    case 'kind':
      return t('search.facetKind');
    case 'needType':
      return t('search.facetNeedType');
    case 'cycle':
      return t('search.facetCycle');
    case 'chapter':
      return t('search.facetChapter');
    case 'article':
      return t('search.facetArticle');
    case 'group':
      return t('search.facetGroup');
    case 'state':
      return t('search.facetState');
  }
}

/** The label of one facet value, in the interface's language where the app has it. */
export function facetValueLabel(t: TFunction, facet: Facet, value: string, label: string | null, chapter: (roman: string) => string): string {
  switch (facet) {
    case 'kind':
      return kindLabel(t, value);
    case 'needType':
      return assistanceTypeLabel(t, value);
    case 'cycle':
      return t('search.cycleValue', { number: value });
    case 'chapter':
      return t('report.chapter', { chapter: chapter(value) });
    case 'article':
      return label ? t('search.articleValue', { number: value, title: label }) : t('search.articleValue', { number: value, title: '' });
    case 'group':
      return regionalGroupLabel(t, value as RegionalGroup);
    case 'state':
      return label ?? value;
  }
}
