/**
 * @module search-export
 * Search results as an Excel workbook: one row per item, the columns of the CSV, the hits
 * in bold (rich text) so the reader sees why each row matched. Texts are written as strings,
 * never as formulas.
 */
import ExcelJS from 'exceljs';
import { EXPORT_COLUMNS, exportRow, type SearchHit, type SearchRequest } from '../../domain/analytics/search.ts';

const WIDTHS: Record<(typeof EXPORT_COLUMNS)[number], number> = {
  reference: 18,
  kind: 16,
  need_type: 22,
  cycle: 7,
  state_iso3: 10,
  state: 28,
  regional_group: 24,
  chapter: 9,
  article: 9,
  text: 90,
};

export async function searchWorkbook(hits: readonly SearchHit[], request: SearchRequest, meta: { total: number; truncated: boolean; generatedOn: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Open IRM';
  const sheet = workbook.addWorksheet('Results', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((key) => ({ header: key, key, width: WIDTHS[key] }));
  sheet.getRow(1).font = { bold: true };
  for (const hit of hits) {
    const row = sheet.addRow(exportRow(hit));
    const cell = row.getCell('text');
    cell.value = { richText: hit.text.map((s) => ({ text: s.text, ...(s.hit ? { font: { bold: true } } : {}) })) };
    cell.alignment = { wrapText: true, vertical: 'top' };
  }
  const about = workbook.addWorksheet('Query');
  about.columns = [{ width: 22 }, { width: 80 }];
  const lines: [string, string][] = [
    ['words', request.q],
    ['cycle', request.cycles.join(', ')],
    ['chapter', request.chapters.join(', ')],
    ['article', request.articles.join(', ')],
    ['regional group', request.groups.join(', ')],
    ['State', request.states.join(', ')],
    ['kind', request.kinds.join(', ')],
    ['need type', request.needTypes.join(', ')],
    ['matching items', String(meta.total)],
    ['rows in this file', String(hits.length) + (meta.truncated ? ' (the first ones only: narrow the search)' : '')],
    ['generated on', meta.generatedOn],
  ];
  for (const line of lines) about.addRow(line);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
