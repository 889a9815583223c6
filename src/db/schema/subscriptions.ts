/**
 * E-mail subscriptions to the public review schedule (docs/PUBLIC.md, "Follow by e-mail").
 * The only place that keeps subscribers' addresses; the address is erased when the
 * subscription ends, and an unconfirmed request is deleted once it has lapsed. Tokens are
 * stored as SHA-256 hashes only.
 */
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { UnLanguage } from '../../domain/parties/party.ts';
import type { SubscriptionStatus } from '../../domain/subscriptions/subscriptions.ts';
import { parties } from './reference.ts';

export const subscriptions = pgTable(
  'subscriptions',
  {
    id: uuid('id').primaryKey(),
    /** Trimmed and lower-cased; null once unsubscribed. */
    email: text('email'),
    /** The State followed; null follows the whole Mechanism. */
    country: text('country').references(() => parties.iso3),
    /** One of the six UN languages: the e-mails are written in it. */
    language: text('language').$type<UnLanguage>().notNull(),
    /** pending until the confirmation link is opened, then confirmed, unsubscribed at the end. */
    status: text('status').$type<SubscriptionStatus>().notNull().default('pending'),
    confirmTokenHash: text('confirm_token_hash'),
    confirmExpiresAt: timestamp('confirm_expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The last confirmation e-mail, so that asking again does not flood the address. */
    confirmSentAt: timestamp('confirm_sent_at', { withTimezone: true, mode: 'date' }),
    /** PUBLIC_URL when the address subscribed: the links in its e-mails start with it. */
    baseUrl: text('base_url').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'date' }),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    // One live subscription per address and scope (a State, or the whole Mechanism).
    uniqueIndex('subscriptions_live_unique')
      .on(t.email, sql`coalesce(${t.country}, '*')`)
      .where(sql`${t.status} in ('pending', 'confirmed')`),
    uniqueIndex('subscriptions_confirm_token_unique').on(t.confirmTokenHash),
    index('subscriptions_status_country_idx').on(t.status, t.country),
    check('subscriptions_status_check', sql`${t.status} in ('pending', 'confirmed', 'unsubscribed')`),
    check('subscriptions_language_check', sql`${t.language} in ('ar', 'zh', 'en', 'fr', 'ru', 'es')`),
    check('subscriptions_email_check', sql`${t.status} = 'unsubscribed' or ${t.email} is not null`),
  ],
);

/**
 * Every e-mail to a subscriber carries its own unsubscribe token (the List-Unsubscribe header
 * and the visible link); each stays valid as long as the subscription exists.
 */
export const subscriptionUnsubscribeTokens = pgTable(
  'subscription_unsubscribe_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => subscriptions.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('subscription_unsubscribe_tokens_subscription_idx').on(t.subscriptionId)],
);
