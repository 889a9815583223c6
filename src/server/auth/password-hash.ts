/**
 * @module password-hash
 * argon2id with the library's defaults (m=19456 KiB, t=2, p=1: the OWASP minimum).
 */
import { hash, verify } from '@node-rs/argon2';

/** Algorithm.Argon2id; the enum is a const enum that isolated modules cannot import. */
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, checked when the email is unknown so that the answer takes
 * as long as for a known email (no user enumeration by timing).
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
  return decoy;
}
