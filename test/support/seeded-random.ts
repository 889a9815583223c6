/**
 * A small seeded generator (mulberry32): the same draw sequence for the same seed, so a
 * failing fault test can be replayed with its seed and the load bench draws the same mix on
 * every run. Shared by test/faults and bench/support; not for anything that must be secret.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
