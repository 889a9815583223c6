/**
 * @module needs-breakdown
 * The secretariat's technical-assistance figures for a cycle: needs by type, by article,
 * by chapter, the States behind them, shares of the total and groups of related articles
 * counted together. Pure: it takes needs already aggregated per State and article (the
 * database does the counting, so 200,000 needs arrive as a few thousand cells) and the
 * article → chapter map of the convention.
 *
 * Counting rules (docs, "Technical-assistance needs"): a need is one stated need of one
 * State under one article; a need of several types counts once in the total and once under
 * each of its types, so the type counts may add up to more than the total. Shares are of the
 * total number of needs.
 */
import type { AssistanceType } from '../reviews/checklist.ts';
import { ASSISTANCE_TYPES } from '../reviews/checklist.ts';
import { apiNeedType } from './needs-types.ts';
import type { ArticleGroup } from './needs-groups.ts';

/** The needs of one State under one article: how many, and how many of each type. */
export interface NeedCell {
  state: string;
  article: number;
  needs: number;
  types: Partial<Record<AssistanceType, number>>;
}

export interface Figure {
  count: number;
  /** count / total needs, rounded to 4 decimals; 0 when there is no need at all. */
  share: number;
  /** ISO3 codes of the States behind the figure, sorted: for the secretariat only. */
  states: string[];
}

export interface GroupFigure extends Figure {
  id: string;
  articles: number[];
  /** The group's count against all needs of each chapter it touches (14+52 against chapter V…). */
  shareOfChapter: Record<string, number>;
}

export interface NeedsBreakdown {
  total: number;
  statesWithNeeds: number;
  states: string[];
  byType: Record<string, Figure>;
  byArticle: Record<string, Figure>;
  byChapter: Record<string, Figure>;
  groups: GroupFigure[];
}

/** Aggregates individual needs into cells: what the SQL does, for tests and small imports. */
export function cellsOfNeeds(needs: readonly { state: string; article: number; types: readonly AssistanceType[] }[]): NeedCell[] {
  const cells = new Map<string, NeedCell>();
  for (const need of needs) {
    const key = `${need.state}:${need.article}`;
    const cell = cells.get(key) ?? { state: need.state, article: need.article, needs: 0, types: {} };
    cell.needs += 1;
    for (const type of new Set(need.types)) cell.types[type] = (cell.types[type] ?? 0) + 1;
    cells.set(key, cell);
  }
  return [...cells.values()];
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);

class Tally {
  count = 0;
  readonly states = new Set<string>();
  add(state: string, n: number): void {
    if (n <= 0) return;
    this.count += n;
    this.states.add(state);
  }
  figure(total: number): Figure {
    return { count: this.count, share: ratio(this.count, total), states: [...this.states].sort() };
  }
}

function tallyOf<K>(map: Map<K, Tally>, key: K): Tally {
  let tally = map.get(key);
  if (!tally) map.set(key, (tally = new Tally()));
  return tally;
}

/**
 * Every figure of the breakdown. Articles with no chapter in `chapterOf` count in the total
 * and by article but under no chapter. Types are listed in the standard order with 0 where
 * nothing was identified; articles and chapters only where something was.
 */
export function breakdownNeeds(cells: readonly NeedCell[], chapterOf: ReadonlyMap<number, string>, groups: readonly ArticleGroup[]): NeedsBreakdown {
  const all = new Tally();
  const byType = new Map<AssistanceType, Tally>(ASSISTANCE_TYPES.map((t) => [t, new Tally()]));
  const byArticle = new Map<number, Tally>();
  const byChapter = new Map<string, Tally>();
  for (const cell of cells) {
    all.add(cell.state, cell.needs);
    tallyOf(byArticle, cell.article).add(cell.state, cell.needs);
    const chapter = chapterOf.get(cell.article);
    if (chapter !== undefined) tallyOf(byChapter, chapter).add(cell.state, cell.needs);
    for (const [type, n] of Object.entries(cell.types) as [AssistanceType, number][]) tallyOf(byType, type).add(cell.state, n);
  }
  const total = all.count;
  const articleNumbers = [...byArticle.keys()].sort((a, b) => a - b);
  const chapterOrder = [...new Set([...chapterOf.values()])];
  const chapters = [...byChapter.keys()].sort((a, b) => chapterOrder.indexOf(a) - chapterOrder.indexOf(b));
  return {
    total,
    statesWithNeeds: all.states.size,
    states: [...all.states].sort(),
    byType: Object.fromEntries(ASSISTANCE_TYPES.map((t) => [apiNeedType(t), byType.get(t)!.figure(total)])),
    byArticle: Object.fromEntries(articleNumbers.map((a) => [String(a), byArticle.get(a)!.figure(total)])),
    byChapter: Object.fromEntries(chapters.map((c) => [c, byChapter.get(c)!.figure(total)])),
    groups: groups.map((group) => {
      const tally = new Tally();
      for (const article of group.articles) {
        for (const state of byArticle.get(article)?.states ?? []) tally.states.add(state);
        tally.count += byArticle.get(article)?.count ?? 0;
      }
      const touched = [...new Set(group.articles.map((a) => chapterOf.get(a)).filter((c): c is string => c !== undefined))];
      return {
        id: group.id,
        articles: [...group.articles],
        ...tally.figure(total),
        shareOfChapter: Object.fromEntries(touched.map((c) => [c, ratio(tally.count, byChapter.get(c)?.count ?? 0)])),
      };
    }),
  };
}
