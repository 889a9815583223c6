/**
 * @module demo-reports
 * Country review reports, executive summaries, consent and publications for the demo
 * reviews, following each review's milestones: a report drafted once the dialogue is held,
 * shared, agreed and finalised when its milestones say so; a summary finalised and published
 * in several languages; the full report published where the State consented. Every text
 * says it is fictitious. Drafts carry DEMO_DRAFT_MARKER so that a crawl of the public pages
 * can prove no draft leaks (test/routes/public.test.ts). Deterministic; multi-row inserts.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { provisionsOfChapters } from '../../db/repositories/checklists.ts';
import { findCycle } from '../../db/repositories/cycles.ts';
import { partyNames } from '../../db/repositories/public-reviews.ts';
import type { StoredReview } from '../../db/repositories/reviews.ts';
import {
  executiveSummaries,
  publicationConsents,
  publications,
  reportGoodPractices,
  reportNeeds,
  reportRecommendations,
  reports,
  reportSectionVersions,
  summaryLanguageVersions,
} from '../../db/schema/reports.ts';
import { ASSISTANCE_TYPES } from '../../domain/reviews/checklist.ts';
import { milestoneDate } from '../../domain/reviews/review.ts';
import { recommendationReference, type SectionContent } from '../../domain/reports/report.ts';
import type { UnLanguage } from '../../domain/parties/party.ts';
import type { PublicationSnapshot } from './publication.ts';
import { DEMO_MARKERS } from './demo-markers.ts';

/** In every unpublished demo report text, and in no published one (other kinds: demo-markers.ts). */
export const DEMO_DRAFT_MARKER = DEMO_MARKERS.reportDraft;

const DRAFTER = 'Demo secretariat officer (fictitious)';
const FOCAL_POINT = 'Demo focal point (fictitious)';

/** Short fictitious sentences in each UN language for the translated summaries. */
const SUMMARY_TEXT: Record<UnLanguage, (state: string) => string> = {
  en: (s) => `<p>Fictitious demo executive summary of the review of ${s}. The legal framework against corruption is comprehensive; coordination between the preventive bodies can be strengthened.</p>`,
  fr: (s) => `<p>Résumé analytique fictif de démonstration de l’examen de ${s}. Le cadre juridique de lutte contre la corruption est complet ; la coordination entre les organes de prévention peut être renforcée.</p>`,
  es: (s) => `<p>Resumen ejecutivo ficticio de demostración del examen de ${s}. El marco jurídico contra la corrupción es amplio; puede reforzarse la coordinación entre los órganos de prevención.</p>`,
  ru: (s) => `<p>Вымышленное демонстрационное резюме обзора (${s}). Правовая база противодействия коррупции является всеобъемлющей; координацию между превентивными органами можно укрепить.</p>`,
  zh: (s) => `<p>虚构的演示执行摘要（${s}）。反腐败法律框架全面；预防机构之间的协调可以加强。</p>`,
  ar: (s) => `<p>موجز تنفيذي تجريبي وهمي لاستعراض ${s}. الإطار القانوني لمكافحة الفساد شامل، ويمكن تعزيز التنسيق بين هيئات المنع.</p>`,
};

function at(isoDay: string, hour = 10): Date {
  return new Date(`${isoDay}T${String(hour).padStart(2, '0')}:00:00Z`);
}

function sectionFor(article: number, title: string, n: number, draft: boolean): SectionContent {
  const mark = draft ? ` ${DEMO_DRAFT_MARKER}` : '';
  return {
    summary: `<p>Fictitious demo summary of the implementation of article ${article} (${title}).${mark}</p>`,
    observations: `<p>The reviewing experts note the legislation and the cases described in the checklist (demo).</p>`,
    successes: n % 2 === 0 ? `<p>The reviewers commend the practice described below (demo).</p>` : '',
    challenges: `<p>Statistics on the application of the measures are scarce (demo).</p>`,
    recommendations: [{ text: `Collect statistics on the application of article ${article} (demo).${mark}` }, ...(n % 3 === 0 ? [{ text: `Review the sanctions under article ${article} (demo).` }] : [])],
    goodPractices: n % 2 === 0 ? [{ text: `An online register related to article ${article} (demo).` }] : [],
    needs: n % 4 === 0 ? [{ type: ASSISTANCE_TYPES[n % ASSISTANCE_TYPES.length]!, text: `Assistance on article ${article} (demo).` }] : [],
  };
}

