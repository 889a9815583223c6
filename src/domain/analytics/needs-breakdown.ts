/**
 * @module needs-breakdown
 * The secretariat's technical-assistance figures for a cycle: needs by type, by article,
 * by chapter, the States behind them, shares of the total and groups of related articles
 * counted together. Pure: it takes needs already aggregated per article and type, with the
 * States of each (the database does the counting, so 200,000 needs arrive as at most a few
 * hundred cells), and the article → chapter map of the convention.
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
  /** The States with at least one such need. */
  states: readonly string[];
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
  const cells = new Map<string, { article: number; type: AssistanceType; count: number; needs: number; states: Set<string> }>();
  for (const need of needs) {
    [...new Set(need.types)].forEach((type, i) => {
      const key = `${need.article}:${type}`;
      const cell = cells.get(key) ?? { article: need.article, type, count: 0, needs: 0, states: new Set<string>() };
      cell.count += 1;
      if (i === 0) cell.needs += 1;
      cell.states.add(need.state);
      cells.set(key, cell);
    });
  }
  return [...cells.values()].map((c) => ({ ...c, states: [...c.states] }));
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);

/**
 * The States of a figure as a bitset over the breakdown's own numbering of States: at 100×
 * scale a cell holds ~2,000 States and every cell is merged into four figures, so unions of
 * JavaScript Sets of strings cost more than the database's whole query (bench:needs).
 */
class StateSet {
  private words: Uint32Array;
  constructor(size: number) {
    this.words = new Uint32Array(Math.ceil(size / 32));
  }
  addIndex(i: number): void {
    this.words[i >>> 5]! |= 1 << (i & 31);
  }
  addAll(other: StateSet): void {
    for (let w = 0; w < other.words.length; w++) this.words[w]! |= other.words[w]!;
  }
  get size(): number {
    let n = 0;
    for (let word of this.words) {
      for (; word !== 0; n++) word &= word - 1;
    }
    return n;
  }
  /** The codes of the members, sorted (the numbering follows sorted codes). */
  codes(numbering: readonly string[]): string[] {
    const out: string[] = [];
    for (let w = 0; w < this.words.length; w++) {
      for (let word = this.words[w]!; word !== 0; word &= word - 1) out.push(numbering[w * 32 + 31 - Math.clz32(word & -word)]!);
    }
    return out;
  }
}

class Tally {
  count = 0;
  readonly states: StateSet;
  constructor(private readonly numbering: readonly string[]) {
    this.states = new StateSet(numbering.length);
  }
  add(states: StateSet, n: number): void {
    this.count += n;
    this.states.addAll(states);
  }
  figure(total: number): Figure {
    return { count: this.count, share: ratio(this.count, total), states: this.states.codes(this.numbering) };
  }
}

function tallyOf<K>(map: Map<K, Tally>, key: K, numbering: readonly string[]): Tally {
  let tally = map.get(key);
  if (!tally) map.set(key, (tally = new Tally(numbering)));
  return tally;
}

/**
 * Every figure of the breakdown. Articles with no chapter in `chapterOf` count in the total
 * and by article but under no chapter. Types are listed in the standard order with 0 where
 * nothing was identified; articles and chapters only where something was.
 */
export function breakdownNeeds(cells: readonly NeedCell[], chapterOf: ReadonlyMap<number, string>, groups: readonly ArticleGroup[]): NeedsBreakdown {
  const numbering = [...new Set(cells.flatMap((cell) => cell.states))].sort();
  const indexOf = new Map(numbering.map((code, i) => [code, i]));
  const all = new Tally(numbering);
  const byType = new Map<AssistanceType, Tally>(ASSISTANCE_TYPES.map((t) => [t, new Tally(numbering)]));
  const byArticle = new Map<number, Tally>();
  const byChapter = new Map<string, Tally>();
  for (const cell of cells) {
    const states = new StateSet(numbering.length);
    for (const code of cell.states) states.addIndex(indexOf.get(code)!);
    all.add(states, cell.needs);
    tallyOf(byArticle, cell.article, numbering).add(states, cell.needs);
    const chapter = chapterOf.get(cell.article);
    if (chapter !== undefined) tallyOf(byChapter, chapter, numbering).add(states, cell.needs);
    tallyOf(byType, cell.type, numbering).add(states, cell.count);
  }
  const total = all.count;
  const articleNumbers = [...byArticle.keys()].sort((a, b) => a - b);
  const chapterOrder = [...new Set([...chapterOf.values()])];
  const chapters = [...byChapter.keys()].sort((a, b) => chapterOrder.indexOf(a) - chapterOrder.indexOf(b));
  return {
    total,
    statesWithNeeds: all.states.size,
    states: all.states.codes(numbering),
    byType: Object.fromEntries(ASSISTANCE_TYPES.map((t) => [apiNeedType(t), byType.get(t)!.figure(total)])),
    byArticle: Object.fromEntries(articleNumbers.map((a) => [String(a), byArticle.get(a)!.figure(total)])),
    byChapter: Object.fromEntries(chapters.map((c) => [c, byChapter.get(c)!.figure(total)])),
    groups: groups.map((group) => {
      const tally = new Tally(numbering);
      for (const article of group.articles) {
        const figure = byArticle.get(article);
        if (figure) tally.add(figure.states, figure.count);
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
