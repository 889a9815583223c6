/**
 * Fastify type additions: every route's config names its policy action, and every
 * request carries the actor resolved from its session cookie.
 */
import type { Actor } from '../domain/accounts/roles.ts';
import type { Action } from '../policies/actions.ts';

export interface RequestSession {
  tokenHash: string;
  csrfToken: string;
  userId: string;
  /** 'full' sessions sign the user in; 'mfa' and 'enrol' ones leave the actor anonymous. */
  stage: 'full' | 'mfa' | 'enrol';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The policy action this route performs; registering a route without one fails. */
    action?: Action;
  }
  interface FastifyRequest {
    actor: Actor;
    authSession: RequestSession | null;
  }
}
