import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { Prng, blockMessage, prngBlock } from './prng.ts';

const SEED = hexToBytes('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f');

/** HMAC-SHA256 written out from RFC 2104 with a bare SHA-256, to check the construction independently. */
function rfc2104(key: Uint8Array, message: Uint8Array): Uint8Array {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sha256(key) : key);
  const inner = new Uint8Array(64 + message.length);
  const outer = new Uint8Array(64 + 32);
  for (let i = 0; i < 64; i++) {
    inner[i] = block[i]! ^ 0x36;
    outer[i] = block[i]! ^ 0x5c;
  }
  inner.set(message, 64);
  outer.set(sha256(inner), 64);
  return sha256(outer);
}

describe('Prng', () => {
  it('gives the committed first eight words for a fixed seed (computed once, also with Python hmac)', () => {
    const prng = new Prng(SEED);
    expect(Array.from({ length: 8 }, () => prng.nextUint32())).toEqual([2010060175, 1215412627, 3884799483, 3310315103, 3478559138, 909008855, 2604135512, 4135994083]);
    expect(prng.wordsUsed).toBe(8);
  });

  it('gives the committed first eight nextInt(10) values', () => {
    const prng = new Prng(SEED);
    expect(Array.from({ length: 8 }, () => prng.nextInt(10))).toEqual([5, 7, 3, 3, 8, 5, 2, 3]);
  });

  it('builds block i as HMAC-SHA256(seed, "openirm-lots/1" ‖ uint64be(i)), as the documentation says', () => {
    for (const i of [0, 1, 7]) {
      const message = new Uint8Array([...utf8ToBytes('openirm-lots/1'), 0, 0, 0, 0, 0, 0, 0, i]);
      expect(bytesToHex(prngBlock(SEED, i))).toBe(bytesToHex(rfc2104(SEED, message)));
    }
    expect(bytesToHex(prngBlock(SEED, 0))).toBe('77cf158f4871b993e78d55fbc54f665fcf5699a2362e5fd79b37f458f68642e3');
  });

  it('reads the stream big-endian, block after block', () => {
    const prng = new Prng(SEED);
    const words = Array.from({ length: 16 }, () => prng.nextUint32());
    const stream = new Uint8Array([...prngBlock(SEED, 0), ...prngBlock(SEED, 1)]);
    const view = new DataView(stream.buffer);
    expect(words).toEqual(Array.from({ length: 16 }, (_, i) => view.getUint32(4 * i)));
  });

  it('encodes the counter as 64 bits, beyond 2^32', () => {
    const message = blockMessage(2 ** 32 + 5);
    expect(bytesToHex(message.slice(-8))).toBe('0000000100000005');
  });

  it('rejects the top of the word range so every value is equally likely', () => {
    // n = 3·2^30: words ≥ 3·2^30 (a quarter of them) are rejected, so about 4/3 words per value.
    const prng = new Prng(SEED);
    for (let i = 0; i < 3000; i++) expect(prng.nextInt(3 * 2 ** 30)).toBeLessThan(3 * 2 ** 30);
    expect(prng.wordsUsed / 3000).toBeGreaterThan(1.25);
    expect(prng.wordsUsed / 3000).toBeLessThan(1.42);
    const raw = new Prng(SEED);
    expect(raw.nextInt(2 ** 32)).toBe(2010060175);
  });

  it('is close to uniform (chi-square on a die)', () => {
    const prng = new Prng(SEED);
    const counts = new Array<number>(6).fill(0);
    const draws = 60_000;
    for (let i = 0; i < draws; i++) counts[prng.nextInt(6)]! += 1;
    const chi2 = counts.reduce((sum, c) => sum + (c - draws / 6) ** 2 / (draws / 6), 0);
    expect(chi2).toBeLessThan(20.5); // p ≈ 0.001 for 5 degrees of freedom
  });

  it('shuffles with Fisher–Yates deterministically', () => {
    const letters = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    expect(new Prng(SEED).shuffle([...letters])).toEqual(['b', 'a', 'e', 'g', 'f', 'd', 'c', 'h']);
    const other = new Prng(sha256(SEED)).shuffle([...letters]);
    expect([...other].sort()).toEqual(letters);
  });

  it('refuses bad arguments', () => {
    expect(() => new Prng(new Uint8Array(0))).toThrow(/seed/);
    const prng = new Prng(SEED);
    expect(() => prng.nextInt(0)).toThrow(/nextInt/);
    expect(() => prng.nextInt(1.5)).toThrow(/nextInt/);
    expect(() => prng.nextInt(2 ** 32 + 1)).toThrow(/nextInt/);
  });

  it('returns units in [0, 1) as word / 2^32', () => {
    const prng = new Prng(SEED);
    expect(prng.nextUnit()).toBe(2010060175 / 2 ** 32);
  });
});
