/**
 * @module auth-oidc use cases
 * Sign-in with an OpenID Connect identity provider. The provider proves who the person is;
 * this server decides whether that person has an account here: the provider's verified
 * e-mail must match an enabled local account. Accounts are never created on the fly, since
 * roles and States are assigned by the secretariat.
 */
import { DomainError } from '../../domain/errors.ts';
import { authorize } from '../../policies/policy.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { findUserByEmail, updateUser } from '../../db/repositories/users.ts';
import type { OidcIdentity } from '../auth/oidc-client.ts';
import { actorOf, openSession, stageAfterFirstFactor, type AuthSettings, type LoginResult } from './auth.ts';
import type { UseCaseContext } from './context.ts';

/** Why an OIDC sign-in ended without a session; also the ?error= the sign-in page explains. */
export const OIDC_FAILURES = ['state', 'denied', 'unavailable', 'failed', 'email-unverified', 'no-account', 'disabled'] as const;
export type OidcFailure = (typeof OIDC_FAILURES)[number];

export class OidcSignInError extends Error {
  constructor(
    readonly reason: OidcFailure,
    message: string,
  ) {
    super(message);
    this.name = 'OidcSignInError';
  }
}

type SignInContext = UseCaseContext & { userAgent?: string | null };

/** Records a refused OIDC sign-in in the audit trail, beside the password sign-in failures. */
export async function recordOidcFailure(ctx: SignInContext, reason: OidcFailure, details: Record<string, unknown> = {}, userId?: string): Promise<void> {
  await appendAudit(ctx.db, {
    actor: ctx.actor,
    action: 'auth.login',
    outcome: 'failure',
    resourceType: userId ? 'user' : undefined,
    resourceId: userId,
    details: { method: 'oidc', reason, ...details },
    ip: ctx.ip,
    requestId: ctx.requestId,
  });
}

/**
 * Opens a session for the local account the identity belongs to, as a password sign-in
 * does (same session row, same expiry, same audit action with method "oidc"). The failed
 * password counter and lock are left alone: they guard the password, which was not used.
 */
export async function signInWithOidc(ctx: SignInContext, settings: AuthSettings, identity: OidcIdentity): Promise<LoginResult> {
  authorize(ctx.actor, 'auth.oidc');
  const seen = { issuer: identity.issuer, subject: identity.subject, email: identity.email?.slice(0, 254) ?? null };
  if (!identity.email || !identity.emailVerified) {
    await recordOidcFailure(ctx, 'email-unverified', seen);
    throw new OidcSignInError('email-unverified', 'The identity provider did not confirm an e-mail address for this person.');
  }
  const user = await findUserByEmail(ctx.db, identity.email);
  if (!user) {
    await recordOidcFailure(ctx, 'no-account', seen);
    throw new OidcSignInError('no-account', `No Open IRM account uses ${identity.email}.`);
  }
  if (user.isDisabled) {
    await recordOidcFailure(ctx, 'disabled', seen, user.id);
    throw new OidcSignInError('disabled', 'This Open IRM account is disabled.');
  }

  // The provider is a first factor: a role that must use two-factor sign-in still gives its
  // code here, unless the provider says it checked a second factor itself (amr "mfa"/"otp").
  const providerCheckedSecondFactor = (identity.methods ?? []).some((m) => m === 'mfa' || m === 'otp');
  const stage = providerCheckedSecondFactor ? 'full' : stageAfterFirstFactor(user, settings);
  const opened = await ctx.db.transaction(async (tx) => {
    const session = await openSession(tx, settings, { userId: user.id, stage, now: ctx.now, ip: ctx.ip, userAgent: ctx.userAgent });
    await updateUser(tx, user.id, { lastLoginAt: ctx.now });
    await appendAudit(tx, {
      actor: actorOf(user),
      action: 'auth.login',
      resourceType: 'user',
      resourceId: user.id,
      details: { method: 'oidc', issuer: identity.issuer, subject: identity.subject, amr: identity.methods, ...(stage === 'full' ? {} : { secondFactor: stage === 'mfa' ? 'awaited' : 'enrolment-required' }) },
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
    return session;
  });
  return { ...opened, user, stage };
}

/** The feature is off: the routes answer as if they did not exist. */
export function oidcDisabled(): DomainError {
  return new DomainError('resource.notFound', 'OpenID Connect sign-in is not configured on this server.');
}
