import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Times are integer ms since epoch throughout. JSON columns hold plain objects. */
const now = sql`(CAST(unixepoch('subsec') * 1000 AS INTEGER))`;

/** Non-secret settings, one JSON value per key. Secrets live in the OS keychain, never here. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at').notNull().default(now),
});

/**
 * Contacts. `email` is stored lower-cased and `phone` as E.164, so the unique indexes are the
 * dedupe rule (same lower-cased email, or same E.164 phone).
 */
export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    firstName: text('first_name'),
    lastName: text('last_name'),
    email: text('email'),
    phone: text('phone'),
    /** libphonenumber-js number type (MOBILE, FIXED_LINE, …) when known. */
    phoneType: text('phone_type'),
    language: text('language'),
    attributes: text('attributes', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
    importId: integer('import_id').references(() => imports.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull().default(now),
    updatedAt: integer('updated_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('contacts_email_uq').on(t.email),
    uniqueIndex('contacts_phone_uq').on(t.phone),
    index('contacts_import_idx').on(t.importId),
  ],
);

/** One row per import run: what was read, what was written, and every problem found. */
export const imports = sqliteTable('imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fileName: text('file_name').notNull(),
  rows: integer('rows').notNull().default(0),
  imported: integer('imported').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  duplicates: integer('duplicates').notNull().default(0),
  invalidPhone: integer('invalid_phone').notNull().default(0),
  invalidEmail: integer('invalid_email').notNull().default(0),
  noChannel: integer('no_channel').notNull().default(0),
  issues: text('issues', { mode: 'json' }).notNull().default([]),
  createdAt: integer('created_at').notNull().default(now),
});

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

/** A campaign and the content it sends. `draft` is the composer's CampaignDraft, frozen at creation. */
export const campaigns = sqliteTable('campaigns', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  channelMode: text('channel_mode').notNull(),
  status: text('status').notNull().default('draft'),
  statusReason: text('status_reason'),
  draft: text('draft', { mode: 'json' }).notNull(),
  createdAt: integer('created_at').notNull().default(now),
  startedAt: integer('started_at'),
  finishedAt: integer('finished_at'),
});

/**
 * The durable outbox: one row per (campaign, contact, channel). A row in `sending` at start-up was
 * in flight during a crash and becomes `unknown`; it is never re-sent without the user.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id').notNull(),
    channel: text('channel').notNull(),
    /** E.164 phone or email address, frozen when the outbox was materialised. */
    address: text('address'),
    state: text('state').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull().default(0),
    providerMessageId: text('provider_message_id'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    skipReason: text('skip_reason'),
    updatedAt: integer('updated_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('outbox_campaign_contact_channel_uq').on(t.campaignId, t.contactId, t.channel),
    index('outbox_due_idx').on(t.campaignId, t.state, t.nextAttemptAt),
  ],
);
