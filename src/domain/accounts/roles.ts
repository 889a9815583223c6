/**
 * @module roles
 * The roles of the Mechanism's people. Focal points and governmental experts act for
 * one State; the relation of that State to a review decides what they see.
 */
export const ROLES = ['secretariat', 'focal-point', 'expert', 'delegate'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that always act for exactly one State. */
export const STATE_BOUND_ROLES: readonly Role[] = ['focal-point', 'expert'];

export function roleNeedsState(role: Role): boolean {
  return STATE_BOUND_ROLES.includes(role);
}

/** Who is acting: a signed-in user, nobody (the public), or the system itself (CLI, seed). */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; role: Role; stateIso3: string | null; email: string }
  | { kind: 'system'; label: string };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function systemActor(label: string): Actor {
  return { kind: 'system', label };
}
