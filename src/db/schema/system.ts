/**
 * Small key/value facts about the installation itself (e.g. which version of the reference
 * data was loaded), so start-up can skip work already done.
 */
import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const systemSettings = pgTable('system_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
