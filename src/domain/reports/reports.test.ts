import { describe, expect, it } from 'vitest';
import { checkConsent, checkPublication, type PublishFacts } from './publication.ts';
import {
  agreementHolds,
  checkCanAgree,
  checkCanEdit,
  checkCanFinalise,
  checkCanShare,
  checkSectionContent,
  EMPTY_SECTION,
  isSectionEmpty,
  recommendationReference,
  reportStatus,
  type ReportState,
} from './report.ts';
import { checkCanFinaliseSummary, checkLanguageVersion, checkSymbol, prefillSummary } from './summary.ts';

const UNDER_REVIEW = new Set([5, 6, 52]);
const state = (overrides: Partial<ReportState> = {}): ReportState => ({ sharedAt: null, finalisedAt: null, agreement: null, versions: { '5': 2, '52': 1 }, ...overrides });
const agreed = (versions: Record<string, number>) => ({ at: '2026-11-01T10:00:00Z', by: 'focal.point@demo.test', versions });

describe('report sections', () => {
  it('cuts prose to the safe rich text, trims items and keeps their order', () => {
    const clean = checkSectionContent(5, UNDER_REVIEW, {
      ...EMPTY_SECTION,
      summary: '<p onclick="x()">The <strong>law</strong><script>alert(1)</script></p>',
      recommendations: [{ text: '  First  ' }, { text: 'Second' }],
      needs: [{ type: 'legal-advice', text: ' Advice on the draft law ' }],
    });
    expect(clean.summary).toBe('<p>The <strong>law</strong></p>');
    expect(clean.recommendations).toEqual([{ text: 'First' }, { text: 'Second' }]);
    expect(clean.needs).toEqual([{ type: 'legal-advice', text: 'Advice on the draft law' }]);
    expect(isSectionEmpty(clean)).toBe(false);
    expect(isSectionEmpty(checkSectionContent(6, UNDER_REVIEW, EMPTY_SECTION))).toBe(true);
  });

  it('refuses an article not under review, an empty item and an unknown type of assistance, naming the problem', () => {
    expect(() => checkSectionContent(15, UNDER_REVIEW, EMPTY_SECTION)).toThrow(/Article 15 is not under review/);
    expect(() => checkSectionContent(5, UNDER_REVIEW, { ...EMPTY_SECTION, recommendations: [{ text: ' ' }] })).toThrow(/recommendation cannot be empty/);
    expect(() => checkSectionContent(5, UNDER_REVIEW, { ...EMPTY_SECTION, goodPractices: [{ text: '' }] })).toThrow(/good practice cannot be empty/);
    expect(() => checkSectionContent(5, UNDER_REVIEW, { ...EMPTY_SECTION, needs: [{ type: 'money' as never, text: 'x' }] })).toThrow(/"money" is not a type of technical assistance/);
    expect(() => checkSectionContent(5, UNDER_REVIEW, { ...EMPTY_SECTION, recommendations: Array.from({ length: 201 }, () => ({ text: 'r' })) })).toThrow(/at most 200/);
  });

  it('gives recommendations a stable reference: cycle/State/article/sequence', () => {
    expect(recommendationReference(2, 'AUT', 52, 3)).toBe('2/AUT/52/3');
  });
});

