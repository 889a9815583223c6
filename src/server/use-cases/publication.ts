/**
 * @module publication use cases
 * The State's consent and the publications of a review (docs/REPORTS.md §3). A publication
 * is a snapshot written once (the database refuses to change it); the public reads only
 * publications, never the working texts.
 */
import { randomUUID } from 'node:crypto';
import { checkConsent, checkPublication, type ConsentDocument, type PublishedDocumentKind } from '../../domain/reports/publication.ts';
import { ORIGINAL_LANGUAGE, type UnLanguage } from '../../domain/reports/summary.ts';
import { recommendationReference, type SectionContent } from '../../domain/reports/report.ts';
import { DomainError } from '../../domain/errors.ts';
import { asRichText } from '../../domain/reviews/rich-text.ts';
import { authorize, may } from '../../policies/policy.ts';
import { actorLabel, appendAudit } from '../../db/repositories/audit.ts';
import { listSubmissions } from '../../db/repositories/checklists.ts';
import { findPublication, findSummary, insertConsent, insertPublication, latestConsent, latestLanguageVersions, listPublications, type PublicationRow } from '../../db/repositories/reports.ts';
import { partyNames } from '../../db/repositories/public-reviews.ts';
import { loadReviews, updateReviewRow, type StoredReview } from '../../db/repositories/reviews.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { UseCaseContext } from './context.ts';
import { checkMayRead, loadReportContext, recordMilestoneOnce } from './report.ts';
import { relationTo } from './reviews.ts';
import { announceToSubscribers } from './subscriptions.ts';
import { loadContext, type SubmittedAnswer } from './checklist.ts';

/** What a publication keeps: enough to show and print it without reading any working text. */
export interface PublicationSnapshot {
  stateName: string;
  iso3: string;
  cycle: number;
  reviewerNames: [string, string];
  symbol: string;
  /** The summary's HTML (summary only). */
  html?: string;
  /** The report's sections, recommendations with their references (report only). */
  sections?: { article: number; title: string; chapter: string; content: SectionContent & { recommendations: { text: string; reference?: string }[] } }[];
  /** The submitted answers (checklist only). */
  checklist?: { article: number; title: string; chapter: string; provisions: { id: string; label: string; text: string }[] }[];
}

async function namesOf(db: DbOrTx, stored: StoredReview) {
  const rows = await partyNames(db, [stored.review.stateUnderReview, ...stored.review.reviewers]);
  const name = (iso3: string) => rows.find((r) => r.iso3 === iso3)?.nameUn ?? iso3;
  return { stateName: name(stored.review.stateUnderReview), reviewerNames: [name(stored.review.reviewers[0]), name(stored.review.reviewers[1])] as [string, string] };
}

async function snapshotOf(tx: DbOrTx, reviewId: string, document: PublishedDocumentKind, language: UnLanguage): Promise<PublicationSnapshot> {
  const { stored, cycle, articles, latest } = await loadReportContext(tx, reviewId);
  const base = { ...(await namesOf(tx, stored)), iso3: stored.review.stateUnderReview, cycle: cycle.number, symbol: (await findSummary(tx, reviewId))?.symbol ?? '' };
  if (document === 'summary') {
    const html = language === ORIGINAL_LANGUAGE ? ((await findSummary(tx, reviewId))?.text ?? '') : ((await latestLanguageVersions(tx, reviewId)).find((l) => l.language === language)?.text ?? '');
    return { ...base, html };
  }
  if (document === 'report') {
    const byArticle = new Map(latest.map((v) => [v.article, v.content]));
    return {
      ...base,
      symbol: '',
      sections: articles.flatMap((a) => {
        const content = byArticle.get(a.article);
        if (!content) return [];
        const recommendations = content.recommendations.map((r, i) => ({ ...r, reference: recommendationReference(cycle.number, stored.review.stateUnderReview, a.article, i + 1) }));
        return [{ ...a, content: { ...content, recommendations } }];
      }),
    };
  }
  const submitted = ((await listSubmissions(tx, reviewId))[0]?.answers ?? []) as SubmittedAnswer[];
  const { provisionRows } = await loadContext(tx, reviewId);
  const answers = new Map(submitted.map((a) => [a.provisionId, asRichText(String(a.text ?? ''))]));
  const checklist: NonNullable<PublicationSnapshot['checklist']> = [];
  for (const p of provisionRows) {
    if (checklist.at(-1)?.article !== p.articleNumber) checklist.push({ article: p.articleNumber, title: p.articleTitle, chapter: p.chapter, provisions: [] });
    checklist.at(-1)!.provisions.push({ id: p.id, label: p.label, text: answers.get(p.id) ?? '' });
  }
  return { ...base, symbol: '', checklist };
}

