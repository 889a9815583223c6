import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { breakdownNeeds, countNeeds } from './needs-breakdown.ts';
import { DEFAULT_ARTICLE_GROUPS, parseArticleGroups } from './needs-groups.ts';
import { NEED_TYPES, parseNeedTypes, storedNeedType } from './needs-types.ts';

const chapterOf = new Map<number, string>([
  [5, 'II'],
  [6, 'II'],
  [14, 'II'],
  [51, 'V'],
  [52, 'V'],
  [54, 'V'],
]);

// Three States; counted by hand below.
const needs = countNeeds([
  { state: 'AUT', article: 14, types: ['capacity-building'] },
  { state: 'AUT', article: 52, types: ['capacity-building', 'legislative-assistance'] },
  { state: 'AUT', article: 52, types: ['institution-building'] },
  { state: 'KEN', article: 5, types: ['policymaking'] },
  { state: 'KEN', article: 51, types: ['capacity-building', 'capacity-building'] },
  { state: 'PER', article: 54, types: ['research-data'] },
]);

describe('countNeeds', () => {
  it('counts a need of several types once per type, and once among the needs, under its first type', () => {
    expect(countNeeds([{ state: 'AUT', article: 52, types: ['legal-advice', 'other', 'legal-advice'] }])).toEqual({
      cells: [
        { article: 52, type: 'legal-advice', count: 1, needs: 1 },
        { article: 52, type: 'other', count: 1, needs: 0 },
      ],
      states: [{ state: 'AUT', articles: [52], types: ['legal-advice', 'other'] }],
    });
  });

  it('lists each State once with its articles and types, sorted', () => {
    expect(countNeeds([
      { state: 'KEN', article: 14, types: ['policymaking'] },
      { state: 'KEN', article: 5, types: ['capacity-building'] },
      { state: 'KEN', article: 14, types: ['capacity-building'] },
    ]).states).toEqual([{ state: 'KEN', articles: [5, 14], types: ['capacity-building', 'policymaking'] }]);
  });
});

describe('breakdownNeeds', () => {
  const b = breakdownNeeds(needs, chapterOf, [{ id: '14+52', articles: [14, 52] }]);

  it('counts needs once in the total and once per type', () => {
    expect(b.total).toBe(6);
    expect(b.byType['capacity-building']).toEqual({ count: 3, share: 0.5, states: ['AUT', 'KEN'] });
    expect(b.byType['legislative-assistance']!.count).toBe(1);
    expect(b.byType['research-and-data']).toEqual({ count: 1, share: 0.1667, states: ['PER'] });
    expect(b.byType['model-legislation']).toEqual({ count: 0, share: 0, states: [] });
    expect(Object.keys(b.byType)).toEqual([...NEED_TYPES]);
  });

  it('counts by article and chapter, with the States behind each figure', () => {
    expect(b.byArticle).toEqual({
      '5': { count: 1, share: 0.1667, states: ['KEN'] },
      '14': { count: 1, share: 0.1667, states: ['AUT'] },
      '51': { count: 1, share: 0.1667, states: ['KEN'] },
      '52': { count: 2, share: 0.3333, states: ['AUT'] },
      '54': { count: 1, share: 0.1667, states: ['PER'] },
    });
    expect(b.byChapter).toEqual({ II: { count: 2, share: 0.3333, states: ['AUT', 'KEN'] }, V: { count: 4, share: 0.6667, states: ['AUT', 'KEN', 'PER'] } });
    expect(b.statesWithNeeds).toBe(3);
    expect(b.states).toEqual(['AUT', 'KEN', 'PER']);
  });

  it('counts a group of articles together, against the total and each chapter it touches', () => {
    expect(b.groups).toEqual([{ id: '14+52', articles: [14, 52], count: 3, share: 0.5, states: ['AUT'], shareOfChapter: { II: 1.5, V: 0.75 } }]);
  });

  it('reproduces the secretariat\'s 14+52 arithmetic (18 + 22 = 40 needs)', () => {
    const cells = [
      { article: 52, type: 'other' as const, count: 18, needs: 18 },
      { article: 14, type: 'other' as const, count: 22, needs: 22 },
      { article: 51, type: 'other' as const, count: 110, needs: 110 },
    ];
    const states = [
      { state: 'A', articles: [52], types: ['other' as const] },
      { state: 'B', articles: [14], types: ['other' as const] },
      { state: 'C', articles: [51], types: ['other' as const] },
    ];
    expect(breakdownNeeds({ cells, states }, chapterOf, DEFAULT_ARTICLE_GROUPS).groups[0]).toMatchObject({ id: '14+52', count: 40, shareOfChapter: { II: 1.8182, V: 0.3125 } });
  });

  it('gives zeros and no division by zero when there is no need', () => {
    const empty = breakdownNeeds({ cells: [], states: [] }, chapterOf, DEFAULT_ARTICLE_GROUPS);
    expect(empty.total).toBe(0);
    expect(empty.statesWithNeeds).toBe(0);
    expect(empty.byArticle).toEqual({});
    expect(empty.groups[0]).toMatchObject({ count: 0, share: 0, shareOfChapter: { II: 0, V: 0 } });
  });

  it('keeps an article outside every chapter in the total and by article only', () => {
    const b2 = breakdownNeeds({ cells: [{ article: 99, type: 'other', count: 2, needs: 2 }], states: [{ state: 'X', articles: [99], types: ['other'] }] }, chapterOf, []);
    expect(b2.byArticle['99']!.states).toEqual(['X']);
    expect(b2.total).toBe(2);
    expect(b2.byChapter).toEqual({});
    expect(b2.byArticle['99']!.count).toBe(2);
  });
});

