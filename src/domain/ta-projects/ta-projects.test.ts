import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { checkAllocation, checkAttribution, sumByCurrency } from './allocation.ts';
import { checkProjectNeeds, checkProvider, checkRecommendationLink, checkTransition, formatNeedKey, parseNeedKey, type Need } from './projects.ts';
import { portfolios, stateView, unmetNeeds, type ProjectSummary } from './views.ts';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'no error';
};
const REVIEW = '0b8f6f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const RECORDED = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

describe('project status', () => {
  it('moves forward one step at a time', () => {
    expect(codeOf(() => checkTransition('offered', 'agreed'))).toBe('no error');
    expect(codeOf(() => checkTransition('agreed', 'under-way'))).toBe('no error');
    expect(codeOf(() => checkTransition('under-way', 'delivered'))).toBe('no error');
  });
  it('refuses skipping, going back and changing a delivered project', () => {
    expect(codeOf(() => checkTransition('offered', 'delivered'))).toBe('ta.invalidState: A project that is offered can only become agreed next, not delivered.');
    expect(codeOf(() => checkTransition('under-way', 'agreed'))).toMatch(/^ta.invalidState: .*only become delivered next, not agreed/);
    expect(codeOf(() => checkTransition('agreed', 'agreed'))).toMatch(/^ta.invalidState/);
    expect(codeOf(() => checkTransition('delivered', 'offered'))).toBe('ta.invalidState: The project is delivered: its status no longer changes.');
  });
});

describe('need keys', () => {
  it('round-trips both forms', () => {
    const report = `report/${REVIEW}/5/2`;
    expect(parseNeedKey(report)).toEqual({ source: 'report', reviewId: REVIEW, article: 5, sequence: 2 });
    expect(formatNeedKey(parseNeedKey(report))).toBe(report);
    expect(formatNeedKey(parseNeedKey(` recorded/${RECORDED.toUpperCase()} `))).toBe(`recorded/${RECORDED}`);
  });
  it('refuses anything else clearly', () => {
    for (const bad of ['', 'report/x/5/2', `report/${REVIEW}/5`, `recorded/${RECORDED}/1`, `other/${RECORDED}`]) expect(codeOf(() => parseNeedKey(bad))).toMatch(/^ta.invalid: .* is not a need/);
  });
});

describe('links', () => {
  it('serves needs of one State only', () => {
    expect(checkProjectNeeds([{ key: 'a', stateIso3: 'KEN' }, { key: 'b', stateIso3: 'KEN' }])).toBe('KEN');
    expect(codeOf(() => checkProjectNeeds([{ key: 'a', stateIso3: 'KEN' }, { key: 'b', stateIso3: 'AUT' }]))).toMatch(/one State; these are needs of AUT, KEN/);
    expect(codeOf(() => checkProjectNeeds([]))).toMatch(/at least one need/);
    expect(codeOf(() => checkProjectNeeds([{ key: 'a', stateIso3: 'KEN' }, { key: 'a', stateIso3: 'KEN' }]))).toMatch(/listed twice/);
  });
  it('links a need to recommendations of its own State only', () => {
    expect(codeOf(() => checkRecommendationLink({ key: 'a', stateIso3: 'KEN' }, { reference: '2/KEN/5/1', stateIso3: 'KEN' }))).toBe('no error');
    expect(codeOf(() => checkRecommendationLink({ key: 'a', stateIso3: 'KEN' }, { reference: '2/AUT/5/1', stateIso3: 'AUT' }))).toBe(
      "ta.invalid: The need is KEN's but recommendation 2/AUT/5/1 was made to AUT: a need can only serve recommendations to its own State.",
    );
  });
  it('checks the provider', () => {
    expect(checkProvider('bilateral-donor', '  Agency X ')).toEqual({ kind: 'bilateral-donor', name: 'Agency X' });
    expect(codeOf(() => checkProvider('bank', 'X'))).toMatch(/Unknown kind of provider 'bank'/);
    expect(codeOf(() => checkProvider('unodc', ' '))).toMatch(/Name the provider/);
  });
});

