/**
 * @module summary use cases
 * The executive summary (docs/REPORTS.md §2): drafted by the report's drafters, pre-filled
 * from the report, finalised by the secretariat once the State agreed, then written in the
 * six UN languages. A language version that becomes final is published at once (§3).
 */
import {
  checkCanEditSummary,
  checkCanFinaliseSummary,
  checkLanguageVersion,
  checkSummaryText,
  checkSymbol,
  ORIGINAL_LANGUAGE,
  prefillSummary,
  UN_LANGUAGES,
  type TranslationStatus,
  type UnLanguage,
} from '../../domain/reports/summary.ts';
import { reportStatus } from '../../domain/reports/report.ts';
import { DomainError } from '../../domain/errors.ts';
import { ASSISTANCE_TYPE_NAMES } from '../../domain/reviews/checklist.ts';
import { authorize, may } from '../../policies/policy.ts';
import { actorLabel, appendAudit } from '../../db/repositories/audit.ts';
import { findSummary, insertLanguageVersion, insertSummary, latestLanguageVersions, listPublications, updateSummary, type SummaryRow } from '../../db/repositories/reports.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { UseCaseContext } from './context.ts';
import { checkMayRead, loadReportContext, recordMilestoneOnce } from './report.ts';
import { relationTo } from './reviews.ts';
import { publishInTx } from './publication.ts';


/** The Convention's chapters under review, by their English titles. */
export const CHAPTER_NAMES: Record<string, string> = {
  II: 'Preventive measures',
  III: 'Criminalization and law enforcement',
  IV: 'International cooperation',
  V: 'Asset recovery',
};

interface LanguageView {
  language: UnLanguage;
  status: TranslationStatus;
  text: string;
  version: number;
  updatedBy: string | null;
  updatedAt: string | null;
  publishedAt: string | null;
}

async function presentSummary(ctx: UseCaseContext, db: DbOrTx, reviewId: string) {
  const { stored, state } = await loadReportContext(db, reviewId);
  const relation = relationTo(ctx.actor, stored.review);
  const row = await findSummary(db, reviewId);
  const languages = await latestLanguageVersions(db, reviewId);
  const published = await listPublications(db, [reviewId]);
  const publishedAt = (language: string) => published.find((p) => p.document === 'summary' && p.language === language)?.publishedAt.toISOString() ?? null;
  const finalised = !!row?.finalisedAt;
  return {
    reviewId,
    status: finalised ? ('finalised' as const) : ('drafting' as const),
    symbol: row?.symbol ?? '',
    text: row?.text ?? '',
    version: row?.version ?? 0,
    updatedBy: row?.updatedBy ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    finalisedAt: row?.finalisedAt?.toISOString() ?? null,
    reportStatus: reportStatus(state),
    may: {
      draft: may(ctx.actor, 'report.draft', { relation }) && !finalised,
      finalise: may(ctx.actor, 'report.finalise', { relation }) && !finalised,
      translate: may(ctx.actor, 'summary.translate', { relation }) && finalised,
    },
    languages: UN_LANGUAGES.map((language): LanguageView => {
      if (language === ORIGINAL_LANGUAGE) {
        return {
          language,
          status: finalised ? 'final' : 'pending',
          text: row?.text ?? '',
          version: row?.version ?? 0,
          updatedBy: row?.updatedBy ?? null,
          updatedAt: row?.updatedAt.toISOString() ?? null,
          publishedAt: publishedAt(language),
        };
      }
      const v = languages.find((l) => l.language === language);
      return {
        language,
        status: (v?.status ?? 'pending') as TranslationStatus,
        text: v?.text ?? '',
        version: v?.version ?? 0,
        updatedBy: v?.updatedBy ?? null,
        updatedAt: v?.updatedAt.toISOString() ?? null,
        publishedAt: publishedAt(language),
      };
    }),
  };
}

export type SummaryView = Awaited<ReturnType<typeof presentSummary>>;

export async function getSummary(ctx: UseCaseContext, reviewId: string): Promise<SummaryView> {
  const { stored, state } = await loadReportContext(ctx.db, reviewId);
  const relation = checkMayRead(ctx, stored.review, state);
  await appendAudit(ctx.db, { actor: ctx.actor, action: 'summary.read', resourceType: 'review', resourceId: reviewId, details: { relation }, ip: ctx.ip, requestId: ctx.requestId });
  return presentSummary(ctx, ctx.db, reviewId);
}

function conflict(current: SummaryRow | undefined): DomainError {
  return new DomainError('record.versionConflict', 'Someone else saved the summary since you opened it. Compare both versions and choose.', {
    current: current ? { text: current.text, symbol: current.symbol, version: current.version, updatedBy: current.updatedBy, updatedAt: current.updatedAt.toISOString() } : null,
  });
}

