/**
 * @module thematic use cases
 * The thematic report of a cycle (docs/ANALYTICS.md "Thematic reports"). Counts are aggregates
 * over every review of the cycle whose report is finalised, for everyone. Challenge texts —
 * grouped, and quoted as examples — come from published reports only for the public, and from
 * the working texts for the secretariat. States are anonymised unless `named` is asked: the
 * public may ask it too, since its examples are all quoted from published reports, which name
 * their State anyway.
 */
import { DomainError } from '../../domain/errors.ts';
import { isUnLanguage } from '../../domain/analytics/search.ts';
import { buildThematicReport, type ThematicReport, type ThematicReview } from '../../domain/analytics/thematic.ts';
import type { RegionalGroup } from '../../domain/parties/regional-groups.ts';
import { richTextToPlain } from '../../domain/reviews/rich-text.ts';
import { may } from '../../policies/policy.ts';
import { completedReviews, conventionOutline, cycleInfo, itemCounts, publishedChallenges, workingChallenges } from '../../db/repositories/thematic.ts';
import type { UseCaseContext } from './context.ts';

export interface ThematicQuery {
  cycle?: number;
  chapters?: string[];
  named?: boolean;
  lang?: string;
}

export interface ThematicView extends ThematicReport {
  scope: 'published' | 'all';
  cycleChapters: { chapter: string; title: string }[];
}

export async function getThematicReport(ctx: UseCaseContext, query: ThematicQuery): Promise<ThematicView> {
  const cycle = await cycleInfo(ctx.db, query.cycle);
  if (!cycle) throw new DomainError('cycle.unknown', query.cycle === undefined ? 'There is no review cycle yet.' : `There is no review cycle ${query.cycle}.`);
  const outline = await conventionOutline(ctx.db);
  const inCycle = outline.chapters.filter((c) => cycle.chapters.includes(c.chapter));
  const wanted = (query.chapters ?? []).map((c) => c.trim().toUpperCase()).filter(Boolean);
  for (const c of wanted) {
    if (!inCycle.some((x) => x.chapter === c)) throw new DomainError('request.invalid', `Chapter ${c} is not reviewed in cycle ${cycle.number} (chapters ${cycle.chapters.join(', ')}).`);
  }
  const chapters = wanted.length ? inCycle.filter((c) => wanted.includes(c.chapter)) : inCycle;
  const all = may(ctx.actor, 'thematic.readUnpublished');
  const lang = isUnLanguage(query.lang) ? query.lang : 'en';
  const rows = await completedReviews(ctx.db, cycle.number);
  const reviews: ThematicReview[] = rows.map((r) => ({ reviewId: r.reviewId, iso3: r.iso3, name: r.names?.[lang] ?? r.nameUn, group: r.group as RegionalGroup | null, quotable: all || r.published }));
  const counts = await itemCounts(ctx.db, cycle.number);
  const texts = all ? await workingChallenges(ctx.db, rows.map((r) => r.reviewId)) : await publishedChallenges(ctx.db, rows.filter((r) => r.published).map((r) => r.reviewId));
  const report = buildThematicReport({
    cycle: cycle.number,
    chapters: chapters.map((c) => ({ chapter: c.chapter, title: c.title })),
    articles: outline.articles.filter((a) => chapters.some((c) => c.chapter === a.chapter)),
    reviews,
    recommendations: counts.recommendations,
    goodPractices: counts.goodPractices,
    // In the order of the States' codes, so that examples come out the same on every run.
    challenges: texts
      .map((t) => ({ reviewId: t.reviewId, article: t.article, text: richTextToPlain(t.html), iso3: rows.find((r) => r.reviewId === t.reviewId)?.iso3 ?? '' }))
      .sort((a, b) => a.iso3.localeCompare(b.iso3) || a.article - b.article),
    named: query.named ?? false,
  });
  return { ...report, scope: all ? 'all' : 'published', cycleChapters: inCycle.map((c) => ({ chapter: c.chapter, title: c.title })) };
}
