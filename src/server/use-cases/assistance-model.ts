/**
 * @module assistance-model
 * The needs classifier as the server and the CLI use it: trained in memory from the set the
 * project ships (data/needs-training.csv, every example, not only the training part) plus
 * every correction the secretariat has stored. A correction wins over a shipped example of
 * the same text. The model is kept until the corrections change, which is checked on each
 * use with one small query, so a correction made in another process (the CLI, a second
 * server) is used at the next classification.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { trainNeedsModel, type LabelledNeed, type NeedsModel } from '../../domain/analytics/classifier/model.ts';
import { NEED_TYPES, apiNeedType, parseNeedTypes } from '../../domain/analytics/needs-types.ts';
import { correctionFingerprint, listCorrectionExamples } from '../../db/repositories/assistance.ts';
import type { DbOrTx } from '../../db/client.ts';

export const TRAINING_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/needs-training.csv');

/** The shipped set, in file order; a bad row stops start-up with its line, since it would train a wrong model. */
export function readTrainingSet(file = TRAINING_FILE): LabelledNeed[] {
  const rows: { types?: string; text?: string }[] = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true });
  return rows.map((row, i) => {
    const { types, unknown } = parseNeedTypes(row.types ?? '');
    if (unknown.length > 0 || types.length === 0 || !row.text) throw new Error(`${file} line ${i + 2}: needs known types and a text.`);
    return { text: row.text, types: types.map(apiNeedType) };
  });
}

const normalised = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

let shipped: LabelledNeed[] | undefined;
let cached: { fingerprint: string; model: NeedsModel } | undefined;

/** The shipped examples with the corrections laid over them. */
export function withCorrections(base: readonly LabelledNeed[], corrections: readonly LabelledNeed[]): LabelledNeed[] {
  const corrected = new Map(corrections.map((c) => [normalised(c.text), c]));
  return [...base.filter((e) => !corrected.has(normalised(e.text))), ...corrected.values()];
}

export async function currentNeedsModel(db: DbOrTx): Promise<NeedsModel> {
  shipped ??= readTrainingSet();
  const fingerprint = await correctionFingerprint(db);
  if (cached?.fingerprint === fingerprint) return cached.model;
  const corrections = (await listCorrectionExamples(db)).map((c) => ({ text: c.text, types: c.types.map(apiNeedType) }));
  const model = trainNeedsModel(withCorrections(shipped, corrections), NEED_TYPES);
  cached = { fingerprint, model };
  return model;
}
