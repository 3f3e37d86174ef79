import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { now } from './common';

/** Non-secret settings, one JSON value per key. Secrets live in the OS keychain, never here. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at').notNull().default(now),
});
