/**
 * @module auth use cases
 * Sign-in, sign-out and sessions. Unknown email, wrong password, disabled and locked
 * accounts all get the same answer in about the same time, so the sign-in form cannot be
 * used to find out who has an account.
 */
import type { Actor, Role } from '../../domain/accounts/roles.ts';
import { checkPasswordPolicy } from '../../domain/accounts/password-policy.ts';
import { DomainError } from '../../domain/errors.ts';
import { authorize } from '../../policies/policy.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { deleteOtherSessions, deleteSession, deleteUserSessions, findLiveSession, insertSession, touchSession } from '../../db/repositories/sessions.ts';
import { findUserByEmail, findUserById, recordFailedLogin, updateUser, type UserRow } from '../../db/repositories/users.ts';
import { decoyHash, hashPassword, verifyPassword } from '../auth/password-hash.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { UseCaseContext } from './context.ts';

export interface AuthSettings {
  sessionTtlHours: number;
  maxFailures: number;
  lockMinutes: number;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: UserRow;
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

  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(ctx.now.getTime() + settings.sessionTtlHours * 3_600_000);
  await ctx.db.transaction(async (tx) => {
    await insertSession(tx, { tokenHash: hashToken(token), userId: user.id, csrfToken, expiresAt, ip: ctx.ip ?? null, userAgent: ctx.userAgent?.slice(0, 500) ?? null });
    await updateUser(tx, user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: ctx.now });
    await appendAudit(tx, { actor: actorOf(user), action: 'auth.login', resourceType: 'user', resourceId: user.id, ip: ctx.ip, requestId: ctx.requestId });
  });
  return { token, csrfToken, expiresAt, user };
}

/** Looks up the session behind a cookie token; slides its expiry forward at most once a minute. */
export async function resolveSession(ctx: Pick<UseCaseContext, 'db' | 'now'>, settings: AuthSettings, token: string) {
  const tokenHash = hashToken(token);
  const found = await findLiveSession(ctx.db, tokenHash, ctx.now);
  if (!found) return undefined;
  const renewed = new Date(ctx.now.getTime() + settings.sessionTtlHours * 3_600_000);
  if (renewed.getTime() - found.session.expiresAt.getTime() > 60_000) await touchSession(ctx.db, tokenHash, renewed);
  return { tokenHash, csrfToken: found.session.csrfToken, user: found.user };
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

/** Changes one's own password; other sessions end, the current one stays. */
export async function changeOwnPassword(ctx: UseCaseContext, currentTokenHash: string, input: { currentPassword: string; newPassword: string }) {
  authorize(ctx.actor, 'account.changePassword');
  if (ctx.actor.kind !== 'user') throw new DomainError('auth.required', 'Sign in to do this.');
  const user = await findUserById(ctx.db, ctx.actor.userId);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError('auth.invalidCredentials', 'The current password is not correct.');
  }
  checkPasswordPolicy(input.newPassword, user.email);
  const passwordHash = await hashPassword(input.newPassword);
  const actor = ctx.actor;
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { passwordHash });
    const otherSessionsEnded = await deleteOtherSessions(tx, user.id, currentTokenHash);
    await appendAudit(tx, { actor, action: 'account.changePassword', resourceType: 'user', resourceId: user.id, details: { otherSessionsEnded }, ip: ctx.ip, requestId: ctx.requestId });
  });
}
