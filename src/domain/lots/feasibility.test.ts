import { describe, expect, it } from 'vitest';
import { SlotFlow } from './feasibility.ts';

const edges = (...lists: number[][]) => lists.map((l) => Int32Array.from(l));

describe('SlotFlow', () => {
  it('places every slot when a matching exists, moving earlier slots along augmenting paths', () => {
    // Slot 0 grabs bin 0 first; slot 1 can only use bin 0, so slot 0 must move to bin 1.
    const flow = new SlotFlow(edges([0, 1], [0]), Int32Array.from([1, 1]), () => true);
    expect(flow.fillAll()).toEqual([]);
    expect([...flow.at]).toEqual([1, 0]);
  });

  it('reports the Hall violator when it cannot: three slots, two bins of capacity one', () => {
    const flow = new SlotFlow(edges([0, 1], [0, 1], [1], [2]), Int32Array.from([1, 1, 5]), () => true);
    const left = flow.fillAll();
    expect(left).toHaveLength(1);
    expect(flow.hallViolator(left)).toEqual({ slots: [0, 1, 2], bins: [0, 1] });
  });

  it('respects the edge filter', () => {
    const flow = new SlotFlow(edges([0, 1]), Int32Array.from([1, 1]), (_slot, bin) => bin === 1);
    expect(flow.fillAll()).toEqual([]);
    expect(flow.at[0]).toBe(1);
  });

  it('makes room in a full bin without moving fixed slots, and rolls back', () => {
    // Freeing bin 0 needs a chain: slot 0 → bin 1, slot 1 → bin 2 (which has a spare unit).
    const flow = new SlotFlow(edges([0, 1], [0, 1, 2], [2]), Int32Array.from([1, 1, 2]), () => true);
    expect(flow.fillAll()).toEqual([]);
    const before = [...flow.at];
    const full = flow.at[0]!;
    expect(full).toBe(0);
    flow.fixed[0] = 1;
    flow.begin();
    // Only slot 0 is in that bin and it is fixed: no room.
    expect(flow.makeRoom(full)).toBe(false);
    flow.fixed[0] = 0;
    expect(flow.makeRoom(full)).toBe(true);
    expect(flow.load[full]).toBe(0);
    expect([...flow.at]).toEqual([1, 2, 2]);
    flow.rollback();
    expect([...flow.at]).toEqual(before);
  });

  it('shifts a slot straight into a known free bin', () => {
    const flow = new SlotFlow(edges([0, 1], [0, 1]), Int32Array.from([1, 1]), () => true);
    flow.fillAll();
    const bin = flow.at[1]!;
    flow.unassign(1);
    expect(flow.shiftInto(flow.at[0]!, bin)).toBe(true);
    expect(flow.hasEdge(0, 1)).toBe(true);
    expect(flow.hasEdge(0, 2)).toBe(false);
  });
});