/**
 * Publishes (or corrects) one document in one language inside the caller's transaction.
 * The first publication of the summary records `executiveSummaryPublished`, of the report
 * `reportPublished`.
 */
export async function publishInTx(tx: DbOrTx, ctx: UseCaseContext, reviewId: string, input: { document: PublishedDocumentKind; language: UnLanguage; note: string }): Promise<PublicationRow> {
  const { stored, state } = await loadReportContext(tx, reviewId);
  const summary = await findSummary(tx, reviewId);
  const languageVersion = (await latestLanguageVersions(tx, reviewId)).find((l) => l.language === input.language);
  const consent = await latestConsent(tx, reviewId);
  const existing = (await listPublications(tx, [reviewId])).filter((p) => p.document === input.document && p.language === input.language);
  const version = checkPublication({
    document: input.document,
    language: input.language,
    note: input.note,
    consent: consent ?? null,
    summaryFinalised: !!summary?.finalisedAt,
    summaryLanguageFinal: input.language === ORIGINAL_LANGUAGE ? !!summary?.finalisedAt : languageVersion?.status === 'final',
    reportFinalised: !!state.finalisedAt,
    checklistSubmitted: (await listSubmissions(tx, reviewId)).length > 0,
    publishedVersions: existing.length,
  });
  const snapshot = await snapshotOf(tx, reviewId, input.document, input.language);
  const row = await insertPublication(tx, {
    id: randomUUID(),
    reviewId,
    document: input.document,
    language: input.language,
    version,
    note: input.note.trim(),
    snapshot: snapshot as unknown as Record<string, unknown>,
    publishedBy: actorLabel(ctx.actor),
    publishedAt: ctx.now,
  });
  if (input.document === 'summary') await recordMilestoneOnce(tx, ctx, reviewId, 'executiveSummaryPublished');
  if (input.document === 'report') await recordMilestoneOnce(tx, ctx, reviewId, 'reportPublished');
  // Followers of the State learn of it by e-mail, queued with the publication (docs/PUBLIC.md).
  const what = { summary: 'Executive summary', report: 'Country review report', checklist: 'Self-assessment checklist' }[input.document];
  await announceToSubscribers(tx, {
    kind: 'documentPublished',
    iso3: stored.review.stateUnderReview,
    cycle: stored.review.cycle,
    date: ctx.now.toISOString().slice(0, 10),
    detail: `${what} (${input.language}${version > 1 ? `, version ${version}` : ''})`,
  });
  await appendAudit(tx, {
    actor: ctx.actor,
    action: 'publication.publish',
    resourceType: 'review',
    resourceId: reviewId,
    details: { publicationId: row.id, document: input.document, language: input.language, version, state: stored.review.stateUnderReview },
    ip: ctx.ip,
    requestId: ctx.requestId,
  });
  return row;
}

async function presentPublications(ctx: UseCaseContext, db: DbOrTx, reviewId: string, relation: ReturnType<typeof relationTo>) {
  const consent = await latestConsent(db, reviewId);
  const rows = await listPublications(db, [reviewId]);
  return {
    consent: consent
      ? { documents: consent.documents as ConsentDocument[], languages: consent.languages, note: consent.note, recordedBy: consent.recordedBy, recordedAt: consent.recordedAt.toISOString() }
      : null,
    publications: rows.map((p) => ({ id: p.id, document: p.document as PublishedDocumentKind, language: p.language, version: p.version, note: p.note, publishedAt: p.publishedAt.toISOString(), publishedBy: p.publishedBy })),
    may: { consent: may(ctx.actor, 'publication.consent', { relation }), publish: may(ctx.actor, 'publication.publish', { relation }) },
  };
}

