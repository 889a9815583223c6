/**
 * Which failures read as "database unavailable" (503) and which disk failures as "storage full"
 * (507) or "storage unavailable" (503): the codes drivers and the OS really give.
 */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.ts';
import { storageProblem } from '../files/local-file-store.ts';
import { isDatabaseUnavailable, problem } from './errors.ts';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('recognises connection loss, shutdowns, class 08, pool and statement timeouts, also wrapped by Drizzle', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', '53300', '08006', '08P01']) expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('canceling statement due to statement timeout'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Failed query: select 1', { cause: withCode('57P01', 'terminating connection due to administrator command') }))).toBe(true);
  });

  it('leaves rule violations and programming errors alone', () => {
    for (const code of ['23505', '23503', '42P01', '22P02']) expect(isDatabaseUnavailable(withCode(code)), code).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});

describe('storageProblem', () => {
  it('turns a full disk into storage.full (507) and an unwritable folder into storage.unavailable (503)', () => {
    const full = storageProblem(withCode('ENOSPC'), '/srv/files') as DomainError;
    expect(full).toBeInstanceOf(DomainError);
    expect(full.code).toBe('storage.full');
    expect(problem(full.code, full.message).status).toBe(507);
    for (const code of ['EROFS', 'EACCES', 'ENOTDIR']) {
      const unwritable = storageProblem(withCode(code), '/srv/files') as DomainError;
      expect(unwritable.code, code).toBe('storage.unavailable');
      expect(unwritable.message).not.toContain('/srv/files');
    }
    expect(problem('storage.unavailable', 'x').status).toBe(503);
  });

  it('passes other errors through unchanged', () => {
    const other = new Error('bug');
    expect(storageProblem(other, '/srv/files')).toBe(other);
  });
});
