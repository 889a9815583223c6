/**
 * @module describe
 * Words for messages: group names, lists of States, the cap in force. Kept apart so every
 * message about the drawing of lots reads the same way.
 */
import { REGIONAL_GROUP_NAMES, type RegionalGroup } from '../parties/regional-groups.ts';
import type { LotsRules } from './types.ts';

export function groupName(group: string | null): string {
  if (group === null) return 'no regional group';
  return `${(REGIONAL_GROUP_NAMES as Record<string, string>)[group as RegionalGroup] ?? group} group`;
}

/** "AAA", "AAA and BBB", "AAA, BBB and CCC". */
export function listStates(codes: readonly string[]): string {
  if (codes.length <= 1) return codes.join('');
  return `${codes.slice(0, -1).join(', ')} and ${codes[codes.length - 1]}`;
}

export function capText(rules: LotsRules): string | null {
  const parts: string[] = [];
  if (rules.maxReviewsPerCycle !== null) parts.push(`${plural(rules.maxReviewsPerCycle, 'review', 'reviews')} per cycle`);
  if (rules.maxReviewsPerYear !== null) parts.push(`${plural(rules.maxReviewsPerYear, 'review', 'reviews')} per year`);
  return parts.length === 0 ? null : `the cap of ${parts.join(' and ')}`;
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