describe('the report’s lifecycle', () => {
  it('derives the status from the dates and the agreement, never stores it', () => {
    expect(reportStatus(state())).toBe('drafting');
    expect(reportStatus(state({ sharedAt: '2026-10-01T00:00:00Z' }))).toBe('shared');
    expect(reportStatus(state({ sharedAt: '2026-10-01T00:00:00Z', agreement: agreed({ '5': 2, '52': 1 }) }))).toBe('agreed');
    expect(reportStatus(state({ sharedAt: '2026-10-01T00:00:00Z', agreement: agreed({ '5': 2, '52': 1 }), finalisedAt: '2026-11-02T00:00:00Z' }))).toBe('finalised');
  });

  it('an agreement holds only while every section is at the version agreed to, new sections included', () => {
    expect(agreementHolds(state({ agreement: agreed({ '5': 2, '52': 1 }) }))).toBe(true);
    expect(agreementHolds(state({ agreement: agreed({ '5': 1, '52': 1 }) }))).toBe(false);
    expect(agreementHolds(state({ agreement: agreed({ '5': 2 }) }))).toBe(false);
    expect(agreementHolds(state())).toBe(false);
  });

  it('refuses each step out of order with a clear reason', () => {
    expect(() => checkCanShare(state({ versions: {} }))).toThrow(/nothing to share/);
    expect(() => checkCanShare(state({ sharedAt: '2026-10-01T00:00:00Z' }))).toThrow(/already been shared/);
    expect(() => checkCanAgree(state())).toThrow(/not been shared/);
    expect(() => checkCanAgree(state({ sharedAt: '2026-10-01T00:00:00Z', agreement: agreed({ '5': 2, '52': 1 }) }))).toThrow(/already agreed/);
    expect(() => checkCanFinalise(state({ sharedAt: '2026-10-01T00:00:00Z' }))).toThrow(/has not agreed/);
    expect(() => checkCanFinalise(state({ sharedAt: '2026-10-01T00:00:00Z', agreement: agreed({ '5': 1, '52': 1 }) }))).toThrow(/changed since the State agreed/);
    expect(() => checkCanEdit(state({ finalisedAt: '2026-11-02T00:00:00Z' }))).toThrow(/finalised/);
    expect(() => checkCanFinalise(state({ sharedAt: '2026-10-01T00:00:00Z', agreement: agreed({ '5': 2, '52': 1 }) }))).not.toThrow();
  });
});

describe('the executive summary', () => {
  it('accepts UN document symbols and an empty one, refuses anything else', () => {
    expect(checkSymbol(' CAC/COSP/IRG/II/1/1/Add.4 ')).toBe('CAC/COSP/IRG/II/1/1/Add.4');
    expect(checkSymbol('CAC/COSP/IRG/2020/CRP.1')).toBe('CAC/COSP/IRG/2020/CRP.1');
    expect(checkSymbol('')).toBe('');
    for (const bad of ['not a symbol', 'CAC', 'cac/cosp', 'CAC/COSP/<b>']) expect(() => checkSymbol(bad), bad).toThrow(/not a United Nations document symbol/);
  });

  it('is finalised only when the State has agreed to the report and the text is not empty', () => {
    expect(() => checkCanFinaliseSummary({ finalisedAt: null, text: '<p>Text</p>', reportStatus: 'shared' })).toThrow(/has not agreed/);
    expect(() => checkCanFinaliseSummary({ finalisedAt: null, text: '<p> </p>', reportStatus: 'agreed' })).toThrow(/empty/);
    expect(() => checkCanFinaliseSummary({ finalisedAt: '2026-11-01', text: '<p>Text</p>', reportStatus: 'agreed' })).toThrow(/already finalised/);
    expect(() => checkCanFinaliseSummary({ finalisedAt: null, text: '<p>Text</p>', reportStatus: 'finalised' })).not.toThrow();
  });

  it('a language version marked final needs text and a finalised summary; the original is the summary itself', () => {
    expect(() => checkLanguageVersion({ language: 'ar', status: 'final', text: '<p></p>', summaryFinalised: true })).toThrow(/cannot be empty/);
    expect(() => checkLanguageVersion({ language: 'ar', status: 'final', text: '<p>نص</p>', summaryFinalised: false })).toThrow(/once the summary itself is finalised/);
    expect(() => checkLanguageVersion({ language: 'en', status: 'pending', text: '', summaryFinalised: false })).toThrow(/original/);
    expect(checkLanguageVersion({ language: 'zh', status: 'in_translation', text: '<p>草稿</p>', summaryFinalised: false })).toBe('<p>草稿</p>');
  });

  it('pre-fills a draft chapter by chapter from good practices, recommendations and needs, escaping the text', () => {
    const html = prefillSummary(
      [
        { article: 5, title: 'Preventive policies', chapter: 'II', content: { ...EMPTY_SECTION, goodPractices: [{ text: 'An online register' }], recommendations: [{ text: 'Evaluate <the> strategy' }] } },
        { article: 52, title: 'Proceeds of crime', chapter: 'V', content: { ...EMPTY_SECTION, needs: [{ type: 'capacity-building', text: 'Training' }] } },
      ],
      { chapter: (c) => `Chapter ${c}`, needType: (t) => t.toUpperCase() },
    );
    expect(html).toBe(
      '<h3>Chapter II</h3><h4>Successes and good practices</h4><ul><li><p>An online register (art. 5)</p></li></ul>' +
        '<h4>Challenges in implementation (as recommended)</h4><ul><li><p>Evaluate &lt;the&gt; strategy (art. 5)</p></li></ul>' +
        '<h3>Chapter V</h3><h4>Technical assistance needs</h4><ul><li><p>CAPACITY-BUILDING: Training (art. 52)</p></li></ul>',
    );
  });
});

