/**
 * @module abilities presenter
 * What the current actor may do, computed by the policy layer, so the web app never keeps
 * its own copy of the rules.
 */
import type { Actor } from '../../domain/accounts/roles.ts';
import { ACTIONS, type Action } from '../../policies/actions.ts';
import { may } from '../../policies/policy.ts';

export function presentAbilities(actor: Actor): Record<Action, boolean> {
  return Object.fromEntries(ACTIONS.map((action) => [action, may(actor, action)])) as Record<Action, boolean>;
}
