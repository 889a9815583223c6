import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from './password-policy.ts';

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
});
