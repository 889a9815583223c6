/**
 * @module financial-statement-xlsx
 * The financial statement as an Excel workbook laid out like the secretariat's report on the
 * resources of the Mechanism to the Group: contributions by donor, by earmarking, expenditure
 * by category and cycle, requirements, the funding gap, burn rate, virtual visits and posts.
 * Figures come already computed (bigint cents, exact) from the statement; the workbook holds
 * no formulas. What a donor may not see is already left out of the view it is given.
 */
import ExcelJS from 'exceljs';
import { EXPENDITURE_CATEGORIES, type ExpenditureCategory } from '../../domain/finance/statement.ts';
import type { StatementView } from '../use-cases/finance.ts';

export const CATEGORY_LABELS: Record<ExpenditureCategory, string> = {
  'travel-experts': 'Travel of governmental experts (country visits)',
  'travel-secretariat': 'Travel of secretariat staff (country visits)',
  translation: 'Translation',
  meetings: 'Meetings',
  staff: 'Staff',
  training: 'Training',
  other: 'Other',
};

const EARMARKING_LABELS = { 'cycle-1': 'First review cycle', 'cycle-2': 'Second review cycle', unearmarked: 'Unearmarked', activity: 'Specific activities' } as const;

const MONEY = '#,##0.00;[Red]-#,##0.00';
const n = (text: string) => Number(text);

export async function financialStatementWorkbook(view: StatementView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Open IRM';
  const sheet = workbook.addWorksheet(`Statement ${view.asAt}`);
  sheet.columns = [{ width: 48 }, { width: 18 }, { width: 18 }, { width: 18 }, { width: 18 }, { width: 18 }];
  const title = (text: string) => {
    const row = sheet.addRow([text]);
    row.font = { bold: true, size: 13 };
  };
  const header = (cells: string[]) => {
    const row = sheet.addRow(cells);
    row.font = { bold: true };
    row.border = { bottom: { style: 'thin' } };
  };
  const money = (label: string, values: string[], bold = false) => {
    const row = sheet.addRow([label, ...values.map(n)]);
    for (let i = 2; i <= values.length + 1; i++) row.getCell(i).numFmt = MONEY;
    if (bold) row.font = { bold: true };
    return row;
  };

  const top = sheet.addRow([`Resources of the Mechanism: financial statement as at ${view.asAt}`]);
  top.font = { bold: true, size: 15 };
  sheet.addRow([`Amounts in United States dollars (${view.currency}); other currencies converted at the rate valid on each transaction's date.`]);
  sheet.addRow([]);

  title('I. Voluntary (extrabudgetary) contributions by donor');
  header(['Donor', 'Pledged', 'Received', 'Outstanding pledges', 'In kind (valued)']);
  for (const d of view.donors) money(d.name, [d.pledged, d.received, d.outstanding, d.inKind]);
  if (view.donorsAggregated) sheet.addRow([view.donors.length === 0 ? 'All donors (aggregated)' : 'Other donors are included in the total only']);
  money('Total', [view.contributions.pledged, view.contributions.received, view.contributions.outstanding, view.contributions.inKind], true);
  sheet.addRow([]);

  title('II. Contributions by earmarking');
  header(['Earmarking', 'Pledged', 'Received', 'In kind (valued)']);
  for (const e of view.byEarmarking) money(EARMARKING_LABELS[e.earmarking], [e.pledged, e.received, e.inKind]);
  sheet.addRow([]);

  title('III. Expenditure by category and cycle');
  const cycles = view.spentByCycle.map((c) => c.cycle);
  header(['Category', ...cycles.map((c) => `Cycle ${c}`), 'Total']);
  for (const category of EXPENDITURE_CATEGORIES) {
    const rows = view.spending.filter((s) => s.category === category);
    if (rows.length === 0) continue;
    const perCycle = cycles.map((c) => rows.find((r) => r.cycle === c)?.amount ?? '0');
    const total = rows.reduce((sum, r) => sum + BigInt(r.amount.replace('.', '')), 0n);
    money(CATEGORY_LABELS[category], [...perCycle, centsText(total)]);
  }
  money('Total', [...view.spentByCycle.map((c) => c.amount), view.spentTotal], true);
  sheet.addRow([]);

  title('IV. Resource requirements (estimates)');
  header(['Cycle and year', 'Requirement']);
  for (const r of view.requirements) money(`Cycle ${r.cycle}, ${r.year}`, [r.amount]);
  money('Requirements to date', [view.requirementsToDate], true);
  sheet.addRow([]);

  title('V. Funding gap');
  money('Requirements to date', [view.requirementsToDate]);
  money('Less: contributions received', [view.contributions.received]);
  const gap = money('Funding gap', [view.fundingGap], true);
  gap.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE4B5' } };
  sheet.addRow([]);

  title('VI. Burn rate, virtual visits and posts');
  money(`Spent ${view.burnRate.from} to ${view.burnRate.to}`, [view.burnRate.spent]);
  money(`Burn rate per month (${view.burnRate.months} months)`, [view.burnRate.perMonth]);
  sheet.addRow(['Virtual visits held', view.virtualVisits.count]);
  if (view.virtualVisits.savings !== null && view.virtualVisits.perVisitCost !== null) {
    money('Estimated cost of one in-person visit', [view.virtualVisits.perVisitCost]);
    money('Estimated savings of virtual visits', [view.virtualVisits.savings]);
  }
  sheet.addRow(['Posts (of which regular budget; vacant)', `${view.posts.total} (${view.posts.regularBudget}; ${view.posts.vacant})`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function centsText(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}
