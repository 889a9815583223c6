import { describe, expect, it } from 'vitest';
import { compareByName, isPartyOn, partiesOn, validateAccession, type Accession, type Party } from './party.ts';

const accession = (partyIso3: string, effectiveOn: string | null, precision: Accession['precision'] = 'day'): Accession => ({ partyIso3, effectiveOn, precision });

describe('isPartyOn', () => {
  it('counts a State from the day its accession takes effect', () => {
    const a = accession('SMR', '2025-09-25');
    expect(isPartyOn(a, '2025-09-24')).toBe(false);
    expect(isPartyOn(a, '2025-09-25')).toBe(true);
  });

  it('treats an unknown date as a party on every date and no accession as never', () => {
    expect(isPartyOn(accession('AUT', null, 'unknown'), '2004-01-01')).toBe(true);
    expect(isPartyOn(undefined, '2030-01-01')).toBe(false);
  });

  it('filters a list as at a date', () => {
    const parties = [{ iso3: 'AUT' }, { iso3: 'SMR' }, { iso3: 'AND' }];
    const accessions = [accession('AUT', null, 'unknown'), accession('SMR', '2025-09-25')];
    expect(partiesOn(parties, accessions, '2025-01-01').map((p) => p.iso3)).toEqual(['AUT']);
    expect(partiesOn(parties, accessions, '2026-01-01').map((p) => p.iso3)).toEqual(['AUT', 'SMR']);
  });
});

describe('validateAccession', () => {
  const today = '2026-11-27';
  it.each([
    ['2026-02-30', /calendar date/],
    ['26-01-01', /calendar date/],
    ['2003-12-08', /opened for signature/],
    ['2026-11-28', /future/],
  ])('refuses %s', (effectiveOn, message) => {
    expect(() => validateAccession({ effectiveOn, existing: undefined, today })).toThrow(message);
  });

  it('accepts a date between the opening of the Convention and today', () => {
    expect(() => validateAccession({ effectiveOn: '2026-01-10', existing: undefined, today })).not.toThrow();
  });

  it('refuses a second accession when the first date is known to the day, but lets a year-only date be made precise', () => {
    expect(() => validateAccession({ effectiveOn: '2026-01-10', existing: accession('AND', '2025-01-01'), today })).toThrow(/already a party/);
    expect(() => validateAccession({ effectiveOn: '2020-02-14', existing: accession('TON', '2020-12-31', 'year'), today })).not.toThrow();
  });
});

describe('compareByName', () => {
  it('sorts by the name in the chosen language', () => {
    const mk = (iso3: string, en: string, fr: string): Party => ({ iso3, nameUn: en, names: { ar: en, zh: en, en, fr, ru: en, es: en }, regionalGroup: null, kind: 'state', isUnMember: true });
    const list = [mk('DEU', 'Germany', 'Allemagne'), mk('AUT', 'Austria', 'Autriche')];
    expect([...list].sort(compareByName('en')).map((p) => p.iso3)).toEqual(['AUT', 'DEU']);
    expect([...list].sort(compareByName('fr')).map((p) => p.iso3)).toEqual(['DEU', 'AUT']);
  });
});
