/**
 * @module two-factor use cases
 * The second step of sign-in, enrolment, recovery codes, turning two-factor off and the
 * secretariat's reset. The rules (code checks, code shapes, who must use it) are in
 * domain/accounts/two-factor.ts; this module does the I/O around them. Wrong codes count
 * towards the same lock as wrong passwords, and every change of two-factor status ends all
 * the user's sessions (the acting one is replaced by a new token).
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '../../domain/accounts/roles.ts';
import {
  checkTotp,
  isTwoFactorRequired,
  looksLikeRecoveryCode,
  normalizeRecoveryCode,
  recoveryCodesFromBytes,
  RECOVERY_CODE_COUNT,
  totpSecretFromBytes,
  TOTP_SECRET_BYTES,
  totpUri,
} from '../../domain/accounts/two-factor.ts';
import { DomainError } from '../../domain/errors.ts';
import { authorize } from '../../policies/policy.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { consumeRecoveryCode, countRecoveryCodes, deleteRecoveryCodes, replaceRecoveryCodes } from '../../db/repositories/recovery-codes.ts';
import { deleteSession, deleteUserSessions, type SessionStage } from '../../db/repositories/sessions.ts';
import { claimTotpStep, findUserById, recordFailedLogin, updateUser, type UserRow } from '../../db/repositories/users.ts';
import { hashToken } from '../auth/tokens.ts';
import { actorOf, openSession, type AuthSettings, type LoginResult } from './auth.ts';
import type { UseCaseContext } from './context.ts';

type Ctx = UseCaseContext & { userAgent?: string | null };

/** The session the request came with: full, or half-done (password given, code awaited). */
export interface CurrentSession {
  tokenHash: string;
  userId: string;
  stage: SessionStage;
}

const WRONG_CODE = 'The code is not correct, was already used, or the account is locked after repeated failures. Try the next code or ask the secretariat.';

function isLocked(user: UserRow, now: Date): boolean {
  return user.lockedUntil !== null && user.lockedUntil > now;
}

/** The user a two-factor request is about: the signed-in one, or the one of a half-done sign-in of the stage given. */
async function subjectOf(ctx: Ctx, session: CurrentSession | null, pendingStage: SessionStage): Promise<UserRow> {
  const isAcceptable = session && (session.stage === 'full' || session.stage === pendingStage);
  if (!session || !isAcceptable) {
    throw new DomainError('request.invalid', pendingStage === 'mfa' ? 'No sign-in is waiting for a code. Sign in with your password first.' : 'Sign in first.');
  }
  const user = await findUserById(ctx.db, session.userId);
  if (!user || user.isDisabled) throw new DomainError('request.invalid', 'Sign in first.');
  return user;
}

type FactorOutcome = { ok: true; method: 'totp' | 'recovery-code' } | { ok: false; reason: string };

/**
 * Checks a TOTP code (claiming its time step so it cannot be used again) or, when allowed, a
 * recovery code (deleting it). Runs inside the caller's transaction.
 */
async function checkFactor(tx: Parameters<Parameters<Ctx['db']['transaction']>[0]>[0], user: UserRow, code: string, now: Date, allowRecovery: boolean): Promise<FactorOutcome> {
  if (!user.totpSecret) return { ok: false, reason: 'not-enrolled' };
  if (allowRecovery && looksLikeRecoveryCode(code)) {
    return (await consumeRecoveryCode(tx, user.id, hashToken(normalizeRecoveryCode(code)))) ? { ok: true, method: 'recovery-code' } : { ok: false, reason: 'wrong-recovery-code' };
  }
  const check = checkTotp({ secret: user.totpSecret, code, now, lastStep: user.totpLastStep });
  if (!check.ok) return { ok: false, reason: check.reason };
  // Conditional update: of two parallel requests with the same code, only one gets the step.
  return (await claimTotpStep(tx, user.id, check.step)) ? { ok: true, method: 'totp' } : { ok: false, reason: 'reused' };
}

