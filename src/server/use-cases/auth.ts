/**
 * @module auth use cases
 * Sign-in, sign-out and sessions. Unknown email, wrong password, disabled and locked
 * accounts all get the same answer in about the same time, so the sign-in form cannot be
 * used to find out who has an account.
 */
import type { Actor, Role } from '../../domain/accounts/roles.ts';
import { checkPasswordPolicy } from '../../domain/accounts/password-policy.ts';
import { isTwoFactorRequired } from '../../domain/accounts/two-factor.ts';
import { DomainError } from '../../domain/errors.ts';
import { authorize } from '../../policies/policy.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { deleteSession, deleteUserSessions, findLiveSession, insertSession, touchSession, type SessionStage } from '../../db/repositories/sessions.ts';
import { findUserByEmail, findUserById, recordFailedLogin, updateUser, type UserRow } from '../../db/repositories/users.ts';
import { decoyHash, hashPassword, verifyPassword } from '../auth/password-hash.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { UseCaseContext } from './context.ts';

export interface AuthSettings {
  sessionTtlHours: number;
  /** Absolute lifetime from sign-in, however active the session is. */
  sessionMaxHours: number;
  /** Roles that must use two-factor sign-in (MFA_REQUIRED_ROLES). */
  mfaRequiredRoles: readonly Role[];
  maxFailures: number;
  lockMinutes: number;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserRow;
  /** 'full' (also when absent) unless the user still has to give a second factor ('mfa') or set one up ('enrol'). */
  stage?: SessionStage;
}

/** A half-done sign-in only lives long enough to type a code or scan a QR code. */
const PENDING_MINUTES: Record<Exclude<SessionStage, 'full'>, number> = { mfa: 10, enrol: 30 };

/** What a correct first factor (password, or an identity provider without MFA) leads to. */
export function stageAfterFirstFactor(user: UserRow, settings: Pick<AuthSettings, 'mfaRequiredRoles'>): SessionStage {
  if (user.totpSecret) return 'mfa';
  return isTwoFactorRequired(user.role as Role, settings.mfaRequiredRoles) ? 'enrol' : 'full';
}

/**
 * Opens a session with a new random token (never one the client sent: no fixation). Call
 * inside the transaction that also records why.
 */
export async function openSession(
  tx: DbOrTx,
  settings: Pick<AuthSettings, 'sessionTtlHours'>,
  session: { userId: string; stage: SessionStage; now: Date; ip?: string | null; userAgent?: string | null },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newToken();
  const csrfToken = newToken();
  const lifetimeMs = session.stage === 'full' ? settings.sessionTtlHours * 3_600_000 : PENDING_MINUTES[session.stage] * 60_000;
  const expiresAt = new Date(session.now.getTime() + lifetimeMs);
  await insertSession(tx, {
    tokenHash: hashToken(token),
    userId: session.userId,
    csrfToken,
    expiresAt,
    stage: session.stage,
    ip: session.ip ?? null,
    userAgent: session.userAgent?.slice(0, 500) ?? null,
  });
  return { token, csrfToken, expiresAt };
}

const INVALID = 'Email or password is incorrect, or the account is locked after repeated failures. Try again later or ask the secretariat.';

export function actorOf(user: UserRow): Actor {
  return { kind: 'user', userId: user.id, role: user.role as Role, stateIso3: user.stateIso3, email: user.email };
}

