/**
 * @module report-documents
 * The report and the executive summary as files (DOCX in the UN layout, and PDF): drafts
 * for the review's parties (audited, marked "draft"), publications for anyone (from their
 * snapshot, so a file always shows what was published).
 */
import { DomainError } from '../../domain/errors.ts';
import { ASSISTANCE_TYPE_NAMES } from '../../domain/reviews/checklist.ts';
import { ORIGINAL_LANGUAGE, type UnLanguage } from '../../domain/reports/summary.ts';
import type { SectionContent } from '../../domain/reports/report.ts';
import { authorize } from '../../policies/policy.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { findPublication, findSummary, latestLanguageVersions } from '../../db/repositories/reports.ts';
import { partyNames } from '../../db/repositories/public-reviews.ts';
import { buildReportDocx, buildSummaryDocx } from '../documents/report-docx.ts';
import { buildReportPdf, buildSummaryPdf } from '../documents/report-pdf.ts';
import type { ReportArticleInput, ReportDocumentInput, SummaryDocumentInput } from '../documents/report-document.ts';
import { isoDay, type UseCaseContext } from './context.ts';
import type { PublicationSnapshot } from './publication.ts';
import { checkMayRead, loadReportContext } from './report.ts';
import { CHAPTER_NAMES } from './summary.ts';

export type DocumentFormat = 'docx' | 'pdf';

export interface DocumentFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

const CONTENT_TYPES: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

type Section = { article: number; title: string; chapter: string; content: Omit<SectionContent, 'recommendations'> & { recommendations: { text: string; reference?: string }[] } };

function chaptersOf(sections: readonly Section[]): ReportDocumentInput['chapters'] {
  const chapters: ReportDocumentInput['chapters'] = [];
  for (const s of sections) {
    if (chapters.at(-1)?.chapter !== s.chapter) chapters.push({ chapter: s.chapter, title: CHAPTER_NAMES[s.chapter] ?? '', articles: [] });
    const article: ReportArticleInput = {
      article: s.article,
      title: s.title,
      summary: s.content.summary,
      observations: s.content.observations,
      successes: s.content.successes,
      challenges: s.content.challenges,
      recommendations: s.content.recommendations.map((r) => ({ reference: r.reference ?? '', text: r.text })),
      goodPractices: s.content.goodPractices,
      needs: s.content.needs.map((n) => ({ typeLabel: ASSISTANCE_TYPE_NAMES[n.type], text: n.text })),
    };
    chapters.at(-1)!.articles.push(article);
  }
  return chapters;
}

async function render(kind: 'report', input: ReportDocumentInput, format: DocumentFormat): Promise<Buffer>;
async function render(kind: 'summary', input: SummaryDocumentInput, format: DocumentFormat): Promise<Buffer>;
async function render(kind: 'report' | 'summary', input: ReportDocumentInput | SummaryDocumentInput, format: DocumentFormat): Promise<Buffer> {
  if (kind === 'report') return format === 'docx' ? buildReportDocx(input as ReportDocumentInput) : buildReportPdf(input as ReportDocumentInput);
  return format === 'docx' ? buildSummaryDocx(input as SummaryDocumentInput) : buildSummaryPdf(input as SummaryDocumentInput);
}

function fileName(parts: (string | number)[], format: DocumentFormat): string {
  return `${parts.join('-').replace(/[^A-Za-z0-9._-]+/g, '-')}.${format}`;
}

async function reviewFacts(ctx: UseCaseContext, reviewId: string) {
  const context = await loadReportContext(ctx.db, reviewId);
  const relation = checkMayRead(ctx, context.stored.review, context.state);
  const review = context.stored.review;
  const names = await partyNames(ctx.db, [review.stateUnderReview, ...review.reviewers]);
  const name = (iso3: string) => names.find((n) => n.iso3 === iso3)?.nameUn ?? iso3;
  return { ...context, relation, stateName: name(review.stateUnderReview), reviewerNames: [name(review.reviewers[0]), name(review.reviewers[1])] as [string, string] };
}

