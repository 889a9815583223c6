/**
 * @module csv-rows
 * Turns an uploaded CSV or JSON file into rows of text cells, the form the import
 * validators take. A file that cannot be read at all is refused whole, with its line.
 */
import { parse } from 'csv-parse/sync';
import { DomainError } from '../domain/errors.ts';

export function rowsFromCsv(text: string): Record<string, string>[] {
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
