/**
 * @module report use cases
 * The country review report (docs/REPORTS.md §1): read it (parties and secretariat; the State
 * under review once the draft is shared), write sections (secretariat, reviewing experts),
 * comment, share with the State, the State's agreement, finalisation. Every read and write
 * is audited; every multi-row write is one transaction.
 */
import { randomUUID } from 'node:crypto';
import {
  checkCanAgree,
  checkCanEdit,
  checkCanFinalise,
  checkCanShare,
  checkSectionContent,
  EMPTY_SECTION,
  agreementHolds,
  recommendationReference,
  reportStatus,
  type ReportState,
  type SectionContent,
} from '../../domain/reports/report.ts';
import { DomainError } from '../../domain/errors.ts';
import { milestoneDate, recordMilestone, type Review } from '../../domain/reviews/review.ts';
import type { MilestoneKind } from '../../domain/reviews/milestones.ts';
import { authorize, may, type Relation } from '../../policies/policy.ts';
import type { Action } from '../../policies/actions.ts';
import { actorLabel, appendAudit } from '../../db/repositories/audit.ts';
import {
  commentCounts,
  ensureReport,
  findReport,
  insertComment,
  insertSectionVersion,
  latestSectionVersions,
  listComments,
  replaceSectionRecords,
  sectionAuthors,
  sectionVersions,
  updateReport,
  type ReportRow,
  type SectionVersionRow,
} from '../../db/repositories/reports.ts';
import { findPartyRow } from '../../db/repositories/parties.ts';
import { insertMilestone, loadReviews, updateReviewRow, type StoredReview } from '../../db/repositories/reviews.ts';
import type { DbOrTx } from '../../db/client.ts';
import { loadContext } from './checklist.ts';
import { isoDay, type UseCaseContext } from './context.ts';
import { relationTo } from './reviews.ts';

export interface ArticleUnderReview {
  article: number;
  title: string;
  chapter: string;
}

/** The review, the articles of its cycle's chapters, and the report's state. */
export async function loadReportContext(db: DbOrTx, reviewId: string) {
  const { stored, cycle, provisionRows } = await loadContext(db, reviewId);
  const articles: ArticleUnderReview[] = [];
  for (const p of provisionRows) if (articles.at(-1)?.article !== p.articleNumber) articles.push({ article: p.articleNumber, title: p.articleTitle, chapter: p.chapter });
  const row = await findReport(db, reviewId);
  const latest = await latestSectionVersions(db, reviewId);
  return { stored, cycle, articles, row, latest, state: stateOf(row, latest, stored.review) };
}

function stateOf(row: ReportRow | undefined, latest: SectionVersionRow[], review: Review): ReportState {
  return {
    // A draft shared before Open IRM kept reports (an imported milestone) counts as shared.
    sharedAt: row?.sharedAt?.toISOString() ?? milestoneDate(review, 'draftReportShared') ?? null,
    finalisedAt: row?.finalisedAt?.toISOString() ?? null,
    agreement: row?.agreement ?? null,
    versions: Object.fromEntries(latest.map((v) => [String(v.article), v.version])),
  };
}

/**
 * Reading needs `report.read`; the State under review reads only a shared draft (before,
 * the report is the reviewers' working text).
 */
export function checkMayRead(ctx: UseCaseContext, review: Review, state: ReportState): Relation {
  const relation = relationTo(ctx.actor, review);
  authorize(ctx.actor, 'report.read', { relation });
  if (relation === 'under-review' && !(ctx.actor.kind === 'user' && ctx.actor.role === 'secretariat') && !state.sharedAt) {
    throw new DomainError('policy.denied', 'The draft report has not been shared with your State yet.');
  }
  return relation;
}

function presentSection(article: ArticleUnderReview, version: SectionVersionRow | undefined, authors: string[], comments: number) {
  return {
    ...article,
    version: version?.version ?? 0,
    updatedBy: version?.author ?? null,
    updatedAt: version?.createdAt.toISOString() ?? null,
    authors,
    content: version?.content ?? EMPTY_SECTION,
    commentCount: comments,
  };
}

export type SectionView = ReturnType<typeof presentSection>;

type ReportContext = Awaited<ReturnType<typeof loadReportContext>>;

