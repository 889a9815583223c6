/**
 * @module oidc-pending-cookie
 * Between the start of an OpenID Connect sign-in and the provider's callback, the browser
 * holds the state, nonce and PKCE verifier in an HttpOnly cookie. The value is signed with a
 * key derived from the client secret (so every server process behind a load balancer can
 * read it, and nobody can forge one) and carries its creation time, so it lives at most
 * PENDING_SIGN_IN_MINUTES even if the browser keeps it.
 */
import { createHash, createHmac } from 'node:crypto';
import type { PendingSignIn } from './oidc-client.ts';
import { tokensEqual } from './tokens.ts';

export const PENDING_SIGN_IN_MINUTES = 10;

export interface PendingCookieContent extends PendingSignIn {
  /** Where to go after signing in: a path on this site. */
  returnTo: string;
  /** Milliseconds since the epoch when the sign-in started. */
  startedAt: number;
}

function signingKey(clientSecret: string): Buffer {
  return createHash('sha256').update('openirm oidc pending sign-in\0').update(clientSecret).digest();
}

function signature(payload: string, clientSecret: string): string {
  return createHmac('sha256', signingKey(clientSecret)).update(payload).digest('base64url');
}

export function sealPendingSignIn(content: PendingCookieContent, clientSecret: string): string {
  const payload = Buffer.from(JSON.stringify(content)).toString('base64url');
  return `${payload}.${signature(payload, clientSecret)}`;
}

/** The cookie's content, or undefined when it is missing, forged, malformed or too old. */
export function openPendingSignIn(value: string | undefined, clientSecret: string, now: Date): PendingCookieContent | undefined {
  if (!value) return undefined;
  const [payload, sent, extra] = value.split('.');
  if (!payload || !sent || extra !== undefined || !tokensEqual(sent, signature(payload, clientSecret))) return undefined;
  let content: unknown;
  try {
    content = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof content !== 'object' || content === null) return undefined;
  const { state, nonce, codeVerifier, returnTo, startedAt } = content as Record<string, unknown>;
  if (typeof state !== 'string' || typeof nonce !== 'string' || typeof codeVerifier !== 'string') return undefined;
  if (typeof returnTo !== 'string' || typeof startedAt !== 'number') return undefined;
  const age = now.getTime() - startedAt;
  if (age < 0 || age > PENDING_SIGN_IN_MINUTES * 60_000) return undefined;
  return { state, nonce, codeVerifier, returnTo, startedAt };
}

/** Only a path on this site ("/reviews"), never another origin ("//evil.example", "/\\evil"). */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (value.length > 500 || /[\u0000-\u001f\\]/.test(value)) return '/';
  return value;
}
