/**
 * @module lots-pool
 * What the secretariat sees before a draw: the cohort, the pool of each regional group,
 * the exclusions with their reasons, and each State's reviews so far in the cycle.
 */
import { DomainError } from '../../domain/errors.ts';
import { REGIONAL_GROUPS } from '../../domain/parties/regional-groups.ts';
import { authorize } from '../../policies/policy.ts';
import { appendAudit, actorLabel } from '../../db/repositories/audit.ts';
import { deleteExclusion, listExclusions, upsertExclusion } from '../../db/repositories/lots.ts';
import { findPartyRow } from '../../db/repositories/parties.ts';
import { isoDay, type UseCaseContext } from './context.ts';
import { buildReviewerDrawInput, requireCycle } from './lots-inputs.ts';

export async function describeDrawPool(ctx: UseCaseContext, cycleNumber: number, year: number) {
  authorize(ctx.actor, 'lots.manage');
  const { input, current, settings } = await buildReviewerDrawInput(ctx.db, cycleNumber, year, isoDay(ctx.now));
  const excluded = new Map(input.excluded.map((e) => [e.iso3, e.reason]));
  const reviewsSoFar = new Map<string, number>();
  for (const p of input.prior) for (const r of p.reviewers) reviewsSoFar.set(r, (reviewsSoFar.get(r) ?? 0) + 1);
  const groups = [...REGIONAL_GROUPS, null].map((group) => {
    const members = input.parties.filter((p) => p.regionalGroup === group);
    return {
      regionalGroup: group,
      underReview: input.underReview.filter((iso3) => members.some((m) => m.iso3 === iso3)),
      pool: members.filter((m) => !excluded.has(m.iso3)).map((m) => ({ iso3: m.iso3, reviewsSoFar: reviewsSoFar.get(m.iso3) ?? 0 })),
      excluded: members.filter((m) => excluded.has(m.iso3)).map((m) => ({ iso3: m.iso3, reason: excluded.get(m.iso3)! })),
    };
  });
  return { cycle: cycleNumber, year, calendarYear: input.year, rules: settings.rules, redrawLimit: settings.redrawLimit, isDrawn: current.length > 0, groups };
}

export async function setExclusion(ctx: UseCaseContext, args: { cycleNumber: number; year: number; iso3: string; reason: string }) {
  authorize(ctx.actor, 'lots.manage');
  const iso3 = args.iso3.toUpperCase();
  await ctx.db.transaction(async (tx) => {
    const cycle = await requireCycle(tx, args.cycleNumber);
    if (args.year < 1 || args.year > cycle.years) throw new DomainError('cohort.invalid', `Cycle ${cycle.number} has years 1 to ${cycle.years}.`);
    if (!(await findPartyRow(tx, iso3))) throw new DomainError('party.unknown', `No State with the code ${iso3}.`);
    await upsertExclusion(tx, { cycleNumber: cycle.number, year: args.year, partyIso3: iso3, reason: args.reason, recordedBy: actorLabel(ctx.actor) });
    await appendAudit(tx, { actor: ctx.actor, action: 'lots.exclude', resourceType: 'cohort', resourceId: `${cycle.number}/${args.year}`, details: { iso3, reason: args.reason }, ip: ctx.ip, requestId: ctx.requestId });
  });
  return listExclusions(ctx.db, args.cycleNumber, args.year);
}

export async function removeExclusion(ctx: UseCaseContext, args: { cycleNumber: number; year: number; iso3: string }) {
  authorize(ctx.actor, 'lots.manage');
  const iso3 = args.iso3.toUpperCase();
  await ctx.db.transaction(async (tx) => {
    if ((await deleteExclusion(tx, args.cycleNumber, args.year, iso3)) === 0) {
      throw new DomainError('resource.notFound', `${iso3} is not excluded from year ${args.year} of cycle ${args.cycleNumber}.`);
    }
    await appendAudit(tx, { actor: ctx.actor, action: 'lots.include', resourceType: 'cohort', resourceId: `${args.cycleNumber}/${args.year}`, details: { iso3 }, ip: ctx.ip, requestId: ctx.requestId });
  });
  return listExclusions(ctx.db, args.cycleNumber, args.year);
}