export async function saveSummary(ctx: UseCaseContext, reviewId: string, input: { text: string; symbol: string; version: number }): Promise<SummaryView> {
  const { stored } = await loadReportContext(ctx.db, reviewId);
  authorize(ctx.actor, 'report.draft', { relation: relationTo(ctx.actor, stored.review) });
  const text = checkSummaryText(input.text);
  const symbol = checkSymbol(input.symbol);
  return ctx.db.transaction(async (tx) => {
    const current = await findSummary(tx, reviewId);
    checkCanEditSummary(current?.finalisedAt?.toISOString() ?? null);
    const by = actorLabel(ctx.actor);
    const saved =
      input.version === 0
        ? await insertSummary(tx, { reviewId, text, symbol, version: 1, updatedBy: by, updatedAt: ctx.now })
        : await updateSummary(tx, reviewId, input.version, { text, symbol, updatedBy: by, updatedAt: ctx.now });
    if (!saved) throw conflict(current);
    await appendAudit(tx, { actor: ctx.actor, action: 'summary.save', resourceType: 'review', resourceId: reviewId, details: { version: saved.version }, ip: ctx.ip, requestId: ctx.requestId });
    return presentSummary(ctx, tx, reviewId);
  });
}

/** A first draft from the report's recommendations, good practices and needs. */
export async function prefill(ctx: UseCaseContext, reviewId: string): Promise<{ text: string }> {
  const { stored, articles, latest } = await loadReportContext(ctx.db, reviewId);
  authorize(ctx.actor, 'report.draft', { relation: relationTo(ctx.actor, stored.review) });
  const byArticle = new Map(latest.map((v) => [v.article, v.content]));
  const text = prefillSummary(
    articles.flatMap((a) => {
      const content = byArticle.get(a.article);
      return content ? [{ ...a, content }] : [];
    }),
    { chapter: (c) => `Chapter ${c}. ${CHAPTER_NAMES[c] ?? ''}`.trim(), needType: (t) => ASSISTANCE_TYPE_NAMES[t] },
  );
  return { text };
}

export async function finaliseSummary(ctx: UseCaseContext, reviewId: string): Promise<SummaryView> {
  const { stored } = await loadReportContext(ctx.db, reviewId);
  authorize(ctx.actor, 'report.finalise', { relation: relationTo(ctx.actor, stored.review) });
  return ctx.db.transaction(async (tx) => {
    const { state } = await loadReportContext(tx, reviewId);
    const current = await findSummary(tx, reviewId);
    checkCanFinaliseSummary({ finalisedAt: current?.finalisedAt?.toISOString() ?? null, text: current?.text ?? '', reportStatus: reportStatus(state) });
    await updateSummary(tx, reviewId, current!.version, { finalisedAt: ctx.now, finalisedBy: actorLabel(ctx.actor), updatedBy: current!.updatedBy, updatedAt: current!.updatedAt });
    await recordMilestoneOnce(tx, ctx, reviewId, 'executiveSummaryFinalised');
    await appendAudit(tx, { actor: ctx.actor, action: 'summary.finalise', resourceType: 'review', resourceId: reviewId, details: { version: current!.version + 1 }, ip: ctx.ip, requestId: ctx.requestId });
    // "The executive summary is published when finalised": the original at once.
    await publishInTx(tx, ctx, reviewId, { document: 'summary', language: ORIGINAL_LANGUAGE, note: '' });
    return presentSummary(ctx, tx, reviewId);
  });
}

export async function saveLanguageVersion(ctx: UseCaseContext, reviewId: string, language: UnLanguage, input: { text: string; status: TranslationStatus; version: number }): Promise<SummaryView> {
  const { stored } = await loadReportContext(ctx.db, reviewId);
  authorize(ctx.actor, 'summary.translate', { relation: relationTo(ctx.actor, stored.review) });
  return ctx.db.transaction(async (tx) => {
    const summary = await findSummary(tx, reviewId);
    const text = checkLanguageVersion({ language, status: input.status, text: input.text, summaryFinalised: !!summary?.finalisedAt });
    const current = (await latestLanguageVersions(tx, reviewId)).find((l) => l.language === language);
    if ((current?.version ?? 0) !== input.version) {
      throw new DomainError('record.versionConflict', 'Someone else saved this language version since you opened it.', {
        current: current ? { language, status: current.status, text: current.text, version: current.version, updatedBy: current.updatedBy, updatedAt: current.updatedAt.toISOString() } : null,
      });
    }
    const saved = await insertLanguageVersion(tx, { reviewId, language, version: input.version + 1, status: input.status, text, updatedBy: actorLabel(ctx.actor), updatedAt: ctx.now });
    if (!saved) throw new DomainError('record.versionConflict', 'Someone else saved this language version at the same moment. Reload and try again.');
    await appendAudit(tx, { actor: ctx.actor, action: 'summary.saveLanguage', resourceType: 'review', resourceId: reviewId, details: { language, status: input.status, version: saved.version }, ip: ctx.ip, requestId: ctx.requestId });
    // A final language version is published; a change to an already published one is a correction.
    if (input.status === 'final') {
      const wasFinal = current?.status === 'final';
      const unchanged = wasFinal && current.text === text;
      if (!unchanged) await publishInTx(tx, ctx, reviewId, { document: 'summary', language, note: wasFinal ? 'Corrected translation.' : '' });
    }
    return presentSummary(ctx, tx, reviewId);
  });
}