/** `context` when the caller has just loaded it and written nothing of the report since. */
async function presentReport(ctx: UseCaseContext, db: DbOrTx, reviewId: string, context?: ReportContext) {
  const { stored, cycle, articles, latest, state } = context ?? (await loadReportContext(db, reviewId));
  const relation = relationTo(ctx.actor, stored.review);
  const byArticle = new Map(latest.map((v) => [v.article, v]));
  const authors = await sectionAuthors(db, reviewId);
  const counts = await commentCounts(db, reviewId);
  const party = await findPartyRow(db, stored.review.stateUnderReview);
  const status = reportStatus(state);
  const can = (action: Action) => may(ctx.actor, action, { relation });
  return {
    reviewId,
    cycle: cycle.number,
    state: { iso3: stored.review.stateUnderReview, name: party?.nameUn ?? stored.review.stateUnderReview },
    status,
    sharedAt: state.sharedAt,
    agreement: state.agreement,
    agreementHolds: agreementHolds(state),
    finalisedAt: state.finalisedAt,
    may: {
      draft: can('report.draft') && status !== 'finalised',
      comment: can('report.comment') && status !== 'finalised',
      share: can('report.share') && !state.sharedAt && latest.length > 0,
      agree: can('report.agree') && (status === 'shared' || (status !== 'finalised' && !!state.sharedAt && !agreementHolds(state))),
      finalise: can('report.finalise') && status === 'agreed',
    },
    sections: articles.map((a) => presentSection(a, byArticle.get(a.article), authors.get(a.article) ?? [], counts.get(a.article) ?? 0)),
  };
}

export type ReportView = Awaited<ReturnType<typeof presentReport>>;

export async function getReport(ctx: UseCaseContext, reviewId: string): Promise<ReportView> {
  const context = await loadReportContext(ctx.db, reviewId);
  const relation = checkMayRead(ctx, context.stored.review, context.state);
  await appendAudit(ctx.db, { actor: ctx.actor, action: 'report.read', resourceType: 'review', resourceId: reviewId, details: { relation }, ip: ctx.ip, requestId: ctx.requestId });
  return presentReport(ctx, ctx.db, reviewId, context);
}

/**
 * Saves a section as a new version if nobody saved it since `version` was read (0 = first);
 * a stale version is a 409 carrying the stored section. Voids an agreement (docs §1).
 */