describe('allocation of funding', () => {
  const contribution = { id: 'c', currency: 'EUR', amountMinor: 10_000_00n, withdrawn: false, allocatedMinor: 0n };
  it('allocates up to the amount, to the cent', () => {
    expect(checkAllocation(contribution, 9_999_99n)).toBe(1n);
    expect(checkAllocation({ ...contribution, allocatedMinor: 9_999_99n }, 1n)).toBe(0n);
  });
  it('refuses one cent too many, a fully allocated and a withdrawn contribution', () => {
    expect(codeOf(() => checkAllocation({ ...contribution, allocatedMinor: 4_000_00n }, 6_000_01n))).toBe('ta.invalid: Only 6000.00 EUR of the contribution is left to allocate; 6000.01 EUR was asked.');
    expect(codeOf(() => checkAllocation({ ...contribution, allocatedMinor: 10_000_00n }, 1n))).toBe('ta.invalid: The contribution is already fully allocated (10000.00 EUR).');
    expect(codeOf(() => checkAllocation({ ...contribution, withdrawn: true }, 1n))).toMatch(/withdrawn/);
    expect(codeOf(() => checkAllocation(contribution, 0n))).toMatch(/more than zero/);
  });
  it('counts in the currency’s own minor unit (no decimals for JPY, three for KWD)', () => {
    expect(codeOf(() => checkAllocation({ id: 'j', currency: 'JPY', amountMinor: 1000n, withdrawn: false, allocatedMinor: 999n }, 2n))).toMatch(/Only 1 JPY .* 2 JPY was asked/);
    expect(codeOf(() => checkAllocation({ id: 'k', currency: 'KWD', amountMinor: 1000n, withdrawn: false, allocatedMinor: 999n }, 2n))).toMatch(/Only 0.001 KWD .* 0.002 KWD was asked/);
  });
  it('attributes an expenditure to one project at most', () => {
    expect(codeOf(() => checkAttribution({ id: 'e', withdrawn: false, attributedTo: null }, 'p'))).toBe('no error');
    expect(codeOf(() => checkAttribution({ id: 'e', withdrawn: false, attributedTo: 'q' }, 'p'))).toMatch(/another project/);
    expect(codeOf(() => checkAttribution({ id: 'e', withdrawn: false, attributedTo: 'p' }, 'p'))).toMatch(/already attributed to this project/);
    expect(codeOf(() => checkAttribution({ id: 'e', withdrawn: true, attributedTo: null }, 'p'))).toMatch(/withdrawn/);
  });
  it('sums per currency without mixing them', () => {
    expect(sumByCurrency([{ currency: 'USD', amountMinor: 1n }, { currency: 'EUR', amountMinor: 2n }, { currency: 'USD', amountMinor: 3n }])).toEqual([{ currency: 'EUR', amountMinor: 2n }, { currency: 'USD', amountMinor: 4n }]);
  });
});

describe('views', () => {
  const need = (key: string, stateIso3: string, types: string[]): Need => ({ key, stateIso3, cycle: 2, article: 5, types, text: key });
  const needs = [need('n1', 'KEN', ['capacity-building']), need('n2', 'KEN', ['capacity-building', 'legal-advice']), need('n3', 'AUT', ['other']), need('n4', 'XXX', ['other'])];
  const region = (iso3: string) => ({ KEN: 'african', AUT: 'western-european-other' })[iso3] ?? null;
  const project = (over: Partial<ProjectSummary>): ProjectSummary => ({
    id: 'p1', title: 'T', providerKind: 'unodc', providerName: 'UNODC', stateIso3: 'KEN', status: 'offered', results: '', needKeys: ['n1'], allocations: [], spending: [], ...over,
  });

  it('counts needs with no provider by type and region, and drops a need once a project serves it', () => {
    const before = unmetNeeds(needs, new Set(), region);
    expect(before.total).toBe(4);
    expect(before.byType.find((t) => t.type === 'capacity-building')!.count).toBe(2);
    expect(before.byRegion.find((r) => r.region === 'african')!.count).toBe(2);
    expect(before.byRegion.find((r) => r.region === 'none')!.count).toBe(1);
    const after = unmetNeeds(needs, new Set(['n1']), region);
    expect(after.total).toBe(3);
    expect(after.byType.find((t) => t.type === 'capacity-building')!.count).toBe(1);
    expect(after.needs.map((n) => n.key)).toEqual(['n3', 'n2', 'n4']);
  });

  it('groups projects into portfolios per provider, per status and per currency', () => {
    const list = portfolios([
      project({ allocations: [{ currency: 'USD', amountMinor: 100n }], spending: [{ currency: 'EUR', amountMinor: 5n }] }),
      project({ id: 'p2', providerName: 'unodc', status: 'delivered', stateIso3: 'AUT', allocations: [{ currency: 'USD', amountMinor: 1n }, { currency: 'EUR', amountMinor: 7n }] }),
      project({ id: 'p3', providerKind: 'bilateral-donor', providerName: 'Agency' }),
    ]);
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ providerName: 'UNODC', projects: 2, byStatus: { offered: 1, agreed: 0, 'under-way': 0, delivered: 1 }, states: ['AUT', 'KEN'] });
    expect(list[0]!.allocated).toEqual([{ currency: 'EUR', amountMinor: 7n }, { currency: 'USD', amountMinor: 101n }]);
    expect(list[0]!.spent).toEqual([{ currency: 'EUR', amountMinor: 5n }]);
  });

  it('shows one State its needs, the recommendations they serve and the projects with status and results', () => {
    const lines = stateView('KEN', needs, [project({ status: 'delivered', results: 'Trained 40 investigators' }), project({ id: 'p9', stateIso3: 'AUT', needKeys: ['n3'] })], (key) => (key === 'n1' ? ['2/KEN/5/1'] : []));
    expect(lines.map((l) => l.need.key)).toEqual(['n1', 'n2']);
    expect(lines[0]).toMatchObject({ recommendations: ['2/KEN/5/1'], projects: [{ id: 'p1', status: 'delivered', results: 'Trained 40 investigators' }] });
    expect(lines[1]!.projects).toEqual([]);
  });
});
