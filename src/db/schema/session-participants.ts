/**
 * Registration and attendance of a session (docs/SESSIONS.md §11): the delegations
 * (a State party or signatory, the European Union, or an observer organisation in a category)
 * and their participants with the registration status, the secretariat's approval and how
 * attendance was confirmed (in the room or an online connection).
 */
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { parties } from './reference.ts';
import { bodySessions } from './sessions.ts';

export const sessionDelegations = pgTable(
  'session_delegations',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => bodySessions.id),
    kind: text('kind').notNull(),
    /** The State (or EUU for the European Union); null for observers. */
    partyIso3: text('party_iso3').references(() => parties.iso3),
    observerName: text('observer_name'),
    category: text('category'),
    /** The name an observer is alphabetised under, when it is not its name (GRECO under "Council of Europe"). */
    sortAs: text('sort_as'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('session_delegations_state_idx')
      .on(t.sessionId, t.partyIso3)
      .where(sql`${t.partyIso3} is not null`),
    uniqueIndex('session_delegations_observer_idx')
      .on(t.sessionId, sql`lower(${t.observerName})`)
      .where(sql`${t.observerName} is not null`),
    check('session_delegations_kind_check', sql`${t.kind} in ('party', 'signatory', 'reio', 'observer')`),
    check(
      'session_delegations_shape_check',
      sql`(${t.kind} = 'observer' and ${t.partyIso3} is null and ${t.observerName} is not null and ${t.category} in ('secretariat-unit', 'un-body', 'specialized-agency', 'pni-institute', 'igo', 'standing-observer', 'ngo')) or (${t.kind} <> 'observer' and ${t.partyIso3} is not null and ${t.observerName} is null and ${t.category} is null)`,
    ),
  ],
);

export const sessionRegistrations = pgTable(
  'session_registrations',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => bodySessions.id),
    delegationId: uuid('delegation_id')
      .notNull()
      .references(() => sessionDelegations.id),
    name: text('name').notNull(),
    title: text('title').notNull().default(''),
    /** Lower case; empty when not given. */
    email: text('email').notNull().default(''),
    status: text('status').notNull().default('registered'),
    registeredBy: text('registered_by').notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true, mode: 'date' }).notNull(),
    approvedBy: text('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    /** Rejected or withdrawn. */
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    /** Presence in the room, recorded by the secretariat. */
    attendedAt: timestamp('attended_at', { withTimezone: true, mode: 'date' }),
    /** A confirmed online connection: what "attended" means for an online session. */
    connectedAt: timestamp('connected_at', { withTimezone: true, mode: 'date' }),
    attendanceRecordedBy: text('attendance_recorded_by'),
  },
  (t) => [
    index('session_registrations_session_idx').on(t.sessionId, t.delegationId),
    uniqueIndex('session_registrations_email_idx')
      .on(t.sessionId, t.email)
      .where(sql`${t.email} <> ''`),
    check('session_registrations_status_check', sql`${t.status} in ('registered', 'approved', 'attended', 'rejected', 'withdrawn')`),
    check('session_registrations_attended_check', sql`${t.status} <> 'attended' or ${t.attendedAt} is not null or ${t.connectedAt} is not null`),
  ],
);
