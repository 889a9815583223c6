/**
 * @module password-policy
 * Length is what matters most (NIST SP 800-63B); composition rules are not imposed.
 * A short list of the most common passwords is refused outright.
 */
import { DomainError } from '../errors.ts';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

const COMMON = new Set([
  'password1234', '123456789012', 'qwertyuiopas', 'passwordpassword', 'letmein12345',
  'iloveyou1234', 'administrator', 'welcome12345', '111111111111', 'abcdefghijkl',
]);

export function checkPasswordPolicy(password: string, email?: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new DomainError('password.weak', `Password must be at least ${PASSWORD_MIN_LENGTH} characters long.`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw new DomainError('password.weak', `Password must be at most ${PASSWORD_MAX_LENGTH} characters long.`);
  }
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || new Set(lower).size < 4) {
    throw new DomainError('password.weak', 'Password is too common or too repetitive.');
  }
  if (email && lower === email.toLowerCase()) {
    throw new DomainError('password.weak', 'Password must not be the email address.');
  }
}
