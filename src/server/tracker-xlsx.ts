/**
 * @module tracker-xlsx
 * The tracker as an Excel workbook: one row per review, one column per milestone with its
 * actual date (or due date and "overdue"), for the secretariat's own spreadsheets.
 */
import ExcelJS from 'exceljs';
import { MILESTONE_KINDS } from '../domain/reviews/milestones.ts';
import type { TrackerRow } from './use-cases/reviews.ts';

export async function trackerWorkbook(rows: readonly TrackerRow[], names: ReadonlyMap<string, string>, asOf: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Open IRM';
  const sheet = workbook.addWorksheet(`Reviews ${asOf}`);
  sheet.columns = [
    { header: 'State under review', key: 'state', width: 32 },
    { header: 'ISO', key: 'iso3', width: 6 },
    { header: 'Regional group', key: 'group', width: 26 },
    { header: 'Cycle', key: 'cycle', width: 7 },
    { header: 'Year', key: 'year', width: 6 },
    { header: 'Reviewer 1', key: 'r1', width: 8 },
    { header: 'Reviewer 2', key: 'r2', width: 8 },
    { header: 'Stage', key: 'stage', width: 14 },
    { header: 'Days late', key: 'late', width: 10 },
    ...MILESTONE_KINDS.map((kind) => ({ header: kind, key: kind, width: 14 })),
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) {
    const cells: Record<string, string | number> = {
      state: names.get(r.stateUnderReview) ?? r.stateUnderReview,
      iso3: r.stateUnderReview,
      group: r.regionalGroup ?? '',
      cycle: r.cycle,
      year: r.cohortYear,
      r1: r.reviewers[0],
      r2: r.reviewers[1],
      stage: r.stage,
      late: r.daysLate,
    };
    for (const entry of r.timeline) {
      cells[entry.kind] = entry.actualDate ?? (entry.status === 'overdue' ? `overdue (due ${entry.dueDate})` : '');
    }
    sheet.addRow(cells);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
