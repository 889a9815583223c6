/**
 * @module seed-demo
 * The fictitious demo accounts, one per role. Never created in production (the caller
 * checks Config.isDemoEnabled). Idempotent: existing accounts are left as they are.
 */
import { systemActor } from '../../domain/accounts/roles.ts';
import type { Db } from '../../db/client.ts';
import { findUserByEmail, updateUser } from '../../db/repositories/users.ts';
import { createUser, type CreateUserInput } from './users.ts';

export const DEMO_PASSWORD = 'open-irm-demo';

/**
 * The demo secretariat's two-factor secret. PUBLISHED ON PURPOSE: it is in the source code,
 * so it protects nothing; it only lets anyone try the demo (and the tests sign in) with the
 * second step. `openirm user demo-code` prints the current code; an authenticator app can
 * also be given this secret. Never used outside the demo accounts (absent in production).
 */
export const DEMO_TOTP_SECRET = 'OPENIRMDEMOTOTPSECRETPUBLISHED23';
export const DEMO_TOTP_EMAIL = 'secretariat@demo.test';

export const DEMO_ACCOUNTS: readonly Omit<CreateUserInput, 'password'>[] = [
  { email: 'secretariat@demo.test', displayName: 'Demo Secretariat Officer (fictitious)', role: 'secretariat', stateIso3: null },
  { email: 'focal.point@demo.test', displayName: 'Demo Focal Point of Austria (fictitious)', role: 'focal-point', stateIso3: 'AUT' },
  { email: 'expert@demo.test', displayName: 'Demo Governmental Expert of Kenya (fictitious)', role: 'expert', stateIso3: 'KEN' },
  { email: 'delegate@demo.test', displayName: 'Demo Delegate (fictitious)', role: 'delegate', stateIso3: null },
];

export async function seedDemoData(db: Db, now: Date = new Date()): Promise<number> {
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByEmail(db, account.email)) continue;
    const user = await createUser({ db, actor: systemActor('demo-seed'), now }, { ...account, password: DEMO_PASSWORD, isDemo: true });
    if (user.email === DEMO_TOTP_EMAIL) await updateUser(db, user.id, { totpSecret: DEMO_TOTP_SECRET, totpEnabledAt: now });
    created += 1;
  }
  return created;
}
