/**
 * @module subscriptions use cases
 * Following the public review schedule by e-mail (docs/PUBLIC.md, "Follow by e-mail"):
 * double opt-in, one-click unsubscribe (RFC 8058), and the announcements written into the
 * e-mail queue (the notifications table) in the transaction of the change they announce.
 * Only stage and date facts are ever sent. Addresses live in the subscriptions table only:
 * the audit trail records confirmations and unsubscriptions by subscription id.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.ts';
import type { UnLanguage } from '../../domain/parties/party.ts';
import { announcementEmail, confirmationEmail } from '../../domain/subscriptions/messages.ts';
import {
  confirmExpiresAt,
  confirmOutcome,
  listUnsubscribeHeaders,
  normaliseEmail,
  requestOutcome,
  subscribersOf,
  type SubscriptionEvent,
  type SubscriptionStatus,
} from '../../domain/subscriptions/subscriptions.ts';
import { authorize } from '../../policies/policy.ts';
import type { DbOrTx } from '../../db/client.ts';
import { appendAudit } from '../../db/repositories/audit.ts';
import { insertNotifications } from '../../db/repositories/notifications.ts';
import { findPartyRow, type PartyRow } from '../../db/repositories/parties.ts';
import {
  deleteLapsedRequests,
  findByConfirmTokenHash,
  findByUnsubscribeTokenHash,
  findLiveSubscription,
  insertSubscription,
  insertUnsubscribeTokens,
  listConfirmedFor,
  updateSubscription,
  type SubscriptionRow,
} from '../../db/repositories/subscriptions.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { UseCaseContext } from './context.ts';

export type { SubscriptionEvent } from '../../domain/subscriptions/subscriptions.ts';

/** What the server needs to send subscription e-mails (mailer.ts `mailSettingsOf`). */
export interface SubscriptionMailSettings {
  smtpUrl?: string;
  publicUrl?: string;
}

export interface Availability {
  available: boolean;
  /** Why not, for the operator: which setting is missing. */
  detail?: string;
}

/**
 * Subscriptions need a mail server (SMTP_URL) and the address of the app (PUBLIC_URL), so
 * that the e-mails leave the machine and their links work outside it.
 */
export function subscriptionAvailability(settings: SubscriptionMailSettings): Availability {
  const missing = [settings.smtpUrl ? null : 'SMTP_URL', settings.publicUrl ? null : 'PUBLIC_URL'].filter((m) => m !== null);
  if (missing.length === 0) return { available: true };
  return {
    available: false,
    detail: `E-mail subscriptions are not available on this server: ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not configured. The Atom feeds are: /api/public/feed.atom and /api/public/countries/{ISO3}/feed.atom.`,
  };
}

/** The same answer for a new, pending or confirmed address: nobody learns which it is. */
export const SUBSCRIBE_ANSWER = {
  status: 'accepted',
  detail: 'If this address can receive e-mail, a message with a confirmation link is on its way. Nothing else is sent to it until the link is opened (within 7 days).',
} as const;

const base = (url: string) => url.replace(/\/+$/, '');
const webLink = (baseUrl: string, page: 'confirm' | 'unsubscribe', token: string) => `${base(baseUrl)}/subscriptions/${page}?token=${token}`;
const oneClickLink = (baseUrl: string, token: string) => `${base(baseUrl)}/api/public/subscriptions/unsubscribe?token=${token}`;

function stateNameIn(party: PartyRow | undefined, iso3: string, language: UnLanguage): string {
  if (!party) return iso3;
  return (party.names as Record<string, string | undefined>)[language] ?? party.nameUn;
}

/** A new unsubscribe token for one e-mail: the token for its links, the row to keep its hash. */
function unsubscribeToken(subscriptionId: string, now: Date) {
  const token = newToken();
  return { token, row: { tokenHash: hashToken(token), subscriptionId, createdAt: now } };
}

/**
 * Asks to follow a State (`country`) or the whole Mechanism (null): writes a pending request
 * and queues the confirmation e-mail, in one transaction. A confirmed address is left as it
 * is; a pending one gets a new link (not more than every 10 minutes). The answer is always
 * SUBSCRIBE_ANSWER.
 */
export async function requestSubscription(
  ctx: UseCaseContext,
  input: { email: string; country: string | null; language: UnLanguage },
  settings: SubscriptionMailSettings,
): Promise<typeof SUBSCRIBE_ANSWER> {
  authorize(ctx.actor, 'subscriptions.manage');
  const availability = subscriptionAvailability(settings);
  if (!availability.available || !settings.publicUrl) throw new DomainError('mail.unavailable', availability.detail ?? 'E-mail subscriptions are not available on this server.');
  const publicUrl = settings.publicUrl;
  const email = normaliseEmail(input.email);
  const country = input.country ? input.country.toUpperCase() : null;
  await ctx.db.transaction(async (tx) => {
    const party = country ? await findPartyRow(tx, country) : undefined;
    if (country && !party) throw new DomainError('request.invalid', `No State with the code ${country}.`, { problems: [`country: no State with the code ${country}`] });
    const existing = await findLiveSubscription(tx, email, country);
    const outcome = requestOutcome(existing, ctx.now);
    if (outcome === 'nothing') return;
    const token = newToken();
    const values = { language: input.language, confirmTokenHash: hashToken(token), confirmExpiresAt: confirmExpiresAt(ctx.now), confirmSentAt: ctx.now };
    const subscription =
      outcome === 'resend' && existing
        ? await updateSubscription(tx, existing.id, values)
        : await insertSubscription(tx, { id: randomUUID(), email, country, status: 'pending', baseUrl: publicUrl, createdAt: ctx.now, ...values });
    // Another request for the same address and scope won the race: it sends the e-mail.
    if (!subscription) return;
    const cancel = unsubscribeToken(subscription.id, ctx.now);
    await insertUnsubscribeTokens(tx, [cancel.row]);
    const stateName = country ? stateNameIn(party, country, input.language) : null;
    const text = confirmationEmail(input.language, {
      stateName,
      confirmUrl: webLink(subscription.baseUrl, 'confirm', token),
      cancelUrl: webLink(subscription.baseUrl, 'unsubscribe', cancel.token),
    });
    await insertNotifications(tx, [
      {
        id: randomUUID(),
        userId: null,
        email,
        kind: 'subscription.confirm',
        subject: text.subject,
        body: text.body,
        link: '/subscriptions/confirm',
        createdAt: ctx.now,
        headers: listUnsubscribeHeaders(oneClickLink(subscription.baseUrl, cancel.token)),
      },
    ]);
  });
  return SUBSCRIBE_ANSWER;
}

