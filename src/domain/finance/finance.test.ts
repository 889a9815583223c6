/**
 * The finance rules: money in minor units, conversion with dated rates and half-even
 * rounding, the statement as at a date (funding gap to the cent), burn rate, virtual visits.
 */
import { describe, expect, it } from 'vitest';
import { divideHalfEven, formatMinor, parseAmount, parseRate, rateOn, toUsdMinor, type Rate } from './money.ts';
import { checkReceipt, financialStatement, isVacant, windowStart, type Contribution, type StatementInput } from './statement.ts';

const RATES: Rate[] = [
  { currency: 'EUR', validFrom: '2024-01-01', perUsd: '0.9' },
  { currency: 'EUR', validFrom: '2024-07-01', perUsd: '0.8' },
  { currency: 'JPY', validFrom: '2024-01-01', perUsd: '150' },
  { currency: 'KWD', validFrom: '2024-01-01', perUsd: '0.307' },
];

describe('amounts', () => {
  it('parses decimals to minor units exactly and refuses extra decimals', () => {
    expect(parseAmount('1234.5', 'USD')).toBe(123450n);
    expect(parseAmount('0.07', 'EUR')).toBe(7n);
    expect(parseAmount('1200', 'JPY')).toBe(1200n);
    expect(parseAmount('1.234', 'KWD')).toBe(1234n);
    expect(() => parseAmount('1.234', 'USD')).toThrow(/USD has 2 decimal digits/);
    expect(() => parseAmount('12.5', 'JPY')).toThrow(/JPY has 0 decimal digits/);
    expect(() => parseAmount('-5', 'USD')).toThrow(/not an amount/);
    expect(() => parseAmount('1e3', 'USD')).toThrow(/not an amount/);
    expect(() => parseAmount('0', 'USD')).toThrow(/more than zero/);
  });

  it('refuses an unknown currency with a clear message', () => {
    expect(() => parseAmount('10', 'XYZ')).toThrow(/Unknown currency 'XYZ'/);
    expect(() => parseAmount('10', 'XYZ')).toThrow(expect.objectContaining({ code: 'finance.invalid' }) as Error);
  });

  it('formats minor units without floating point', () => {
    expect(formatMinor(123450n, 'USD')).toBe('1234.50');
    expect(formatMinor(-7n, 'USD')).toBe('-0.07');
    expect(formatMinor(1200n, 'JPY')).toBe('1200');
    expect(formatMinor(9007199254740993n, 'USD')).toBe('90071992547409.93');
  });
});

describe('rounding half to even', () => {
  it.each([
    [5n, 2n, 2n], // 2.5 → 2
    [7n, 2n, 4n], // 3.5 → 4
    [-5n, 2n, -2n],
    [-7n, 2n, -4n],
    [10n, 3n, 3n], // 3.33 → 3
    [20n, 3n, 7n], // 6.67 → 7
    [0n, 3n, 0n],
  ])('%s / %s = %s', (n, d, q) => expect(divideHalfEven(n, d)).toBe(q));
});

describe('conversion with dated rates', () => {
  it('uses the latest rate valid on or before the date', () => {
    expect(rateOn(RATES, 'EUR', '2023-12-31')).toBeUndefined();
    expect(rateOn(RATES, 'EUR', '2024-01-01')!.perUsd).toBe('0.9');
    expect(rateOn(RATES, 'EUR', '2024-06-30')!.perUsd).toBe('0.9');
    expect(rateOn(RATES, 'EUR', '2024-07-01')!.perUsd).toBe('0.8');
    expect(rateOn(RATES, 'EUR', '2030-01-01')!.perUsd).toBe('0.8');
  });

  it('converts to the cent, half to even', () => {
    // 90.00 EUR / 0.9 = 100.00 USD
    expect(toUsdMinor(9000n, 'EUR', '2024-03-01', RATES)).toBe(10000n);
    // 100.00 EUR / 0.9 = 111.111… → 111.11
    expect(toUsdMinor(10000n, 'EUR', '2024-03-01', RATES)).toBe(11111n);
    // 0.01 EUR / 0.8 = 0.0125 → 0.01 (tie to even) ; 0.03 / 0.8 = 0.0375 → 0.04 (tie to even)
    expect(toUsdMinor(1n, 'EUR', '2024-08-01', RATES)).toBe(1n);
    expect(toUsdMinor(3n, 'EUR', '2024-08-01', RATES)).toBe(4n);
    // 1.00 EUR / 0.8 = 1.25 exactly
    expect(toUsdMinor(100n, 'EUR', '2024-08-01', RATES)).toBe(125n);
    // 1,000,000 JPY / 150 = 6666.666… → 6666.67
    expect(toUsdMinor(1_000_000n, 'JPY', '2024-05-05', RATES)).toBe(666667n);
    // 3.070 KWD / 0.307 = 10.00
    expect(toUsdMinor(3070n, 'KWD', '2024-05-05', RATES)).toBe(1000n);
    expect(toUsdMinor(12345n, 'USD', '1999-01-01', [])).toBe(12345n);
  });

  it('is a clear error with no rate on or before the date', () => {
    expect(() => toUsdMinor(100n, 'EUR', '2023-06-01', RATES)).toThrow(/No rate for EUR valid on or before 2023-06-01/);
    expect(() => toUsdMinor(100n, 'EUR', '2023-06-01', RATES)).toThrow(expect.objectContaining({ code: 'finance.noRate' }) as Error);
    expect(() => toUsdMinor(100n, 'GBP', '2024-06-01', RATES)).toThrow(/No rate for GBP/);
  });

  it('parses rates exactly', () => {
    expect(parseRate('0.9234')).toEqual({ units: 9234n, scale: 4 });
    expect(() => parseRate('0')).toThrow(/more than zero/);
    expect(() => parseRate('-1')).toThrow(/not a rate/);
  });
});

