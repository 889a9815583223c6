/**
 * @module open-data-stream
 * Writes open data sets as they are read, page by page: a JSON array, a CSV with a header
 * line, or one ZIP of every data set in both formats with the data dictionary. Nothing is
 * gathered in memory first, so an export's memory does not grow with the data
 * (`npm run bench:open-data`).
 */
import { Readable } from 'node:stream';
import archiver from 'archiver';
import { stringify } from 'csv-stringify/sync';
import { DATASETS, datasetDefinition, dictionaryRows, OPEN_DATA_VERSION, type DatasetName, type OpenRow } from '../domain/open-data/datasets.ts';

type Batches = AsyncIterable<OpenRow[]>;

/** CSV cells: empty for null, true/false for booleans; a UTF-8 byte-order mark so spreadsheet programs read accents and scripts right. */
function csvLines(rows: readonly OpenRow[], columns: readonly string[], header: boolean): string {
  return stringify(
    rows.map((r) => columns.map((c) => r[c] ?? '')),
    { header, columns: [...columns], cast: { boolean: (v) => (v ? 'true' : 'false') }, record_delimiter: '\r\n' },
  );
}

export async function* csvChunks(batches: Batches, columns: readonly string[]): AsyncGenerator<string> {
  yield '\uFEFF' + csvLines([], columns, true);
  for await (const batch of batches) yield csvLines(batch, columns, false);
}

export async function* jsonChunks(batches: Batches): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    yield (first ? '\n' : ',\n') + batch.map((row) => JSON.stringify(row)).join(',\n');
    first = false;
  }
  yield '\n]\n';
}

export function csvStream(name: DatasetName, batches: Batches): Readable {
  return Readable.from(csvChunks(batches, datasetDefinition(name).fields.map((f) => f.name)));
}

export function jsonStream(batches: Batches): Readable {
  return Readable.from(jsonChunks(batches));
}

async function* once(rows: OpenRow[]): AsyncGenerator<OpenRow[]> {
  yield rows;
}

export function dictionaryDocument() {
  return { version: OPEN_DATA_VERSION, datasets: DATASETS };
}

/**
 * Every data set as `<name>.json` and `<name>.csv`, plus `dictionary.json` and
 * `dictionary.csv`. Each entry is appended only when the one before it is written:
 * archiver starts reading a stream as soon as it is appended, so appending all at once would
 * run every data set's reads side by side and hold a page of each in memory.
 */
export function bulkZip(open: (name: DatasetName) => Batches, exportedAt: string): Readable {
  const archive = archiver('zip', { zlib: { level: 6 } });
  const date = new Date(exportedAt);
  const entries: (() => void)[] = [
    () => archive.append(JSON.stringify({ ...dictionaryDocument(), exportedAt }, null, 2), { name: 'dictionary.json', date }),
    () => archive.append(Readable.from(csvChunks(once(dictionaryRows()), ['dataset', 'field', 'type', 'nullable', 'description'])), { name: 'dictionary.csv', date }),
    ...DATASETS.flatMap((d) => [() => archive.append(jsonStream(open(d.name)), { name: `${d.name}.json`, date }), () => archive.append(csvStream(d.name, open(d.name)), { name: `${d.name}.csv`, date })]),
  ];
  const next = () => {
    const entry = entries.shift();
    if (entry) entry();
    else void archive.finalize();
  };
  archive.on('entry', next);
  next();
  return archive;
}
