/**
 * The text a reader could get out of a response, whatever its format: JSON, HTML, CSV,
 * feeds and calendars as they are; PDF through pdftotext; XLSX cell by cell (exceljs);
 * DOCX from word/document.xml; ZIP archives entry by entry, each by its own format.
 * Used by the anonymous crawl to search every public answer for demo markers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

type Kind = 'pdf' | 'xlsx' | 'docx' | 'zip' | 'text';

function kindOf(contentType: string, name: string): Kind {
  if (contentType.includes('pdf') || name.endsWith('.pdf')) return 'pdf';
  if (contentType.includes('spreadsheetml') || name.endsWith('.xlsx')) return 'xlsx';
  if (contentType.includes('wordprocessingml') || name.endsWith('.docx')) return 'docx';
  if (contentType.includes('zip') || name.endsWith('.zip')) return 'zip';
  return 'text';
}

function pdfText(body: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'crawl-pdf-'));
  try {
    const file = path.join(dir, 'file.pdf');
    writeFileSync(file, body);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function xlsxText(body: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const parts: string[] = [];
  workbook.eachSheet((sheet) => {
    parts.push(sheet.name);
    sheet.eachRow((row) => row.eachCell((cell) => parts.push(cell.text)));
  });
  return parts.join('\n');
}

async function docxText(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  const xml = await Promise.all(Object.values(zip.files).filter((f) => /^word\/.*\.xml$/.test(f.name)).map((f) => f.async('string')));
  // Word splits a sentence into runs; joining the text of the runs gives it back.
  return xml.map((x) => x.replace(/<[^>]+>/g, '')).join('\n');
}

async function zipText(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  const parts: string[] = [];
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    parts.push(file.name, await textOf(await file.async('nodebuffer'), '', file.name));
  }
  return parts.join('\n');
}

/** All readable text of a body with its content type (and file name, for archive entries). */
export async function textOf(body: Buffer, contentType: string, name = ''): Promise<string> {
  switch (kindOf(contentType, name)) {
    case 'pdf':
      return pdfText(body);
    case 'xlsx':
      return xlsxText(body);
    case 'docx':
      return docxText(body);
    case 'zip':
      return zipText(body);
    default:
      return body.toString('utf8');
  }
}