const NOT_VALID = 'This link is not valid: it was mistyped, has expired (a request must be confirmed within 7 days) or the subscription has ended.';

export interface SubscriptionState {
  status: SubscriptionStatus;
  /** The State followed, or null for the whole Mechanism. */
  country: string | null;
}

/** Opens the confirmation link: the subscription starts. Opening it again changes nothing. */
export async function confirmSubscription(ctx: UseCaseContext, token: string): Promise<SubscriptionState> {
  authorize(ctx.actor, 'subscriptions.manage');
  return ctx.db.transaction(async (tx) => {
    const row = await findByConfirmTokenHash(tx, hashToken(token));
    if (!row) throw new DomainError('resource.notFound', NOT_VALID);
    const outcome = confirmOutcome(row, ctx.now);
    if (outcome === 'invalid') throw new DomainError('resource.notFound', NOT_VALID);
    if (outcome === 'alreadyConfirmed') return { status: 'confirmed', country: row.country };
    await updateSubscription(tx, row.id, { status: 'confirmed', confirmedAt: ctx.now });
    await audit(tx, ctx, 'subscriptions.confirm', row);
    return { status: 'confirmed', country: row.country };
  });
}

/**
 * One-click unsubscribe (RFC 8058), from any e-mail's link or List-Unsubscribe header: the
 * subscription ends at once, its address is erased, nothing more is sent. Idempotent.
 */
export async function unsubscribe(ctx: UseCaseContext, token: string): Promise<SubscriptionState> {
  authorize(ctx.actor, 'subscriptions.manage');
  return ctx.db.transaction(async (tx) => {
    const row = await findByUnsubscribeTokenHash(tx, hashToken(token));
    if (!row) throw new DomainError('resource.notFound', 'This unsubscribe link is not valid: it was mistyped, or the request it belonged to lapsed unconfirmed.');
    if (row.status === 'unsubscribed') return { status: 'unsubscribed', country: row.country };
    await updateSubscription(tx, row.id, { status: 'unsubscribed', email: null, confirmTokenHash: null, unsubscribedAt: ctx.now });
    await audit(tx, ctx, 'subscriptions.unsubscribe', row);
    return { status: 'unsubscribed', country: row.country };
  });
}

/** The audit row names the subscription, its scope and language — never the address. */
function audit(tx: DbOrTx, ctx: UseCaseContext, action: string, row: SubscriptionRow) {
  return appendAudit(tx, {
    actor: ctx.actor,
    action,
    resourceType: 'subscription',
    resourceId: row.id,
    details: { country: row.country, language: row.language, previousStatus: row.status },
    ip: ctx.ip,
    requestId: ctx.requestId,
  });
}

/**
 * Queues one e-mail per confirmed subscriber of the event's State or of the whole Mechanism,
 * in the subscriber's language, each with its own unsubscribe token. Call it with the
 * transaction of the change it announces (a review started, dialogue dates set, a document
 * published), so that an announcement goes out if and only if the change is kept. It is
 * not a request of its own: the caller has authorised the change. Returns how many e-mails.
 */
export async function announceToSubscribers(db: DbOrTx, event: SubscriptionEvent): Promise<number> {
  const iso3 = event.iso3.toUpperCase();
  const subscribers = subscribersOf(await listConfirmedFor(db, iso3), { iso3 });
  if (subscribers.length === 0) return 0;
  const party = await findPartyRow(db, iso3);
  const now = new Date();
  const tokens: ReturnType<typeof unsubscribeToken>['row'][] = [];
  const emails = subscribers
    .filter((s): s is SubscriptionRow & { email: string } => s.email !== null)
    .map((s) => {
      const language = s.language;
      const stateName = stateNameIn(party, iso3, language);
      const unsubscribeWith = unsubscribeToken(s.id, now);
      tokens.push(unsubscribeWith.row);
      const text = announcementEmail(language, { ...event, iso3 }, {
        stateName,
        followed: s.country === null ? null : stateName,
        pageUrl: `${base(s.baseUrl)}/countries/${iso3}`,
        unsubscribeUrl: webLink(s.baseUrl, 'unsubscribe', unsubscribeWith.token),
      });
      return {
        id: randomUUID(),
        userId: null,
        email: s.email,
        kind: `subscription.${event.kind}`,
        subject: text.subject,
        body: text.body,
        link: `/countries/${iso3}`,
        headers: listUnsubscribeHeaders(oneClickLink(s.baseUrl, unsubscribeWith.token)),
      };
    });
  await insertUnsubscribeTokens(db, tokens);
  return insertNotifications(db, emails);
}

/** Deletes the requests that were never confirmed within 7 days (the notification worker, hourly). */
export async function purgeLapsedSubscriptions(ctx: UseCaseContext): Promise<number> {
  authorize(ctx.actor, 'notifications.deliver');
  return deleteLapsedRequests(ctx.db, ctx.now);
}
