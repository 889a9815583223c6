/**
 * @module redraw-limit
 * How often a State under review may have its reviewers redrawn. The reference (IRG
 * practice, terms of reference para. 18 as believed) allows the draw to be repeated at most
 * twice at the State's request, and more often only in exceptional circumstances; here an
 * exceptional redraw needs a recorded decision, so the audit trail says who allowed it.
 */
import { LotsError, invalidInput } from './errors.ts';

/** At most two redraws per State under review (reference §3). */
export const DEFAULT_REDRAW_LIMIT = 2;

/**
 * Throws `lots.redrawLimit` when the State has used up its redraws and no exceptional
 * decision is recorded. Returns whether this redraw rests on the exceptional decision.
 * @example checkRedrawAllowed(2, 2, 'IRG decision of 3 June 2026') // { isExceptional: true }
 */
export function checkRedrawAllowed(previousRedrawsForThisState: number, limit: number = DEFAULT_REDRAW_LIMIT, exceptionalDecision?: string): { isExceptional: boolean } {
  if (!Number.isInteger(previousRedrawsForThisState) || previousRedrawsForThisState < 0) {
    throw invalidInput('The number of earlier redraws must be a non-negative integer.');
  }
  if (!Number.isInteger(limit) || limit < 0) throw invalidInput('The redraw limit must be a non-negative integer.');
  if (previousRedrawsForThisState < limit) return { isExceptional: false };
  const decision = exceptionalDecision?.trim() ?? '';
  if (decision !== '') return { isExceptional: true };
  throw new LotsError(
    'lots.redrawLimit',
    `This State under review has already had ${previousRedrawsForThisState} redraw${previousRedrawsForThisState === 1 ? '' : 's'}; the limit is ${limit}. A further redraw needs a recorded exceptional decision.`,
    { previousRedraws: previousRedrawsForThisState, limit },
  );
}
