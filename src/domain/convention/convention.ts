/**
 * @module convention
 * The structure of a convention under review: chapters, articles and the provisions a
 * review works through. The structure is reference data loaded elsewhere; this module only
 * answers questions about it, so it stays pure and usable by the server, the seed and the
 * web client alike.
 */

/**
 * How binding a provision is. Reviews and statistics distinguish what States must do from
 * what they must consider or may do; 'definition' covers definitions, scope and final
 * clauses, which set no measure to implement.
 */
export type Obligation = 'mandatory' | 'consider' | 'optional' | 'definition';
export const OBLIGATIONS: readonly Obligation[] = ['mandatory', 'consider', 'optional', 'definition'];

/**
 * What a provision is cut from. A 'chapeau' is the operative sentence before a list,
 * kept as its own provision only where it stands alone as a sentence.
 */
export type ProvisionPart = 'article' | 'paragraph' | 'subparagraph' | 'chapeau';

export interface Provision {
  /** Stable key used in checklists and reports, e.g. "5.1", "15(a)", "14.1(a)", "17". */
  id: string;
  label: string;
  part: ProvisionPart;
  paragraph: number | null;
  subparagraph: string | null;
  obligation: Obligation;
  /** Roman-numbered items inside a sub-paragraph; listed, but not provisions of their own. */
  items?: string[];
  note?: string;
}

export interface Article {
  number: number;
  title: string;
  provisions: Provision[];
}

export interface Chapter {
  /** Roman numeral, as the Convention and the Conference's decisions refer to chapters. */
  number: string;
  ordinal: number;
  title: string;
  articles: Article[];
}

export interface ConventionStructure {
  instrument: { code: string; title: string };
  chapters: Chapter[];
}

export interface ArticleLocation {
  chapter: Chapter;
  article: Article;
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
// Strict form only, so "IIII" or "VX" in a data file is caught instead of read as a number.
const CANONICAL_ROMAN = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/**
 * Converts a chapter's Roman numeral to its position.
 * @throws RangeError if the text is not a canonical Roman numeral.
 * @example romanToOrdinal('IV') // 4
 */
export function romanToOrdinal(roman: string): number {
  const text = roman.trim().toUpperCase();
  if (text === '' || !CANONICAL_ROMAN.test(text)) {
    throw new RangeError(`"${roman}" is not a Roman numeral.`);
  }
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN_VALUES[text[i] as string] as number;
    const next = ROMAN_VALUES[text[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

function findChapter(structure: ConventionStructure, chapterNumber: string): Chapter {
  // Compare by value so "iv" and "IV" name the same chapter.
  const ordinal = romanToOrdinal(chapterNumber);
  const chapter = structure.chapters.find((c) => romanToOrdinal(c.number) === ordinal);
  if (!chapter) {
    throw new RangeError(`${structure.instrument.code} has no chapter ${chapterNumber}.`);
  }
  return chapter;
}

/**
 * The articles under review when a cycle covers the given chapters, in article order
 * whatever order the chapters are listed in (the second cycle is written "II and V").
 * @throws RangeError for a chapter the convention does not have.
 * @example articlesOfChapters(uncac, ['II', 'V']).map((a) => a.number) // [5, …, 14, 51, …, 59]
 */
export function articlesOfChapters(structure: ConventionStructure, chapterNumbers: readonly string[]): Article[] {
  const chapters = new Set(chapterNumbers.map((n) => findChapter(structure, n)));
  return [...chapters].flatMap((c) => c.articles).sort((a, b) => a.number - b.number);
}

/**
 * Provisions per obligation level, for the whole convention or one chapter. Every level is
 * present, with 0 where there is none, so callers can show a full table without checks.
 * @throws RangeError for a chapter the convention does not have.
 * @example countProvisionsByObligation(uncac, 'V') // { mandatory: 28, consider: 6, optional: 3, definition: 2 }
 */
export function countProvisionsByObligation(structure: ConventionStructure, chapterNumber?: string): Record<Obligation, number> {
  const counts: Record<Obligation, number> = { mandatory: 0, consider: 0, optional: 0, definition: 0 };
  const chapters = chapterNumber === undefined ? structure.chapters : [findChapter(structure, chapterNumber)];
  for (const chapter of chapters) {
    for (const article of chapter.articles) {
      for (const provision of article.provisions) counts[provision.obligation] += 1;
    }
  }
  return counts;
}

/**
 * An article with the chapter it belongs to, since screens and reports cite both.
 * @example findArticle(uncac, 46)?.chapter.number // 'IV'
 */
export function findArticle(structure: ConventionStructure, number: number): ArticleLocation | undefined {
  for (const chapter of structure.chapters) {
    const article = chapter.articles.find((a) => a.number === number);
    if (article) return { chapter, article };
  }
  return undefined;
}
