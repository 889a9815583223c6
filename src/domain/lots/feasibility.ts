/**
 * @module feasibility
 * The flow relaxation that keeps the search honest. Slots are matched to "bins" (a bin is a
 * reviewer, or a reviewer's quota for one kind of slot) with a capacity each: a bipartite
 * b-matching, i.e. a maximum flow. If no such matching exists, no assignment exists (the
 * relaxation drops only the pairwise rules: the same State twice for one State under review,
 * and mutual reviews). The solver keeps one feasible matching at all times and repairs it
 * with augmenting paths after each choice instead of recomputing it, which is what makes a
 * full draw take milliseconds (docs/LOTS.md, "Solver").
 */

/** Tells the flow which slot → bin edges the pairwise rules still allow, given the choices so far. */
export type EdgeFilter = (slot: number, bin: number) => boolean;

export class SlotFlow {
  /** Slot → bin it currently uses, −1 if none. */
  readonly at: Int32Array;
  /** Bin → number of slots using it. */
  readonly load: Int32Array;
  /** Slots whose bin the search has fixed; augmenting paths never move them. */
  readonly fixed: Uint8Array;
  private readonly members: number[][];
  private readonly undoLog: number[] = [];
  private logging = false;
  private stamp = 0;
  private readonly binSeen: Int32Array;
  private readonly slotSeen: Int32Array;
  private readonly sourceMark: Int32Array;
  private readonly viaSlot: Int32Array;
  private readonly queue: Int32Array;

  constructor(
    readonly edges: readonly Int32Array[],
    readonly cap: Int32Array,
    private readonly allowed: EdgeFilter,
  ) {
    const slots = edges.length;
    const bins = cap.length;
    this.at = new Int32Array(slots).fill(-1);
    this.load = new Int32Array(bins);
    this.fixed = new Uint8Array(slots);
    this.members = Array.from({ length: bins }, () => []);
    this.binSeen = new Int32Array(bins);
    this.slotSeen = new Int32Array(slots);
    this.sourceMark = new Int32Array(slots);
    this.viaSlot = new Int32Array(bins);
    this.queue = new Int32Array(slots);
  }

  /** Places every slot it can: first the first free allowed bin, then augmenting paths. Returns the slots left over (in slot order). */
  fillAll(): number[] {
    const left: number[] = [];
    for (let s = 0; s < this.edges.length; s++) {
      if (this.at[s] !== -1) continue;
      const list = this.edges[s]!;
      let placed = false;
      for (let i = 0; i < list.length; i++) {
        const b = list[i]!;
        if (this.load[b]! < this.cap[b]! && this.allowed(s, b)) {
          this.move(s, b);
          placed = true;
          break;
        }
      }
      if (!placed) left.push(s);
    }
    return left.filter((s) => !this.augment(s));
  }

  /** Starts recording moves so `rollback` can undo them. */
  begin(): void {
    this.undoLog.length = 0;
    this.logging = true;
  }

  commit(): void {
    this.logging = false;
    this.undoLog.length = 0;
  }

  rollback(): void {
    this.logging = false;
    for (let i = this.undoLog.length - 2; i >= 0; i -= 2) this.move(this.undoLog[i]!, this.undoLog[i + 1]!);
    this.undoLog.length = 0;
  }

  unassign(slot: number): void {
    if (this.at[slot] !== -1) this.move(slot, -1);
  }

  /** Puts a slot on a bin that has room. */
  place(slot: number, bin: number): void {
    this.move(slot, bin);
  }

  /** Finds room for an unplaced slot, moving unfixed slots along a shortest augmenting path. */
  augment(slot: number): boolean {
    return this.search([slot], -1);
  }

  /**
   * The cheap repair tried before a search: move one unfixed slot of a full bin straight to
   * a bin known to have room (typically the bin the chosen slot just left). A swap covers
   * most choices, and costs a binary search instead of a breadth-first search.
   */
  shiftInto(full: number, free: number): boolean {
    if (this.load[free]! >= this.cap[free]!) return false;
    for (const t of this.members[full]!) {
      if (this.fixed[t] === 0 && this.hasEdge(t, free) && this.allowed(t, free)) {
        this.move(t, free);
        return true;
      }
    }
    return false;
  }

