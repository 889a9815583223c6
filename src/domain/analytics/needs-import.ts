/**
 * @module needs-import
 * Checks needs recorded elsewhere (a spreadsheet column per field) before anything is
 * written: every row is checked and every bad row reported with its line, so the import is
 * all-or-nothing like the reviews import. An empty type cell leaves the types to the
 * classifier; the row is then marked for the secretariat's review.
 */
import type { AssistanceType } from '../reviews/checklist.ts';
import { parseNeedTypes, NEED_TYPES } from './needs-types.ts';

export const NEEDS_IMPORT_COLUMNS = ['state_iso3', 'cycle', 'article', 'type', 'description'] as const;

/** Longest description kept: a need is a sentence or a paragraph, not a document. */
export const MAX_NEED_LENGTH = 4000;

export interface NeedImport {
  line: number;
  state: string;
  cycle: number;
  article: number;
  /** null: the classifier decides. */
  types: AssistanceType[] | null;
  description: string;
}

export interface NeedsImportContext {
  knownStates: ReadonlySet<string>;
  /** Each cycle with the articles it reviews (those of its chapters). */
  cycles: ReadonlyMap<number, ReadonlySet<number>>;
  /** Every article the convention has, to tell "not in this cycle" from "no such article". */
  knownArticles: ReadonlySet<number>;
}

export type NeedsImportResult = { ok: true; needs: NeedImport[] } | { ok: false; problems: { line: number; message: string }[] };

export function validateNeedRows(rows: readonly Record<string, string>[], context: NeedsImportContext): NeedsImportResult {
  if (rows.length === 0) return { ok: false, problems: [{ line: 1, message: `The file has no needs; expected a header line with ${NEEDS_IMPORT_COLUMNS.join(', ')} and one line per need.` }] };
  const missing = ['state_iso3', 'cycle', 'article', 'description'].filter((c) => !(c in rows[0]!));
  if (missing.length > 0) return { ok: false, problems: [{ line: 1, message: `Missing column(s): ${missing.join(', ')}.` }] };
  const problems: { line: number; message: string }[] = [];
  const needs: NeedImport[] = [];
  rows.forEach((row, index) => {
    const line = index + 2;
    const cell = (column: string) => (row[column] ?? '').trim();
    const says: string[] = [];
    const state = cell('state_iso3').toUpperCase();
    if (state === '') says.push('state_iso3 is empty.');
    else if (!context.knownStates.has(state)) says.push(`state_iso3 '${state}' is not a known State.`);
    const cycleText = cell('cycle');
    const cycle = /^\d+$/.test(cycleText) ? Number(cycleText) : NaN;
    const cycleArticles = context.cycles.get(cycle);
    if (!cycleArticles) says.push(cycleText === '' ? 'cycle is empty.' : `cycle '${cycleText}' is not a cycle of the Mechanism.`);
    const articleText = cell('article');
    const article = /^\d+$/.test(articleText) ? Number(articleText) : NaN;
    if (!context.knownArticles.has(article)) says.push(articleText === '' ? 'article is empty.' : `article '${articleText}' is not an article of the Convention.`);
    else if (cycleArticles && !cycleArticles.has(article)) says.push(`article ${article} is not reviewed in cycle ${cycle}.`);
    const { types, unknown } = parseNeedTypes(cell('type') || cell('types'));
    if (unknown.length > 0) says.push(`type '${unknown.join("', '")}' is not a type of assistance; use one of: ${NEED_TYPES.join(', ')} (several separated by ';'), or leave it empty for the classifier.`);
    const description = cell('description');
    if (description === '') says.push('description is empty.');
    else if (description.length > MAX_NEED_LENGTH) says.push(`description is longer than ${MAX_NEED_LENGTH} characters.`);
    if (says.length > 0) problems.push(...says.map((message) => ({ line, message })));
    else needs.push({ line, state, cycle, article, types: types.length > 0 ? types : null, description });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, needs };
}
