/**
 * @module thematic
 * The thematic report (issue 6; docs/ANALYTICS.md "Thematic reports"): per chapter and article
 * of a cycle, how many States with completed reviews received recommendations, how many
 * recommendations and good practices there are, and the most common challenges, grouped,
 * with examples — the States anonymised ("a State of the African Group") unless named.
 *
 * Grouping of challenges is deliberately simple, so that a reader can redo it by hand:
 * 1. each challenge text is cut into words; short words and common words are dropped;
 * 2. each word is reduced to a stem by removing one English suffix (statistics → statistic,
 *    training → train);
 * 3. the stem found in the most texts (of different reviews) not yet grouped makes a group
 *    of those texts; repeat until no stem is shared by two texts;
 * 4. a group is named by the word form most used for its stem; texts left over are "other".
 * Pure: no I/O.
 */
import { REGIONAL_GROUP_NAMES, type RegionalGroup } from '../parties/regional-groups.ts';

export interface ThematicReview {
  reviewId: string;
  iso3: string;
  name: string;
  group: RegionalGroup | null;
  /** Its examples may be quoted to this reader (published report, or the secretariat). */
  quotable: boolean;
}

export interface ThematicArticle {
  article: number;
  title: string;
  chapter: string;
}

export interface ThematicChapter {
  chapter: string;
  title: string;
}

export interface ThematicInput {
  cycle: number;
  chapters: readonly ThematicChapter[];
  articles: readonly ThematicArticle[];
  /** Reviews of the cycle whose report is finalised. */
  reviews: readonly ThematicReview[];
  recommendations: readonly { reviewId: string; article: number; count: number }[];
  goodPractices: readonly { reviewId: string; article: number; count: number }[];
  /** Challenge texts (plain text), one per review and article, from the texts the reader may see. */
  challenges: readonly { reviewId: string; article: number; text: string }[];
  named: boolean;
}

export interface ChallengeExample {
  state: string;
  text: string;
}

export interface ChallengeGroup {
  /** The stem shared by the texts of the group. */
  stem: string;
  label: string;
  /** Number of reviews (States) whose challenges fall in the group. */
  states: number;
  examples: ChallengeExample[];
}

export interface ArticleFigures {
  article: number;
  title: string;
  statesWithRecommendations: number;
  recommendations: number;
  statesWithGoodPractices: number;
  goodPractices: number;
  challengeTexts: number;
  challenges: ChallengeGroup[];
  /** Texts in no group. */
  otherChallenges: number;
}

export interface ChapterFigures {
  chapter: string;
  title: string;
  statesWithRecommendations: number;
  recommendations: number;
  goodPractices: number;
  articles: ArticleFigures[];
}

export interface ThematicReport {
  cycle: number;
  named: boolean;
  completedReviews: number;
  statesWithRecommendations: number;
  recommendations: number;
  goodPractices: number;
  chapters: ChapterFigures[];
}

export const MAX_GROUPS = 5;
export const MAX_EXAMPLES = 2;

// A short list of English function words and words every challenge shares with every other
// (they would make one meaningless group). Documented in docs/ANALYTICS.md.
const STOPWORDS = new Set(
  `about above after again against also among because been before being below between both but can could did does doing down during each either from further have having here hers however into itself just lack lacks limited more most much must need needs neither nor not only other ought over own same should some such than that their theirs them then there these they this those through under until upon very was were what when where which while whom whose why will with within without would your yet ensure ensured remain remains still there's it's demo article articles state states party parties country national authorities authority measure measures implementation implement implemented convention review reviewed reviewing reviewers`.split(
    /\s+/,
  ),
);

const SUFFIXES = ['ations', 'ation', 'ities', 'ity', 'ments', 'ment', 'ings', 'ing', 'ally', 'al', 'ies', 'ied', 'ed', 'es', 's'];

/** One English suffix off, keeping a stem of at least four letters. */
export function stem(word: string): string {
  const w = word.toLowerCase();
  for (const suffix of SUFFIXES) {
    if (!w.endsWith(suffix)) continue;
    const base = w.slice(0, -suffix.length);
    if (base.length < 4) continue;
    if (suffix === 's' && (base.endsWith('s') || base.endsWith('u') || base.endsWith('i'))) continue;
    if (suffix === 'ies' || suffix === 'ied') return `${base}y`;
    return base;
  }
  return w;
}