describe('article groups', () => {
  const known = (n: number) => n >= 1 && n <= 71;
  it('reads groups, sorted and deduplicated', () => {
    expect(parseArticleGroups('52+14; 5+6+5', known)).toEqual([
      { id: '14+52', articles: [14, 52] },
      { id: '5+6', articles: [5, 6] },
    ]);
    expect(parseArticleGroups('', known)).toEqual([]);
  });
  it('refuses a single article, text, and unknown articles', () => {
    expect(() => parseArticleGroups('14', known)).toThrow(DomainError);
    expect(() => parseArticleGroups('14+x', known)).toThrow(/not a group/);
    expect(() => parseArticleGroups('14+99', known)).toThrow(/99/);
  });
});

describe('type identifiers', () => {
  it('accepts the readable and the stored spelling, refuses others', () => {
    expect(storedNeedType('research-and-data')).toBe('research-data');
    expect(storedNeedType('Research-Data')).toBe('research-data');
    expect(storedNeedType('training')).toBeUndefined();
    expect(parseNeedTypes('legal-advice; capacity-building;capacity-building;nonsense')).toEqual({ types: ['capacity-building', 'legal-advice'], unknown: ['nonsense'] });
  });
});

describe('breakdownNeeds with many States', () => {
  it('gives the same States as plain set unions of the needs behind each figure', () => {
    const codes = Array.from({ length: 150 }, (_, i) => `S${String(i).padStart(3, '0')}`);
    const types = ['capacity-building', 'legal-advice', 'other'] as const;
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    const many = Array.from({ length: 2_000 }, () => ({ state: codes[random(codes.length)]!, article: [5, 14, 52][random(3)]!, types: [types[random(3)]!] }));
    const counts = countNeeds(many);
    // The database's order of States is not the breakdown's: shuffle them.
    counts.states.reverse();
    const b = breakdownNeeds(counts, chapterOf, [{ id: '14+52', articles: [14, 52] }]);
    const statesOf = (keep: (n: (typeof many)[number]) => boolean) => [...new Set(many.filter(keep).map((n) => n.state))].sort();
    expect(b.states).toEqual(statesOf(() => true));
    expect(b.byArticle['14']!.states).toEqual(statesOf((n) => n.article === 14));
    expect(b.byChapter.II!.states).toEqual(statesOf((n) => n.article !== 52));
    expect(b.byType['legal-advice']!.states).toEqual(statesOf((n) => n.types[0] === 'legal-advice'));
    expect(b.groups[0]!.states).toEqual(statesOf((n) => n.article !== 5));
    expect(b.statesWithNeeds).toBe(b.states.length);
    expect(b.total).toBe(many.length);
    expect(b.byArticle['14']!.count).toBe(many.filter((n) => n.article === 14).length);
    expect(b.groups[0]!.count).toBe(many.filter((n) => n.article !== 5).length);
  });
});
