/**
 * Refuses a JSON body holding a lone UTF-16 surrogate ("\ud800" with no partner): it is not
 * Unicode text. Left in, PostgreSQL rejects it inside jsonb (a 500 on any audited write, found
 * by the route fuzz on sign-in) and node-postgres silently turns it into U+FFFD inside text
 * columns. One check at the door, for every route, instead of one per field.
 */
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/errors.ts';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first string in the value that is not well-formed UTF-16; walked without recursion (bodies can nest deeply). */
function findIllFormed(value: unknown): string | undefined {
  const pending: unknown[] = [value];
  while (pending.length) {
    const current = pending.pop();
    if (typeof current === 'string') {
      if (LONE_SURROGATE.test(current)) return current;
    } else if (current && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        if (LONE_SURROGATE.test(key)) return key;
        pending.push(child);
      }
    }
  }
  return undefined;
}

export function registerWellFormedText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined || Buffer.isBuffer(request.body)) return;
    if (findIllFormed(request.body) !== undefined) {
      throw new DomainError('request.invalid', 'The request holds text that is not valid Unicode (a lone surrogate code unit).');
    }
  });
}
