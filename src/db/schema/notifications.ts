/**
 * Notifications: deadline reminders and "something happened on your review" messages, shown
 * in each user's inbox and sent by e-mail when SMTP is configured. Without SMTP they stay
 * in the outbox, where the secretariat can see what would have been sent. The same queue
 * carries the e-mails to public subscribers (no account: `user_id` is null, the body is the
 * whole text with its links, and `headers` holds List-Unsubscribe).
 */
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    /** The recipient's account; null for a public subscriber (docs/PUBLIC.md). */
    userId: uuid('user_id').references(() => users.id),
    /** The address at the time it was written, so the outbox shows where it went. */
    email: text('email').notNull(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** Path in the web app that the message points to. */
    link: text('link').notNull(),
    /** The same reminder is never written twice (for example once per step and week). */
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
    /** pending → sent or failed over SMTP; outbox when no SMTP server is configured. */
    emailStatus: text('email_status').notNull().default('pending'),
    emailedAt: timestamp('emailed_at', { withTimezone: true, mode: 'date' }),
    emailError: text('email_error'),
    /** Extra e-mail headers sent as they are (List-Unsubscribe for subscribers). */
    headers: jsonb('headers').$type<Record<string, string>>(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_pending_idx').on(t.emailStatus),
    uniqueIndex('notifications_dedupe_unique').on(t.userId, t.dedupeKey),
    check('notifications_email_status_check', sql`${t.emailStatus} in ('pending', 'sent', 'failed', 'outbox')`),
  ],
);