const pledge = (over: Partial<Contribution>): Contribution => ({
  id: 'c',
  donor: { kind: 'party', iso3: 'AUT' },
  kind: 'cash',
  date: '2024-02-01',
  currency: 'USD',
  amountMinor: 0n,
  earmarking: 'unearmarked',
  receipts: [],
  ...over,
});

function input(over: Partial<StatementInput> = {}): StatementInput {
  return {
    contributions: [
      pledge({ id: 'a', amountMinor: 100_000_00n, receipts: [{ date: '2024-03-01', amountMinor: 60_000_00n }, { date: '2024-09-01', amountMinor: 40_000_00n }], earmarking: 'cycle-2' }),
      pledge({ id: 'b', donor: { kind: 'other', name: 'Fictitious Foundation' }, currency: 'EUR', date: '2024-02-15', amountMinor: 10_000_00n, receipts: [{ date: '2024-08-01', amountMinor: 10_000_00n }] }),
      pledge({ id: 'c', donor: { kind: 'party', iso3: 'FRA' }, kind: 'in-kind', currency: 'EUR', date: '2024-05-01', amountMinor: 900_00n }),
    ],
    expenditures: [
      { cycle: 2, category: 'travel-experts', date: '2024-01-15', currency: 'USD', amountMinor: 12_000_00n },
      { cycle: 2, category: 'translation', date: '2024-06-10', currency: 'EUR', amountMinor: 8_000_00n },
      { cycle: 1, category: 'staff', date: '2023-11-30', currency: 'USD', amountMinor: 5_000_01n },
      { cycle: 2, category: 'travel-experts', date: '2025-01-10', currency: 'USD', amountMinor: 99_999_00n },
    ],
    requirements: [
      { cycle: 2, year: 2024, currency: 'USD', amountMinor: 250_000_00n },
      { cycle: 2, year: 2025, currency: 'USD', amountMinor: 300_000_00n },
    ],
    posts: [
      { grade: 'P-4', title: 'Crime prevention officer', regularBudget: true, vacantFrom: '2024-04-01', vacantTo: '2024-10-31' },
      { grade: 'G-5', title: 'Team assistant', regularBudget: false, vacantFrom: null, vacantTo: null },
    ],
    rates: RATES,
    virtualVisits: [
      { cycle: 2, date: '2024-04-10' },
      { cycle: 2, date: '2024-11-10' },
    ],
    perVisitCost: 25_000_00n,
    ...over,
  };
}

