/**
 * @module party
 * States and the one regional economic integration organisation, and whether each is a
 * party to the Convention on a given date. Party status is never a stored flag: it is
 * derived from the dated accessions, so every count "as at" a date follows the list.
 */
import type { RegionalGroup } from './regional-groups.ts';
import { DomainError } from '../errors.ts';
import { isCalendarDate } from '../dates.ts';

export const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type UnLanguage = (typeof UN_LANGUAGES)[number];

export type PartyKind = 'state' | 'reio';

/** How precisely the date a State became a party is known. */
export type DatePrecision = 'day' | 'year' | 'unknown';

export interface Party {
  iso3: string;
  /** Official short name (English), as used in UN documents. */
  nameUn: string;
  /** Names in the six UN languages; English is the UN short name. */
  names: Record<UnLanguage, string>;
  regionalGroup: RegionalGroup | null;
  kind: PartyKind;
  isUnMember: boolean;
}

export interface Accession {
  partyIso3: string;
  /**
   * The date from which the State counts as a party. With precision 'year' it is
   * 31 December of that year (a party by the end of the year); with 'unknown' it is null
   * and the State counts as a party on every date (it joined before records began).
   */
  effectiveOn: string | null;
  precision: DatePrecision;
}

/** The Convention was opened for signature on 9 December 2003 (Mérida). */
export const CONVENTION_OPENED_ON = '2003-12-09';

/** ISO date (YYYY-MM-DD) comparison works lexically. */
export function isPartyOn(accession: Accession | undefined, date: string): boolean {
  if (!accession) return false;
  return accession.effectiveOn === null || accession.effectiveOn <= date;
}

/**
 * The parties on a date, in input order.
 * @example partiesOn(parties, accessions, '2016-01-01').length
 */
export function partiesOn<P extends { iso3: string }>(parties: readonly P[], accessions: readonly Accession[], date: string): P[] {
  const byIso = new Map(accessions.map((a) => [a.partyIso3, a]));
  return parties.filter((p) => isPartyOn(byIso.get(p.iso3), date));
}

/** Checks a new accession recorded by the secretariat. `today` is passed in: the domain has no clock. */
export function validateAccession(input: { effectiveOn: string; existing: Accession | undefined; today: string }): void {
  if (!isCalendarDate(input.effectiveOn)) {
    throw new DomainError('party.invalidAccession', 'The date must be a calendar date (YYYY-MM-DD).');
  }
  if (input.effectiveOn < CONVENTION_OPENED_ON) {
    throw new DomainError('party.invalidAccession', `The Convention was opened for signature on ${CONVENTION_OPENED_ON}; the date cannot be earlier.`);
  }
  if (input.effectiveOn > input.today) {
    throw new DomainError('party.invalidAccession', 'An accession cannot be recorded with a date in the future.');
  }
  // A date known to the day is final; a year-only or unknown date may be made precise.
  if (input.existing && input.existing.precision === 'day') {
    throw new DomainError('party.invalidAccession', 'This State is already a party and its date is on record.');
  }
}

/** Sorts by the UN short name in a language, as UN documents list States. */
export function compareByName(language: UnLanguage) {
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  return (a: Party, b: Party) => collator.compare(a.names[language], b.names[language]);
}
