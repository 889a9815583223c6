/**
 * @module sign-in presenter
 * The session body every sign-in step answers with. A half-done sign-in shows no user and
 * the public's abilities, only which step is awaited and for which e-mail.
 */
import { z } from 'zod';
import { ANONYMOUS } from '../../domain/accounts/roles.ts';
import type { SessionStage } from '../../db/repositories/sessions.ts';
import type { UserRow } from '../../db/repositories/users.ts';
import { actorOf } from '../use-cases/auth.ts';
import { presentAbilities } from './abilities.ts';
import { presentSessionUser, sessionUserSchema } from './user.ts';

export const sessionSchema = z.object({
  user: sessionUserSchema.nullable(),
  csrfToken: z.string().nullable(),
  abilities: z.record(z.string(), z.boolean()),
  /** Set while a sign-in waits for its second step: a code ('mfa') or two-factor set-up ('enrol'). */
  pendingSignIn: z.object({ stage: z.enum(['mfa', 'enrol']), email: z.string() }).nullable(),
});

export function presentSignIn(result: { csrfToken: string; user: UserRow; stage?: SessionStage }) {
  if (result.stage && result.stage !== 'full') {
    return { user: null, csrfToken: result.csrfToken, abilities: presentAbilities(ANONYMOUS), pendingSignIn: { stage: result.stage, email: result.user.email } };
  }
  return { user: presentSessionUser(result.user), csrfToken: result.csrfToken, abilities: presentAbilities(actorOf(result.user)), pendingSignIn: null };
}
