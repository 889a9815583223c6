/**
 * @module cycles use cases
 */
import { calendarYearOf, validateCohort } from '../../domain/cycles/cycle.ts';
import { DomainError } from '../../domain/errors.ts';
import { authorize } from '../../policies/policy.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { findCycle, listCohorts, listCycles, replaceCohortMembers } from '../../db/repositories/cycles.ts';
import { listAccessions, listPartyRows } from '../../db/repositories/parties.ts';
import type { UseCaseContext } from './context.ts';

export async function listCyclesWithCohorts(ctx: UseCaseContext) {
  authorize(ctx.actor, 'cycles.read');
  const [cycles, cohorts] = await Promise.all([listCycles(ctx.db), listCohorts(ctx.db)]);
  return cycles.map((cycle) => ({
    ...cycle,
    cohorts: cohorts
      .filter((c) => c.cycleNumber === cycle.number)
      .map((c) => ({ year: c.year, calendarYear: calendarYearOf(cycle, c.year), version: c.version, states: c.states })),
  }));
}

export async function updateCohort(ctx: UseCaseContext, input: { cycleNumber: number; year: number; states: string[]; version: number }) {
  authorize(ctx.actor, 'cohorts.update');
  return ctx.db.transaction(async (tx) => {
    const cycle = await findCycle(tx, input.cycleNumber);
    if (!cycle) throw new DomainError('cycle.unknown', `There is no cycle ${input.cycleNumber}.`);
    const cohorts = await listCohorts(tx, cycle.number);
    const accessions = await listAccessions(tx);
    const partyRows = await listPartyRows(tx);
    const states = validateCohort({
      cycle,
      year: input.year,
      states: input.states,
      otherCohorts: cohorts,
      accessions,
      knownStates: new Set(partyRows.map((p) => p.iso3)),
    });
    const before = cohorts.find((c) => c.year === input.year);
    const version = await replaceCohortMembers(tx, { cycleNumber: cycle.number, year: input.year, states, expectedVersion: input.version });
    if (version === undefined) {
      throw new DomainError('record.versionConflict', 'Someone else changed this cohort since you loaded it. Reload and try again.', {
        currentVersion: before?.version ?? 0,
      });
    }
    await appendAudit(tx, {
      actor: ctx.actor,
      action: 'cohorts.update',
      resourceType: 'cohort',
      resourceId: `${cycle.number}/${input.year}`,
      details: { before: before?.states ?? [], after: states },
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
    return { year: input.year, calendarYear: calendarYearOf(cycle, input.year), version, states };
  });
}
