/**
 * @module users use cases
 * Creating and maintaining accounts, from the API (secretariat) or the CLI (system actor).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { checkPasswordPolicy } from '../../domain/accounts/password-policy.ts';
import { ROLES, roleNeedsState, type Role } from '../../domain/accounts/roles.ts';
import { DomainError } from '../../domain/errors.ts';
import { authorize } from '../../policies/policy.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { findPartyRow } from '../../db/repositories/parties.ts';
import { deleteUserSessions } from '../../db/repositories/sessions.ts';
import { findUserByEmail, findUserById, insertUser, listUsers, updateUser, type UserRow } from '../../db/repositories/users.ts';
import { hashPassword } from '../auth/password-hash.ts';
import type { UseCaseContext } from './context.ts';

export const createUserInputSchema = z.object({
  email: z.email().max(254),
  displayName: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  stateIso3: z.string().regex(/^[A-Za-z]{3}$/).nullish(),
  password: z.string().min(1).max(256),
  isDemo: z.boolean().optional(),
});
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

async function checkRoleState(ctx: UseCaseContext, role: Role, stateIso3: string | null | undefined): Promise<string | null> {
  const iso3 = stateIso3?.toUpperCase() ?? null;
  if (roleNeedsState(role) && !iso3) {
    throw new DomainError('user.invalid', `A ${role} acts for one State: give its ISO code.`);
  }
  if (role === 'secretariat' && iso3) {
    throw new DomainError('user.invalid', 'Secretariat officers do not act for a State.');
  }
  if (iso3 && !(await findPartyRow(ctx.db, iso3))) {
    throw new DomainError('party.unknown', `No State with the code ${iso3}.`);
  }
  return iso3;
}

export async function createUser(ctx: UseCaseContext, input: CreateUserInput): Promise<UserRow> {
  authorize(ctx.actor, 'users.create');
  const stateIso3 = await checkRoleState(ctx, input.role, input.stateIso3);
  checkPasswordPolicy(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    if (await findUserByEmail(tx, input.email)) {
      throw new DomainError('record.duplicate', `An account with the email ${input.email.toLowerCase()} already exists.`);
    }
    const user = await insertUser(tx, {
      id: randomUUID(),
      email: input.email,
      displayName: input.displayName,
      role: input.role,
      stateIso3,
      passwordHash,
      isDemo: input.isDemo,
    });
    await appendAudit(tx, {
      actor: ctx.actor,
      action: 'users.create',
      resourceType: 'user',
      resourceId: user.id,
      details: { email: user.email, role: user.role, stateIso3: user.stateIso3 },
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
    return user;
  });
}

export async function listAllUsers(ctx: UseCaseContext): Promise<UserRow[]> {
  authorize(ctx.actor, 'users.list');
  return listUsers(ctx.db);
}

async function findUserOrThrow(ctx: UseCaseContext, idOrEmail: string): Promise<UserRow> {
  const user = idOrEmail.includes('@')
    ? await findUserByEmail(ctx.db, idOrEmail)
    : z.uuid().safeParse(idOrEmail).success
      ? await findUserById(ctx.db, idOrEmail)
      : undefined;
  if (!user) throw new DomainError('user.notFound', `No account ${idOrEmail}.`);
  return user;
}

export const updateUserInputSchema = z
  .object({ isDisabled: z.boolean().optional(), displayName: z.string().trim().min(1).max(200).optional() })
  .strict()
  .refine((v) => v.isDisabled !== undefined || v.displayName !== undefined, 'Nothing to change.');

export async function changeUser(ctx: UseCaseContext, idOrEmail: string, patch: z.infer<typeof updateUserInputSchema>): Promise<UserRow> {
  authorize(ctx.actor, 'users.update');
  const user = await findUserOrThrow(ctx, idOrEmail);
  if (patch.isDisabled && ctx.actor.kind === 'user' && ctx.actor.userId === user.id) {
    throw new DomainError('user.invalid', 'You cannot disable your own account.');
  }
  return ctx.db.transaction(async (tx) => {
    const updated = (await updateUser(tx, user.id, patch))!;
    // A disabled account must lose its open sessions at once, not when they expire.
    if (patch.isDisabled) await deleteUserSessions(tx, user.id);
    await appendAudit(tx, {
      actor: ctx.actor,
      action: patch.isDisabled === undefined ? 'users.update' : patch.isDisabled ? 'users.disable' : 'users.enable',
      resourceType: 'user',
      resourceId: user.id,
      details: { email: user.email, ...patch },
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
    return updated;
  });
}

/** Sets a new password chosen by an administrator; every session of the user ends. */
export async function resetUserPassword(ctx: UseCaseContext, idOrEmail: string, newPassword: string): Promise<UserRow> {
  authorize(ctx.actor, 'users.update');
  const user = await findUserOrThrow(ctx, idOrEmail);
  checkPasswordPolicy(newPassword, user.email);
  const passwordHash = await hashPassword(newPassword);
  return ctx.db.transaction(async (tx) => {
    const updated = (await updateUser(tx, user.id, { passwordHash, failedLoginCount: 0, lockedUntil: null }))!;
    await deleteUserSessions(tx, user.id);
    await appendAudit(tx, {
      actor: ctx.actor,
      action: 'users.resetPassword',
      resourceType: 'user',
      resourceId: user.id,
      details: { email: user.email },
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
    return updated;
  });
}
