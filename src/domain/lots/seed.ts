/**
 * @module seed
 * Commit → reveal → public entropy. Before the meeting the secretariat publishes
 * commitment = SHA-256(secret); at the meeting, public entropy (numbers read out by
 * witnesses, dice) is added and the secret revealed; the seed is
 * SHA-256(secret ‖ 0x00 ‖ utf8(NFC(trim(publicEntropy)))). The secretariat cannot steer the
 * result (it committed before the entropy was known) and the room cannot either (it does
 * not know the secret). See docs/LOTS.md, "Seed".
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { LotsError, invalidInput } from './errors.ts';

/** 16 bytes = 128 bits: too many to guess from the commitment. */
export const MIN_SECRET_BYTES = 16;

const HEX = /^(?:[0-9a-fA-F]{2})+$/;

/** Parses a hex string (either case) into bytes; throws `lots.invalidInput` on anything else. */
export function parseHex(hex: string, what: string): Uint8Array {
  if (typeof hex !== 'string' || !HEX.test(hex)) throw invalidInput(`${what} must be a non-empty hexadecimal string of whole bytes.`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function parseSecret(secretHex: string): Uint8Array {
  const bytes = parseHex(secretHex, 'The secret');
  if (bytes.length < MIN_SECRET_BYTES) {
    throw invalidInput(`The secret must be at least ${MIN_SECRET_BYTES} bytes (${2 * MIN_SECRET_BYTES} hex digits); it has ${bytes.length}.`);
  }
  return bytes;
}

/**
 * The published commitment: lower-case hex of SHA-256 of the secret's bytes (not of its hex text).
 * @example commitmentOf('00112233445566778899aabbccddeeff')
 */
export function commitmentOf(secretHex: string): string {
  return bytesToHex(sha256(parseSecret(secretHex)));
}

/**
 * The public entropy as it enters the seed: Unicode NFC, then leading and trailing
 * white space removed (ECMAScript `trim`), so "  12 7 " and "12 7" give the same seed.
 */
export function normaliseEntropy(publicEntropy: string): string {
  if (typeof publicEntropy !== 'string') throw invalidInput('The public entropy must be text.');
  const text = publicEntropy.normalize('NFC').trim();
  if (text === '') throw invalidInput('The public entropy must not be empty.');
  return text;
}

/** seed = SHA-256(secret bytes ‖ 0x00 ‖ utf8(normalised public entropy)). The 0x00 keeps the two parts apart. */
export function deriveSeed(secretHex: string, publicEntropy: string): Uint8Array {
  const secret = parseSecret(secretHex);
  const entropy = utf8ToBytes(normaliseEntropy(publicEntropy));
  const message = new Uint8Array(secret.length + 1 + entropy.length);
  message.set(secret, 0);
  message[secret.length] = 0;
  message.set(entropy, secret.length + 1);
  return sha256(message);
}

/** Throws `lots.commitmentMismatch` unless SHA-256(secret) is the published commitment (hex, either case). */
export function checkCommitment(secretHex: string, commitment: string): void {
  const actual = commitmentOf(secretHex);
  if (typeof commitment !== 'string' || actual !== commitment.toLowerCase()) {
    throw new LotsError('lots.commitmentMismatch', `The revealed secret does not match the published commitment: SHA-256 of the secret is ${actual}, the commitment is ${String(commitment)}.`, {
      expected: String(commitment),
      actual,
    });
  }
}
