/**
 * @module subscriptions
 * E-mail subscriptions to the public review schedule (docs/PUBLIC.md, "Follow by e-mail"):
 * anyone may follow one State's reviews or the whole Mechanism. Double opt-in: a request is
 * `pending` until its confirmation link is opened (within 7 days), and nothing but the
 * confirmation e-mail is sent before that. Pure: the time is passed in.
 */
import { UN_LANGUAGES, type UnLanguage } from '../parties/party.ts';

export const SUBSCRIPTION_RULES = {
  /** An unconfirmed request (and its link) lapses after this long. */
  confirmWithinMs: 7 * 24 * 3_600_000,
  /** Asking again for a pending address sends a new link at most this often. */
  resendAfterMs: 10 * 60_000,
} as const;

export const SUBSCRIPTION_STATUSES = ['pending', 'confirmed', 'unsubscribed'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export const SUBSCRIPTION_LANGUAGES: readonly UnLanguage[] = UN_LANGUAGES;

/** What a subscriber is told about: stage and date facts only, never content. */
export const ANNOUNCEMENT_KINDS = ['reviewStarted', 'dialogueScheduled', 'documentPublished'] as const;
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number];

/**
 * One public event to announce. `date` is the calendar day (YYYY-MM-DD) it happened or, for a
 * scheduled dialogue, its first day. `detail` is a short public fact shown as given: for
 * `dialogueScheduled` the last day of the dialogue (YYYY-MM-DD, formatted per language), for
 * `documentPublished` the document as published (e.g. "Executive summary (English)").
 */
export interface SubscriptionEvent {
  kind: AnnouncementKind;
  iso3: string;
  cycle: number;
  date: string;
  detail?: string;
}

/** The part of a subscription the rules below look at. */
export interface SubscriptionFacts {
  status: SubscriptionStatus;
  /** ISO3 of the State followed; null follows the whole Mechanism. */
  country: string | null;
  confirmExpiresAt: Date;
}

/** Addresses are kept trimmed and lower-cased, so that one mailbox has one subscription per scope. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function confirmExpiresAt(now: Date): Date {
  return new Date(now.getTime() + SUBSCRIPTION_RULES.confirmWithinMs);
}

export function isExpired(subscription: Pick<SubscriptionFacts, 'status' | 'confirmExpiresAt'>, now: Date): boolean {
  return subscription.status === 'pending' && subscription.confirmExpiresAt.getTime() <= now.getTime();
}

/**
 * What opening a confirmation link does: confirm a pending request in time, nothing for one
 * already confirmed (the link may be opened twice), refuse an expired or ended one.
 */
export function confirmOutcome(subscription: Pick<SubscriptionFacts, 'status' | 'confirmExpiresAt'>, now: Date): 'confirm' | 'alreadyConfirmed' | 'invalid' {
  if (subscription.status === 'confirmed') return 'alreadyConfirmed';
  if (subscription.status === 'unsubscribed' || isExpired(subscription, now)) return 'invalid';
  return 'confirm';
}

/**
 * What a new request for an address and scope does, given the live subscription it may
 * already have: start one; for a pending one, send a new link (at most every resendAfterMs;
 * a lapsed request gets a fresh week); for a confirmed one, nothing. The caller answers the
 * same in every case, so that nobody learns whether an address is subscribed.
 */
export function requestOutcome(existing: { status: SubscriptionStatus; confirmSentAt: Date | null } | undefined, now: Date): 'create' | 'resend' | 'nothing' {
  if (!existing || existing.status === 'unsubscribed') return 'create';
  if (existing.status === 'confirmed') return 'nothing';
  const sentAt = existing.confirmSentAt?.getTime() ?? -Infinity;
  return now.getTime() - sentAt >= SUBSCRIPTION_RULES.resendAfterMs ? 'resend' : 'nothing';
}

/** Whether a subscription receives an event: confirmed, and following that State or the whole Mechanism. */
export function receives(subscription: Pick<SubscriptionFacts, 'status' | 'country'>, event: Pick<SubscriptionEvent, 'iso3'>): boolean {
  return subscription.status === 'confirmed' && (subscription.country === null || subscription.country === event.iso3.toUpperCase());
}

export function subscribersOf<T extends Pick<SubscriptionFacts, 'status' | 'country'>>(subscriptions: readonly T[], event: Pick<SubscriptionEvent, 'iso3'>): T[] {
  return subscriptions.filter((s) => receives(s, event));
}

/** RFC 8058 one-click unsubscribe: the two headers every e-mail to a subscriber carries. */
export function listUnsubscribeHeaders(oneClickUrl: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${oneClickUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