/** The words of a text worth grouping on, as [surface form, stem]. */
export function keywords(text: string): [string, string][] {
  const words = text.toLowerCase().match(/\p{L}[\p{L}'-]*\p{L}/gu) ?? [];
  return words.filter((w) => w.length >= 4 && !STOPWORDS.has(w)).map((w) => [w, stem(w)]);
}

function sentenceWith(text: string, stemmed: string): string {
  const sentences = text.split(/(?<=[.!?])\s+/).map((s) => s.trim()).filter(Boolean);
  const found = sentences.find((s) => keywords(s).some(([, st]) => st === stemmed)) ?? sentences[0] ?? text;
  return found.length > 400 ? `${found.slice(0, 397)}…` : found;
}

/** How a State appears in an example: its name, or its regional group only. */
export function stateLabel(review: Pick<ThematicReview, 'name' | 'group'>, named: boolean): string {
  if (named) return review.name;
  return review.group ? `a State of the ${REGIONAL_GROUP_NAMES[review.group].replace(/ States$/, '')} Group` : 'a regional economic integration organization';
}

/** Groups the challenge texts of one article (see the module comment). */
export function groupChallenges(texts: readonly { review: ThematicReview; text: string }[], named: boolean): { groups: ChallengeGroup[]; other: number } {
  const byText = texts.map((t) => ({ ...t, words: keywords(t.text) }));
  const remaining = new Set(byText.map((_, i) => i));
  const groups: ChallengeGroup[] = [];
  while (groups.length < MAX_GROUPS) {
    const cover = new Map<string, Set<number>>();
    for (const i of remaining) for (const [, st] of byText[i]!.words) cover.set(st, (cover.get(st) ?? new Set()).add(i));
    let best: [string, Set<number>] | null = null;
    for (const entry of cover) {
      if (!best || entry[1].size > best[1].size || (entry[1].size === best[1].size && entry[0] < best[0])) best = entry;
    }
    if (!best || best[1].size < 2) break;
    const [chosen, members] = best;
    const forms = new Map<string, number>();
    for (const i of members) for (const [w, st] of byText[i]!.words) if (st === chosen) forms.set(w, (forms.get(w) ?? 0) + 1);
    const label = [...forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    const ordered = [...members].sort((a, b) => a - b);
    const examples = ordered
      .filter((i) => byText[i]!.review.quotable)
      .slice(0, MAX_EXAMPLES)
      .map((i) => ({ state: stateLabel(byText[i]!.review, named), text: sentenceWith(byText[i]!.text, chosen) }));
    groups.push({ stem: chosen, label, states: new Set(ordered.map((i) => byText[i]!.review.reviewId)).size, examples });
    for (const i of members) remaining.delete(i);
  }
  return { groups, other: remaining.size };
}

/** The figures of the report, every count over the reviews given (finalised reports). */
export function buildThematicReport(input: ThematicInput): ThematicReport {
  const reviews = new Map(input.reviews.map((r) => [r.reviewId, r]));
  const sumBy = (rows: readonly { reviewId: string; article: number; count: number }[], articles: ReadonlySet<number>) => {
    let total = 0;
    const states = new Set<string>();
    for (const r of rows) {
      if (!articles.has(r.article) || !reviews.has(r.reviewId) || r.count <= 0) continue;
      total += r.count;
      states.add(r.reviewId);
    }
    return { total, states: states.size };
  };
  const chapters = input.chapters.map((chapter): ChapterFigures => {
    const articles = input.articles.filter((a) => a.chapter === chapter.chapter);
    const figures = articles.map((a): ArticleFigures => {
      const only = new Set([a.article]);
      const recs = sumBy(input.recommendations, only);
      const gps = sumBy(input.goodPractices, only);
      const texts = input.challenges.filter((c) => c.article === a.article && reviews.has(c.reviewId) && c.text.trim() !== '').map((c) => ({ review: reviews.get(c.reviewId)!, text: c.text.trim() }));
      const { groups, other } = groupChallenges(texts, input.named);
      return {
        article: a.article,
        title: a.title,
        statesWithRecommendations: recs.states,
        recommendations: recs.total,
        statesWithGoodPractices: gps.states,
        goodPractices: gps.total,
        challengeTexts: texts.length,
        challenges: groups,
        otherChallenges: other,
      };
    });
    const all = new Set(articles.map((a) => a.article));
    const recs = sumBy(input.recommendations, all);
    return { chapter: chapter.chapter, title: chapter.title, statesWithRecommendations: recs.states, recommendations: recs.total, goodPractices: sumBy(input.goodPractices, all).total, articles: figures };
  });
  const everything = new Set(input.articles.map((a) => a.article));
  const recs = sumBy(input.recommendations, everything);
  return {
    cycle: input.cycle,
    named: input.named,
    completedReviews: input.reviews.length,
    statesWithRecommendations: recs.states,
    recommendations: recs.total,
    goodPractices: sumBy(input.goodPractices, everything).total,
    chapters,
  };
}
