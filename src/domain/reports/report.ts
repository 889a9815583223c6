/**
 * @module report
 * The country review report (docs/REPORTS.md §1): one section per article under review,
 * each a whole new version on every save. Recommendations, good practices and assistance
 * needs are structured records because the analytics count them. Pure: no I/O, no clock.
 */
import { DomainError } from '../errors.ts';
import { ASSISTANCE_TYPES, type AssistanceType } from '../reviews/checklist.ts';
import { toSafeRichText } from '../reviews/rich-text.ts';

export const PROSE_FIELDS = ['summary', 'observations', 'successes', 'challenges'] as const;
export type ProseField = (typeof PROSE_FIELDS)[number];

export interface Recommendation {
  text: string;
}
export interface GoodPractice {
  text: string;
}
export interface AssistanceNeed {
  type: AssistanceType;
  text: string;
}

export interface SectionContent {
  summary: string;
  observations: string;
  successes: string;
  challenges: string;
  recommendations: Recommendation[];
  goodPractices: GoodPractice[];
  needs: AssistanceNeed[];
}

export const EMPTY_SECTION: SectionContent = {
  summary: '',
  observations: '',
  successes: '',
  challenges: '',
  recommendations: [],
  goodPractices: [],
  needs: [],
};

/** Longest prose field, in characters of stored HTML (a long section, not a whole law). */
export const MAX_PROSE_LENGTH = 100_000;
export const MAX_ITEM_LENGTH = 5_000;
export const MAX_ITEMS = 200;

export type ReportStatus = 'drafting' | 'shared' | 'agreed' | 'finalised';

/** What the State agreed to: the version of every section at that moment. */
export interface Agreement {
  at: string;
  by: string;
  versions: Record<string, number>;
}

function plainItem(text: string, what: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw new DomainError('request.invalid', `A ${what} cannot be empty.`);
  if (trimmed.length > MAX_ITEM_LENGTH) throw new DomainError('request.invalid', `A ${what} may hold at most ${MAX_ITEM_LENGTH} characters.`);
  return trimmed;
}

function listOf<T>(items: readonly T[], what: string): readonly T[] {
  if (items.length > MAX_ITEMS) throw new DomainError('request.invalid', `A section may hold at most ${MAX_ITEMS} ${what}.`);
  return items;
}

/**
 * Checks a section's content and returns it normalised: prose cut to the safe rich-text
 * set, items trimmed, empty items refused (an empty recommendation would still be counted).
 */
export function checkSectionContent(article: number, articlesUnderReview: ReadonlySet<number>, content: SectionContent): SectionContent {
  if (!articlesUnderReview.has(article)) {
    throw new DomainError('request.invalid', `Article ${article} is not under review in this cycle: the report has no section for it.`);
  }
  const prose = {} as Record<ProseField, string>;
  for (const field of PROSE_FIELDS) {
    const html = toSafeRichText(content[field]);
    if (html.length > MAX_PROSE_LENGTH) throw new DomainError('request.invalid', `The ${field} of a section may hold at most ${MAX_PROSE_LENGTH} characters.`);
    prose[field] = html;
  }
  return {
    ...prose,
    recommendations: listOf(content.recommendations, 'recommendations').map((r) => ({ text: plainItem(r.text, 'recommendation') })),
    goodPractices: listOf(content.goodPractices, 'good practices').map((g) => ({ text: plainItem(g.text, 'good practice') })),
    needs: listOf(content.needs, 'assistance needs').map((n) => {
      if (!(ASSISTANCE_TYPES as readonly string[]).includes(n.type)) {
        throw new DomainError('request.invalid', `"${n.type}" is not a type of technical assistance; use one of: ${ASSISTANCE_TYPES.join(', ')}.`);
      }
      return { type: n.type, text: plainItem(n.text, 'description of an assistance need') };
    }),
  };
}

export function isSectionEmpty(content: SectionContent): boolean {
  return PROSE_FIELDS.every((f) => content[f] === '') && content.recommendations.length === 0 && content.goodPractices.length === 0 && content.needs.length === 0;
}

/** The stable reference of a recommendation, for links from outside: cycle/ISO3/article/sequence. */
export function recommendationReference(cycle: number, iso3: string, article: number, sequence: number): string {
  return `${cycle}/${iso3}/${article}/${sequence}`;
}

export interface ReportState {
  sharedAt: string | null;
  finalisedAt: string | null;
  agreement: Agreement | null;
  /** Current version per article that has one. */
  versions: Record<string, number>;
}

/** An agreement holds while no section has moved past the version agreed to. */
export function agreementHolds(state: Pick<ReportState, 'agreement' | 'versions'>): boolean {
  const { agreement, versions } = state;
  if (!agreement) return false;
  const articles = new Set([...Object.keys(versions), ...Object.keys(agreement.versions)]);
  for (const a of articles) if ((versions[a] ?? 0) !== (agreement.versions[a] ?? 0)) return false;
  return true;
}

export function reportStatus(state: ReportState): ReportStatus {
  if (state.finalisedAt) return 'finalised';
  if (agreementHolds(state)) return 'agreed';
  if (state.sharedAt) return 'shared';
  return 'drafting';
}

export function checkCanEdit(state: ReportState): void {
  if (state.finalisedAt) throw new DomainError('report.invalidState', 'The report is finalised: its sections can no longer be changed.');
}

export function checkCanShare(state: ReportState): void {
  if (state.sharedAt) throw new DomainError('report.invalidState', 'The draft report has already been shared with the State under review.');
  if (Object.keys(state.versions).length === 0) throw new DomainError('report.invalidState', 'The report has no section written yet: there is nothing to share.');
}

export function checkCanAgree(state: ReportState): void {
  if (state.finalisedAt) throw new DomainError('report.invalidState', 'The report is already finalised.');
  if (!state.sharedAt) throw new DomainError('report.invalidState', 'The draft report has not been shared with the State yet: there is nothing to agree to.');
  if (agreementHolds(state)) throw new DomainError('report.invalidState', 'The State has already agreed to the report as it stands.');
}

export function checkCanFinalise(state: ReportState): void {
  if (state.finalisedAt) throw new DomainError('report.invalidState', 'The report is already finalised.');
  if (!agreementHolds(state)) {
    throw new DomainError(
      'report.invalidState',
      state.agreement
        ? 'The report has changed since the State agreed to it: the State must agree to the current text before it is finalised.'
        : 'The State under review has not agreed to the report: it cannot be finalised.',
    );
  }
}