describe('publication', () => {
  const facts = (overrides: Partial<PublishFacts> = {}): PublishFacts => ({
    document: 'summary',
    language: 'en',
    note: '',
    consent: null,
    summaryFinalised: true,
    summaryLanguageFinal: true,
    reportFinalised: true,
    checklistSubmitted: true,
    publishedVersions: 0,
    ...overrides,
  });

  it('publishes a final summary without consent; a second publication is a correction that needs a note', () => {
    expect(checkPublication(facts())).toBe(1);
    expect(() => checkPublication(facts({ publishedVersions: 1 }))).toThrow(/needs a note/);
    expect(checkPublication(facts({ publishedVersions: 1, note: 'Corrected paragraph 3.' }))).toBe(2);
    expect(() => checkPublication(facts({ summaryFinalised: false }))).toThrow(/not finalised/);
    expect(() => checkPublication(facts({ language: 'ar', summaryLanguageFinal: false }))).toThrow(/ar version .* is not final/);
  });

  it('publishes the full report and the checklist only with consent, in the languages consented', () => {
    expect(() => checkPublication(facts({ document: 'report' }))).toThrow(/not consented to publish its country review report/);
    const consent = { documents: ['report'], languages: ['fr'] };
    expect(() => checkPublication(facts({ document: 'report', consent }))).toThrow(/consented to publish in fr, not in en/);
    expect(() => checkPublication(facts({ document: 'checklist', consent, language: 'fr' }))).toThrow(/self-assessment checklist/);
    expect(() => checkPublication(facts({ document: 'report', consent, language: 'fr' }))).toThrow(/only in its original language/);
    expect(checkPublication(facts({ document: 'report', consent: { documents: ['report'], languages: ['en'] } }))).toBe(1);
    expect(() => checkPublication(facts({ document: 'report', consent: { documents: ['report'], languages: ['en'] }, reportFinalised: false }))).toThrow(/not finalised/);
    expect(() => checkPublication(facts({ document: 'checklist', consent: { documents: ['checklist'], languages: ['es'] }, language: 'es', checklistSubmitted: false }))).toThrow(/not been submitted/);
  });

  it('a consent names at least one document and one language', () => {
    expect(checkConsent({ documents: ['report', 'report'], languages: ['en', 'fr', 'en'] })).toEqual({ documents: ['report'], languages: ['en', 'fr'] });
    expect(() => checkConsent({ documents: [], languages: ['en'] })).toThrow(/which documents/);
    expect(() => checkConsent({ documents: ['report'], languages: [] })).toThrow(/which languages/);
  });
});
