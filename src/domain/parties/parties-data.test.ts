import { describe, it, expect } from 'vitest';
import parties from '../../../data/reference/parties.json' with { type: 'json' };
import { REGIONAL_GROUPS } from './regional-groups.ts';
import { UN_LANGUAGES } from './party.ts';

// The checks follow irm-facts.md §10 and §10b (party status as of early 2026).
describe('data/reference/parties.json', () => {
  it('lists 198 entities: 193 UN Members and 5 others', () => {
    expect(parties).toHaveLength(198);
    expect(parties.filter((p) => p.isUnMember)).toHaveLength(193);
  });

  it('is sorted by iso3 with unique three-letter codes', () => {
    const codes = parties.map((p) => p.iso3);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{3}$/);
  });

  it('has unique two-letter codes', () => {
    const codes = parties.map((p) => p.iso2);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('has 192 parties to the Convention', () => {
    expect(parties.filter((p) => p.accession !== null)).toHaveLength(192);
  });

  it('has exactly the six UN Members that are not parties, per §10b', () => {
    const nonParties = parties.filter((p) => p.accession === null).map((p) => p.nameUn);
    expect(nonParties.sort()).toEqual(
      [
        'Andorra',
        "Democratic People's Republic of Korea",
        'Eritrea',
        'Monaco',
        'Saint Vincent and the Grenadines',
        'Syrian Arab Republic',
      ].sort(),
    );
    for (const p of parties.filter((x) => x.accession === null)) expect(p.isUnMember).toBe(true);
  });

  it('gives the six year-only joiners 31 December of their year', () => {
    const yearOnly = Object.fromEntries(parties.filter((p) => p.accession?.precision === 'year').map((p) => [p.iso3, p.accession?.effectiveOn]));
    expect(yearOnly).toEqual({
      BRB: '2023-12-31',
      GNQ: '2018-12-31',
      NZL: '2015-12-31',
      SUR: '2021-12-31',
      TON: '2020-12-31',
      WSM: '2018-12-31',
    });
  });

  it('keeps date and precision consistent', () => {
    for (const p of parties) {
      if (!p.accession) continue;
      if (p.accession.precision === 'unknown') expect(p.accession.effectiveOn).toBeNull();
      else expect(p.accession.effectiveOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('names every entity in all six UN languages, the English one being the UN short name', () => {
    for (const p of parties) {
      for (const lang of UN_LANGUAGES) expect(p.names[lang].trim(), `${p.iso3} ${lang}`).not.toBe('');
      expect(p.names.en).toBe(p.nameUn);
      expect(p.nameSources.en).toBe('un');
    }
  });

  it('uses UN short names rather than common names where they differ', () => {
    const byIso = new Map(parties.map((p) => [p.iso3, p]));
    expect(byIso.get('BOL')?.names.fr).toBe('Bolivie (État plurinational de)');
    expect(byIso.get('BOL')?.names.es).toBe('Bolivia (Estado Plurinacional de)');
    expect(byIso.get('PSE')?.names.fr).toBe('État de Palestine');
    expect(byIso.get('GBR')?.nameCommon).toBe('United Kingdom');
    expect(byIso.get('GBR')?.nameUn).toBe('United Kingdom of Great Britain and Northern Ireland');
  });

  it('has the UN regional group sizes among UN Members', () => {
    const counts = Object.fromEntries(REGIONAL_GROUPS.map((g) => [g, 0]));
    for (const p of parties) if (p.isUnMember && p.regionalGroup) counts[p.regionalGroup] = (counts[p.regionalGroup] ?? 0) + 1;
    expect(counts).toEqual({
      african: 54,
      'asia-pacific': 54,
      'eastern-european': 23,
      'latin-american-caribbean': 33,
      'western-european-other': 29,
    });
  });

  it('puts every State in a regional group and only the EU in none', () => {
    for (const p of parties) {
      if (p.kind === 'state') expect(REGIONAL_GROUPS, p.iso3).toContain(p.regionalGroup);
    }
    const eu = parties.filter((p) => p.kind === 'reio');
    expect(eu).toHaveLength(1);
    expect(eu[0]).toMatchObject({ iso3: 'EUU', iso2: 'EU', nameUn: 'European Union', regionalGroup: null, isUnMember: false });
    expect(eu[0]?.accession).not.toBeNull();
  });
});
