import { describe, expect, it } from 'vitest';
import reference from '../../../data/reference/parties.json' with { type: 'json' };
import { drawCohorts, type CohortParty } from './cohort-draw.ts';
import { partiesOf, seedOf } from './testing.ts';

const parties: CohortParty[] = reference
  .filter((p) => p.accession !== null)
  .map((p) => ({ iso3: p.iso3, regionalGroup: p.regionalGroup, becameParty: p.accession?.effectiveOn ?? null }));
// The second cycle was launched in November 2015 (CoSP res. 6/1).
const input = { parties, drawDate: '2015-11-06', years: 5, reviewYears: 4 };
const late = parties.filter((p) => p.becameParty !== null && p.becameParty > input.drawDate).map((p) => p.iso3);

describe('drawCohorts on the real parties list', () => {
  const cohorts = drawCohorts(input, seedOf('cohorts'));

  it('places every party in exactly one year, and the parties after the draw date in year 5', () => {
    const all = cohorts.flatMap((c) => c.states);
    expect(all.sort()).toEqual(parties.map((p) => p.iso3).sort());
    expect(late).toHaveLength(13);
    expect(cohorts[4]).toEqual({ year: 5, states: [...late].sort() });
  });

  it('spreads each regional group evenly over the four review years, in proportion to its size', () => {
    const groups = new Set(parties.map((p) => p.regionalGroup));
    for (const g of groups) {
      const members = parties.filter((p) => p.regionalGroup === g && !late.includes(p.iso3)).map((p) => p.iso3);
      for (const c of cohorts.slice(0, 4)) {
        const count = c.states.filter((s) => members.includes(s)).length;
        expect([Math.floor(members.length / 4), Math.ceil(members.length / 4)], `${g} in year ${c.year}`).toContain(count);
      }
    }
  });

  it('gives each review year about a quarter of all (within one State)', () => {
    const sizes = cohorts.slice(0, 4).map((c) => c.states.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(parties.length - late.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('is deterministic in the seed and the input order', () => {
    expect(drawCohorts({ ...input, parties: [...parties].reverse() }, seedOf('cohorts'))).toEqual(cohorts);
    expect(drawCohorts(input, seedOf('other'))).not.toEqual(cohorts);
  });

  it('gives every State the same chance of each review year', () => {
    const runs = 400;
    const years = [0, 0, 0, 0];
    for (let i = 0; i < runs; i++) {
      const year = drawCohorts(input, seedOf(`chance ${i}`)).find((c) => c.states.includes('AUT'))!.year;
      years[year - 1]! += 1;
    }
    for (const count of years) expect(count).toBeGreaterThan(70); // expectation 100
  });
});

describe('volunteers', () => {
  const small = partiesOf({ G1: ['AAA', 'BBB', 'CCC', 'DDD', 'EEE', 'FFF', 'GGG', 'HHH'] }).map((p) => ({ ...p, becameParty: null }));
  const base = { parties: small, drawDate: '2020-01-01', years: 5, reviewYears: 4 };

  it('are placed in the year they asked for, within the group quota', () => {
    for (let i = 0; i < 20; i++) {
      const cohorts = drawCohorts({ ...base, volunteers: [{ iso3: 'CCC', year: 1 }, { iso3: 'FFF', year: 3 }] }, seedOf(i));
      expect(cohorts[0]!.states).toContain('CCC');
      expect(cohorts[2]!.states).toContain('FFF');
      for (const c of cohorts.slice(0, 4)) expect(c.states).toHaveLength(2);
    }
  });

  it('beyond the quota, the lot picks which volunteers get the year', () => {
    const volunteers = ['AAA', 'BBB', 'CCC'].map((iso3) => ({ iso3, year: 1 }));
    const firsts = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const year1 = drawCohorts({ ...base, volunteers }, seedOf(i))[0]!.states;
      expect(year1.filter((s) => ['AAA', 'BBB', 'CCC'].includes(s))).toHaveLength(2);
      year1.forEach((s) => firsts.add(s));
    }
    expect(firsts).toEqual(new Set(['AAA', 'BBB', 'CCC']));
  });

  it('refuses a volunteer who joined after the draw, an impossible year, unknown codes and bad dates', () => {
    const parties = [...small, { iso3: 'NEW', regionalGroup: 'G1', becameParty: '2021-05-01' }];
    expect(() => drawCohorts({ ...base, parties, volunteers: [{ iso3: 'NEW', year: 1 }] }, seedOf(1))).toThrow(/after the draw date/);
    expect(() => drawCohorts({ ...base, volunteers: [{ iso3: 'AAA', year: 5 }] }, seedOf(1))).toThrow(/review year from 1 to 4/);
    expect(() => drawCohorts({ ...base, volunteers: [{ iso3: 'ZZZ', year: 1 }] }, seedOf(1))).toThrow(/not in the parties list/);
    expect(() => drawCohorts({ ...base, drawDate: '2020-02-30' }, seedOf(1))).toThrow(/drawDate/);
    expect(() => drawCohorts({ ...base, parties: [...small, small[0]!] }, seedOf(1))).toThrow(/listed twice/);
  });
});
