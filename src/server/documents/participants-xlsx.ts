/**
 * @module participants-xlsx
 * The list of participants as an Excel workbook: one row per participant, in the UN order of
 * the PDF (group, delegation, name), with the registration status, for the secretariat's
 * badges and seating lists.
 */
import ExcelJS from 'exceljs';
import type { ParticipantsList } from '../use-cases/session-attendance.ts';

export async function buildParticipantsXlsx(list: ParticipantsList): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Open IRM';
  workbook.created = list.generatedAt;
  const sheet = workbook.addWorksheet('Participants');
  sheet.columns = [
    { header: 'Group', key: 'group', width: 34 },
    { header: 'Delegation', key: 'delegation', width: 40 },
    { header: 'ISO', key: 'iso3', width: 6 },
    { header: 'Name', key: 'name', width: 32 },
    { header: 'Title or function', key: 'title', width: 40 },
    { header: 'Status', key: 'status', width: 12 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const group of list.groups) {
    for (const delegation of group.delegations) {
      for (const p of delegation.participants) {
        sheet.addRow({ group: group.title, delegation: delegation.name, iso3: delegation.iso3 ?? '', name: p.name, title: p.title, status: p.status });
      }
    }
  }
  sheet.autoFilter = { from: 'A1', to: 'F1' };
  // The session's name in the document properties: the sheet itself stays a plain table.
  workbook.title = `List of participants — ${list.sessionName}`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