/** Verifies a factor for an action; a wrong one is counted and audited, then refused. */
async function requireFactor(ctx: Ctx, settings: AuthSettings, user: UserRow, code: string, action: string, allowRecovery: boolean): Promise<'totp' | 'recovery-code'> {
  if (isLocked(user, ctx.now)) {
    await appendAudit(ctx.db, { actor: actorOf(user), action, outcome: 'failure', resourceType: 'user', resourceId: user.id, details: { reason: 'locked' }, ip: ctx.ip, requestId: ctx.requestId });
    throw new DomainError('auth.invalidCredentials', WRONG_CODE);
  }
  const outcome = await ctx.db.transaction(async (tx) => {
    const result = await checkFactor(tx, user, code, ctx.now, allowRecovery);
    if (result.ok && result.method === 'recovery-code') {
      const left = await countRecoveryCodes(tx, user.id);
      await appendAudit(tx, { actor: actorOf(user), action: 'account.recoveryCodeUse', resourceType: 'user', resourceId: user.id, details: { for: action, recoveryCodesLeft: left }, ip: ctx.ip, requestId: ctx.requestId });
    }
    return result;
  });
  if (outcome.ok) return outcome.method;
  await ctx.db.transaction(async (tx) => {
    await recordFailedLogin(tx, user.id, settings.maxFailures, new Date(ctx.now.getTime() + settings.lockMinutes * 60_000));
    await appendAudit(tx, { actor: actorOf(user), action, outcome: 'failure', resourceType: 'user', resourceId: user.id, details: { reason: outcome.reason }, ip: ctx.ip, requestId: ctx.requestId });
  });
  throw new DomainError('auth.invalidCredentials', WRONG_CODE);
}

function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = recoveryCodesFromBytes(randomBytes(RECOVERY_CODE_COUNT * 10));
  return { codes, hashes: codes.map((code) => hashToken(normalizeRecoveryCode(code))) };
}

/** Second step of sign-in: a TOTP code or a recovery code turns the pending session into a full one (new token). */
export async function completeSignIn(ctx: Ctx, settings: AuthSettings, session: CurrentSession | null, code: string): Promise<LoginResult> {
  authorize(ctx.actor, 'auth.twoFactor');
  if (!session || session.stage !== 'mfa') throw new DomainError('request.invalid', 'No sign-in is waiting for a code. Sign in with your password first.');
  const user = await subjectOf(ctx, session, 'mfa');
  const method = await requireFactor(ctx, settings, user, code, 'auth.secondFactor', true);
  const opened = await ctx.db.transaction(async (tx) => {
    await deleteSession(tx, session.tokenHash);
    const fresh = await openSession(tx, settings, { userId: user.id, stage: 'full', now: ctx.now, ip: ctx.ip, userAgent: ctx.userAgent });
    await updateUser(tx, user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: ctx.now });
    await appendAudit(tx, { actor: actorOf(user), action: 'auth.secondFactor', resourceType: 'user', resourceId: user.id, details: { method }, ip: ctx.ip, requestId: ctx.requestId });
    return fresh;
  });
  return { ...opened, user, stage: 'full' };
}

/** Abandons a half-done sign-in. */
export async function cancelSignIn(ctx: Ctx, session: CurrentSession | null): Promise<void> {
  authorize(ctx.actor, 'auth.twoFactor');
  if (session && session.stage !== 'full') await deleteSession(ctx.db, session.tokenHash);
}

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: Date | null;
  required: boolean;
  recoveryCodesLeft: number;
}

export async function twoFactorStatus(ctx: Ctx, settings: AuthSettings): Promise<TwoFactorStatus> {
  authorize(ctx.actor, 'account.twoFactor');
  if (ctx.actor.kind !== 'user') throw new DomainError('auth.required', 'Sign in to do this.');
  const user = (await findUserById(ctx.db, ctx.actor.userId))!;
  return {
    enabled: user.totpSecret !== null,
    enabledAt: user.totpEnabledAt,
    required: isTwoFactorRequired(user.role as Role, settings.mfaRequiredRoles),
    recoveryCodesLeft: user.totpSecret ? await countRecoveryCodes(ctx.db, user.id) : 0,
  };
}

/** Enrolment, step 1: a new secret is kept aside until the user proves it with a code. */
export async function startEnrolment(ctx: Ctx, session: CurrentSession | null): Promise<{ secret: string; uri: string }> {
  authorize(ctx.actor, 'account.twoFactorSetup');
  const user = await subjectOf(ctx, session, 'enrol');
  if (user.totpSecret) throw new DomainError('user.invalid', 'Two-factor sign-in is already on. Turn it off first to move it to another device.');
  const secret = totpSecretFromBytes(randomBytes(TOTP_SECRET_BYTES));
  await updateUser(ctx.db, user.id, { totpPendingSecret: secret });
  return { secret, uri: totpUri(secret, user.email) };
}

/**
 * Enrolment, step 2: a correct code switches two-factor on, makes ten recovery codes (shown
 * this once; only hashes are kept), ends every session of the user and opens a new full one.
 */
