import { describe, expect, it } from 'vitest';
import { csvCell, HIT_START, HIT_STOP, hasAnyFilter, parseSearchQuery, plainOf, searchCsv, segmentsOf, type SearchHit } from './search.ts';

describe('parseSearchQuery', () => {
  it('reads comma-separated and repeated values, trims and de-duplicates', () => {
    const q = parseSearchQuery({ q: '  asset   declarations ', cycle: ['1', '2,2'], chapter: 'ii, v', article: '5,15', state: 'aut', kind: 'need', needType: 'capacity-building', group: 'african' });
    expect(q).toEqual({
      q: 'asset declarations',
      cycles: [1, 2],
      chapters: ['II', 'V'],
      articles: [5, 15],
      groups: ['african'],
      states: ['AUT'],
      kinds: ['need'],
      needTypes: ['capacity-building'],
      page: 1,
      pageSize: 20,
    });
    expect(hasAnyFilter(q)).toBe(true);
    expect(hasAnyFilter(parseSearchQuery({}))).toBe(false);
  });

  it('refuses malformed values with a message naming them', () => {
    expect(() => parseSearchQuery({ article: '5a' })).toThrow('"5a" is not a article number');
    expect(() => parseSearchQuery({ chapter: '2' })).toThrow('a Roman numeral');
    expect(() => parseSearchQuery({ state: 'AT' })).toThrow('not a State code');
    expect(() => parseSearchQuery({ kind: 'law' })).toThrow('recommendation, good-practice, need');
    expect(() => parseSearchQuery({ pageSize: '101' })).toThrow('page size');
    expect(() => parseSearchQuery({ q: 'x'.repeat(201) })).toThrow('at most 200');
    expect(() => parseSearchQuery({ state: Array.from({ length: 51 }, (_, i) => `A${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`) })).toThrow('at most 50');
  });
});

describe('segmentsOf', () => {
  it('splits marked text into plain segments', () => {
    const segments = segmentsOf(`Collect ${HIT_START}statistics${HIT_STOP} and ${HIT_START}data${HIT_STOP}`);
    expect(segments).toEqual([
      { text: 'Collect ', hit: false },
      { text: 'statistics', hit: true },
      { text: ' and ', hit: false },
      { text: 'data', hit: true },
    ]);
    expect(plainOf(segments)).toBe('Collect statistics and data');
  });

  it('keeps markup as text and merges adjacent segments', () => {
    expect(segmentsOf(`<b>${HIT_START}a${HIT_STOP}${HIT_START}b${HIT_STOP}</b>`)).toEqual([
      { text: '<b>', hit: false },
      { text: 'ab', hit: true },
      { text: '</b>', hit: false },
    ]);
    expect(segmentsOf('')).toEqual([]);
  });
});

describe('CSV', () => {
  it('quotes and defuses formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
  });

  it('writes one line per hit, UTF-8 with a byte-order mark', () => {
    const hit: SearchHit = { kind: 'need', needType: 'capacity-building', reference: '2/KEN/5/TA1', cycle: 2, stateIso3: 'KEN', stateName: 'Kenya', group: 'african', chapter: 'II', article: 5, text: [{ text: 'Training, ', hit: false }, { text: 'judges', hit: true }] };
    expect(searchCsv([hit])).toBe('\uFEFFreference,kind,need_type,cycle,state_iso3,state,regional_group,chapter,article,text\r\n2/KEN/5/TA1,need,capacity-building,2,KEN,Kenya,african,II,5,"Training, judges"\r\n');
  });
});
