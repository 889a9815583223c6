/**
 * E-mail subscriptions to the public review schedule (docs/PUBLIC.md, "Follow by e-mail"):
 * ask, confirm (double opt-in) and unsubscribe in one click (RFC 8058). No account needed;
 * the tokens in the e-mails are the proof. Asking answers the same for every address.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { UN_LANGUAGES } from '../../domain/parties/party.ts';
import { SUBSCRIPTION_STATUSES } from '../../domain/subscriptions/subscriptions.ts';
import { mailSettingsOf } from '../mailer.ts';
import { confirmSubscription, requestSubscription, subscriptionAvailability, unsubscribe } from '../use-cases/subscriptions.ts';
import { contextOf, problemSchema, type App, type RouteDeps } from './route-context.ts';

/** 32 random bytes, base64url: the tokens of confirmation and unsubscribe links. */
const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a token from a subscription e-mail');

const stateSchema = z.object({
  status: z.enum(SUBSCRIPTION_STATUSES),
  country: z.string().nullable().describe('The State followed (ISO3), or null for the whole Mechanism'),
});

const ONE_MINUTE = '1 minute';

export function registerSubscriptionRoutes(app: App, deps: RouteDeps): void {
  const mail = mailSettingsOf(deps.config);
  const rateLimit = { max: deps.config.SUBSCRIPTION_RATE_LIMIT_PER_MINUTE, timeWindow: ONE_MINUTE };

  app.get(
    '/api/public/subscriptions/availability',
    {
      config: { action: 'subscriptions.manage' },
      schema: {
        tags: ['public'],
        summary: 'Whether this server can send subscription e-mails (it needs SMTP_URL and PUBLIC_URL)',
        response: { 200: z.object({ available: z.boolean(), detail: z.string().optional() }) },
      },
    },
    async () => subscriptionAvailability(mail),
  );

  app.post(
    '/api/public/subscriptions',
    {
      config: { action: 'subscriptions.manage', rateLimit },
      schema: {
        tags: ['public'],
        summary: 'Follow a State (country) or the whole Mechanism (country null) by e-mail: sends a confirmation link; the same answer for every address',
        body: z.object({
          email: z.string().trim().max(254).pipe(z.email('not an e-mail address')),
          country: z
            .string()
            .regex(/^[A-Za-z]{3}$/, 'expected an ISO 3166-1 alpha-3 code')
            .nullable()
            .optional()
            .describe('ISO3 of the State to follow; null or absent: the whole Mechanism'),
          language: z.enum(UN_LANGUAGES).describe('The language of the e-mails'),
        }),
        response: { 202: z.object({ status: z.literal('accepted'), detail: z.string() }), 400: problemSchema, 429: problemSchema, 503: problemSchema },
      },
    },
    async (request, reply) => {
      const answer = await requestSubscription(contextOf(request, deps), { email: request.body.email, country: request.body.country ?? null, language: request.body.language }, mail);
      return reply.code(202).send(answer);
    },
  );

  app.post(
    '/api/public/subscriptions/confirm',
    {
      config: { action: 'subscriptions.manage', rateLimit },
      schema: {
        tags: ['public'],
        summary: 'Confirm a subscription with the token of its confirmation e-mail (idempotent); unknown or expired: 404',
        body: z.object({ token: tokenSchema }),
        response: { 200: stateSchema, 400: problemSchema, 404: problemSchema, 429: problemSchema },
      },
    },
    async (request) => confirmSubscription(contextOf(request, deps), request.body.token),
  );

  // Mail providers send the one-click POST as a form (RFC 8058: List-Unsubscribe=One-Click);
  // the form parser is registered for this route alone.
  void app.register(async (scope: FastifyInstance) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4_096 }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/public/subscriptions/unsubscribe',
      {
        config: { action: 'subscriptions.manage' },
        schema: {
          tags: ['public'],
          summary: 'One-click unsubscribe (RFC 8058): the token in the query (List-Unsubscribe) or in a JSON body; no sign-in, no confirmation, idempotent',
          querystring: z.object({ token: tokenSchema.optional() }),
          body: z.looseObject({ token: tokenSchema.optional() }).nullish().describe('List-Unsubscribe=One-Click as a form, or { token } as JSON'),
          response: { 200: stateSchema, 400: problemSchema, 404: problemSchema },
        },
      },
      async (request) => {
        const token = request.query.token ?? request.body?.token;
        if (!token) throw new DomainError('request.invalid', 'Give the token of the unsubscribe link (?token=…).', { problems: ['querystring.token: required'] });
        return unsubscribe(contextOf(request, deps), token);
      },
    );
  });
}
