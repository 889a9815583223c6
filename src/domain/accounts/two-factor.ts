/**
 * @module two-factor
 * Rules of two-factor sign-in: TOTP codes (RFC 6238: SHA-1, 6 digits, 30-second steps, as
 * every authenticator app expects) and single-use recovery codes. Pure functions: the caller
 * passes the time and the random bytes, so the rules are tested without clocks or I/O.
 */
import { Secret, TOTP } from 'otpauth';
import type { Role } from './roles.ts';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Codes of the step before and after are accepted too: phone clocks drift. */
export const TOTP_WINDOW = 1;
export const TOTP_ISSUER = 'Open IRM';
export const RECOVERY_CODE_COUNT = 10;
/** Bytes of randomness a caller supplies for one secret (160 bits, RFC 4226's recommendation). */
export const TOTP_SECRET_BYTES = 20;

/** Crockford-like alphabet without 0/O, 1/I/L, so codes read back from paper are not misread. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_GROUP = 5;

export function totpSecretFromBytes(bytes: Uint8Array): string {
  return new Secret({ buffer: bytes.slice().buffer }).base32;
}

function totpFor(secretBase32: string, label = ''): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label, secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS });
}

/** The otpauth:// URI that authenticator apps read from the QR code. */
export function totpUri(secretBase32: string, accountEmail: string): string {
  return totpFor(secretBase32, accountEmail).toString();
}

export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code an authenticator shows at that moment (demo helper and tests). */
export function totpCodeAt(secretBase32: string, now: Date): string {
  return totpFor(secretBase32).generate({ timestamp: now.getTime() });
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'malformed' | 'wrong' | 'reused' };

/**
 * Checks a code against the secret at `now`. A code whose time step is not after the last
 * accepted one is refused, so an observed code cannot be replayed, even within its window.
 */
export function checkTotp(input: { secret: string; code: string; now: Date; lastStep: number | null }): TotpCheck {
  const code = input.code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: 'malformed' };
  const delta = totpFor(input.secret).validate({ token: code, timestamp: input.now.getTime(), window: TOTP_WINDOW });
  if (delta === null) return { ok: false, reason: 'wrong' };
  const step = totpStep(input.now) + delta;
  if (input.lastStep !== null && step <= input.lastStep) return { ok: false, reason: 'reused' };
  return { ok: true, step };
}

/** Makes `count` codes like "k7m2p-xq9ra" from random bytes (one byte per character). */
export function recoveryCodesFromBytes(bytes: Uint8Array, count = RECOVERY_CODE_COUNT): string[] {
  const perCode = RECOVERY_GROUP * 2;
  if (bytes.length < perCode * count) throw new RangeError(`Need ${perCode * count} random bytes.`);
  const codes: string[] = [];
  for (let index = 0; index < count; index += 1) {
    // 256 is not a multiple of 31, so eight characters are a little likelier (9/256 against
    // 8/256); that costs well under a bit of the ~49 bits of a single-use code.
    const chars = Array.from(bytes.subarray(index * perCode, (index + 1) * perCode), (byte) => RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length]!);
    codes.push(`${chars.slice(0, RECOVERY_GROUP).join('')}-${chars.slice(RECOVERY_GROUP).join('')}`);
  }
  return codes;
}

/** The canonical form that is hashed: lower case, no spaces or dashes. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]+/g, '');
}

export function looksLikeRecoveryCode(code: string): boolean {
  const normalized = normalizeRecoveryCode(code);
  return normalized.length === RECOVERY_GROUP * 2 && [...normalized].every((char) => RECOVERY_ALPHABET.includes(char));
}

export function isTwoFactorRequired(role: Role, requiredRoles: readonly Role[]): boolean {
  return requiredRoles.includes(role);
}
