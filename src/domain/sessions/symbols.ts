/**
 * @module symbols
 * United Nations document symbols, as the Conference and its subsidiary bodies issue them:
 *
 *   CAC/COSP/IRG/2020/1/Add.2     series CAC/COSP/IRG, year 2020, document 1, addendum 2
 *   CAC/COSP/IRG/2020/CRP.3       a conference room paper
 *   CAC/COSP/2019/L.5/Rev.1       a limited (draft) document, first revision
 *   CAC/COSP/WG.2/2020/5          a working group's series (WG.2, EG.1 carry a number)
 *   CAC/COSP/2019/INF/1           an information document (INF/1; INF.1 is read too)
 *   CAC/COSP/IRG/II/1/1/Add.4     an executive summary: cycle II, year 1 of the cycle
 *   A/HRC/45/1                    a series numbered by session instead of year
 *
 * The parser validates and splits the parts, writes the canonical form (Add., Corr., Rev.,
 * Amend. capitalised as the UN writes them) and throws a DomainError that says which part is
 * wrong. Pure: no I/O.
 */
import { DomainError } from '../errors.ts';

export const SYMBOL_PREFIXES = ['CRP', 'L', 'INF', 'WP'] as const;
export type SymbolPrefix = (typeof SYMBOL_PREFIXES)[number];
export const SYMBOL_SUFFIXES = ['Add', 'Corr', 'Rev', 'Amend'] as const;
export type SymbolSuffix = (typeof SYMBOL_SUFFIXES)[number];

export interface ParsedSymbol {
  /** The canonical symbol. */
  symbol: string;
  /** The issuing series, e.g. CAC/COSP/IRG or CAC/COSP/WG.2. */
  series: string;
  /** The year of issue, when the series is numbered by year. */
  year: number | null;
  /** The session number, when the series is numbered by session. */
  session: number | null;
  /** Review cycle (roman numeral) and year of the cycle, for executive summaries. */
  cycle: { cycle: string; year: number } | null;
  /** CRP, L, INF or WP; null for a document of the main series. */
  prefix: SymbolPrefix | null;
  number: number;
  /** Addenda, corrigenda, revisions and amendments, in the order written. */
  suffixes: { kind: SymbolSuffix; number: number }[];
}

const MAX_LENGTH = 80;

function invalid(symbol: string, reason: string): DomainError {
  return new DomainError('session.invalid', `"${symbol}" is not a valid document symbol: ${reason}.`, { symbol, reason });
}

function positive(text: string, symbol: string, what: string): number {
  if (!/^\d{1,4}$/.test(text)) throw invalid(symbol, `${what} must be a number, not "${text}"`);
  const n = Number(text);
  if (n < 1) throw invalid(symbol, `${what} must be 1 or more`);
  return n;
}

const SERIES_PART = /^[A-Z]{1,12}(\.\d{1,3})?$/;
const ROMAN = /^(I|II|III|IV|V|VI|VII|VIII|IX|X)$/;

/**
 * Parses a UN document symbol.
 * @example parseSymbol('CAC/COSP/IRG/2020/1/Add.2').suffixes // [{ kind: 'Add', number: 2 }]
 */
