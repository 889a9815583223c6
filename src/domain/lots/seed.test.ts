import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { checkCommitment, commitmentOf, deriveSeed, normaliseEntropy, parseSecret } from './seed.ts';
import { isLotsError } from './errors.ts';

const SECRET = '00'.repeat(16);

describe('commitment and seed', () => {
  it('commits to SHA-256 of the secret bytes, not of the hex text', () => {
    // SHA-256 of sixteen zero bytes (a published test value).
    expect(commitmentOf(SECRET)).toBe('374708fff7719dd5979ec875d56cd2286f6d3cf7ec317a3b25632aab28ec37bb');
    expect(commitmentOf('AB'.repeat(16))).toBe(commitmentOf('ab'.repeat(16)));
  });

  it('derives the seed as SHA-256(secret ‖ 0x00 ‖ utf8(entropy))', () => {
    const expected = sha256(new Uint8Array([...new Uint8Array(16), 0, ...utf8ToBytes('12 7 33')]));
    expect(bytesToHex(deriveSeed(SECRET, '12 7 33'))).toBe(bytesToHex(expected));
  });

  it('normalises the entropy: NFC, and white space trimmed at both ends only', () => {
    expect(bytesToHex(deriveSeed(SECRET, '  12 7 33\n'))).toBe(bytesToHex(deriveSeed(SECRET, '12 7 33')));
    expect(normaliseEntropy('Cafe\u0301')).toBe('Café');
    expect(bytesToHex(deriveSeed(SECRET, 'Cafe\u0301'))).toBe(bytesToHex(deriveSeed(SECRET, 'Café')));
    expect(bytesToHex(deriveSeed(SECRET, '12  7'))).not.toBe(bytesToHex(deriveSeed(SECRET, '12 7')));
  });

  it('changes completely with one character of entropy or one bit of secret', () => {
    expect(bytesToHex(deriveSeed(SECRET, '12 7 34'))).not.toBe(bytesToHex(deriveSeed(SECRET, '12 7 33')));
    expect(bytesToHex(deriveSeed(`${'00'.repeat(15)}01`, '12 7 33'))).not.toBe(bytesToHex(deriveSeed(SECRET, '12 7 33')));
  });

  it('refuses short or malformed secrets and empty entropy', () => {
    expect(() => parseSecret('00'.repeat(15))).toThrow(/at least 16 bytes/);
    expect(() => parseSecret('0g'.repeat(16))).toThrow(/hexadecimal/);
    expect(() => parseSecret('000')).toThrow(/hexadecimal/);
    expect(() => deriveSeed(SECRET, '   ')).toThrow(/must not be empty/);
  });

  it('checks a revealed secret against the commitment', () => {
    expect(() => checkCommitment(SECRET, commitmentOf(SECRET))).not.toThrow();
    expect(() => checkCommitment(SECRET, commitmentOf(SECRET).toUpperCase())).not.toThrow();
    try {
      checkCommitment('11'.repeat(16), commitmentOf(SECRET));
      expect.unreachable();
    } catch (error) {
      expect(isLotsError(error) && error.code).toBe('lots.commitmentMismatch');
    }
  });
});
