/**
 * @module testing
 * Plain builders for the tests of the drawing of lots (the data-generator pattern): small
 * inputs written in one line, and numbered seeds. Pure; used by *.test.ts only.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { DEFAULT_RULES, LOTS_ALGORITHM, type DrawParty, type LotsRules, type ReviewerDrawInput } from './types.ts';

/** Parties from a compact map: { G1: ['AAA', 'BBB'], G2: [...] }; group 'null' means no group. */
export function partiesOf(groups: Record<string, string[]>): DrawParty[] {
  return Object.entries(groups).flatMap(([group, codes]) => codes.map((iso3) => ({ iso3, regionalGroup: group === 'null' ? null : group })));
}

export function buildInput(overrides: Partial<Omit<ReviewerDrawInput, 'rules'>> & { rules?: Partial<LotsRules> } = {}): ReviewerDrawInput {
  const parties = overrides.parties ?? partiesOf({ G1: ['AAA', 'BBB', 'CCC', 'DDD'], G2: ['EEE', 'FFF', 'GGG', 'HHH'] });
  return {
    algorithm: LOTS_ALGORITHM,
    mechanism: 'uncac',
    cycle: 2,
    year: 2026,
    parties,
    underReview: overrides.underReview ?? parties.filter((p) => p.regionalGroup !== null).map((p) => p.iso3),
    excluded: overrides.excluded ?? [],
    prior: overrides.prior ?? [],
    ...(overrides.mechanism ? { mechanism: overrides.mechanism } : {}),
    ...(overrides.cycle ? { cycle: overrides.cycle } : {}),
    ...(overrides.year ? { year: overrides.year } : {}),
    rules: { ...DEFAULT_RULES, ...overrides.rules },
  };
}

/** A fixed 32-byte seed per label, so tests read `seedOf(3)` instead of hex. */
export function seedOf(label: number | string): Uint8Array {
  return sha256(utf8ToBytes(`openirm test seed ${label}`));
}

/** The shape of data/reference/parties.json that the tests need (the tests import the file). */
export interface ReferenceParty {
  iso3: string;
  regionalGroup: string | null;
  accession: { effectiveOn: string | null } | null;
}

/** The States parties (and the EU) as draw parties, and as an input with every State under review ("--all-parties"). */
export function allPartiesInput(reference: readonly ReferenceParty[], rules: Partial<LotsRules> = {}): ReviewerDrawInput {
  const parties = reference.filter((p) => p.accession !== null).map((p): DrawParty => ({ iso3: p.iso3, regionalGroup: p.regionalGroup }));
  // The EU has no regional group, so it can be reviewer #2 but cannot be under review (ToR para. 19).
  return buildInput({ parties, underReview: parties.filter((p) => p.regionalGroup !== null).map((p) => p.iso3), rules });
}
