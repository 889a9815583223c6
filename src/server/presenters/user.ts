/**
 * @module user presenter
 * Never exposes the password hash, lock counters or external identity.
 */
import { z } from 'zod';
import { ROLES } from '../../domain/accounts/roles.ts';
import type { UserRow } from '../../db/repositories/users.ts';

export const sessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  stateIso3: z.string().nullable(),
});

export const userSchema = sessionUserSchema.extend({
  isDisabled: z.boolean(),
  isDemo: z.boolean(),
  lastLoginAt: z.string().nullable(),
  /** Whether two-factor sign-in is on (never the secret). */
  twoFactorEnabled: z.boolean(),
});

export function presentSessionUser(user: UserRow): z.infer<typeof sessionUserSchema> {
  return { id: user.id, email: user.email, displayName: user.displayName, role: user.role as z.infer<typeof sessionUserSchema>['role'], stateIso3: user.stateIso3 };
}

export function presentUser(user: UserRow): z.infer<typeof userSchema> {
  return { ...presentSessionUser(user), isDisabled: user.isDisabled, isDemo: user.isDemo, lastLoginAt: user.lastLoginAt?.toISOString() ?? null, twoFactorEnabled: user.totpSecret !== null };
}
