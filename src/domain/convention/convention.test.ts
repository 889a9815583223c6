import { describe, it, expect } from 'vitest';
import structureJson from '../../../data/reference/convention.json' with { type: 'json' };
import {
  articlesOfChapters,
  countProvisionsByObligation,
  findArticle,
  romanToOrdinal,
  type ConventionStructure,
} from './convention.ts';

const uncac = structureJson as ConventionStructure;

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const provisionsOf = (s: ConventionStructure) => s.chapters.flatMap((c) => c.articles.flatMap((a) => a.provisions));

describe('UNCAC structure in data/reference/convention.json', () => {
  it('has 8 chapters, 71 articles and 366 provisions', () => {
    expect(uncac.chapters).toHaveLength(8);
    expect(uncac.chapters.flatMap((c) => c.articles)).toHaveLength(71);
    expect(provisionsOf(uncac)).toHaveLength(366);
  });

  it('numbers chapters I to VIII with matching ordinals', () => {
    expect(uncac.chapters.map((c) => c.number)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']);
    for (const c of uncac.chapters) expect(c.ordinal).toBe(romanToOrdinal(c.number));
  });

  it('has unique provision ids', () => {
    const ids = provisionsOf(uncac).map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  // irm-facts.md §9b: provisions per chapter = mandatory / consider / optional / definition-other.
  const table: [string, number, number, number, number, number][] = [
    ['I', 16, 1, 0, 0, 15],
    ['II', 68, 35, 23, 10, 0],
    ['III', 85, 43, 20, 17, 5],
    ['IV', 92, 46, 10, 19, 17],
    ['V', 39, 28, 6, 3, 2],
    ['VI', 28, 3, 12, 12, 1],
    ['VII', 17, 1, 0, 0, 16],
    ['VIII', 21, 1, 0, 1, 19],
  ];
  it.each(table)('chapter %s has %i provisions (%i/%i/%i/%i)', (chapter, total, mandatory, consider, optional, definition) => {
    const counts = countProvisionsByObligation(uncac, chapter);
    expect(counts).toEqual({ mandatory, consider, optional, definition });
    expect(counts.mandatory + counts.consider + counts.optional + counts.definition).toBe(total);
  });

  it('counts the whole convention when no chapter is given', () => {
    expect(countProvisionsByObligation(uncac)).toEqual({ mandatory: 158, consider: 71, optional: 62, definition: 75 });
  });
});

describe('articlesOfChapters', () => {
  it('gives articles 5–14 and 51–59 for the second cycle (chapters II and V)', () => {
    expect(articlesOfChapters(uncac, ['II', 'V']).map((a) => a.number)).toEqual([...range(5, 14), ...range(51, 59)]);
  });

  it('gives articles 15–50 for the first cycle (chapters III and IV)', () => {
    expect(articlesOfChapters(uncac, ['III', 'IV']).map((a) => a.number)).toEqual(range(15, 50));
  });

  it('returns article order whatever the order of the chapters, and ignores repeats', () => {
    expect(articlesOfChapters(uncac, ['V', 'II', 'v']).map((a) => a.number)).toEqual([...range(5, 14), ...range(51, 59)]);
  });

  it('rejects a chapter the convention does not have', () => {
    expect(() => articlesOfChapters(uncac, ['IX'])).toThrow(RangeError);
    expect(() => articlesOfChapters(uncac, ['II', 'chapter five'])).toThrow(RangeError);
  });

  it('gives nothing for no chapters', () => {
    expect(articlesOfChapters(uncac, [])).toEqual([]);
  });
});

describe('findArticle', () => {
  it('finds article 46 (Mutual legal assistance) in chapter IV', () => {
    const found = findArticle(uncac, 46);
    expect(found?.chapter.number).toBe('IV');
    expect(found?.article.title).toBe('Mutual legal assistance');
  });

  it('finds the first and last articles', () => {
    expect(findArticle(uncac, 1)?.chapter.number).toBe('I');
    expect(findArticle(uncac, 71)?.chapter.number).toBe('VIII');
  });

  it('returns undefined for an article that does not exist', () => {
    expect(findArticle(uncac, 0)).toBeUndefined();
    expect(findArticle(uncac, 72)).toBeUndefined();
  });
});

describe('romanToOrdinal', () => {
  it.each([
    ['I', 1],
    ['II', 2],
    ['III', 3],
    ['IV', 4],
    ['V', 5],
    ['VI', 6],
    ['VII', 7],
    ['VIII', 8],
    ['IX', 9],
    ['XIV', 14],
    ['viii', 8],
    [' XL ', 40],
  ])('%s is %i', (roman, ordinal) => {
    expect(romanToOrdinal(roman)).toBe(ordinal);
  });

  it.each(['', 'IIII', 'VX', 'IC', 'A', '4', 'I V'])('rejects %j', (text) => {
    expect(() => romanToOrdinal(text)).toThrow(RangeError);
  });
});
