/**
 * @module rounding
 * Dependent rounding on a bipartite graph (Gandhi, Khuller, Parthasarathy and Srinivasan,
 * "Dependent rounding and its applications to approximation algorithms", J. ACM 2006): turns
 * fractional edge values into integers so that
 *
 * - every edge keeps its expectation: E[X_e] = x_e (the fairness guarantee);
 * - every vertex's total ends at ⌊Σ x⌋ or ⌈Σ x⌉ of its edges, and exactly Σ x when that is
 *   an integer (so a reviewer never exceeds its cap when its share does not, and each
 *   regional group fills exactly its reviewer-#1 slots).
 *
 * Step: find a cycle or a maximal path of edges whose value is not yet an integer, split its
 * edges alternately into two sets, and move every edge by +α on one set and −α on the other,
 * or by −β and +β, with probabilities β/(α+β) and α/(α+β), where α and β are the largest
 * moves that keep all values in range. Each step makes at least one edge integral.
 */
import type { Prng } from './prng.ts';

const EPS = 1e-9;

export interface RoundingEdge {
  /** Its two vertices, numbered 0 … vertexCount − 1; the graph must be bipartite with no parallel edges. */
  u: number;
  v: number;
  value: number;
}

/** Returns the rounded integer value of each edge, in input order. */
export function dependentRounding(edges: readonly RoundingEdge[], vertexCount: number, prng: Prng): number[] {
  const base = edges.map((e) => Math.floor(e.value + EPS));
  const y = edges.map((e, i) => {
    const frac = e.value - base[i]!;
    return frac < EPS ? 0 : frac > 1 - EPS ? 1 : frac;
  });
  const isFractional = (e: number) => y[e]! > 0 && y[e]! < 1;
  const adjacency: number[][] = Array.from({ length: vertexCount }, () => []);
  edges.forEach((e, i) => {
    if (!isFractional(i)) return;
    adjacency[e.u]!.push(i);
    adjacency[e.v]!.push(i);
  });
  const other = (e: number, vertex: number) => (edges[e]!.u === vertex ? edges[e]!.v : edges[e]!.u);
  const nextEdge = (vertex: number, except: number): number => {
    const list = adjacency[vertex]!;
    // Drop edges that became integral; they never come back.
    for (let i = list.length - 1; i >= 0; i--) if (!isFractional(list[i]!)) list.splice(i, 1);
    for (const e of list) if (e !== except) return e;
    return -1;
  };

  /**
   * A cycle or a maximal path of fractional edges through e0: grow a walk at its right end,
   * then at its left end, never reusing the edge just used; stop early if the walk meets
   * itself (a cycle).
   */
  const cycleOrPath = (e0: number): number[] => {
    const at = new Map<number, number>(); // vertex → position
    const vertexAt = new Map<number, number>();
    const edgeAt = new Map<number, number>(); // edge between positions p and p + 1
    let lo = 0;
    let hi = 1;
    vertexAt.set(0, edges[e0]!.u).set(1, edges[e0]!.v);
    at.set(edges[e0]!.u, 0).set(edges[e0]!.v, 1);
    edgeAt.set(0, e0);
    const span = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => edgeAt.get(from + i)!);
    for (;;) {
      const here = vertexAt.get(hi)!;
      const f = nextEdge(here, edgeAt.get(hi - 1)!);
      if (f === -1) break;
      const w = other(f, here);
      const p = at.get(w);
      if (p !== undefined) return [...span(p, hi), f];
      hi += 1;
      vertexAt.set(hi, w);
      edgeAt.set(hi - 1, f);
      at.set(w, hi);
    }
    for (;;) {
      const here = vertexAt.get(lo)!;
      const f = nextEdge(here, edgeAt.get(lo)!);
      if (f === -1) break;
      const w = other(f, here);
      const p = at.get(w);
      if (p !== undefined) return [f, ...span(lo, p)];
      lo -= 1;
      vertexAt.set(lo, w);
      edgeAt.set(lo, f);
      at.set(w, lo);
    }
    return span(lo, hi);
  };

  let cursor = 0;
  for (;;) {
    while (cursor < edges.length && !isFractional(cursor)) cursor++;
    if (cursor === edges.length) break;
    const chosen = cycleOrPath(cursor);
    // Alternate signs along the walk; in a bipartite graph a cycle has even length, so the
    // signs agree where it closes.
    let alpha = Infinity;
    let beta = Infinity;
    chosen.forEach((e, i) => {
      if (i % 2 === 0) {
        alpha = Math.min(alpha, 1 - y[e]!);
        beta = Math.min(beta, y[e]!);
      } else {
        alpha = Math.min(alpha, y[e]!);
        beta = Math.min(beta, 1 - y[e]!);
      }
    });
    // Up (+α on even positions, −α on odd) with probability β/(α+β), else down (−β, +β):
    // the expected move of every edge is zero.
    const up = prng.nextUnit() < beta / (alpha + beta);
    chosen.forEach((e, i) => {
      const even = i % 2 === 0;
      const delta = up ? (even ? alpha : -alpha) : even ? -beta : beta;
      const value = y[e]! + delta;
      y[e] = value < EPS ? 0 : value > 1 - EPS ? 1 : value;
    });
  }
  return base.map((b, i) => b + y[i]!);
}