export async function saveSection(ctx: UseCaseContext, reviewId: string, article: number, input: { content: SectionContent; version: number }): Promise<SectionView> {
  const first = await loadReportContext(ctx.db, reviewId);
  authorize(ctx.actor, 'report.draft', { relation: relationTo(ctx.actor, first.stored.review) });
  const content = checkSectionContent(article, new Set(first.articles.map((a) => a.article)), input.content);
  const articleInfo = first.articles.find((a) => a.article === article)!;
  return ctx.db.transaction(async (tx) => {
    await ensureReport(tx, reviewId, true);
    const { state, latest } = await loadReportContext(tx, reviewId);
    checkCanEdit(state);
    const current = latest.find((v) => v.article === article);
    if ((current?.version ?? 0) !== input.version) {
      const authors = (await sectionAuthors(tx, reviewId)).get(article) ?? [];
      throw new DomainError('record.versionConflict', 'Someone else saved this section since you opened it. Compare both versions and choose.', {
        current: presentSection(articleInfo, current, authors, 0),
      });
    }
    const saved = await insertSectionVersion(tx, { reviewId, article, version: input.version + 1, content, author: actorLabel(ctx.actor), createdAt: ctx.now });
    const { cycle } = first;
    await replaceSectionRecords(tx, reviewId, article, content, (sequence) => recommendationReference(cycle.number, first.stored.review.stateUnderReview, article, sequence));
    await appendAudit(tx, {
      actor: ctx.actor,
      action: 'report.saveSection',
      resourceType: 'review',
      resourceId: reviewId,
      details: { article, version: saved.version, voidsAgreement: agreementHolds(state) },
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
    const authors = (await sectionAuthors(tx, reviewId)).get(article) ?? [];
    const counts = await commentCounts(tx, reviewId);
    return presentSection(articleInfo, saved, authors, counts.get(article) ?? 0);
  });
}

export async function listSectionVersions(ctx: UseCaseContext, reviewId: string, article: number) {
  const { stored, state, articles } = await loadReportContext(ctx.db, reviewId);
  checkMayRead(ctx, stored.review, state);
  if (!articles.some((a) => a.article === article)) throw new DomainError('resource.notFound', `The report has no section for article ${article}.`);
  const versions = await sectionVersions(ctx.db, reviewId, article);
  return versions.map((v) => ({ version: v.version, author: v.author, createdAt: v.createdAt.toISOString(), content: v.content }));
}

function sideOf(ctx: UseCaseContext, relation: Relation): 'secretariat' | 'reviewing' | 'under-review' {
  if (ctx.actor.kind === 'user' && ctx.actor.role === 'secretariat') return 'secretariat';
  return relation === 'under-review' ? 'under-review' : 'reviewing';
}

function presentComment(c: Awaited<ReturnType<typeof listComments>>[number]) {
  return { id: c.id, author: c.author, side: c.side as 'secretariat' | 'reviewing' | 'under-review', body: c.body, createdAt: c.createdAt.toISOString() };
}

export async function getComments(ctx: UseCaseContext, reviewId: string, article: number) {
  const { stored, state } = await loadReportContext(ctx.db, reviewId);
  checkMayRead(ctx, stored.review, state);
  return (await listComments(ctx.db, reviewId, article)).map(presentComment);
}

export const MAX_COMMENT = 10_000;

export async function addComment(ctx: UseCaseContext, reviewId: string, article: number, body: string) {
  const { stored, state, articles } = await loadReportContext(ctx.db, reviewId);
  const relation = checkMayRead(ctx, stored.review, state);
  authorize(ctx.actor, 'report.comment', { relation });
  if (!articles.some((a) => a.article === article)) throw new DomainError('request.invalid', `The report has no section for article ${article}.`);
  const text = body.trim();
  if (!text) throw new DomainError('request.invalid', 'A comment cannot be empty.');
  if (text.length > MAX_COMMENT) throw new DomainError('request.invalid', `A comment may hold at most ${MAX_COMMENT} characters.`);
  if (state.finalisedAt) throw new DomainError('report.invalidState', 'The report is finalised: it takes no more comments.');
  return ctx.db.transaction(async (tx) => {
    const row = await insertComment(tx, { id: randomUUID(), reviewId, article, side: sideOf(ctx, relation), author: actorLabel(ctx.actor), body: text, createdAt: ctx.now });
    await appendAudit(tx, { actor: ctx.actor, action: 'report.comment', resourceType: 'review', resourceId: reviewId, details: { article }, ip: ctx.ip, requestId: ctx.requestId });
    return presentComment(row);
  });
}

/** Records a milestone of the review today, unless it is already recorded (an imported history). */
export async function recordMilestoneOnce(tx: DbOrTx, ctx: UseCaseContext, reviewId: string, kind: MilestoneKind): Promise<void> {
  const [fresh] = (await loadReviews(tx, { ids: [reviewId] })) as [StoredReview];
  if (milestoneDate(fresh.review, kind) !== undefined) return;
  const today = isoDay(ctx.now);
  recordMilestone(fresh.review, { kind, date: today }, ctx.now);
  await insertMilestone(tx, { reviewId, kind, date: today, dialogueType: null, recordedBy: actorLabel(ctx.actor) });
  await updateReviewRow(tx, reviewId, {}, fresh.row.version);
}

type Step = 'share' | 'agree' | 'finalise';

/** One step of the report's lifecycle, checked against its state inside the transaction. */
async function reportStep(ctx: UseCaseContext, reviewId: string, step: Step): Promise<ReportView> {
  const first = await loadReportContext(ctx.db, reviewId);
  const relation = relationTo(ctx.actor, first.stored.review);
  authorize(ctx.actor, step === 'share' ? 'report.share' : step === 'agree' ? 'report.agree' : 'report.finalise', { relation });
  return ctx.db.transaction(async (tx) => {
    await ensureReport(tx, reviewId, true);
    const { state } = await loadReportContext(tx, reviewId);
    const by = actorLabel(ctx.actor);
    if (step === 'share') {
      checkCanShare(state);
      await recordMilestoneOnce(tx, ctx, reviewId, 'draftReportShared');
      await updateReport(tx, reviewId, { sharedAt: ctx.now, sharedBy: by });
    } else if (step === 'agree') {
      checkCanAgree(state);
      await updateReport(tx, reviewId, { agreement: { at: ctx.now.toISOString(), by, versions: state.versions } });
    } else {
      checkCanFinalise(state);
      await recordMilestoneOnce(tx, ctx, reviewId, 'reportFinalised');
      await updateReport(tx, reviewId, { finalisedAt: ctx.now, finalisedBy: by });
    }
    await appendAudit(tx, { actor: ctx.actor, action: `report.${step}`, resourceType: 'review', resourceId: reviewId, details: { versions: state.versions }, ip: ctx.ip, requestId: ctx.requestId });
    return presentReport(ctx, tx, reviewId);
  });
}

export const shareReport = (ctx: UseCaseContext, reviewId: string) => reportStep(ctx, reviewId, 'share');
export const agreeToReport = (ctx: UseCaseContext, reviewId: string) => reportStep(ctx, reviewId, 'agree');
export const finaliseReport = (ctx: UseCaseContext, reviewId: string) => reportStep(ctx, reviewId, 'finalise');
