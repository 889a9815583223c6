/**
 * Sign-in, sign-out and the current session.
 */
import { z } from 'zod';
import { presentAbilities } from '../presenters/abilities.ts';
import { presentSessionUser } from '../presenters/user.ts';
import { clearSessionCookie, setSessionCookie } from '../plugins/session.ts';
import { presentSignIn, sessionSchema } from '../presenters/sign-in.ts';
import { changeOwnPassword, login, logout, logoutEverywhere } from '../use-cases/auth.ts';
import { findUserById } from '../../db/repositories/users.ts';
import { registerTwoFactorRoutes } from './two-factor.ts';
import { contextOf, problemSchema, type App, type RouteDeps } from './route-context.ts';

export function registerAuthRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/session',
    { config: { action: 'session.read' }, schema: { tags: ['auth'], summary: 'Who is signed in, and what they may do', response: { 200: sessionSchema } } },
    async (request) => {
      const user = request.actor.kind === 'user' ? await findUserById(deps.database.db, request.actor.userId) : undefined;
      const pending = request.authSession && request.authSession.stage !== 'full' ? await findUserById(deps.database.db, request.authSession.userId) : undefined;
      return {
        user: user ? presentSessionUser(user) : null,
        csrfToken: request.authSession?.csrfToken ?? null,
        abilities: presentAbilities(request.actor),
        pendingSignIn: pending && request.authSession?.stage !== 'full' ? { stage: request.authSession!.stage, email: pending.email } : null,
      };
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { action: 'auth.login', rateLimit: { max: deps.config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password (then POST /api/auth/two-factor when pendingSignIn says so)',
        body: z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(256) }),
        response: { 200: sessionSchema, 401: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const result = await login({ ...contextOf(request, deps), userAgent: request.headers['user-agent'] ?? null }, deps.auth, request.body);
      setSessionCookie(request, reply, result.token, result.expiresAt);
      return presentSignIn(result);
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { action: 'auth.logout' }, schema: { tags: ['auth'], summary: 'Sign out of this browser', response: { 204: z.null() } } },
    async (request, reply) => {
      if (request.authSession) await logout(contextOf(request, deps), request.authSession.tokenHash);
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout-everywhere',
    { config: { action: 'auth.logoutEverywhere' }, schema: { tags: ['auth'], summary: 'Sign out of every browser and device', response: { 204: z.null() } } },
    async (request, reply) => {
      await logoutEverywhere(contextOf(request, deps));
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/account/password',
    {
      config: { action: 'account.changePassword' },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password (every session ends; this one continues under a new token)',
        body: z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) }),
        response: { 204: z.null(), 401: problemSchema, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const session = await changeOwnPassword({ ...contextOf(request, deps), userAgent: request.headers['user-agent'] ?? null }, deps.auth, request.body);
      setSessionCookie(request, reply, session.token, session.expiresAt);
      return reply.code(204).send(null);
    },
  );

  registerTwoFactorRoutes(app, deps);
}
