/**
 * @module csv-rows
 * Turns an uploaded CSV or JSON file into rows of text cells, the form the import
 * validators take. A file that cannot be read at all is refused whole, with its line.
 */
import { parse } from 'csv-parse/sync';
import { DomainError } from '../domain/errors.ts';

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/**
 * A CSV must be UTF-8 text. Decoding a UTF-16 file, a spreadsheet saved in another encoding
 * or a binary file as UTF-8 leaves NUL bytes or U+FFFD replacement characters; csv-parse
 * would read those as (garbled) cells, so the file is refused here with the line at fault.
 */
function refuseNonText(text: string): void {
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    throw new DomainError('import.invalid', `The file is not UTF-8 text: line ${lineAt(text, nul)} holds a NUL byte (a binary file, or text saved as UTF-16). Save it as "CSV UTF-8".`);
  }
  const replaced = text.indexOf('\uFFFD');
  if (replaced !== -1) {
    throw new DomainError('import.invalid', `The file is not UTF-8 text: line ${lineAt(text, replaced)} holds bytes that are not UTF-8. Save it as "CSV UTF-8".`);
  }
}

/** The validation message of an import body of the wrong shape: it says which shape is right. */
export const IMPORT_BODY_SHAPE = (maxRows: number) => `Send the CSV as text/csv, or JSON { "rows": [ { "column": "value", … } ] } with at most ${maxRows} rows.`;

export function rowsFromCsv(text: string): Record<string, string>[] {
  refuseNonText(text);
  try {
    const rows: Record<string, string>[] = parse(text.replace(/^\uFEFF/, ''), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
    });
    return rows;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new DomainError('import.invalid', `The CSV cannot be read${line ? ` (line ${line})` : ''}: ${(error as Error).message}`);
  }
}

/** JSON: an array of objects; numbers and booleans become text, null and missing become empty. */
export function rowsFromJson(value: unknown): Record<string, string>[] {
  if (!Array.isArray(value) || value.some((row) => typeof row !== 'object' || row === null || Array.isArray(row))) {
    throw new DomainError('import.invalid', 'The JSON must be an array of objects, one per review.');
  }
  return (value as Record<string, unknown>[]).map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k.trim().toLowerCase(), v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v as string | number | boolean)])),
  );
}
