import { describe, expect, it } from 'vitest';
import {
  confirmExpiresAt,
  confirmOutcome,
  isExpired,
  listUnsubscribeHeaders,
  normaliseEmail,
  receives,
  requestOutcome,
  SUBSCRIPTION_RULES,
  subscribersOf,
  type SubscriptionStatus,
} from './subscriptions.ts';

const now = new Date('2026-11-28T10:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

describe('subscription rules', () => {
  it('keeps one form of an address', () => {
    expect(normaliseEmail('  Civil.Society@Example.ORG ')).toBe('civil.society@example.org');
  });

  it('lets a request be confirmed for 7 days, to the millisecond', () => {
    const expiresAt = confirmExpiresAt(now);
    expect(expiresAt.toISOString()).toBe('2026-12-05T10:00:00.000Z');
    const pending = { status: 'pending' as const, confirmExpiresAt: expiresAt };
    expect(isExpired(pending, new Date(expiresAt.getTime() - 1))).toBe(false);
    expect(isExpired(pending, expiresAt)).toBe(true);
    expect(confirmOutcome(pending, new Date(expiresAt.getTime() - 1))).toBe('confirm');
    expect(confirmOutcome(pending, expiresAt)).toBe('invalid');
    // Once confirmed the link may be opened again, even after the week.
    expect(confirmOutcome({ status: 'confirmed', confirmExpiresAt: expiresAt }, minutes(60 * 24 * 30))).toBe('alreadyConfirmed');
    expect(confirmOutcome({ status: 'unsubscribed', confirmExpiresAt: expiresAt }, now)).toBe('invalid');
  });

  it('starts, resends (not more than every 10 minutes) or leaves alone', () => {
    expect(requestOutcome(undefined, now)).toBe('create');
    expect(requestOutcome({ status: 'unsubscribed', confirmSentAt: now }, now)).toBe('create');
    expect(requestOutcome({ status: 'confirmed', confirmSentAt: minutes(-1_000) }, now)).toBe('nothing');
    expect(requestOutcome({ status: 'pending', confirmSentAt: minutes(-9) }, now)).toBe('nothing');
    expect(SUBSCRIPTION_RULES.resendAfterMs).toBe(10 * 60_000);
    expect(requestOutcome({ status: 'pending', confirmSentAt: minutes(-10) }, now)).toBe('resend');
    expect(requestOutcome({ status: 'pending', confirmSentAt: null }, now)).toBe('resend');
  });

  it('tells confirmed followers of the State and of the whole Mechanism, nobody else', () => {
    const subs: { id: string; status: SubscriptionStatus; country: string | null }[] = [
      { id: 'aut', status: 'confirmed', country: 'AUT' },
      { id: 'all', status: 'confirmed', country: null },
      { id: 'fra', status: 'confirmed', country: 'FRA' },
      { id: 'aut-pending', status: 'pending', country: 'AUT' },
      { id: 'all-pending', status: 'pending', country: null },
      { id: 'aut-gone', status: 'unsubscribed', country: 'AUT' },
    ];
    expect(subscribersOf(subs, { iso3: 'AUT' }).map((s) => s.id)).toEqual(['aut', 'all']);
    expect(subscribersOf(subs, { iso3: 'fra' }).map((s) => s.id)).toEqual(['all', 'fra']);
    expect(subscribersOf(subs, { iso3: 'KEN' }).map((s) => s.id)).toEqual(['all']);
    expect(receives({ status: 'pending', country: null }, { iso3: 'AUT' })).toBe(false);
  });

  it('writes the RFC 8058 headers', () => {
    expect(listUnsubscribeHeaders('https://irm.example.org/api/public/subscriptions/unsubscribe?token=abc')).toEqual({
      'List-Unsubscribe': '<https://irm.example.org/api/public/subscriptions/unsubscribe?token=abc>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });
});