  /** Edge lists are ascending, so membership is a binary search. */
  hasEdge(slot: number, bin: number): boolean {
    const list = this.edges[slot]!;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = list[mid]!;
      if (v === bin) return true;
      if (v < bin) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** Frees one unit of a full bin by moving one of its unfixed slots elsewhere (along an augmenting path). */
  makeRoom(bin: number): boolean {
    const sources = this.members[bin]!.filter((s) => this.fixed[s] === 0);
    return sources.length > 0 && this.search(sources, bin);
  }

  /**
   * The Hall violator behind leftover slots: every slot reachable from them by alternating
   * paths, and the bins those slots may use. All those bins are full and the slots can use
   * no other bin, so they need more than the bins can give (König's theorem).
   */
  hallViolator(left: readonly number[]): { slots: number[]; bins: number[] } {
    this.stamp += 1;
    const st = this.stamp;
    const slots: number[] = [];
    const bins: number[] = [];
    let head = 0;
    let tail = 0;
    for (const s of left) {
      this.slotSeen[s] = st;
      this.queue[tail++] = s;
    }
    while (head < tail) {
      const s = this.queue[head++]!;
      slots.push(s);
      for (const b of this.edges[s]!) {
        if (this.binSeen[b] === st || !this.allowed(s, b)) continue;
        this.binSeen[b] = st;
        bins.push(b);
        for (const t of this.members[b]!) {
          if (this.slotSeen[t] === st || this.fixed[t] === 1) continue;
          this.slotSeen[t] = st;
          this.queue[tail++] = t;
        }
      }
    }
    return { slots: slots.sort((a, b) => a - b), bins: bins.sort((a, b) => a - b) };
  }

  /** Moves the slots at a bin or back; `bin` −1 takes the slot off. Logged for rollback. */
  private move(slot: number, bin: number): void {
    const from = this.at[slot]!;
    if (from === bin) return;
    if (this.logging) this.undoLog.push(slot, from);
    if (from !== -1) {
      const list = this.members[from]!;
      const i = list.indexOf(slot);
      list[i] = list[list.length - 1]!;
      list.pop();
      this.load[from]! -= 1;
    }
    if (bin !== -1) {
      this.members[bin]!.push(slot);
      this.load[bin]! += 1;
    }
    this.at[slot] = bin;
  }

  /**
   * Breadth-first search for an augmenting path from any source slot to a bin with room.
   * `blocked` is a bin the path may not enter (the bin being emptied by makeRoom). On success
   * the slots along the path each move one step and the first source leaves its bin.
   */
  private search(sources: readonly number[], blocked: number): boolean {
    this.stamp += 1;
    const st = this.stamp;
    let head = 0;
    let tail = 0;
    if (blocked !== -1) this.binSeen[blocked] = st;
    for (const s of sources) {
      this.slotSeen[s] = st;
      this.sourceMark[s] = st;
      this.queue[tail++] = s;
    }
    while (head < tail) {
      const s = this.queue[head++]!;
      const list = this.edges[s]!;
      for (let i = 0; i < list.length; i++) {
        const b = list[i]!;
        if (this.binSeen[b] === st || !this.allowed(s, b)) continue;
        this.binSeen[b] = st;
        this.viaSlot[b] = s;
        if (this.load[b]! < this.cap[b]!) {
          let bin = b;
          for (;;) {
            const t = this.viaSlot[bin]!;
            const previous = this.at[t]!;
            this.move(t, bin);
            if (this.sourceMark[t] === st) return true;
            bin = previous;
          }
        }
        const here = this.members[b]!;
        for (let k = 0; k < here.length; k++) {
          const t = here[k]!;
          if (this.slotSeen[t] === st || this.fixed[t] === 1) continue;
          this.slotSeen[t] = st;
          this.queue[tail++] = t;
        }
      }
    }
    return false;
  }
}
