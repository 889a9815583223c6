/**
 * @module password-policy
 * Length is what matters most (NIST SP 800-63B); composition rules are not imposed.
 * Passwords found in breaches are refused: the list is the "passwords-common" dictionary
 * of @zxcvbn-ts/language-common (49,233 passwords seen most often in leaks, version 4.1), shipped
 * inside the npm package, so nothing is downloaded at install or run time.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { DomainError } from '../errors.ts';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

let common: Set<string> | undefined;

/** Built on first use: the web bundle imports the constants above and never pays for the list. */
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common']).map((word) => word.toLowerCase()));
  return common;
}

/**
 * True when the password, ignoring case, is on the list, or is a listed word followed by
 * digits ("sunshine2024!" is not, "sunshine20241" is): appending a year or a counter to a
 * common word is the most frequent way people stretch one to the minimum length.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const list = commonPasswords();
  if (list.has(lower)) return true;
  const stem = lower.replace(/\d+$/, '');
  return stem !== lower && stem.length >= 4 && list.has(stem);
}

export function checkPasswordPolicy(password: string, email?: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new DomainError('password.weak', `Password must be at least ${PASSWORD_MIN_LENGTH} characters long.`);
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw new DomainError('password.weak', `Password must be at most ${PASSWORD_MAX_LENGTH} characters long.`);
  }
  const lower = password.toLowerCase();
  if (isCommonPassword(password) || new Set(lower).size < 4) {
    throw new DomainError('password.weak', 'Password is too common or too repetitive.');
  }
  if (email && lower === email.toLowerCase()) {
    throw new DomainError('password.weak', 'Password must not be the email address.');
  }
}