export async function login(
  ctx: UseCaseContext & { userAgent?: string | null },
  settings: AuthSettings,
  credentials: { email: string; password: string },
): Promise<LoginResult> {
  authorize(ctx.actor, 'auth.login');
  const user = await findUserByEmail(ctx.db, credentials.email);
  const isLocked = user?.lockedUntil !== undefined && user.lockedUntil !== null && user.lockedUntil > ctx.now;
  // Always pay for one argon2 verification, even when the outcome is already known.
  const isPasswordRight = await verifyPassword(user?.passwordHash ?? (await decoyHash()), credentials.password);
  const isAccepted = user !== undefined && user.passwordHash !== null && !user.isDisabled && !isLocked && isPasswordRight;

  if (!isAccepted) {
    await ctx.db.transaction(async (tx) => {
      if (user && !isLocked && !isPasswordRight) {
        await recordFailedLogin(tx, user.id, settings.maxFailures, new Date(ctx.now.getTime() + settings.lockMinutes * 60_000));
      }
      await appendAudit(tx, {
        actor: ctx.actor,
        action: 'auth.login',
        outcome: 'failure',
        resourceType: user ? 'user' : undefined,
        resourceId: user?.id,
        details: {
          email: credentials.email.trim().toLowerCase().slice(0, 254),
          reason: !user ? 'unknown-email' : user.isDisabled ? 'disabled' : isLocked ? 'locked' : 'wrong-password',
        },
        ip: ctx.ip,
        requestId: ctx.requestId,
      });
    });
    throw new DomainError('auth.invalidCredentials', INVALID);
  }

  const stage = stageAfterFirstFactor(user, settings);
  const opened = await ctx.db.transaction(async (tx) => {
    const session = await openSession(tx, settings, { userId: user.id, stage, now: ctx.now, ip: ctx.ip, userAgent: ctx.userAgent });
    // The failure counter is reset only when the whole sign-in succeeds: were it reset after
    // the password, someone holding the password could guess codes without ever being locked.
    if (stage === 'full') await updateUser(tx, user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: ctx.now });
    await appendAudit(tx, {
      actor: actorOf(user),
      action: 'auth.login',
      resourceType: 'user',
      resourceId: user.id,
      details: stage === 'full' ? undefined : { secondFactor: stage === 'mfa' ? 'awaited' : 'enrolment-required' },
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
    return session;
  });
  return { ...opened, user, stage };
}

/**
 * Looks up the session behind a cookie token. A full session's idle expiry slides forward (at
 * most once a minute) but never past sessionMaxHours after sign-in; a pending one never slides.
 */
export async function resolveSession(ctx: Pick<UseCaseContext, 'db' | 'now'>, settings: AuthSettings, token: string) {
  const tokenHash = hashToken(token);
  const notCreatedBefore = new Date(ctx.now.getTime() - settings.sessionMaxHours * 3_600_000);
  const found = await findLiveSession(ctx.db, tokenHash, ctx.now, notCreatedBefore);
  if (!found) return undefined;
  const stage = found.session.stage as SessionStage;
  if (stage === 'full') {
    const limit = found.session.createdAt.getTime() + settings.sessionMaxHours * 3_600_000;
    const renewed = new Date(Math.min(ctx.now.getTime() + settings.sessionTtlHours * 3_600_000, limit));
    if (renewed.getTime() - found.session.expiresAt.getTime() > 60_000) await touchSession(ctx.db, tokenHash, renewed);
  }
  return { tokenHash, csrfToken: found.session.csrfToken, user: found.user, stage };
}

export async function logout(ctx: UseCaseContext, tokenHash: string): Promise<void> {
  authorize(ctx.actor, 'auth.logout');
  await ctx.db.transaction(async (tx) => {
    await deleteSession(tx, tokenHash);
    await appendAudit(tx, { actor: ctx.actor, action: 'auth.logout', ip: ctx.ip, requestId: ctx.requestId });
  });
}

export async function logoutEverywhere(ctx: UseCaseContext): Promise<number> {
  authorize(ctx.actor, 'auth.logoutEverywhere');
  if (ctx.actor.kind !== 'user') return 0;
  const userId = ctx.actor.userId;
  return ctx.db.transaction(async (tx) => {
    const count = await deleteUserSessions(tx, userId);
    await appendAudit(tx, { actor: ctx.actor, action: 'auth.logoutEverywhere', resourceType: 'user', resourceId: userId, details: { sessionsEnded: count }, ip: ctx.ip, requestId: ctx.requestId });
    return count;
  });
}

/**
 * Changes one's own password. Every session of the user ends; the current one is replaced
 * by a new one (new token and CSRF token), which is returned for the cookie.
 */
export async function changeOwnPassword(
  ctx: UseCaseContext & { userAgent?: string | null },
  settings: Pick<AuthSettings, 'sessionTtlHours'>,
  input: { currentPassword: string; newPassword: string },
) {
  authorize(ctx.actor, 'account.changePassword');
  if (ctx.actor.kind !== 'user') throw new DomainError('auth.required', 'Sign in to do this.');
  const user = await findUserById(ctx.db, ctx.actor.userId);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError('auth.invalidCredentials', 'The current password is not correct.');
  }
  checkPasswordPolicy(input.newPassword, user.email);
  const passwordHash = await hashPassword(input.newPassword);
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { passwordHash });
    const otherSessionsEnded = (await deleteUserSessions(tx, user.id)) - 1;
    const session = await openSession(tx, settings, { userId: user.id, stage: 'full', now: ctx.now, ip: ctx.ip, userAgent: ctx.userAgent });
    await appendAudit(tx, { actor, action: 'account.changePassword', resourceType: 'user', resourceId: user.id, details: { otherSessionsEnded }, ip: ctx.ip, requestId: ctx.requestId });
    return session;
  });
}
