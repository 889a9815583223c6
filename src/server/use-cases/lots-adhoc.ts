/**
 * @module lots-adhoc
 * Draws that are not stored: every State party under review at once (for testing and
 * demonstrations) and the fairness audit. Read-only on the database.
 */
import { randomBytes } from 'node:crypto';
import { auditFairness, type FairnessReport } from '../../domain/lots/fairness.ts';
import { createRecord, type DrawRecord } from '../../domain/lots/record.ts';
import { commitmentOf } from '../../domain/lots/seed.ts';
import { LOTS_ALGORITHM, type ReviewerDrawInput } from '../../domain/lots/types.ts';
import { isPartyOn } from '../../domain/parties/party.ts';
import { authorize } from '../../policies/policy.ts';
import { listAccessions, listPartyRows } from '../../db/repositories/parties.ts';
import { isoDay, type UseCaseContext } from './context.ts';
import { buildReviewerDrawInput, lotsSettings, requireCycle } from './lots-inputs.ts';

/** Every party today under review at once, in the cycle's rules, with no earlier draws. */
export async function allPartiesInput(ctx: UseCaseContext, cycleNumber: number): Promise<ReviewerDrawInput> {
  const cycle = await requireCycle(ctx.db, cycleNumber);
  const { rules } = await lotsSettings(ctx.db, cycle);
  const accessions = new Map((await listAccessions(ctx.db)).map((a) => [a.partyIso3, a]));
  const today = isoDay(ctx.now);
  const parties = (await listPartyRows(ctx.db))
    .filter((p) => isPartyOn(accessions.get(p.iso3), today))
    .map((p) => ({ iso3: p.iso3, regionalGroup: p.regionalGroup }));
  return {
    algorithm: LOTS_ALGORITHM,
    mechanism: cycle.mechanismId,
    cycle: cycle.number,
    year: Number(today.slice(0, 4)),
    rules,
    parties,
    // The European Union has no regional group, so it cannot get a same-group reviewer.
    underReview: parties.filter((p) => p.regionalGroup !== null).map((p) => p.iso3),
    excluded: [],
    prior: [],
  };
}

export async function cohortInput(ctx: UseCaseContext, cycleNumber: number, year: number): Promise<ReviewerDrawInput> {
  return (await buildReviewerDrawInput(ctx.db, cycleNumber, year, isoDay(ctx.now))).input;
}

/** Draws once with a fresh secret and the given public entropy; nothing is stored. */
export function drawUnstored(input: ReviewerDrawInput, publicEntropy: string, now: Date): DrawRecord {
  const secret = randomBytes(32).toString('hex');
  return createRecord({ kind: 'reviewers', input, commitment: commitmentOf(secret), secret, publicEntropy, createdAt: now.toISOString() });
}

export function runFairnessAudit(ctx: UseCaseContext, input: ReviewerDrawInput, runs: number, baseSeed: Uint8Array): FairnessReport {
  authorize(ctx.actor, 'lots.manage');
  return auditFairness(input, runs, baseSeed);
}
