/**
 * Donors' own figures (docs/FINANCES.md): the secretariat and the donor State's focal point
 * or delegate, nobody else; the public sees nothing of finances.
 */
import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../domain/accounts/roles.ts';
import { may } from './policy.ts';

const user = (role: Role, stateIso3: string | null): Actor => ({ kind: 'user', userId: 'u', role, stateIso3, email: 'u@example.org' });

describe('finance policy', () => {
  it('shows a donor its own figures and no other donor’s', () => {
    expect(may(user('secretariat', null), 'finance.readDonor', { donorIso3: 'AUT' })).toBe(true);
    expect(may(user('focal-point', 'AUT'), 'finance.readDonor', { donorIso3: 'AUT' })).toBe(true);
    expect(may(user('delegate', 'AUT'), 'finance.readDonor', { donorIso3: 'AUT' })).toBe(true);
    expect(may(user('focal-point', 'AUT'), 'finance.readDonor', { donorIso3: 'FRA' })).toBe(false);
    expect(may(user('focal-point', 'AUT'), 'finance.readDonor', {})).toBe(false);
    expect(may(user('expert', 'AUT'), 'finance.readDonor', { donorIso3: 'AUT' })).toBe(false);
    expect(may(user('delegate', null), 'finance.readDonor', { donorIso3: 'AUT' })).toBe(false);
    expect(may({ kind: 'anonymous' }, 'finance.readDonor', { donorIso3: 'AUT' })).toBe(false);
  });

  it('lets every signed-in user read the aggregate and only the secretariat record', () => {
    expect(may({ kind: 'anonymous' }, 'finance.read')).toBe(false);
    for (const role of ['secretariat', 'focal-point', 'expert', 'delegate'] as const) expect(may(user(role, 'AUT'), 'finance.read')).toBe(true);
    expect(may(user('secretariat', null), 'finance.manage')).toBe(true);
    expect(may(user('focal-point', 'AUT'), 'finance.manage')).toBe(false);
    expect(may(user('delegate', 'AUT'), 'finance.manage')).toBe(false);
  });
});
