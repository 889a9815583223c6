/**
 * @module session
 * Sessions of the governing bodies (the Implementation Review Group, the Conference and its
 * working groups): number, resumed parts, joint meetings of several bodies, dates, format,
 * status, and the agenda with its items and sub-items. Pure rules; no I/O, no clock.
 */
import { isCalendarDate } from '../dates.ts';
import { DomainError } from '../errors.ts';

export const SESSION_FORMATS = ['in-person', 'online', 'hybrid'] as const;
export type SessionFormat = (typeof SESSION_FORMATS)[number];
export const SESSION_STATUSES = ['planned', 'registration', 'closed', 'held'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const DISTRIBUTIONS = ['general', 'limited', 'restricted', 'crp'] as const;
export type Distribution = (typeof DISTRIBUTIONS)[number];
export const DOCUMENT_ROLES = ['provisional-agenda', 'annotated-agenda', 'organisation-of-work', 'report', 'background', 'other'] as const;
export type DocumentRole = (typeof DOCUMENT_ROLES)[number];
export const DOCUMENT_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

export interface Body {
  code: string;
  name: string;
  /** The series of its documents, e.g. CAC/COSP/IRG. */
  series: string;
}

/** The bodies a fresh installation knows; the secretariat may add others. */
export const DEFAULT_BODIES: readonly Body[] = [
  { code: 'IRG', name: 'Implementation Review Group', series: 'CAC/COSP/IRG' },
  { code: 'COSP', name: 'Conference of the States Parties to the United Nations Convention against Corruption', series: 'CAC/COSP' },
  { code: 'WG2', name: 'Open-ended Intergovernmental Working Group on Asset Recovery', series: 'CAC/COSP/WG.2' },
  { code: 'WG4', name: 'Open-ended Intergovernmental Working Group on the Prevention of Corruption', series: 'CAC/COSP/WG.4' },
  { code: 'EG1', name: 'Open-ended intergovernmental expert meeting to enhance international cooperation under the United Nations Convention against Corruption', series: 'CAC/COSP/EG.1' },
];

export interface SessionInput {
  bodies: string[];
  number: number;
  /** 0 for the session itself; 1, 2 … for its resumed parts. */
  resumedPart: number;
  startDate: string;
  endDate: string;
  venue: string;
  format: SessionFormat;
}

/** Checks a session's fields; throws a DomainError naming the first problem. */
export function checkSession(input: SessionInput, knownBodies: readonly string[]): void {
  if (input.bodies.length === 0) throw new DomainError('session.invalid', 'A session belongs to at least one body.');
  if (new Set(input.bodies).size !== input.bodies.length) throw new DomainError('session.invalid', 'A body is named twice.');
  const unknown = input.bodies.filter((b) => !knownBodies.includes(b));
  if (unknown.length > 0) throw new DomainError('session.invalid', `Unknown body: ${unknown.join(', ')}.`, { bodies: unknown });
  if (!Number.isInteger(input.number) || input.number < 1) throw new DomainError('session.invalid', 'The session number must be 1 or more.');
  if (!Number.isInteger(input.resumedPart) || input.resumedPart < 0) throw new DomainError('session.invalid', 'The resumed part must be 0 (the session itself) or more.');
  if (!isCalendarDate(input.startDate) || !isCalendarDate(input.endDate)) throw new DomainError('session.invalid', 'Dates must be calendar days (YYYY-MM-DD).');
  if (input.endDate < input.startDate) throw new DomainError('session.invalid', `The session ends (${input.endDate}) before it starts (${input.startDate}).`);
  if (input.venue.trim() === '' && input.format !== 'online') throw new DomainError('session.invalid', 'A session held in person or hybrid needs a venue.');
}

/** Statuses move forward only: planned → registration → closed → held (steps may be skipped). */
export function checkStatusChange(from: SessionStatus, to: SessionStatus): void {
  if (SESSION_STATUSES.indexOf(to) <= SESSION_STATUSES.indexOf(from)) {
    throw new DomainError('session.invalidState', `A session cannot go from "${from}" back to "${to}".`, { from, to });
  }
}

const ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const TENS_ORDINAL = ['', '', 'twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];

/** English ordinal words as UN reports write session numbers: 1 → first, 21 → twenty-first. */
export function ordinalWord(n: number): string {
  if (n >= 1 && n <= 20) return ORDINALS[n]!;
  if (n > 20 && n < 100) {
    const unit = n % 10;
    const ten = Math.floor(n / 10);
    return unit === 0 ? TENS_ORDINAL[ten]! : `${TENS[ten]}-${ORDINALS[unit]}`;
  }
  return `${n}th`;
}

/**
 * The English name of a session part as the reports write it.
 * `partsOfNumber` is how many resumed parts that session number has: with one only, it is
 * "the resumed eleventh session"; with several, "the second resumed eleventh session".
 * @example sessionName(11, 2, 2) // 'second resumed eleventh session'
 */
export function sessionName(number: number, resumedPart: number, partsOfNumber: number): string {
  const base = `${ordinalWord(number)} session`;
  if (resumedPart === 0) return base;
  if (partsOfNumber <= 1) return `resumed ${base}`;
  return `${ordinalWord(resumedPart)} resumed ${base}`;
}

export interface AgendaItemInput {
  title: string;
  /** Document symbols considered under the item. */
  documents: string[];
  items?: AgendaItemInput[];
}

export interface NumberedItem {
  /** "1", "4", or "1 (a)" for a sub-item. */
  label: string;
  number: number;
  letter: string | null;
  title: string;
  documents: string[];
  depth: 0 | 1;
}

/** Items numbered 1, 2, …; sub-items lettered (a), (b), … Two levels; titles required. */
export function numberAgenda(items: AgendaItemInput[]): NumberedItem[] {
  const out: NumberedItem[] = [];
  if (items.length > 60) throw new DomainError('session.invalid', 'An agenda has at most 60 items.');
  items.forEach((item, i) => {
    const number = i + 1;
    if (item.title.trim() === '') throw new DomainError('session.invalid', `Agenda item ${number} has no title.`);
    out.push({ label: String(number), number, letter: null, title: item.title.trim(), documents: item.documents, depth: 0 });
    const subs = item.items ?? [];
    if (subs.length > 26) throw new DomainError('session.invalid', `Agenda item ${number} has more than 26 sub-items.`);
    subs.forEach((sub, j) => {
      const letter = String.fromCharCode(97 + j);
      if (sub.title.trim() === '') throw new DomainError('session.invalid', `Agenda item ${number} (${letter}) has no title.`);
      if ((sub.items ?? []).length > 0) throw new DomainError('session.invalid', `Agenda item ${number} (${letter}): sub-items cannot have sub-items.`);
      out.push({ label: `${number} (${letter})`, number, letter, title: sub.title.trim(), documents: sub.documents, depth: 1 });
    });
  });
  return out;
}

/**
 * The provisional agenda of the next session, carried from this one: the same items and
 * sub-items without documents, the "provisional agenda for the Nth session" and "adoption
 * of the report … on its Nth session" items renumbered for the next session.
 */
export function carryAgenda(items: AgendaItemInput[], nextNumber: number): AgendaItemInput[] {
  const next = ordinalWord(nextNumber);
  const after = ordinalWord(nextNumber + 1);
  const retitle = (title: string) =>
    title
      .replace(/(provisional agenda for the )([a-z-]+)( session)/i, (_m, a: string, _o: string, c: string) => `${a}${after}${c}`)
      .replace(/(on its )([a-z-]+)( session)/i, (_m, a: string, _o: string, c: string) => `${a}${next}${c}`);
  return items.map((item) => ({ title: retitle(item.title), documents: [], items: (item.items ?? []).map((s) => ({ title: retitle(s.title), documents: [] })) }));
}
