/**
 * Sign-in with an OpenID Connect identity provider (OIDC_* settings). The browser goes
 * /api/auth/oidc/start → the provider → /api/auth/oidc/callback → the app. Failures on
 * that path are browser navigations, so they end on the sign-in page with ?error=oidc-…
 * (which the page explains) rather than as a JSON problem.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { OidcClient, OidcProviderError, type OidcSettings } from '../auth/oidc-client.ts';
import { openPendingSignIn, safeReturnPath, sealPendingSignIn, PENDING_SIGN_IN_MINUTES } from '../auth/oidc-pending-cookie.ts';
import { tokensEqual } from '../auth/tokens.ts';
import { setSessionCookie } from '../plugins/session.ts';
import { oidcDisabled, OidcSignInError, recordOidcFailure, signInWithOidc, type OidcFailure } from '../use-cases/auth-oidc.ts';
import { contextOf, problemSchema, publicBaseUrl, type App, type RouteDeps } from './route-context.ts';

export const OIDC_PENDING_COOKIE = 'openirm_oidc';
const COOKIE_PATH = '/api/auth/oidc';
const CALLBACK_PATH = '/api/auth/oidc/callback';

export function oidcSettingsOf(config: Config): OidcSettings | undefined {
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID || !config.OIDC_CLIENT_SECRET) return undefined;
  return { issuer: config.OIDC_ISSUER, clientId: config.OIDC_CLIENT_ID, clientSecret: config.OIDC_CLIENT_SECRET };
}

const configSchema = z.object({
  enabled: z.boolean(),
  label: z.string().nullable().describe('Text of the sign-in button; null when the feature is off'),
});

export function registerOidcRoutes(app: App, deps: RouteDeps): void {
  const settings = oidcSettingsOf(deps.config);
  const client = settings ? new OidcClient(settings) : undefined;
  const rateLimit = { max: deps.config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' };

  function redirectUri(request: FastifyRequest): string {
    return deps.config.OIDC_REDIRECT_URL ?? `${publicBaseUrl(request, deps)}${CALLBACK_PATH}`;
  }

  function clearPending(request: FastifyRequest, reply: FastifyReply): void {
    reply.clearCookie(OIDC_PENDING_COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' });
  }

  function toSignInPage(reply: FastifyReply, reason: OidcFailure): FastifyReply {
    return reply.redirect(`/sign-in?error=oidc-${reason}`, 302);
  }

  app.get(
    '/api/auth/oidc/config',
    { config: { action: 'auth.oidc' }, schema: { tags: ['auth'], summary: 'Whether OpenID Connect sign-in is offered, and its button text', response: { 200: configSchema } } },
    async () => ({ enabled: client !== undefined, label: client ? deps.config.OIDC_LABEL : null }),
  );

  app.get(
    '/api/auth/oidc/start',
    {
      config: { action: 'auth.oidc', rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Start signing in with the identity provider (redirects there)',
        querystring: z.object({ returnTo: z.string().max(500).optional().describe('A path on this site to open after signing in') }),
        response: { 404: problemSchema },
      },
    },
    async (request, reply) => {
      if (!client || !settings) throw oidcDisabled();
      try {
        const { url, pending } = await client.authorizationUrl(redirectUri(request));
        const sealed = sealPendingSignIn({ ...pending, returnTo: safeReturnPath(request.query.returnTo), startedAt: Date.now() }, settings.clientSecret);
        // Lax: the provider's redirect back is a top-level GET navigation from its site.
        reply.setCookie(OIDC_PENDING_COOKIE, sealed, {
          path: COOKIE_PATH,
          httpOnly: true,
          sameSite: 'lax',
          secure: request.protocol === 'https',
          maxAge: PENDING_SIGN_IN_MINUTES * 60,
        });
        return reply.redirect(url.href, 302);
      } catch (error) {
        if (!(error instanceof OidcProviderError)) throw error;
        request.log.warn({ err: error }, 'OIDC sign-in could not start');
        await recordOidcFailure(contextOf(request, deps), error.kind === 'unavailable' ? 'unavailable' : 'failed', { during: 'start', message: error.message.slice(0, 300) });
        return toSignInPage(reply, error.kind === 'unavailable' ? 'unavailable' : 'failed');
      }
    },
  );

  app.get(
    CALLBACK_PATH,
    {
      config: { action: 'auth.oidc', rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Where the identity provider sends the browser back (redirects to the app or the sign-in page)',
        querystring: z.looseObject({
          state: z.string().max(1000).optional(),
          code: z.string().max(4000).optional(),
          error: z.string().max(200).optional(),
        }),
        response: { 404: problemSchema },
      },
    },
    async (request, reply) => {
      if (!client || !settings) throw oidcDisabled();
      const ctx = { ...contextOf(request, deps), userAgent: request.headers['user-agent'] ?? null };
      const pending = openPendingSignIn(request.cookies[OIDC_PENDING_COOKIE], settings.clientSecret, ctx.now);
      clearPending(request, reply);

      // The state must come back unchanged to the browser that started: anything else is a
      // forged or replayed callback (login CSRF), or a sign-in left open too long.
      const sentState = request.query.state;
      if (!pending || !sentState || !tokensEqual(sentState, pending.state)) {
        await recordOidcFailure(ctx, 'state', { hadPendingCookie: pending !== undefined });
        return toSignInPage(reply, 'state');
      }
      if (request.query.error !== undefined) {
        await recordOidcFailure(ctx, 'denied', { providerError: request.query.error });
        return toSignInPage(reply, 'denied');
      }

      try {
        const query = request.raw.url?.split('?')[1] ?? '';
        const callbackUrl = new URL(`${redirectUri(request)}?${query}`);
        const identity = await client.finish(callbackUrl, redirectUri(request), pending);
        const result = await signInWithOidc(ctx, deps.auth, identity);
        setSessionCookie(request, reply, result.token, result.expiresAt);
        // A second factor still to give (or to set up): the sign-in page asks for it.
        return reply.redirect(result.stage && result.stage !== 'full' ? '/sign-in' : pending.returnTo, 302);
      } catch (error) {
        if (error instanceof OidcSignInError) return toSignInPage(reply, error.reason);
        if (!(error instanceof OidcProviderError)) throw error;
        request.log.warn({ err: error }, 'OIDC sign-in failed at the provider');
        const reason = error.kind === 'unavailable' ? 'unavailable' : 'failed';
        await recordOidcFailure(ctx, reason, { during: 'callback', message: error.message.slice(0, 300) });
        return toSignInPage(reply, reason);
      }
    },
  );
}
