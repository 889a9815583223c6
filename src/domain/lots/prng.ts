/**
 * @module prng
 * The deterministic random number generator of the drawing of lots. Anyone holding the
 * seed can regenerate every number, so a draw can be re-run and checked (docs/LOTS.md,
 * "PRNG"). Construction, exactly:
 *
 * - block_i = HMAC-SHA256(key = seed, message = utf8("openirm-lots/1") ‖ uint64be(i)), i = 0, 1, 2, …
 * - the byte stream is block_0 ‖ block_1 ‖ …; a word is the next 4 bytes read big-endian
 *   (an unsigned 32-bit integer);
 * - nextInt(n), 1 ≤ n ≤ 2^32: limit = 2^32 − (2^32 mod n); read words until w < limit;
 *   return w mod n (rejection sampling, so every value is exactly equally likely; it always
 *   reads at least one word, even for n = 1);
 * - nextUnit(): one word w, returned as w / 2^32 (a number in [0, 1));
 * - shuffle(a): Fisher–Yates from the end: for i = len−1 down to 1, j = nextInt(i + 1),
 *   swap a[i] and a[j].
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { hmac } from '@noble/hashes/hmac.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { LOTS_ALGORITHM } from './types.ts';
import { invalidInput } from './errors.ts';

const TWO_32 = 0x1_0000_0000;
const LABEL = utf8ToBytes(LOTS_ALGORITHM);

/** The message of block i: the algorithm label followed by i as an unsigned 64-bit big-endian integer. */
export function blockMessage(index: number): Uint8Array {
  if (!Number.isSafeInteger(index) || index < 0) throw invalidInput(`Block index must be a non-negative safe integer, got ${index}.`);
  const message = new Uint8Array(LABEL.length + 8);
  message.set(LABEL, 0);
  const view = new DataView(message.buffer);
  view.setUint32(LABEL.length, Math.floor(index / TWO_32));
  view.setUint32(LABEL.length + 4, index >>> 0);
  return message;
}

/** Block i of the stream for a seed; exported so tests and verifiers can check the construction. */
export function prngBlock(seed: Uint8Array, index: number): Uint8Array {
  return hmac(sha256, seed, blockMessage(index));
}

export class Prng {
  /** HMAC state keyed with the seed once; each block copies it into `scratch` instead of re-keying. */
  private readonly keyed: ReturnType<typeof hmac.create>;
  private readonly scratch: ReturnType<typeof hmac.create>;
  private readonly message = new Uint8Array(LABEL.length + 8);
  private readonly counter: DataView;
  private readonly block = new Uint8Array(32);
  private offset = 32;
  private nextBlock = 0;
  private words = 0;

  constructor(seed: Uint8Array) {
    if (seed.length === 0) throw invalidInput('The seed must not be empty.');
    this.keyed = hmac.create(sha256, seed);
    this.scratch = hmac.create(sha256, seed);
    this.message.set(LABEL, 0);
    this.counter = new DataView(this.message.buffer, LABEL.length, 8);
  }

  /** How many 32-bit words have been read so far. */
  get wordsUsed(): number {
    return this.words;
  }

  nextUint32(): number {
    if (this.offset === 32) {
      const i = this.nextBlock++;
      this.counter.setUint32(0, Math.floor(i / TWO_32));
      this.counter.setUint32(4, i >>> 0);
      this.keyed._cloneInto(this.scratch);
      this.scratch.update(this.message);
      this.scratch.digestInto(this.block);
      this.offset = 0;
    }
    const b = this.block;
    const o = this.offset;
    this.offset = o + 4;
    this.words += 1;
    return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
  }

  /**
   * Uniform integer in [0, n).
   * @example new Prng(seed).nextInt(6) // a fair die, 0 … 5
   */
  nextInt(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > TWO_32) throw invalidInput(`nextInt needs an integer n in [1, 2^32], got ${n}.`);
    const limit = TWO_32 - (TWO_32 % n);
    for (;;) {
      const w = this.nextUint32();
      if (w < limit) return w % n;
    }
  }

  /** A number in [0, 1) with 32 bits of resolution: one word divided by 2^32. */
  nextUnit(): number {
    return this.nextUint32() / TWO_32;
  }

  /** Fisher–Yates in place, from the last index down; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i >= 1; i--) {
      const j = this.nextInt(i + 1);
      const tmp = items[i]!;
      items[i] = items[j]!;
      items[j] = tmp;
    }
    return items;
  }
}
