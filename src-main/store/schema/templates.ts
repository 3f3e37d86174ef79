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

/**
 * Header media files the user added (image, video, document), stored under `<data folder>/media/`
 * as `<sha256>.<ext>`; the same file added twice is one row. Campaigns refer to a row as `media:<id>`.
 */
export const waMedia = sqliteTable(
  'wa_media',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    /** image | video | document */
    kind: text('kind').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** File name inside `<data folder>/media/`. */
    storedAs: text('stored_as').notNull(),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('wa_media_sha256_uq').on(t.sha256)],
);
