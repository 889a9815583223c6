/**
 * Sessions of the governing bodies (docs/SESSIONS.md): the configurable bodies, their
 * sessions (joint meetings of several bodies, resumed parts), meetings for the calendar,
 * the agenda, documents with one file per language, and the session report with its text
 * versions and the objections that break a silence procedure.
 *
 * The table is `body_sessions`, not `sessions`: `sessions` holds sign-in sessions
 * (accounts.ts). Registration of participants references `body_sessions.id`.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { parties } from './reference.ts';

export const governingBodies = pgTable('governing_bodies', {
  /** Short stable code: IRG, COSP, WG2 … */
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** The series of its document symbols, e.g. CAC/COSP/IRG. */
  series: text('series').notNull(),
  position: integer('position').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const bodySessions = pgTable(
  'body_sessions',
  {
    id: uuid('id').primaryKey(),
    number: integer('number').notNull(),
    /** 0 for the session itself, 1, 2 … for its resumed parts. */
    resumedPart: integer('resumed_part').notNull().default(0),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    venue: text('venue').notNull().default(''),
    format: text('format').notNull(),
    status: text('status').notNull().default('planned'),
    agendaAdoptedOn: date('agenda_adopted_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('body_sessions_start_idx').on(t.startDate),
    check('body_sessions_format_check', sql`${t.format} in ('in-person', 'online', 'hybrid')`),
    check('body_sessions_status_check', sql`${t.status} in ('planned', 'registration', 'closed', 'held')`),
    check('body_sessions_dates_check', sql`${t.endDate} >= ${t.startDate} and ${t.number} >= 1 and ${t.resumedPart} >= 0`),
  ],
);

/** The bodies meeting in a session; more than one makes it a joint meeting. The first (position 0) leads. */
export const bodySessionBodies = pgTable(
  'body_session_bodies',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => bodySessions.id, { onDelete: 'cascade' }),
    bodyCode: text('body_code')
      .notNull()
      .references(() => governingBodies.code),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.bodyCode] }), index('body_session_bodies_body_idx').on(t.bodyCode)],
);

/** The meetings of a session (the calendar); a meeting may be held jointly by some of its bodies. */
export const sessionMeetings = pgTable(
  'session_meetings',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => bodySessions.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
    room: text('room').notNull().default(''),
    bodies: jsonb('bodies').$type<string[]>().notNull().default([]),
  },
  (t) => [index('session_meetings_session_idx').on(t.sessionId, t.startsAt), check('session_meetings_times_check', sql`${t.endsAt} > ${t.startsAt}`)],
);

export const sessionDocuments = pgTable(
  'session_documents',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => bodySessions.id),
    /** Canonical UN symbol, unique across sessions. */
    symbol: text('symbol').notNull(),
    series: text('series').notNull(),
    title: text('title').notNull(),
    distributedOn: date('distributed_on', { mode: 'string' }),
    distribution: text('distribution').notNull(),
    role: text('role').notNull().default('other'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('session_documents_symbol_idx').on(t.symbol),
    index('session_documents_session_idx').on(t.sessionId),
    check('session_documents_distribution_check', sql`${t.distribution} in ('general', 'limited', 'restricted', 'crp')`),
  ],
);

/** One file per language version; a new upload replaces the language's file. */
export const sessionDocumentFiles = pgTable(
  'session_document_files',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => sessionDocuments.id, { onDelete: 'cascade' }),
    language: text('language').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.language] }), check('session_document_files_language_check', sql`${t.language} in ('ar', 'zh', 'en', 'fr', 'ru', 'es')`)],
);

/** Agenda items (parent null) and sub-items, in order; numbers and letters derive from positions. */
export const sessionAgendaItems = pgTable(
  'session_agenda_items',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => bodySessions.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id'),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    /** Symbols of the documents considered under the item. */
    documents: jsonb('documents').$type<string[]>().notNull().default([]),
  },
  (t) => [index('session_agenda_items_session_idx').on(t.sessionId, t.position)],
);

export const sessionReports = pgTable(
  'session_reports',
  {
    sessionId: uuid('session_id')
      .primaryKey()
      .references(() => bodySessions.id),
    status: text('status').notNull().default('draft'),
    version: integer('version').notNull().default(0),
    circulatedVersion: integer('circulated_version'),
    circulatedAt: timestamp('circulated_at', { withTimezone: true, mode: 'date' }),
    silenceDeadline: timestamp('silence_deadline', { withTimezone: true, mode: 'date' }),
    adoptedOn: date('adopted_on', { mode: 'string' }),
    adoptionMode: text('adoption_mode'),
    lockedAt: timestamp('locked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    check('session_reports_status_check', sql`${t.status} in ('draft', 'circulated', 'amended', 'adopted', 'locked')`),
    check('session_reports_mode_check', sql`${t.adoptionMode} is null or ${t.adoptionMode} in ('meeting', 'silence')`),
  ],
);

export const sessionReportVersions = pgTable(
  'session_report_versions',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => bodySessions.id),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    author: text('author').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.version] })],
);

/** Objections to a circulated draft under silence procedure; `circulatedVersion` ties each to one circulation. */
export const sessionReportObjections = pgTable(
  'session_report_objections',
  {
    id: uuid('id').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => bodySessions.id),
    circulatedVersion: integer('circulated_version').notNull(),
    stateIso3: text('state_iso3')
      .notNull()
      .references(() => parties.iso3),
    note: text('note').notNull().default(''),
    objectedBy: text('objected_by').notNull(),
    objectedAt: timestamp('objected_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('session_report_objections_once_idx').on(t.sessionId, t.circulatedVersion, t.stateIso3)],
);
