import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { now } from './common';

/** WhatsApp message templates synced from the WABA (one row per name + language). */
export const waTemplates = sqliteTable(
  'wa_templates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    metaId: text('meta_id').notNull(),
    name: text('name').notNull(),
    language: text('language').notNull(),
    status: text('status').notNull(),
    category: text('category').notNull(),
    parameterFormat: text('parameter_format').notNull().default('POSITIONAL'),
    /** Meta's `components` array, as received. */
    components: text('components', { mode: 'json' }).notNull(),
    syncedAt: integer('synced_at').notNull().default(now),
  },
  (t) => [uniqueIndex('wa_templates_name_lang_uq').on(t.name, t.language)],
);
