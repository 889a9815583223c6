import { describe, expect, it } from 'vitest';
import { MILESTONE_KINDS, UNCAC_MILESTONES, isApplicable, prerequisiteOrder, type MilestoneTable } from './milestones.ts';

describe('UNCAC milestone table', () => {
  it('has an order in which every prerequisite comes first', () => {
    const order = prerequisiteOrder(UNCAC_MILESTONES);
    expect(order).toHaveLength(MILESTONE_KINDS.length);
    for (const kind of order) {
      for (const before of UNCAC_MILESTONES[kind].requires) expect(order.indexOf(before)).toBeLessThan(order.indexOf(kind));
    }
  });

  it('never plans a step before one of its prerequisites', () => {
    for (const kind of MILESTONE_KINDS) {
      for (const before of UNCAC_MILESTONES[kind].requires) {
        expect(UNCAC_MILESTONES[kind].offsetDays).toBeGreaterThanOrEqual(UNCAC_MILESTONES[before].offsetDays);
      }
    }
  });

  it('uses the offsets of the reference: 3 weeks, 2 months, 5 months, 6 months', () => {
    expect(UNCAC_MILESTONES.focalPointAppointed.offsetDays).toBe(21);
    expect(UNCAC_MILESTONES.checklistSubmitted.offsetDays).toBe(60);
    expect(UNCAC_MILESTONES.dialogueHeld.offsetDays).toBe(150);
    expect(UNCAC_MILESTONES.reportFinalised.offsetDays).toBe(180);
  });

  it('puts both finalisations right after the draft report, so either may come first', () => {
    expect(UNCAC_MILESTONES.executiveSummaryFinalised.requires).toEqual(['draftReportShared']);
    expect(UNCAC_MILESTONES.reportFinalised.requires).toEqual(['draftReportShared']);
  });

  it('makes the full report publication depend on consent', () => {
    expect(isApplicable(UNCAC_MILESTONES, 'reportPublished', false)).toBe(false);
    expect(isApplicable(UNCAC_MILESTONES, 'reportPublished', true)).toBe(true);
    expect(isApplicable(UNCAC_MILESTONES, 'executiveSummaryPublished', false)).toBe(true);
  });

  it('rejects a configured table whose prerequisites loop', () => {
    const looping: MilestoneTable = { ...UNCAC_MILESTONES, started: { ...UNCAC_MILESTONES.started, requires: ['reportPublished'] } };
    expect(() => prerequisiteOrder(looping)).toThrow(/cycle/);
  });
});
