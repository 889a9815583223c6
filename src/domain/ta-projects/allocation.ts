/**
 * @module ta-projects/allocation
 * Funding behind a project: allocations of contributions recorded in the finance area, and
 * expenditures attributed to it. A contribution is never allocated beyond its amount, counted
 * to the minor unit in its own currency (bigint, never floating point), so the check needs no
 * exchange rate and cannot drift by rounding.
 */
import { DomainError } from '../errors.ts';
import { formatMinor } from '../finance/money.ts';

export interface ContributionForAllocation {
  id: string;
  currency: string;
  amountMinor: bigint;
  withdrawn: boolean;
  /** Sum of the allocations already made from it, in its currency. */
  allocatedMinor: bigint;
}

/** Refuses an allocation the contribution cannot carry; returns what is left after it. */
export function checkAllocation(contribution: ContributionForAllocation, amountMinor: bigint): bigint {
  const { currency } = contribution;
  if (contribution.withdrawn) throw new DomainError('ta.invalid', 'The contribution was withdrawn (entered in error): nothing can be allocated from it.', { contribution: contribution.id });
  if (amountMinor <= 0n) throw new DomainError('ta.invalid', 'The amount allocated must be more than zero.');
  const left = contribution.amountMinor - contribution.allocatedMinor;
  if (left <= 0n) {
    throw new DomainError('ta.invalid', `The contribution is already fully allocated (${formatMinor(contribution.amountMinor, currency)} ${currency}).`, { contribution: contribution.id, available: formatMinor(0n, currency), currency });
  }
  if (amountMinor > left) {
    throw new DomainError('ta.invalid', `Only ${formatMinor(left, currency)} ${currency} of the contribution is left to allocate; ${formatMinor(amountMinor, currency)} ${currency} was asked.`, {
      contribution: contribution.id,
      available: formatMinor(left, currency),
      currency,
    });
  }
  return left - amountMinor;
}

/** An expenditure is attributed to at most one project, and a withdrawn one to none. */
export function checkAttribution(expenditure: { id: string; withdrawn: boolean; attributedTo: string | null }, projectId: string): void {
  if (expenditure.withdrawn) throw new DomainError('ta.invalid', 'The expenditure was withdrawn (entered in error) and cannot be attributed.', { expenditure: expenditure.id });
  if (expenditure.attributedTo !== null) {
    const same = expenditure.attributedTo === projectId;
    throw new DomainError('ta.invalid', same ? 'The expenditure is already attributed to this project.' : 'The expenditure is already attributed to another project: an expenditure counts for one project only.', {
      expenditure: expenditure.id,
      project: expenditure.attributedTo,
    });
  }
}

/** Sums amounts per currency, currencies in alphabetical order. */
export function sumByCurrency(items: readonly { currency: string; amountMinor: bigint }[]): { currency: string; amountMinor: bigint }[] {
  const totals = new Map<string, bigint>();
  for (const item of items) totals.set(item.currency, (totals.get(item.currency) ?? 0n) + item.amountMinor);
  return [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amountMinor]) => ({ currency, amountMinor }));
}
