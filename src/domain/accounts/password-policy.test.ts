import { dictionary } from '@zxcvbn-ts/language-common';
import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, isCommonPassword } from './password-policy.ts';

describe('checkPasswordPolicy', () => {
  it.each([
    ['short', /at least 12/],
    ['x'.repeat(257), /at most 256/],
    ['password1234', /too common/],
    ['aaaaaaaaaaaaaaa', /too common or too repetitive/],
  ])('refuses %s', (password, message) => {
    expect(() => checkPasswordPolicy(password)).toThrow(message);
  });

  it('refuses the email address as password', () => {
    expect(() => checkPasswordPolicy('someone@example.org', 'Someone@Example.org')).toThrow(/email/);
  });

  it('accepts a long passphrase, including the demo password', () => {
    expect(() => checkPasswordPolicy('correct horse battery staple')).not.toThrow();
    expect(() => checkPasswordPolicy('open-irm-demo')).not.toThrow();
  });

  it('accepts 12 and 256 characters exactly', () => {
    expect(() => checkPasswordPolicy('tulip-anvil-9')).not.toThrow();
    expect(() => checkPasswordPolicy('abcdefghijklmnopqrstuvwxyz'.repeat(10).slice(0, 256))).not.toThrow();
  });
});

describe('common-password list (shipped in @zxcvbn-ts/language-common)', () => {
  const listed = (dictionary['passwords-common']).filter((word) => word.length >= 12);

  it('holds tens of thousands of passwords, some long enough to pass the length rule', () => {
    expect((dictionary['passwords-common']).length).toBeGreaterThan(10_000);
    expect(listed.length).toBeGreaterThan(100);
  });

  it.each(['qazwsxedcrfv', '1qaz2wsx3edc', 'qwerty123456', 'leavemealone', '123qweasdzxc'])('refuses %s, which is on the list', (password) => {
    expect(listed).toContain(password);
    expect(() => checkPasswordPolicy(password)).toThrow(/too common/);
  });

  it('refuses every listed password of 12+ characters, whatever its case', () => {
    for (const word of listed.slice(0, 200)) {
      expect(isCommonPassword(word.toUpperCase())).toBe(true);
    }
  });

  it('refuses a listed word stretched with trailing digits, not with other characters', () => {
    expect(isCommonPassword('sunshine2024')).toBe(true);
    expect(isCommonPassword('Football12345678')).toBe(true);
    expect(() => checkPasswordPolicy('baseball20242025')).toThrow(/too common/);
    expect(isCommonPassword('sunshine2024!')).toBe(false);
    expect(isCommonPassword('sunshine-at-noon-2024')).toBe(false);
  });

  it.each(['violet orbit ledger', 'Kx9!mQ2#vL7$', 'open-irm-demo', 'glacier-tram-1987'])('accepts %s, which is not on the list', (password) => {
    expect(isCommonPassword(password)).toBe(false);
    expect(() => checkPasswordPolicy(password)).not.toThrow();
  });
});
