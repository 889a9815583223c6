/**
 * @module ta-projects-xlsx
 * The workbook for donor coordination meetings (docs/TA-PROJECTS.md): needs with no provider
 * yet by type and by regional group with the list, providers' portfolios and the projects.
 * Built from the same views the API answers with, so it shows what the reader may see: totals
 * per currency, never a donor's individual allocation.
 */
import ExcelJS from 'exceljs';
import { needTypeName } from '../../domain/analytics/needs-types.ts';
import { TA_STATUSES } from '../../domain/ta-projects/projects.ts';
import { getPortfolios, getUnmetNeeds, listProjects } from './ta-projects-views.ts';
import type { UseCaseContext } from './context.ts';

export const REGION_NAMES: Record<string, string> = {
  african: 'African States',
  'asia-pacific': 'Asia-Pacific States',
  'eastern-european': 'Eastern European States',
  'latin-american-caribbean': 'Latin American and Caribbean States',
  'western-european-other': 'Western European and other States',
  none: 'No regional group',
};

const MONEY = '#,##0.00';
const moneyText = (items: { currency: string; amount: string }[]) => items.map((m) => `${m.amount} ${m.currency}`).join('; ');

export async function coordinationWorkbook(ctx: UseCaseContext, cycle?: number): Promise<Buffer> {
  const unmet = await getUnmetNeeds(ctx, cycle);
  const portfolioList = await getPortfolios(ctx);
  const { projects } = await listProjects(ctx);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Open IRM';
  const bold = (row: ExcelJS.Row) => {
    row.font = { bold: true };
    return row;
  };

  const needs = workbook.addWorksheet('Needs without a provider');
  needs.columns = [{ width: 44 }, { width: 12 }, { width: 10 }, { width: 10 }, { width: 60 }, { width: 60 }];
  bold(needs.addRow([`Technical-assistance needs with no provider yet${cycle === undefined ? '' : ` (cycle ${cycle})`}: ${unmet.total}`])).font = { bold: true, size: 14 };
  needs.addRow([]);
  bold(needs.addRow(['Type of assistance', 'Needs']));
  for (const t of unmet.byType) needs.addRow([needTypeName(t.type), t.count]);
  needs.addRow([]);
  bold(needs.addRow(['Regional group', 'Needs']));
  for (const r of unmet.byRegion) needs.addRow([REGION_NAMES[r.region] ?? r.region, r.count]);
  needs.addRow([]);
  bold(needs.addRow(['State', 'Regional group', 'Cycle', 'Article', 'Types', 'Need']));
  for (const n of unmet.needs) needs.addRow([n.stateName, REGION_NAMES[n.region] ?? n.region, n.cycle, n.article, n.types.map(needTypeName).join('; '), n.text]);

  const portfolios = workbook.addWorksheet('Portfolios');
  portfolios.columns = [{ width: 36 }, { width: 18 }, { width: 10 }, ...TA_STATUSES.map(() => ({ width: 11 })), { width: 30 }, { width: 12 }, { width: 18 }, { width: 18 }];
  bold(portfolios.addRow(['Provider', 'Kind', 'Projects', ...TA_STATUSES, 'States', 'Currency', 'Allocated', 'Spent']));
  for (const p of portfolioList) {
    const currencies = [...new Set([...p.allocated, ...p.spent].map((m) => m.currency))].sort();
    const lines = currencies.length === 0 ? [''] : currencies;
    lines.forEach((currency, i) => {
      const head = i === 0 ? [p.providerName, p.providerKind, p.projects, ...TA_STATUSES.map((s) => p.byStatus[s]), p.states.join(', ')] : ['', '', '', ...TA_STATUSES.map(() => ''), ''];
      const allocated = p.allocated.find((m) => m.currency === currency)?.amount;
      const spent = p.spent.find((m) => m.currency === currency)?.amount;
      const row = portfolios.addRow([...head, currency, allocated === undefined ? null : Number(allocated), spent === undefined ? null : Number(spent)]);
      row.getCell(head.length + 2).numFmt = MONEY;
      row.getCell(head.length + 3).numFmt = MONEY;
    });
  }

  const list = workbook.addWorksheet('Projects');
  list.columns = [{ width: 40 }, { width: 30 }, { width: 24 }, { width: 12 }, { width: 30 }, { width: 30 }, { width: 50 }];
  bold(list.addRow(['Project', 'Provider', 'State', 'Status', 'Allocated', 'Spent', 'Results']));
  for (const p of projects) list.addRow([p.title, p.providerName, p.stateName, p.status, moneyText(p.allocated), moneyText(p.spent), p.results]);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
