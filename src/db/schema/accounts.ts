/**
 * People and their sign-ins. A user has either a password hash or an external identity
 * (OpenID Connect issuer + subject), so single sign-on can be added without a new table.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { parties } from './reference.ts';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    stateIso3: text('state_iso3').references(() => parties.iso3),
    passwordHash: text('password_hash'),
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    isDisabled: boolean('is_disabled').notNull().default(false),
    isDemo: boolean('is_demo').notNull().default(false),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
    /** Base32 TOTP secret once two-factor sign-in is confirmed; null when it is off. */
    totpSecret: text('totp_secret'),
    /** Secret offered during enrolment, until the user proves it with a code. */
    totpPendingSecret: text('totp_pending_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true, mode: 'date' }),
    /** Last accepted 30-second time step, so a code cannot be replayed within its window. */
    totpLastStep: integer('totp_last_step'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    uniqueIndex('users_oidc_unique').on(t.oidcIssuer, t.oidcSubject),
    check('users_role_check', sql`${t.role} in ('secretariat', 'focal-point', 'expert', 'delegate')`),
    check('users_email_lower_check', sql`${t.email} = lower(${t.email})`),
    check('users_state_role_check', sql`(${t.role} in ('focal-point', 'expert')) = (${t.stateIso3} is not null) or ${t.role} = 'delegate'`),
  ],
);

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    /** full: signed in; mfa: password given, second factor awaited; enrol: must set up two-factor first. */
    stage: text('stage').notNull().default('full'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), check('sessions_stage_check', sql`${t.stage} in ('full', 'mfa', 'enrol')`)],
);

/** Single-use two-factor recovery codes: only their SHA-256 is kept; a used code is deleted. */
export const recoveryCodes = pgTable(
  'user_recovery_codes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);
