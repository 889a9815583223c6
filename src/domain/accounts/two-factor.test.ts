import { describe, expect, it } from 'vitest';
import {
  checkTotp,
  isTwoFactorRequired,
  looksLikeRecoveryCode,
  normalizeRecoveryCode,
  recoveryCodesFromBytes,
  totpCodeAt,
  totpSecretFromBytes,
  totpStep,
  totpUri,
} from './two-factor.ts';

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890"; 8-digit codes there, we use the last 6.
const RFC_SECRET = totpSecretFromBytes(new TextEncoder().encode('12345678901234567890'));

describe('TOTP codes', () => {
  it.each([
    [59, '287082'],
    [1111111109, '081804'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ])('matches the RFC 6238 test vector at %i s', (seconds, code) => {
    expect(totpCodeAt(RFC_SECRET, new Date(seconds * 1000))).toBe(code);
  });

  const now = new Date('2026-03-01T10:00:10Z');
  const secret = totpSecretFromBytes(new Uint8Array(20).map((_, index) => index * 7 + 3));

  it('accepts the current code and returns its step', () => {
    expect(checkTotp({ secret, code: totpCodeAt(secret, now), now, lastStep: null })).toEqual({ ok: true, step: totpStep(now) });
  });

  it('accepts the previous and next step (clock drift), not two steps away', () => {
    const before = new Date(now.getTime() - 30_000);
    const after = new Date(now.getTime() + 30_000);
    expect(checkTotp({ secret, code: totpCodeAt(secret, before), now, lastStep: null })).toEqual({ ok: true, step: totpStep(now) - 1 });
    expect(checkTotp({ secret, code: totpCodeAt(secret, after), now, lastStep: null })).toEqual({ ok: true, step: totpStep(now) + 1 });
    const far = totpCodeAt(secret, new Date(now.getTime() - 90_000));
    expect(checkTotp({ secret, code: far, now, lastStep: null })).toEqual({ ok: false, reason: 'wrong' });
  });

  it('refuses a code whose step is not after the last accepted one (replay)', () => {
    const code = totpCodeAt(secret, now);
    expect(checkTotp({ secret, code, now, lastStep: totpStep(now) })).toEqual({ ok: false, reason: 'reused' });
    const older = totpCodeAt(secret, new Date(now.getTime() - 30_000));
    expect(checkTotp({ secret, code: older, now, lastStep: totpStep(now) })).toEqual({ ok: false, reason: 'reused' });
    expect(checkTotp({ secret, code, now, lastStep: totpStep(now) - 1 }).ok).toBe(true);
  });

  it('refuses wrong and malformed codes', () => {
    const right = totpCodeAt(secret, now);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expect(checkTotp({ secret, code: wrong, now, lastStep: null })).toEqual({ ok: false, reason: 'wrong' });
    for (const code of ['', '12345', '1234567', 'abcdef', '12 34 5x']) {
      expect(checkTotp({ secret, code, now, lastStep: null })).toEqual({ ok: false, reason: 'malformed' });
    }
    expect(checkTotp({ secret, code: `${right.slice(0, 3)} ${right.slice(3)}`, now, lastStep: null }).ok).toBe(true);
  });

  it('builds an otpauth URI that names the issuer and the account', () => {
    const uri = totpUri(secret, 'someone@example.org');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Open%20IRM:someone%40example\.org\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain('period=30');
  });
});

describe('recovery codes', () => {
  const bytes = new Uint8Array(100).map((_, index) => (index * 37 + 11) % 256);

  it('makes ten distinct codes of two groups of five readable characters', () => {
    const codes = recoveryCodesFromBytes(bytes);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      expect(code).not.toMatch(/[01ilo]/);
      expect(looksLikeRecoveryCode(code)).toBe(true);
    }
  });

  it('refuses too few random bytes', () => {
    expect(() => recoveryCodesFromBytes(new Uint8Array(99))).toThrow(RangeError);
  });

  it('normalizes case, spaces and dashes; rejects other shapes', () => {
    expect(normalizeRecoveryCode(' ABCDE-fghjk ')).toBe('abcdefghjk');
    expect(looksLikeRecoveryCode('ABCDE FGHJK')).toBe(true);
    expect(looksLikeRecoveryCode('123456')).toBe(false);
    expect(looksLikeRecoveryCode('abcde-fghj0')).toBe(false);
  });
});

describe('who must use two-factor sign-in', () => {
  it('follows the configured roles', () => {
    expect(isTwoFactorRequired('secretariat', ['secretariat'])).toBe(true);
    expect(isTwoFactorRequired('expert', ['secretariat'])).toBe(false);
    expect(isTwoFactorRequired('secretariat', [])).toBe(false);
  });
});