describe('financial statement as at a date', () => {
  it('totals contributions, spending and the funding gap to the cent', () => {
    const s = financialStatement(input(), '2024-06-30');
    // pledged: 100,000.00 + 10,000.00 EUR / 0.9 = 11,111.11 → 111,111.11
    expect(s.contributions.pledged).toBe(111_111_11n);
    // received by 30 June: only the first receipt of 60,000.00
    expect(s.contributions.received).toBe(60_000_00n);
    // in kind: 900 EUR / 0.9 = 1,000.00
    expect(s.contributions.inKind).toBe(1_000_00n);
    // outstanding: 40,000.00 + 11,111.11
    expect(s.contributions.outstanding).toBe(51_111_11n);
    // spent: 12,000.00 + 8,000 EUR / 0.9 = 8,888.89 + 5,000.01
    expect(s.spentByCycle).toEqual([
      { cycle: 1, amount: 5_000_01n },
      { cycle: 2, amount: 20_888_89n },
    ]);
    expect(s.spentTotal).toBe(25_888_90n);
    expect(s.requirementsToDate).toBe(250_000_00n);
    expect(s.fundingGap).toBe(190_000_00n);
    expect(s.byEarmarking['cycle-2'].received).toBe(60_000_00n);
    expect(s.byDonor.map((d) => d.donor)).toEqual([{ kind: 'party', iso3: 'AUT' }, { kind: 'party', iso3: 'FRA' }, { kind: 'other', name: 'Fictitious Foundation' }]);
  });

  it('changes with the as-at date: receipts on later dates close the gap', () => {
    const s = financialStatement(input(), '2024-12-31');
    // received: 100,000.00 + 10,000.00 EUR at 0.8 (from 1 July) = 12,500.00
    expect(s.contributions.received).toBe(112_500_00n);
    expect(s.contributions.outstanding).toBe(0n);
    expect(s.fundingGap).toBe(137_500_00n);
    const next = financialStatement(input(), '2025-01-31');
    expect(next.requirementsToDate).toBe(550_000_00n);
    expect(next.fundingGap).toBe(437_500_00n);
    expect(financialStatement(input(), '2023-12-31').contributions.pledged).toBe(0n);
  });

  it('computes the burn rate over whole months ending with the as-at month', () => {
    expect(windowStart('2024-06-30', 12)).toBe('2023-07-01');
    expect(windowStart('2024-01-15', 1)).toBe('2024-01-01');
    expect(windowStart('2024-01-15', 2)).toBe('2023-12-01');
    const s = financialStatement(input(), '2024-06-30', 12);
    expect(s.burnRate.spent).toBe(25_888_90n);
    // 25,888.90 / 12 = 2,157.408… → 2,157.41
    expect(s.burnRate.perMonth).toBe(2_157_41n);
    const three = financialStatement(input(), '2024-06-30', 3);
    expect(three.burnRate.spent).toBe(8_888_89n);
    // 8,888.89 / 3 = 2,962.963… → 2,962.96
    expect(three.burnRate.perMonth).toBe(2_962_96n);
    expect(() => financialStatement(input(), '2024-06-30', 0)).toThrow(/1 to 120 months/);
  });

  it('estimates the savings of virtual visits from the per-visit cost', () => {
    expect(financialStatement(input(), '2024-06-30').virtualVisits).toEqual({ count: 1, perVisitCost: 25_000_00n, savings: 25_000_00n });
    expect(financialStatement(input(), '2024-12-31').virtualVisits.savings).toBe(50_000_00n);
    expect(financialStatement(input({ perVisitCost: null }), '2024-12-31').virtualVisits.savings).toBeNull();
  });

  it('counts posts and their vacancy on the date', () => {
    expect(financialStatement(input(), '2024-06-30').posts).toEqual({ total: 2, regularBudget: 1, vacant: 1 });
    expect(isVacant({ grade: 'P-4', title: 'x', regularBudget: true, vacantFrom: '2024-04-01', vacantTo: '2024-10-31' }, '2024-10-31')).toBe(true);
    expect(isVacant({ grade: 'P-4', title: 'x', regularBudget: true, vacantFrom: '2024-04-01', vacantTo: '2024-10-31' }, '2024-11-01')).toBe(false);
  });

  it('fails clearly when a transaction has no rate', () => {
    const bad = input({ expenditures: [{ cycle: 2, category: 'other', date: '2024-03-01', currency: 'GBP', amountMinor: 100n }] });
    expect(() => financialStatement(bad, '2024-06-30')).toThrow(/No rate for GBP valid on or before 2024-03-01/);
  });
});

describe('receipts', () => {
  const c = pledge({ amountMinor: 1000n, receipts: [{ date: '2024-03-01', amountMinor: 600n }] });
  it('stay within the pledge, after it, and only for cash', () => {
    expect(() => checkReceipt(c, { date: '2024-04-01', amountMinor: 400n })).not.toThrow();
    expect(() => checkReceipt(c, { date: '2024-04-01', amountMinor: 401n })).toThrow(/exceed the amount pledged/);
    expect(() => checkReceipt(c, { date: '2024-01-01', amountMinor: 1n })).toThrow(/precede its pledge/);
    expect(() => checkReceipt({ ...c, kind: 'in-kind' }, { date: '2024-04-01', amountMinor: 1n })).toThrow(/in-kind/);
  });
});
