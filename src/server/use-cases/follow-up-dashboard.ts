/**
 * @module follow-up-dashboard use cases
 * The follow-up dashboards (docs/FOLLOW-UP.md §4): shares implemented as at a date by
 * article, chapter, regional group and cycle, per quarter, the States with the most
 * outstanding recommendations, and the list behind every figure. The secretariat counts every
 * recommendation of a finalised report; everyone else only those of a published report
 * (published-material.ts), so a figure never reveals an unpublished recommendation.
 */
import { byDimension, DIMENSIONS, listBehind, mostOutstanding, quarterly, totals, type Behind, type DashboardFilter, type FollowedRecommendation } from '../../domain/follow-up/dashboard.ts';
import { keyOf, type FollowUpStatus } from '../../domain/follow-up/statuses.ts';
import { authorize, may } from '../../policies/policy.ts';
import { listAssessments, listFollowedRecommendations } from '../../db/repositories/follow-up.ts';
import { partyNames } from '../../db/repositories/public-reviews.ts';
import type { UseCaseContext } from './context.ts';
import { publishedMaterialOf } from './published-material.ts';

async function loadRows(ctx: UseCaseContext): Promise<{ rows: FollowedRecommendation[]; isPublishedOnly: boolean }> {
  authorize(ctx.actor, 'followUp.read');
  let rows = await listFollowedRecommendations(ctx.db);
  const isPublishedOnly = !may(ctx.actor, 'followUp.readAll');
  const reviewIds = [...new Set(rows.map((r) => r.reviewId))];
  if (isPublishedOnly) {
    const material = await publishedMaterialOf(ctx.db, reviewIds);
    const published = new Set([...material.values()].flatMap((m) => m.recommendations.map((r) => r.reference ?? '')));
    rows = rows.filter((r) => published.has(r.reference));
  }
  const assessments = await listAssessments(ctx.db, [...new Set(rows.map((r) => r.reviewId))]);
  const byRecommendation = new Map<string, FollowedRecommendation['assessments'][number][]>();
  for (const a of assessments) {
    const key = `${a.reviewId}:${keyOf(a)}`;
    byRecommendation.set(key, [...(byRecommendation.get(key) ?? []), { round: a.round, version: a.version, assessedOn: a.assessedOn, status: a.status as FollowUpStatus }]);
  }
  return {
    isPublishedOnly,
    rows: rows.map((r) => ({ ...r, regionalGroup: r.regionalGroup ?? 'none', chapter: r.chapter ?? '', assessments: byRecommendation.get(`${r.reviewId}:${keyOf(r)}`) ?? [] })),
  };
}

async function namesOf(ctx: UseCaseContext, iso3s: string[]): Promise<Map<string, string>> {
  return new Map((await partyNames(ctx.db, [...new Set(iso3s)])).map((p) => [p.iso3, p.nameUn]));
}

export async function followUpDashboard(ctx: UseCaseContext, asAt: string, filter: DashboardFilter) {
  const { rows, isPublishedOnly } = await loadRows(ctx);
  const outstanding = mostOutstanding(rows, filter, asAt);
  const names = await namesOf(ctx, outstanding.map((o) => o.stateIso3));
  return {
    asAt,
    filter,
    isPublishedOnly,
    totals: totals(rows, filter, asAt),
    by: Object.fromEntries(DIMENSIONS.map((d) => [d, byDimension(rows, d, filter, asAt)])) as Record<(typeof DIMENSIONS)[number], ReturnType<typeof byDimension>>,
    quarterly: quarterly(rows, filter, asAt),
    mostOutstanding: outstanding.map((o) => ({ ...o, name: names.get(o.stateIso3) ?? o.stateIso3 })),
  };
}

export async function followUpDashboardList(ctx: UseCaseContext, asAt: string, filter: DashboardFilter, behind: Behind) {
  const { rows } = await loadRows(ctx);
  const list = listBehind(rows, filter, asAt, behind);
  const names = await namesOf(ctx, list.map((r) => r.stateIso3));
  return {
    asAt,
    recommendations: list.map((r) => ({ reviewId: r.reviewId, reference: r.reference, stateIso3: r.stateIso3, stateName: names.get(r.stateIso3) ?? r.stateIso3, cycle: r.cycle, article: r.article, chapter: r.chapter, regionalGroup: r.regionalGroup, text: r.text, status: r.status })),
  };
}