export type PublicationsView = Awaited<ReturnType<typeof presentPublications>>;

export async function getPublications(ctx: UseCaseContext, reviewId: string): Promise<PublicationsView> {
  const { stored, state } = await loadReportContext(ctx.db, reviewId);
  const relation = checkMayRead(ctx, stored.review, state);
  return presentPublications(ctx, ctx.db, reviewId, relation);
}

/** The State's consent, given by its focal point or recorded by the secretariat; the latest counts. */
export async function recordConsent(ctx: UseCaseContext, reviewId: string, input: { documents: ConsentDocument[]; languages: UnLanguage[]; note?: string }): Promise<PublicationsView> {
  const [stored] = await loadReviews(ctx.db, { ids: [reviewId] });
  if (!stored) throw new DomainError('review.notFound', `No review ${reviewId}.`);
  const relation = relationTo(ctx.actor, stored.review);
  authorize(ctx.actor, 'publication.consent', { relation });
  const consent = checkConsent(input);
  const note = (input.note ?? '').trim().slice(0, 2_000);
  return ctx.db.transaction(async (tx) => {
    const [fresh] = (await loadReviews(tx, { ids: [reviewId] })) as [StoredReview];
    await insertConsent(tx, { id: randomUUID(), reviewId, documents: [...consent.documents], languages: [...consent.languages], note, recordedBy: actorLabel(ctx.actor), recordedAt: ctx.now });
    // The review's own flag makes "report published" an applicable milestone (docs/REVIEWS.md §2).
    const toReport = consent.documents.includes('report');
    if (fresh.row.consentToPublishReport !== toReport) await updateReviewRow(tx, reviewId, { consentToPublishReport: toReport }, fresh.row.version);
    await appendAudit(tx, { actor: ctx.actor, action: 'publication.consent', resourceType: 'review', resourceId: reviewId, details: { ...consent, note }, ip: ctx.ip, requestId: ctx.requestId });
    return presentPublications(ctx, tx, reviewId, relation);
  });
}

export async function publish(ctx: UseCaseContext, reviewId: string, input: { document: PublishedDocumentKind; language: UnLanguage; note?: string }): Promise<PublicationsView> {
  const [stored] = await loadReviews(ctx.db, { ids: [reviewId] });
  if (!stored) throw new DomainError('review.notFound', `No review ${reviewId}.`);
  const relation = relationTo(ctx.actor, stored.review);
  authorize(ctx.actor, 'publication.publish', { relation });
  return ctx.db.transaction(async (tx) => {
    await publishInTx(tx, ctx, reviewId, { document: input.document, language: input.language, note: input.note ?? '' });
    return presentPublications(ctx, tx, reviewId, relation);
  });
}

/** One publication as the public reads it: the snapshot, never the working text. */
export async function publicPublication(ctx: UseCaseContext, publicationId: string) {
  authorize(ctx.actor, 'public.read');
  const row = await findPublication(ctx.db, publicationId);
  if (!row) throw new DomainError('resource.notFound', 'No such publication.');
  const snapshot = row.snapshot as unknown as PublicationSnapshot;
  const versions = (await listPublications(ctx.db, [row.reviewId])).filter((p) => p.document === row.document && p.language === row.language);
  return {
    id: row.id,
    document: row.document as PublishedDocumentKind,
    language: row.language as UnLanguage,
    version: row.version,
    note: row.note,
    publishedAt: row.publishedAt.toISOString(),
    state: { iso3: snapshot.iso3, name: snapshot.stateName },
    cycle: snapshot.cycle,
    reviewerNames: snapshot.reviewerNames,
    symbol: snapshot.symbol,
    html: snapshot.html ?? null,
    sections: snapshot.sections ?? null,
    checklist: snapshot.checklist ?? null,
    /** Every version of this document in this language, so a reader sees what was corrected. */
    versions: versions.map((p) => ({ id: p.id, version: p.version, note: p.note, publishedAt: p.publishedAt.toISOString() })),
  };
}

export type PublicPublication = Awaited<ReturnType<typeof publicPublication>>;
