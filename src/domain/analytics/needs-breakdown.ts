/**
 * @module needs-breakdown
 * The secretariat's technical-assistance figures for a cycle: needs by type, by article,
 * by chapter, the States behind them, shares of the total and groups of related articles
 * counted together. Pure: it takes needs already counted per article and type, and per State
 * the articles and types it identified needs under (the database keeps both, so 200,000 needs
 * arrive as a few hundred cells and one row per State), and the article → chapter map.
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

/**
 * The needs under one article that have one type. A need of several types appears in one
 * cell per type; `needs` counts it only in the cell of its first type, so the needs of an
 * article are the sum of `needs` over its cells, while `count` gives the type's instances.
 */
export interface NeedCell {
  article: number;
  type: AssistanceType;
  /** Needs under this article having this type. */
  count: number;
  /** Needs under this article whose first type is this one. */
  needs: number;
}

/** The articles and the types under which one State identified at least one need. */
export interface StateNeeds {
  state: string;
  articles: readonly number[];
  types: readonly AssistanceType[];
}

/**
 * What the breakdown is computed from: the counts per (article, type) of all States together,
 * and per State what it identified needs under. Which States are behind a figure needs no more:
 * a State is behind "article 9" or "capacity-building" or a chapter or a group as soon as it
 * has one need there, whatever the type (or article) of that need.
 */
export interface NeedCounts {
  cells: NeedCell[];
  states: StateNeeds[];
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

/** Counts individual needs as the database does (need_totals, need_states): for tests and small sets. */
export function countNeeds(needs: readonly { state: string; article: number; types: readonly AssistanceType[] }[]): NeedCounts {
  const cells = new Map<string, NeedCell>();
  const states = new Map<string, { articles: Set<number>; types: Set<AssistanceType> }>();
  for (const need of needs) {
    const types = [...new Set(need.types)];
    types.forEach((type, i) => {
      const key = `${need.article}:${type}`;
      const cell = cells.get(key) ?? { article: need.article, type, count: 0, needs: 0 };
      cell.count += 1;
      if (i === 0) cell.needs += 1;
      cells.set(key, cell);
    });
    if (types.length === 0) continue;
    const state = states.get(need.state) ?? { articles: new Set<number>(), types: new Set<AssistanceType>() };
    state.articles.add(need.article);
    for (const type of types) state.types.add(type);
    states.set(need.state, state);
  }
  return {
    cells: [...cells.values()],
    states: [...states].map(([state, s]) => ({ state, articles: [...s.articles].sort((a, b) => a - b), types: [...s.types].sort() })),
  };
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);

/** A figure being counted: its needs from the cells, its States from the States' lists. */
class Tally {
  count = 0;
  readonly states: string[] = [];
  /** States arrive one after another, in order: a State already added is the last one. */
  addState(state: string): void {
    if (this.states[this.states.length - 1] !== state) this.states.push(state);
  }
  figure(total: number): Figure {
    return { count: this.count, share: ratio(this.count, total), states: this.states };
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
export function breakdownNeeds(counts: NeedCounts, chapterOf: ReadonlyMap<number, string>, groups: readonly ArticleGroup[]): NeedsBreakdown {
  const all = new Tally();
  const byType = new Map<AssistanceType, Tally>(ASSISTANCE_TYPES.map((t) => [t, new Tally()]));
  const byArticle = new Map<number, Tally>();
  const byChapter = new Map<string, Tally>();
  for (const cell of counts.cells) {
    all.count += cell.needs;
    tallyOf(byArticle, cell.article).count += cell.needs;
    const chapter = chapterOf.get(cell.article);
    if (chapter !== undefined) tallyOf(byChapter, chapter).count += cell.needs;
    tallyOf(byType, cell.type).count += cell.count;
  }
  const byGroup = groups.map((group) => ({ group, tally: new Tally() }));
  for (const { group, tally } of byGroup) {
    for (const article of group.articles) tally.count += byArticle.get(article)?.count ?? 0;
  }
  // Every figure a need under an article counts in, found once per article rather than once
  // per State and article (2,000 States at 100× scale).
  const figuresOf = new Map<number, Tally[]>();
  const figuresOfArticle = (article: number): Tally[] => {
    let figures = figuresOf.get(article);
    if (!figures) {
      const chapter = chapterOf.get(article);
      figures = [tallyOf(byArticle, article), ...(chapter === undefined ? [] : [tallyOf(byChapter, chapter)])];
      for (const { group, tally } of byGroup) if (group.articles.includes(article)) figures.push(tally);
      figuresOf.set(article, figures);
    }
    return figures;
  };
  const states = [...counts.states].sort((a, b) => (a.state < b.state ? -1 : a.state > b.state ? 1 : 0));
  for (const { state, articles, types } of states) {
    all.addState(state);
    for (const type of types) tallyOf(byType, type).addState(state);
    for (const article of articles) {
      for (const figure of figuresOfArticle(article)) figure.addState(state);
    }
  }
  const total = all.count;
  const articleNumbers = [...byArticle.keys()].sort((a, b) => a - b);
  const chapterOrder = [...new Set([...chapterOf.values()])];
  const chapters = [...byChapter.keys()].sort((a, b) => chapterOrder.indexOf(a) - chapterOrder.indexOf(b));
  return {
    total,
    statesWithNeeds: all.states.length,
    states: all.states,
    byType: Object.fromEntries(ASSISTANCE_TYPES.map((t) => [apiNeedType(t), byType.get(t)!.figure(total)])),
    byArticle: Object.fromEntries(articleNumbers.map((a) => [String(a), byArticle.get(a)!.figure(total)])),
    byChapter: Object.fromEntries(chapters.map((c) => [c, byChapter.get(c)!.figure(total)])),
    groups: byGroup.map(({ group, tally }) => {
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
