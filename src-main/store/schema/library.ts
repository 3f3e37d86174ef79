import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { now } from './common';

/**
 * The template library: reusable email or WhatsApp content (an EmailContent or WhatsAppContent
 * object), named uniquely per channel.
 */
export const libraryTemplates = sqliteTable(
  'library_templates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    channel: text('channel').notNull(),
    content: text('content', { mode: 'json' }).notNull(),
    createdAt: integer('created_at').notNull().default(now),
    updatedAt: integer('updated_at').notNull().default(now),
  },
  (t) => [uniqueIndex('library_templates_channel_name_uq').on(t.channel, t.name)],
);
