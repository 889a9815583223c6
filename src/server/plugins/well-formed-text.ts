/**
 * Refuses a request whose JSON body, query string or URL parameters hold a lone UTF-16
 * surrogate ("\ud800" with no partner: not Unicode text) or a NUL character. PostgreSQL stores neither: it rejects both inside jsonb and NUL
 * inside text (a 500 on any write, found by the route fuzz on sign-in, whose failure is
 * audited), and node-postgres silently turns a lone surrogate into U+FFFD inside text columns.
 * One check at the door, for every route, instead of one per field.
 */
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../domain/errors.ts';

/** NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first string in the value that is not well-formed UTF-16; walked without recursion (bodies can nest deeply). */
function findIllFormed(value: unknown): string | undefined {
  const pending: unknown[] = [value];
  while (pending.length) {
    const current = pending.pop();
    if (typeof current === 'string') {
      if (UNSTORABLE.test(current)) return current;
    } else if (current && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        if (UNSTORABLE.test(key)) return key;
        pending.push(child);
      }
    }
  }
  return undefined;
}

export function registerWellFormedText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    // Plain-text bodies (CSV imports) are checked by their reader, which names the line at fault.
    const body = typeof request.body === 'string' || Buffer.isBuffer(request.body) ? undefined : request.body;
    // A query string or URL parameter decodes %00 to NUL just the same (search?q=%00 was a 500).
    if (findIllFormed([body, request.query, request.params]) !== undefined) {
      throw new DomainError('request.invalid', 'The request holds text that is not valid Unicode (a lone surrogate code unit) or a NUL character.');
    }
  });
}