/** The report as it stands, for the review's parties; marked as a draft until finalised. */
export async function draftReportFile(ctx: UseCaseContext, reviewId: string, format: DocumentFormat): Promise<DocumentFile> {
  const facts = await reviewFacts(ctx, reviewId);
  const byArticle = new Map(facts.latest.map((v) => [v.article, v.content]));
  const sections: Section[] = facts.articles.map((a) => {
    const content = byArticle.get(a.article) ?? { summary: '', observations: '', successes: '', challenges: '', recommendations: [], goodPractices: [], needs: [] };
    return { ...a, content: { ...content, recommendations: content.recommendations.map((r, i) => ({ ...r, reference: `${facts.cycle.number}/${facts.stored.review.stateUnderReview}/${a.article}/${i + 1}` })) } };
  });
  const input: ReportDocumentInput = {
    symbol: '',
    distribution: 'Restricted',
    date: isoDay(ctx.now),
    language: ORIGINAL_LANGUAGE,
    stateName: facts.stateName,
    cycle: facts.cycle.number,
    reviewerNames: facts.reviewerNames,
    draft: !facts.state.finalisedAt,
    chapters: chaptersOf(sections),
  };
  const body = await render('report', input, format);
  await appendAudit(ctx.db, { actor: ctx.actor, action: 'report.export', resourceType: 'review', resourceId: reviewId, details: { format, relation: facts.relation }, ip: ctx.ip, requestId: ctx.requestId });
  return { filename: fileName(['country-review-report', facts.stored.review.stateUnderReview, `cycle-${facts.cycle.number}`], format), contentType: CONTENT_TYPES[format], body };
}

/** One language version of the summary, for the review's parties. */
export async function draftSummaryFile(ctx: UseCaseContext, reviewId: string, language: UnLanguage, format: DocumentFormat): Promise<DocumentFile> {
  const facts = await reviewFacts(ctx, reviewId);
  const summary = await findSummary(ctx.db, reviewId);
  const version = language === ORIGINAL_LANGUAGE ? null : (await latestLanguageVersions(ctx.db, reviewId)).find((l) => l.language === language);
  const text = language === ORIGINAL_LANGUAGE ? (summary?.text ?? '') : (version?.text ?? '');
  if (!text) throw new DomainError('resource.notFound', `The executive summary has no ${language} text yet.`);
  const final = language === ORIGINAL_LANGUAGE ? !!summary?.finalisedAt : version?.status === 'final';
  const input: SummaryDocumentInput = {
    symbol: summary?.symbol ?? '',
    distribution: final ? 'General' : 'Restricted',
    date: isoDay(ctx.now),
    language,
    stateName: facts.stateName,
    cycle: facts.cycle.number,
    reviewerNames: facts.reviewerNames,
    draft: !final,
    text,
  };
  const body = await render('summary', input, format);
  await appendAudit(ctx.db, { actor: ctx.actor, action: 'summary.export', resourceType: 'review', resourceId: reviewId, details: { format, language, relation: facts.relation }, ip: ctx.ip, requestId: ctx.requestId });
  return { filename: fileName(['executive-summary', facts.stored.review.stateUnderReview, `cycle-${facts.cycle.number}`, language], format), contentType: CONTENT_TYPES[format], body };
}

/** A published report or summary, exactly as published; anyone may read it. */
export async function publicationFile(ctx: UseCaseContext, publicationId: string, format: DocumentFormat): Promise<DocumentFile> {
  authorize(ctx.actor, 'public.read');
  const row = await findPublication(ctx.db, publicationId);
  if (!row) throw new DomainError('resource.notFound', 'No such publication.');
  const snapshot = row.snapshot as unknown as PublicationSnapshot;
  const common = {
    symbol: snapshot.symbol,
    distribution: 'General' as const,
    date: row.publishedAt.toISOString().slice(0, 10),
    language: row.language as UnLanguage,
    stateName: snapshot.stateName,
    cycle: snapshot.cycle,
    reviewerNames: snapshot.reviewerNames,
    draft: false,
  };
  const name = [row.document === 'summary' ? 'executive-summary' : 'country-review-report', snapshot.iso3, `cycle-${snapshot.cycle}`, row.language, `v${row.version}`];
  let body: Buffer;
  if (row.document === 'summary') body = await render('summary', { ...common, text: snapshot.html ?? '' }, format);
  else if (row.document === 'report') body = await render('report', { ...common, chapters: chaptersOf(snapshot.sections ?? []) }, format);
  else throw new DomainError('resource.notFound', 'A published checklist is read online; it has no file.');
  return { filename: fileName(name, format), contentType: CONTENT_TYPES[format], body };
}
