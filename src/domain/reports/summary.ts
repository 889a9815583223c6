/**
 * @module summary
 * The executive summary (docs/REPORTS.md §2): drafted from the report, finalised once the
 * State has agreed to the report, then written in each of the six UN languages, each with
 * its own status. Pure: no I/O, no clock.
 */
import { DomainError } from '../errors.ts';
import type { AssistanceType } from '../reviews/checklist.ts';
import { richTextToPlain, toSafeRichText } from '../reviews/rich-text.ts';
import type { ReportStatus, SectionContent } from './report.ts';

import { UN_LANGUAGES, type UnLanguage } from '../parties/party.ts';

export { UN_LANGUAGES, type UnLanguage };
/** The language the secretariat drafts in [A]; its version is the original. */
export const ORIGINAL_LANGUAGE: UnLanguage = 'en';

export const TRANSLATION_STATUSES = ['pending', 'in_translation', 'final'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

export const RIGHT_TO_LEFT: ReadonlySet<UnLanguage> = new Set(['ar']);

export function isUnLanguage(value: string): value is UnLanguage {
  return (UN_LANGUAGES as readonly string[]).includes(value);
}

export const MAX_SUMMARY_LENGTH = 200_000;

/**
 * A UN document symbol: parts separated by slashes, each of capitals, digits or a few
 * marks, e.g. CAC/COSP/IRG/II/1/1/Add.4 or CAC/COSP/IRG/2020/CRP.1. Empty is allowed for a
 * draft that has no symbol yet.
 */
const SYMBOL = /^[A-Z][A-Z0-9.-]*(\/[A-Za-z0-9.-]+)+$/;

export function checkSymbol(symbol: string): string {
  const s = symbol.trim();
  if (s === '') return s;
  if (s.length > 80 || !SYMBOL.test(s)) {
    throw new DomainError('request.invalid', `"${symbol}" is not a United Nations document symbol (for example CAC/COSP/IRG/II/1/1/Add.4).`);
  }
  return s;
}

export function checkSummaryText(text: string): string {
  const html = toSafeRichText(text);
  if (html.length > MAX_SUMMARY_LENGTH) throw new DomainError('request.invalid', `A summary may hold at most ${MAX_SUMMARY_LENGTH} characters.`);
  return html;
}

export function checkCanEditSummary(finalisedAt: string | null): void {
  if (finalisedAt) {
    throw new DomainError('report.invalidState', 'The executive summary is finalised: its original text can no longer be changed (the language versions can).');
  }
}

export function checkCanFinaliseSummary(input: { finalisedAt: string | null; text: string; reportStatus: ReportStatus }): void {
  if (input.finalisedAt) throw new DomainError('report.invalidState', 'The executive summary is already finalised.');
  if (input.reportStatus !== 'agreed' && input.reportStatus !== 'finalised') {
    throw new DomainError('report.invalidState', 'The State under review has not agreed to the report: its executive summary cannot be finalised yet.');
  }
  if (richTextToPlain(input.text).trim() === '') throw new DomainError('report.invalidState', 'The executive summary is empty: write it before finalising.');
}

/** A language version: the original follows the summary; the others are written by translators. */
export function checkLanguageVersion(input: { language: UnLanguage; status: TranslationStatus; text: string; summaryFinalised: boolean }): string {
  if (input.language === ORIGINAL_LANGUAGE) {
    throw new DomainError('request.invalid', 'The original (English) version is the summary itself: edit the summary, or finalise it.');
  }
  const html = checkSummaryText(input.text);
  if (input.status === 'final') {
    if (!input.summaryFinalised) throw new DomainError('report.invalidState', 'A translation can be final only once the summary itself is finalised.');
    if (richTextToPlain(html).trim() === '') throw new DomainError('report.invalidState', 'A translation marked final cannot be empty.');
  }
  return html;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface PrefillArticle {
  article: number;
  title: string;
  chapter: string;
  content: SectionContent;
}

/**
 * A first draft of the summary from the report's structured content, chapter by chapter:
 * the successes and good practices, the challenges as the recommendations state them, and
 * the assistance needs. The drafter then turns it into prose.
 */
export function prefillSummary(articles: readonly PrefillArticle[], labels: { chapter: (c: string) => string; needType: (t: AssistanceType) => string }): string {
  const byChapter = new Map<string, PrefillArticle[]>();
  for (const a of articles) byChapter.set(a.chapter, [...(byChapter.get(a.chapter) ?? []), a]);
  const out: string[] = [];
  for (const [chapter, list] of byChapter) {
    out.push(`<h3>${escapeHtml(labels.chapter(chapter))}</h3>`);
    const practices = list.flatMap((a) => a.content.goodPractices.map((g) => `${g.text} (art. ${a.article})`));
    const recommendations = list.flatMap((a) => a.content.recommendations.map((r) => `${r.text} (art. ${a.article})`));
    const needs = list.flatMap((a) => a.content.needs.map((n) => `${labels.needType(n.type)}: ${n.text} (art. ${a.article})`));
    const block = (title: string, items: string[]) => {
      if (items.length === 0) return;
      out.push(`<h4>${escapeHtml(title)}</h4><ul>${items.map((i) => `<li><p>${escapeHtml(i)}</p></li>`).join('')}</ul>`);
    };
    block('Successes and good practices', practices);
    block('Challenges in implementation (as recommended)', recommendations);
    block('Technical assistance needs', needs);
  }
  return out.join('');
}
