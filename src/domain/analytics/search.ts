/**
 * @module search
 * The recommendation search (issue 6; docs/ANALYTICS.md): what a query may say, read from the
 * query string into checked filters; how a highlighted text comes back (plain segments, never
 * markup, so a text can never inject HTML into a page); the rows of an export. Pure.
 */
import { DomainError } from '../errors.ts';
import { UN_LANGUAGES, type UnLanguage } from '../parties/party.ts';
import { REGIONAL_GROUPS, type RegionalGroup } from '../parties/regional-groups.ts';
import { ASSISTANCE_TYPES, type AssistanceType } from '../reviews/checklist.ts';

export const SEARCH_KINDS = ['recommendation', 'good-practice', 'need'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const FACETS = ['cycle', 'chapter', 'article', 'group', 'state', 'kind', 'needType'] as const;
export type Facet = (typeof FACETS)[number];

export const MAX_QUERY_LENGTH = 200;
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** An export holds at most this many rows: more is a sign the query should be narrower. */
export const MAX_EXPORT_ROWS = 10_000;
/** Values of one facet a query may select at once. */
const MAX_VALUES = 50;

/**
 * The text search configuration of each language. Report items are written in the report's
 * original language (English), so the index and the query use `english`; the others are
 * ready for texts in other languages (Chinese has no stemmer in PostgreSQL: `simple`).
 */
export const TEXT_SEARCH_CONFIG: Record<UnLanguage, string> = {
  en: 'english',
  fr: 'french',
  es: 'spanish',
  ru: 'russian',
  ar: 'arabic',
  zh: 'simple',
};
export const ITEM_LANGUAGE: UnLanguage = 'en';

export interface SearchFilters {
  q: string;
  cycles: number[];
  chapters: string[];
  articles: number[];
  groups: RegionalGroup[];
  states: string[];
  kinds: SearchKind[];
  needTypes: AssistanceType[];
}

export interface SearchRequest extends SearchFilters {
  page: number;
  pageSize: number;
}

/** The raw query string: each facet a comma-separated list (or the parameter repeated). */
export type RawSearchQuery = Partial<Record<'q' | 'cycle' | 'chapter' | 'article' | 'group' | 'state' | 'kind' | 'needType' | 'page' | 'pageSize', string | string[]>>;

function invalid(message: string): never {
  throw new DomainError('request.invalid', message);
}

function listOf(raw: string | string[] | undefined, name: string): string[] {
  const parts = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  const unique = [...new Set(parts)];
  if (unique.length > MAX_VALUES) invalid(`Select at most ${MAX_VALUES} values of ${name}.`);
  return unique;
}

function integers(raw: string | string[] | undefined, name: string, min: number, max: number): number[] {
  return listOf(raw, name).map((v) => {
    if (!/^\d{1,4}$/.test(v) || Number(v) < min || Number(v) > max) invalid(`"${v}" is not a ${name} number (${min}–${max}).`);
    return Number(v);
  });
}

function oneOf<T extends string>(raw: string | string[] | undefined, name: string, allowed: readonly T[]): T[] {
  return listOf(raw, name).map((v) => {
    if (!(allowed as readonly string[]).includes(v)) invalid(`"${v}" is not a ${name}; use one of: ${allowed.join(', ')}.`);
    return v as T;
  });
}

function single(raw: string | string[] | undefined): string | undefined {
  return Array.isArray(raw) ? raw.at(-1) : raw;
}

/**
 * Reads and checks a search query. Shape errors are refused here; whether an article or a
 * chapter exists in the Convention is checked against the database by the use case.
 */
export function parseSearchQuery(raw: RawSearchQuery): SearchRequest {
  const q = (single(raw.q) ?? '').trim().replace(/\s+/g, ' ');
  if (q.length > MAX_QUERY_LENGTH) invalid(`A search may hold at most ${MAX_QUERY_LENGTH} characters.`);
  const states = listOf(raw.state, 'State').map((v) => {
    const iso3 = v.toUpperCase();
    if (!/^[A-Z]{3}$/.test(iso3)) invalid(`"${v}" is not a State code (three letters, ISO 3166 alpha-3).`);
    return iso3;
  });
  const chapters = listOf(raw.chapter, 'chapter').map((v) => {
    const roman = v.toUpperCase();
    if (!/^[IVXL]{1,6}$/.test(roman)) invalid(`"${v}" is not a chapter of the Convention (a Roman numeral, such as II).`);
    return roman;
  });
  const page = integers(single(raw.page), 'page', 1, 1000)[0] ?? 1;
  const pageSize = integers(single(raw.pageSize), 'page size', 1, MAX_PAGE_SIZE)[0] ?? DEFAULT_PAGE_SIZE;
  return {
    q,
    cycles: integers(raw.cycle, 'cycle', 1, 99),
    chapters,
    articles: integers(raw.article, 'article', 1, 999),
    groups: oneOf(raw.group, 'regional group', REGIONAL_GROUPS),
    states,
    kinds: oneOf(raw.kind, 'kind', SEARCH_KINDS),
    needTypes: oneOf(raw.needType, 'type of assistance need', ASSISTANCE_TYPES),
    page,
    pageSize,
  };
}

export function hasAnyFilter(f: SearchFilters): boolean {
  return f.q !== '' || f.cycles.length + f.chapters.length + f.articles.length + f.groups.length + f.states.length + f.kinds.length + f.needTypes.length > 0;
}

/** The language the interface asked for, if it is one of the six; for messages and names. */
export function isUnLanguage(value: string | undefined): value is UnLanguage {
  return value !== undefined && (UN_LANGUAGES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------
// Highlight

/**
 * The database marks hits with two private-use characters that a report item cannot hold
 * (they are removed from the text before highlighting), so the marks cannot be forged.
 */
export const HIT_START = '\uE000';
export const HIT_STOP = '\uE001';

export interface Segment {
  text: string;
  hit: boolean;
}

/** Splits a marked text into plain segments; unbalanced marks are read as plain text. */
export function segmentsOf(marked: string): Segment[] {
  const out: Segment[] = [];
  let hit = false;
  let buffer = '';
  const flush = () => {
    if (buffer === '') return;
    const last = out.at(-1);
    if (last && last.hit === hit) last.text += buffer;
    else out.push({ text: buffer, hit });
    buffer = '';
  };
  for (const ch of marked) {
    if (ch === HIT_START || ch === HIT_STOP) {
      flush();
      hit = ch === HIT_START;
      continue;
    }
    buffer += ch;
  }
  flush();
  return out;
}

/** The same text without marks: what the export writes. */
export function plainOf(segments: readonly Segment[]): string {
  return segments.map((s) => s.text).join('');
}

// ---------------------------------------------------------------------------------------
// Export

export interface SearchHit {
  kind: SearchKind;
  needType: AssistanceType | null;
  reference: string;
  cycle: number;
  stateIso3: string;
  stateName: string;
  group: RegionalGroup | null;
  chapter: string;
  article: number;
  text: Segment[];
}

export const EXPORT_COLUMNS = ['reference', 'kind', 'need_type', 'cycle', 'state_iso3', 'state', 'regional_group', 'chapter', 'article', 'text'] as const;

export function exportRow(hit: SearchHit): Record<(typeof EXPORT_COLUMNS)[number], string | number> {
  return {
    reference: hit.reference,
    kind: hit.kind,
    need_type: hit.needType ?? '',
    cycle: hit.cycle,
    state_iso3: hit.stateIso3,
    state: hit.stateName,
    regional_group: hit.group ?? '',
    chapter: hit.chapter,
    article: hit.article,
    text: plainOf(hit.text),
  };
}

/**
 * One CSV cell: quoted when needed, and a leading =, +, - or @ defused with an apostrophe so
 * that a spreadsheet never runs a text from a report as a formula.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function searchCsv(hits: readonly SearchHit[]): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const hit of hits) {
    const row = exportRow(hit);
    lines.push(EXPORT_COLUMNS.map((c) => csvCell(row[c])).join(','));
  }
  // A byte-order mark so that spreadsheet programs read the file as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
