/**
 * @module session plugin
 * Resolves the actor from the session cookie on every request, then, before any input is
 * validated, asks the policy layer about the route's action and checks CSRF on writes.
 * Checking the policy first means a refused caller learns nothing from validation errors.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS } from '../../domain/accounts/roles.ts';
import { DomainError } from '../../domain/errors.ts';
import { authorize } from '../../policies/policy.ts';
import type { Db } from '../../db/client.ts';
import { tokensEqual } from '../auth/tokens.ts';
import { actorOf, resolveSession, type AuthSettings } from '../use-cases/auth.ts';

export const SESSION_COOKIE = 'openirm_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' });
}

/** Anonymous writes (sign-in) carry no CSRF token; refuse them when another site sent them. */
function isCrossSite(request: FastifyRequest): boolean {
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

export function registerSession(app: FastifyInstance, deps: { db: Db; auth: AuthSettings }): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('authSession', null);

  app.addHook('onRequest', async (request, reply) => {
    request.actor = ANONYMOUS;
    request.authSession = null;
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !request.url.startsWith('/api')) return;
    const found = await resolveSession({ db: deps.db, now: new Date() }, deps.auth, token);
    if (!found) {
      clearSessionCookie(request, reply);
      return;
    }
    // A half-done sign-in (code awaited, or two-factor to set up) acts as the public: it can
    // reach only what anyone can, plus the second-step and set-up routes that read its stage.
    if (found.stage === 'full') request.actor = actorOf(found.user);
    request.authSession = { tokenHash: found.tokenHash, csrfToken: found.csrfToken, userId: found.user.id, stage: found.stage };
  });

  app.addHook('preValidation', async (request) => {
    // The not-found handler is not a route; it answers 404 or serves the web app.
    if (request.is404) return;
    const action = request.routeOptions.config.action;
    if (!action) throw new DomainError('internal', 'Route without a policy action.');
    authorize(request.actor, action);
    if (SAFE_METHODS.has(request.method)) return;
    if (request.authSession) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !tokensEqual(sent, request.authSession.csrfToken)) {
        throw new DomainError('auth.csrf', 'Missing or wrong CSRF token. Reload the page and try again.');
      }
    } else if (isCrossSite(request)) {
      throw new DomainError('auth.csrf', 'Cross-site requests are not accepted.');
    }
  });
}
