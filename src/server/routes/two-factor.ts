/**
 * Two-factor sign-in: the second step, set-up, recovery codes, turning it off, and the
 * secretariat's reset. The rate limit of the password step applies to every code check.
 */
import QRCode from 'qrcode';
import { z } from 'zod';
import { presentSignIn, sessionSchema } from '../presenters/sign-in.ts';
import { presentUser, userSchema } from '../presenters/user.ts';
import { clearSessionCookie, setSessionCookie } from '../plugins/session.ts';
import {
  cancelSignIn,
  completeSignIn,
  confirmEnrolment,
  disableTwoFactor,
  regenerateRecoveryCodes,
  resetTwoFactor,
  startEnrolment,
  twoFactorStatus,
} from '../use-cases/two-factor.ts';
import type { FastifyRequest } from 'fastify';
import type { Action } from '../../policies/actions.ts';
import { contextOf, problemSchema, type App, type RouteDeps } from './route-context.ts';

const codeBody = z.object({ code: z.string().trim().min(1).max(40) });

function signInContext(request: FastifyRequest, deps: RouteDeps) {
  return { ...contextOf(request, deps), userAgent: request.headers['user-agent'] ?? null };
}

export function registerTwoFactorRoutes(app: App, deps: RouteDeps): void {
  const rateLimit = { max: deps.config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' };
  /** The options of a POST that takes a code in its body, under the password step's rate limit. */
  const codeRoute = <Response extends Record<number, z.ZodType>>(action: Action, summary: string, response: Response) => ({
    config: { action, rateLimit },
    schema: { tags: ['auth'], summary, body: codeBody, response },
  });

  app.post(
    '/api/auth/two-factor',
    codeRoute('auth.twoFactor', 'Second sign-in step: a code from the authenticator app, or a recovery code', {
      200: sessionSchema,
      400: problemSchema,
      401: problemSchema,
      429: problemSchema,
    }),
    async (request, reply) => {
      const result = await completeSignIn(signInContext(request, deps), deps.auth, request.authSession, request.body.code);
      setSessionCookie(request, reply, result.token, result.expiresAt);
      return presentSignIn(result);
    },
  );

  app.delete(
    '/api/auth/two-factor',
    { config: { action: 'auth.twoFactor' }, schema: { tags: ['auth'], summary: 'Abandon a sign-in waiting for its second step', response: { 204: z.null() } } },
    async (request, reply) => {
      await cancelSignIn(signInContext(request, deps), request.authSession);
      if (request.authSession && request.authSession.stage !== 'full') clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/account/two-factor',
    {
      config: { action: 'account.twoFactor' },
      schema: {
        tags: ['auth'],
        summary: 'Whether two-factor sign-in is on, required, and how many recovery codes are left',
        response: { 200: z.object({ enabled: z.boolean(), enabledAt: z.string().nullable(), required: z.boolean(), recoveryCodesLeft: z.number().int() }) },
      },
    },
    async (request) => {
      const status = await twoFactorStatus(signInContext(request, deps), deps.auth);
      return { ...status, enabledAt: status.enabledAt?.toISOString() ?? null };
    },
  );

  app.post(
    '/api/account/two-factor/setup',
    {
      config: { action: 'account.twoFactorSetup', rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Start two-factor set-up: a new secret, as text, otpauth URI and QR code image',
        response: { 200: z.object({ secret: z.string(), uri: z.string(), qrCode: z.string() }), 400: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const { secret, uri } = await startEnrolment(signInContext(request, deps), request.authSession);
      // An SVG data URL: the content security policy allows img data:, and no request leaks the secret.
      const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return { secret, uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
    },
  );

  app.post(
    '/api/account/two-factor/confirm',
    codeRoute('account.twoFactorSetup', 'Finish set-up with a code; answers the ten recovery codes, shown this once', {
      200: sessionSchema.extend({ recoveryCodes: z.array(z.string()) }),
      400: problemSchema,
      401: problemSchema,
      422: problemSchema,
    }),
    async (request, reply) => {
      const result = await confirmEnrolment(signInContext(request, deps), deps.auth, request.authSession, request.body.code);
      setSessionCookie(request, reply, result.token, result.expiresAt);
      return { ...presentSignIn({ ...result, stage: 'full' }), recoveryCodes: result.recoveryCodes };
    },
  );

  app.post(
    '/api/account/two-factor/recovery-codes',
    codeRoute('account.twoFactor', 'Replace the recovery codes (needs a current authenticator code)', {
      200: z.object({ recoveryCodes: z.array(z.string()) }),
      401: problemSchema,
      422: problemSchema,
    }),
    async (request) => ({ recoveryCodes: await regenerateRecoveryCodes(signInContext(request, deps), deps.auth, request.body.code) }),
  );

  app.post(
    '/api/account/two-factor/disable',
    codeRoute('account.twoFactor', 'Turn two-factor sign-in off (not for roles that require it); every other session ends', {
      200: sessionSchema,
      401: problemSchema,
      403: problemSchema,
      422: problemSchema,
    }),
    async (request, reply) => {
      const result = await disableTwoFactor(signInContext(request, deps), deps.auth, request.body.code);
      setSessionCookie(request, reply, result.token, result.expiresAt);
      return presentSignIn({ ...result, stage: 'full' });
    },
  );

  app.post(
    '/api/users/:id/two-factor/reset',
    {
      config: { action: 'users.resetTwoFactor' },
      schema: {
        tags: ['admin'],
        summary: "Reset an account's two-factor sign-in (lost phone); all its sessions end",
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ user: userSchema }), 404: problemSchema },
      },
    },
    async (request) => ({ user: presentUser(await resetTwoFactor(signInContext(request, deps), request.params.id)) }),
  );
}