export function parseSymbol(input: string): ParsedSymbol {
  const raw = input.trim();
  if (raw === '') throw invalid(input, 'it is empty');
  if (raw.length > MAX_LENGTH) throw invalid(raw, `it is longer than ${MAX_LENGTH} characters`);
  if (/\s/.test(raw)) throw invalid(raw, 'it contains spaces');
  if (!/^[A-Za-z0-9./-]+$/.test(raw)) throw invalid(raw, 'only letters, digits, "/", "." and "-" may appear');
  const parts = raw.split('/');
  if (parts.some((p) => p === '')) throw invalid(raw, 'it has an empty part (two slashes in a row, or a slash at the start or end)');

  // Suffixes are read from the end: …/Add.2, …/Add.1/Corr.1, …/Rev.1.
  const suffixes: ParsedSymbol['suffixes'] = [];
  while (parts.length > 0) {
    const last = parts[parts.length - 1]!;
    const match = /^(add|corr|rev|amend)(?:\.(.*))?$/i.exec(last);
    if (!match) break;
    const kind = SYMBOL_SUFFIXES.find((s) => s.toLowerCase() === match[1]!.toLowerCase())!;
    if (match[2] === undefined || match[2] === '') throw invalid(raw, `"${last}" needs a number, as in ${kind}.1`);
    suffixes.unshift({ kind, number: positive(match[2], raw, `the ${kind}. number`) });
    parts.pop();
  }
  const unknownSuffix = parts.length > 0 ? /^([A-Za-z]+)\.\d+$/.exec(parts[parts.length - 1]!) : null;
  if (unknownSuffix && !SYMBOL_PREFIXES.some((p) => p === unknownSuffix[1]!.toUpperCase()) && parts.length > 1 && /^\d+$/.test(parts[parts.length - 2]!)) {
    throw invalid(raw, `"${parts[parts.length - 1]}" is not an addendum (Add.), corrigendum (Corr.), revision (Rev.) or amendment (Amend.)`);
  }

  // The document part: 7, CRP.3, L.5, WP.1, INF.1 or INF/1.
  let prefix: SymbolPrefix | null = null;
  let numberText: string | undefined;
  const last = parts.pop();
  if (last === undefined) throw invalid(raw, 'it has no series and no document number');
  const prefixed = /^(CRP|L|INF|WP)\.(.*)$/i.exec(last);
  if (prefixed) {
    prefix = prefixed[1]!.toUpperCase() as SymbolPrefix;
    numberText = prefixed[2]!;
  } else if (/^\d+$/.test(last) && parts.length > 0 && /^INF$/i.test(parts[parts.length - 1]!)) {
    parts.pop();
    prefix = 'INF';
    numberText = last;
  } else if (/^(CRP|L|INF|WP)$/i.test(last)) {
    throw invalid(raw, `"${last}" needs a number, as in ${last.toUpperCase()}.1`);
  } else if (/^\d+$/.test(last)) {
    if (/^(19[4-9]\d|20\d\d)$/.test(last) && suffixes.length === 0 && parts.length > 0 && !/^\d+$/.test(parts[parts.length - 1]!)) {
      throw invalid(raw, `the document number is missing after the year ${last} (as in ${[...parts, last].join('/')}/1)`);
    }
    numberText = last;
  } else {
    throw invalid(raw, `the document number is missing (after "${[...parts, last].join('/')}" a number such as /1 was expected)`);
  }
  if (numberText === '') throw invalid(raw, `${prefix}. needs a number`);
  const number = positive(numberText, raw, 'the document number');

  // Year (4 digits), session (1–3 digits) or cycle/year-of-cycle (roman numeral then a digit).
  let year: number | null = null;
  let session: number | null = null;
  let cycle: ParsedSymbol['cycle'] = null;
  const before = parts[parts.length - 1];
  if (before !== undefined && /^\d{4}$/.test(before)) {
    year = Number(before);
    if (year < 1946 || year > 2100) throw invalid(raw, `the year ${before} is out of range`);
    parts.pop();
  } else if (before !== undefined && /^\d{1,3}$/.test(before) && parts.length >= 2 && ROMAN.test(parts[parts.length - 2]!)) {
    cycle = { cycle: parts[parts.length - 2]!, year: positive(before, raw, 'the year of the cycle') };
    parts.splice(parts.length - 2, 2);
  } else if (before !== undefined && /^\d{1,3}$/.test(before)) {
    session = positive(before, raw, 'the session number');
    parts.pop();
  } else if (before !== undefined && /^\d+$/.test(before)) {
    throw invalid(raw, `"${before}" is neither a year (four digits) nor a session number`);
  }
  if (parts.length === 0) throw invalid(raw, 'the issuing series (such as CAC/COSP/IRG) is missing');
  for (const part of parts) {
    if (!SERIES_PART.test(part.toUpperCase()) || part !== part.toUpperCase()) {
      throw invalid(raw, `"${part}" is not a part of a series (capital letters, optionally a number as in WG.2)`);
    }
  }
  const series = parts.join('/');
  const body = [series, year ?? session ?? (cycle ? `${cycle.cycle}/${cycle.year}` : null)].filter((p) => p !== null).join('/');
  const documentPart = prefix === 'INF' ? `INF/${number}` : prefix ? `${prefix}.${number}` : String(number);
  const symbol = [body, documentPart, ...suffixes.map((s) => `${s.kind}.${s.number}`)].join('/');
  return { symbol, series, year, session, cycle, prefix, number, suffixes };
}

/** The canonical form of a symbol, or a DomainError. */
export function canonicalSymbol(input: string): string {
  return parseSymbol(input).symbol;
}

/** Whether the symbol is a conference room paper (CRP). */
export function isConferenceRoomPaper(parsed: ParsedSymbol): boolean {
  return parsed.prefix === 'CRP';
}
