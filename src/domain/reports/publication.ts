/**
 * @module publication
 * What may be published (docs/REPORTS.md §3): the summary once final in that language; the
 * full report and the checklist only with the State's consent and in consented languages.
 * A publication is never changed: a correction is a new version, and it says why. Pure.
 */
import { DomainError } from '../errors.ts';
import type { UnLanguage } from '../parties/party.ts';
import { ORIGINAL_LANGUAGE } from './summary.ts';

export const PUBLISHED_DOCUMENTS = ['report', 'summary', 'checklist'] as const;
export type PublishedDocumentKind = (typeof PUBLISHED_DOCUMENTS)[number];
export const CONSENT_DOCUMENTS = ['report', 'checklist'] as const;
export type ConsentDocument = (typeof CONSENT_DOCUMENTS)[number];

export interface Consent {
  documents: readonly string[];
  languages: readonly string[];
}

export interface PublishFacts {
  document: PublishedDocumentKind;
  language: UnLanguage;
  note: string;
  consent: Consent | null;
  summaryFinalised: boolean;
  /** Status of the summary's version in `language` (the original is final once finalised). */
  summaryLanguageFinal: boolean;
  reportFinalised: boolean;
  checklistSubmitted: boolean;
  /** Versions already published of this document in this language. */
  publishedVersions: number;
}

export const MAX_NOTE = 2_000;

/** Checks a publication; returns its version (1, or the next one for a correction). */
export function checkPublication(f: PublishFacts): number {
  const note = f.note.trim();
  if (note.length > MAX_NOTE) throw new DomainError('request.invalid', `A note may hold at most ${MAX_NOTE} characters.`);
  if (f.publishedVersions > 0 && note === '') {
    throw new DomainError('request.invalid', 'This document is already published in this language: a correction is a new version and needs a note saying what changed.');
  }
  if (f.document === 'summary') {
    if (!f.summaryFinalised) throw new DomainError('report.invalidState', 'The executive summary is not finalised: it cannot be published.');
    if (!f.summaryLanguageFinal) throw new DomainError('report.invalidState', `The ${f.language} version of the executive summary is not final: it cannot be published.`);
    return f.publishedVersions + 1;
  }
  const consented = f.consent?.documents.includes(f.document) ?? false;
  if (!consented) {
    throw new DomainError('report.invalidState', `The State under review has not consented to publish its ${f.document === 'report' ? 'country review report' : 'self-assessment checklist'}.`);
  }
  if (!f.consent!.languages.includes(f.language)) {
    throw new DomainError('report.invalidState', `The State under review consented to publish in ${f.consent!.languages.join(', ') || 'no language'}, not in ${f.language}.`);
  }
  if (f.document === 'report') {
    if (!f.reportFinalised) throw new DomainError('report.invalidState', 'The country review report is not finalised: it cannot be published.');
    // The report is drafted in one language [A]; there is no other text of it to publish.
    if (f.language !== ORIGINAL_LANGUAGE) throw new DomainError('report.invalidState', `The report exists only in its original language (${ORIGINAL_LANGUAGE}).`);
  }
  if (f.document === 'checklist' && !f.checklistSubmitted) throw new DomainError('report.invalidState', 'The checklist has not been submitted: there is nothing to publish.');
  return f.publishedVersions + 1;
}

export function checkConsent(input: Consent): Consent {
  const documents = [...new Set(input.documents)];
  const languages = [...new Set(input.languages)];
  if (documents.length === 0) throw new DomainError('request.invalid', 'Say which documents the State consents to publish (report, checklist).');
  if (languages.length === 0) throw new DomainError('request.invalid', 'Say in which languages the State consents to publish.');
  return { documents, languages };
}