export async function confirmEnrolment(ctx: Ctx, settings: AuthSettings, session: CurrentSession | null, code: string) {
  authorize(ctx.actor, 'account.twoFactorSetup');
  const user = await subjectOf(ctx, session, 'enrol');
  if (user.totpSecret) throw new DomainError('user.invalid', 'Two-factor sign-in is already on.');
  if (!user.totpPendingSecret) throw new DomainError('user.invalid', 'Start the set-up first: no secret is waiting for confirmation.');
  const check = checkTotp({ secret: user.totpPendingSecret, code, now: ctx.now, lastStep: null });
  if (!check.ok) throw new DomainError('auth.invalidCredentials', 'The code is not correct. Check the time on your phone and type the code shown now.');
  const recovery = newRecoveryCodes();
  const opened = await ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: ctx.now, totpLastStep: check.step, failedLoginCount: 0, lockedUntil: null, lastLoginAt: ctx.now });
    await replaceRecoveryCodes(tx, user.id, recovery.hashes);
    const sessionsEnded = await deleteUserSessions(tx, user.id);
    const fresh = await openSession(tx, settings, { userId: user.id, stage: 'full', now: ctx.now, ip: ctx.ip, userAgent: ctx.userAgent });
    await appendAudit(tx, { actor: actorOf(user), action: 'account.twoFactorEnable', resourceType: 'user', resourceId: user.id, details: { sessionsEnded }, ip: ctx.ip, requestId: ctx.requestId });
    return fresh;
  });
  return { ...opened, user, recoveryCodes: recovery.codes };
}

/** New recovery codes (the old ones stop working); needs a current authenticator code. */
export async function regenerateRecoveryCodes(ctx: Ctx, settings: AuthSettings, code: string): Promise<string[]> {
  authorize(ctx.actor, 'account.twoFactor');
  if (ctx.actor.kind !== 'user') throw new DomainError('auth.required', 'Sign in to do this.');
  const user = (await findUserById(ctx.db, ctx.actor.userId))!;
  if (!user.totpSecret) throw new DomainError('user.invalid', 'Two-factor sign-in is off.');
  await requireFactor(ctx, settings, user, code, 'account.recoveryCodesRegenerate', false);
  const recovery = newRecoveryCodes();
  await ctx.db.transaction(async (tx) => {
    await replaceRecoveryCodes(tx, user.id, recovery.hashes);
    await appendAudit(tx, { actor: ctx.actor, action: 'account.recoveryCodesRegenerate', resourceType: 'user', resourceId: user.id, ip: ctx.ip, requestId: ctx.requestId });
  });
  return recovery.codes;
}

/** Turns two-factor off (not for roles that must use it); every session ends, a new one replaces the current. */
export async function disableTwoFactor(ctx: Ctx, settings: AuthSettings, code: string) {
  authorize(ctx.actor, 'account.twoFactor');
  if (ctx.actor.kind !== 'user') throw new DomainError('auth.required', 'Sign in to do this.');
  const user = (await findUserById(ctx.db, ctx.actor.userId))!;
  if (isTwoFactorRequired(user.role as Role, settings.mfaRequiredRoles)) {
    throw new DomainError('policy.denied', 'Two-factor sign-in is required for your role and cannot be turned off.');
  }
  if (!user.totpSecret) throw new DomainError('user.invalid', 'Two-factor sign-in is already off.');
  await requireFactor(ctx, settings, user, code, 'account.twoFactorDisable', true);
  return ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null });
    await deleteRecoveryCodes(tx, user.id);
    const sessionsEnded = await deleteUserSessions(tx, user.id);
    const fresh = await openSession(tx, settings, { userId: user.id, stage: 'full', now: ctx.now, ip: ctx.ip, userAgent: ctx.userAgent });
    await appendAudit(tx, { actor: ctx.actor, action: 'account.twoFactorDisable', resourceType: 'user', resourceId: user.id, details: { sessionsEnded }, ip: ctx.ip, requestId: ctx.requestId });
    return { ...fresh, user };
  });
}

/**
 * The secretariat's reset, for a lost phone: two-factor is cleared and every session of the
 * user ends. If the role requires two-factor, the next sign-in leads straight to enrolment.
 */
export async function resetTwoFactor(ctx: Ctx, userId: string): Promise<UserRow> {
  authorize(ctx.actor, 'users.resetTwoFactor');
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new DomainError('user.notFound', `No account ${userId}.`);
  return ctx.db.transaction(async (tx) => {
    const updated = (await updateUser(tx, user.id, { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null }))!;
    await deleteRecoveryCodes(tx, user.id);
    const sessionsEnded = await deleteUserSessions(tx, user.id);
    await appendAudit(tx, { actor: ctx.actor, action: 'users.resetTwoFactor', resourceType: 'user', resourceId: user.id, details: { email: user.email, wasEnabled: user.totpSecret !== null, sessionsEnded }, ip: ctx.ip, requestId: ctx.requestId });
    return updated;
  });
}