interface Rows {
  reports: (typeof reports.$inferInsert)[];
  versions: (typeof reportSectionVersions.$inferInsert)[];
  recommendations: (typeof reportRecommendations.$inferInsert)[];
  goodPractices: (typeof reportGoodPractices.$inferInsert)[];
  needs: (typeof reportNeeds.$inferInsert)[];
  summaries: (typeof executiveSummaries.$inferInsert)[];
  languages: (typeof summaryLanguageVersions.$inferInsert)[];
  consents: (typeof publicationConsents.$inferInsert)[];
  publications: (typeof publications.$inferInsert)[];
}

/** Writes the demo reports of the given reviews in one transaction. */
export async function seedDemoReports(db: Db, reviews: StoredReview[]): Promise<void> {
  const articlesByCycle = new Map<number, { article: number; title: string; chapter: string }[]>();
  for (const cycleNumber of new Set(reviews.map((r) => r.row.cycleNumber))) {
    const cycle = await findCycle(db, cycleNumber);
    if (!cycle) continue;
    const list: { article: number; title: string; chapter: string }[] = [];
    for (const p of await provisionsOfChapters(db, 'UNCAC', cycle.chapters)) if (list.at(-1)?.article !== p.articleNumber) list.push({ article: p.articleNumber, title: p.articleTitle, chapter: p.chapter });
    articlesByCycle.set(cycleNumber, list);
  }
  const names = new Map((await partyNames(db, [...new Set(reviews.flatMap((r) => [r.review.stateUnderReview, ...r.review.reviewers]))])).map((p) => [p.iso3, p]));
  const nameOf = (iso3: string) => names.get(iso3)?.nameUn ?? iso3;
  /** The State's name in a language, for the translated summaries. */
  const nameIn = (iso3: string, language: UnLanguage) => (names.get(iso3)?.names as Partial<Record<UnLanguage, string>> | undefined)?.[language] ?? nameOf(iso3);
  const rows: Rows = { reports: [], versions: [], recommendations: [], goodPractices: [], needs: [], summaries: [], languages: [], consents: [], publications: [] };

  for (const [index, { review, row }] of reviews.entries()) {
    const held = milestoneDate(review, 'dialogueHeld');
    const articles = articlesByCycle.get(row.cycleNumber) ?? [];
    if (!held || articles.length === 0) continue;
    const reviewId = row.id;
    const shared = milestoneDate(review, 'draftReportShared');
    const finalised = milestoneDate(review, 'reportFinalised');
    const summaryFinalised = milestoneDate(review, 'executiveSummaryFinalised');
    const summaryPublished = milestoneDate(review, 'executiveSummaryPublished');
    const reportPublished = milestoneDate(review, 'reportPublished');
    // A draft only: the report is still the reviewers' working text.
    const draft = !finalised;
    const written = articles.filter((_, i) => i % 3 === index % 3);
    const content = new Map<number, SectionContent>();
    const versions: Record<string, number> = {};
    for (const [n, a] of written.entries()) {
      const c = sectionFor(a.article, a.title, n + index, draft);
      content.set(a.article, c);
      versions[String(a.article)] = 1;
      rows.versions.push({ reviewId, article: a.article, version: 1, content: c, author: DRAFTER, createdAt: at(held, 12) });
      c.recommendations.forEach((r, i) =>
        rows.recommendations.push({ reviewId, article: a.article, sequence: i + 1, reference: recommendationReference(row.cycleNumber, review.stateUnderReview, a.article, i + 1), text: r.text }),
      );
      c.goodPractices.forEach((g, i) => rows.goodPractices.push({ reviewId, article: a.article, sequence: i + 1, text: g.text }));
      c.needs.forEach((need, i) => rows.needs.push({ reviewId, article: a.article, sequence: i + 1, type: need.type, text: need.text }));
    }
    const agreedOn = finalised ?? summaryFinalised;
    rows.reports.push({
      reviewId,
      sharedAt: shared ? at(shared) : null,
      sharedBy: shared ? DRAFTER : null,
      agreement: agreedOn ? { at: at(agreedOn, 9).toISOString(), by: FOCAL_POINT, versions } : null,
      finalisedAt: finalised ? at(finalised) : null,
      finalisedBy: finalised ? DRAFTER : null,
    });

    if (!shared) continue;
    const stateName = nameOf(review.stateUnderReview);
    const symbol = `CAC/COSP/IRG/${row.cycleNumber === 1 ? 'I' : 'II'}/${row.cohortYear}/1/Add.${(index % 40) + 1}`;
    const originalText = summaryFinalised ? SUMMARY_TEXT.en(stateName) : `${SUMMARY_TEXT.en(stateName)}<p>${DEMO_MARKERS.summaryDraft}</p>`;
    rows.summaries.push({
      reviewId,
      symbol,
      text: originalText,
      version: 1,
      updatedBy: DRAFTER,
      updatedAt: at(shared, 15),
      finalisedAt: summaryFinalised ? at(summaryFinalised) : null,
      finalisedBy: summaryFinalised ? DRAFTER : null,
    });
    if (!summaryFinalised) continue;
    // Published summaries: French and Spanish final, Arabic final for every other review, Russian in translation.
    const finals: UnLanguage[] = summaryPublished ? ['fr', 'es', ...(index % 2 === 0 ? (['ar'] as const) : [])] : [];
    const translated = (language: UnLanguage) => SUMMARY_TEXT[language](nameIn(review.stateUnderReview, language));
    for (const language of finals) rows.languages.push({ reviewId, language, version: 1, status: 'final', text: translated(language), updatedBy: DRAFTER, updatedAt: at(summaryPublished!, 9) });
    rows.languages.push({ reviewId, language: 'ru', version: 1, status: 'in_translation', text: `${translated('ru')}<p>${DEMO_MARKERS.summaryTranslation}</p>`, updatedBy: DRAFTER, updatedAt: at(summaryFinalised, 16) });
    const base = { stateName, iso3: review.stateUnderReview, cycle: row.cycleNumber, reviewerNames: [nameOf(review.reviewers[0]), nameOf(review.reviewers[1])] as [string, string], symbol };
    const publish = (document: 'summary' | 'report', language: UnLanguage, snapshot: PublicationSnapshot, day: string) =>
      rows.publications.push({ id: randomUUID(), reviewId, document, language, version: 1, note: '', snapshot: snapshot as unknown as Record<string, unknown>, publishedBy: DRAFTER, publishedAt: at(day, 11) });
    if (summaryPublished) {
      publish('summary', 'en', { ...base, html: SUMMARY_TEXT.en(stateName) }, summaryPublished);
      for (const language of finals) publish('summary', language, { ...base, html: translated(language) }, summaryPublished);
    }
    if (reportPublished && finalised) {
      rows.consents.push({ id: randomUUID(), reviewId, documents: ['report'], languages: ['en'], note: 'Demo: consent given by note verbale (fictitious)', recordedBy: FOCAL_POINT, recordedAt: at(finalised, 14) });
      const sections = written.map((a) => {
        const c = content.get(a.article)!;
        return { ...a, content: { ...c, recommendations: c.recommendations.map((r, i) => ({ ...r, reference: recommendationReference(row.cycleNumber, review.stateUnderReview, a.article, i + 1) })) } };
      });
      publish('report', 'en', { ...base, symbol: '', sections }, reportPublished);
    }
  }

  await db.transaction(async (tx) => {
    const insert = async <T extends Record<string, unknown>>(table: Parameters<typeof tx.insert>[0], values: T[]) => {
      for (let i = 0; i < values.length; i += 500) await tx.insert(table).values(values.slice(i, i + 500));
    };
    await insert(reports, rows.reports);
    await insert(reportSectionVersions, rows.versions);
    await insert(reportRecommendations, rows.recommendations);
    await insert(reportGoodPractices, rows.goodPractices);
    await insert(reportNeeds, rows.needs);
    await insert(executiveSummaries, rows.summaries);
    await insert(summaryLanguageVersions, rows.languages);
    await insert(publicationConsents, rows.consents);
    await insert(publications, rows.publications);
  });
}
