/**
 * The direct dialogue of a review (docs/DIALOGUE.md): one per review, with its participants
 * and its agenda sessions. Session notes and attendance are confidential to the review.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { reviews } from './reviews.ts';

export const dialogues = pgTable(
  'dialogues',
  {
    reviewId: uuid('review_id')
      .primaryKey()
      .references(() => reviews.id),
    form: text('form').notNull(),
    /** IANA zone the agenda's wall-clock times are in. */
    timeZone: text('time_zone').notNull(),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    location: text('location').notNull().default(''),
    stakeholdersAgreed: boolean('stakeholders_agreed').notNull().default(false),
    interpretationLanguages: jsonb('interpretation_languages').$type<string[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    check('dialogues_form_check', sql`${t.form} in ('country_visit', 'joint_meeting', 'virtual_visit')`),
    check('dialogues_dates_check', sql`(${t.startDate} is null) = (${t.endDate} is null) and (${t.startDate} is null or ${t.endDate} >= ${t.startDate})`),
  ],
);

export const dialogueParticipants = pgTable(
  'dialogue_participants',
  {
    id: uuid('id').primaryKey(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => dialogues.reviewId),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    /** state-under-review, reviewer:ISO3, secretariat or stakeholder. */
    side: text('side').notNull(),
    organisation: text('organisation').notNull().default(''),
    email: text('email'),
    /** Attendance, recorded after the dialogue: null = not recorded. */
    attended: boolean('attended'),
  },
  (t) => [index('dialogue_participants_review_idx').on(t.reviewId)],
);

export const dialogueSessions = pgTable(
  'dialogue_sessions',
  {
    id: uuid('id').primaryKey(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => dialogues.reviewId),
    title: text('title').notNull(),
    topic: text('topic').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
    notes: text('notes').notNull().default(''),
    notesVersion: integer('notes_version').notNull().default(0),
    notesUpdatedBy: text('notes_updated_by'),
    notesUpdatedAt: timestamp('notes_updated_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('dialogue_sessions_review_idx').on(t.reviewId), check('dialogue_sessions_order_check', sql`${t.endsAt} > ${t.startsAt}`)],
);
