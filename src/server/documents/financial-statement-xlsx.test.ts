/**
 * The financial statement workbook: the sections of the secretariat's financial report in
 * order, exact figures, the funding gap highlighted, and nothing of a donor left out of the view.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { StatementView } from '../use-cases/finance.ts';
import { financialStatementWorkbook } from './financial-statement-xlsx.ts';

const VIEW: StatementView = {
  asAt: '2024-12-31',
  currency: 'USD',
  contributions: { pledged: '111111.11', received: '112500.00', inKind: '1000.00', outstanding: '0.00' },
  byEarmarking: [
    { earmarking: 'cycle-1', pledged: '0.00', received: '0.00', inKind: '0.00' },
    { earmarking: 'cycle-2', pledged: '100000.00', received: '100000.00', inKind: '0.00' },
    { earmarking: 'unearmarked', pledged: '11111.11', received: '12500.00', inKind: '1000.00' },
    { earmarking: 'activity', pledged: '0.00', received: '0.00', inKind: '0.00' },
  ],
  donors: [{ donor: { kind: 'party', iso3: 'AUT' }, name: 'Austria', pledged: '100000.00', received: '100000.00', inKind: '0.00', outstanding: '0.00' }],
  donorsAggregated: true,
  contributionList: [],
  spending: [
    { cycle: 1, category: 'staff', amount: '5000.01' },
    { cycle: 2, category: 'travel-experts', amount: '12000.00' },
    { cycle: 2, category: 'translation', amount: '8888.89' },
  ],
  spentByCycle: [
    { cycle: 1, amount: '5000.01' },
    { cycle: 2, amount: '20888.89' },
  ],
  spentTotal: '25888.90',
  requirements: [{ cycle: 2, year: 2024, amount: '250000.00' }],
  requirementsToDate: '250000.00',
  fundingGap: '137500.00',
  burnRate: { months: 12, from: '2024-01-01', to: '2024-12-31', spent: '20888.89', perMonth: '1740.74' },
  virtualVisits: { count: 2, perVisitCost: '25000.00', savings: '50000.00' },
  posts: { total: 2, regularBudget: 1, vacant: 0 },
  may: { manage: false },
};

async function rows(view: StatementView): Promise<{ cells: (string | number)[][]; sheet: ExcelJS.Worksheet }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await financialStatementWorkbook(view)) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const cells: (string | number)[][] = [];
  sheet.eachRow((row) => {
    const values: (string | number)[] = [];
    row.eachCell((cell) => values.push(typeof cell.value === 'number' ? cell.value : cell.text));
    cells.push(values);
  });
  return { cells, sheet };
}

describe('financial statement workbook', () => {
  it('lays out the sections of the financial report with exact figures', async () => {
    const { cells } = await rows(VIEW);
    const titles = cells.map((r) => r[0]).filter((c) => typeof c === 'string' && /^[IV]+\. /.test(c));
    expect(titles).toEqual([
      'I. Voluntary (extrabudgetary) contributions by donor',
      'II. Contributions by earmarking',
      'III. Expenditure by category and cycle',
      'IV. Resource requirements (estimates)',
      'V. Funding gap',
      'VI. Burn rate, virtual visits and posts',
    ]);
    expect(cells).toContainEqual(['Austria', 100000, 100000, 0, 0]);
    expect(cells).toContainEqual(['Other donors are included in the total only']);
    expect(cells).toContainEqual(['Category', 'Cycle 1', 'Cycle 2', 'Total']);
    expect(cells).toContainEqual(['Translation', 0, 8888.89, 8888.89]);
    expect(cells).toContainEqual(['Staff', 5000.01, 0, 5000.01]);
    expect(cells).toContainEqual(['Total', 5000.01, 20888.89, 25888.9]);
    expect(cells).toContainEqual(['Funding gap', 137500]);
    expect(cells).toContainEqual(['Estimated savings of virtual visits', 50000]);
  });

  it('highlights the funding gap', async () => {
    const { sheet } = await rows(VIEW);
    let fill: ExcelJS.Fill | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).text === 'Funding gap') fill = row.getCell(2).fill;
    });
    expect(fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
  });

  it('writes only aggregated contributions when no donor is visible', async () => {
    const { cells } = await rows({ ...VIEW, donors: [] });
    expect(cells).toContainEqual(['All donors (aggregated)']);
    expect(cells.flat()).not.toContain('Austria');
  });
});
