import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { now } from './common';

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
    /** Consent per channel: 'granted', 'denied', or null when unknown. An import never clears a record. */
    emailConsent: text('email_consent'),
    whatsappConsent: text('whatsapp_consent'),
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

/**
 * The suppression list: addresses that must never be messaged on a channel (opt-outs, bounces,
 * complaints, 131050 "stopped marketing"). `address` is the lower-cased email or the E.164 phone.
 * Every campaign skips these; an import never removes one.
 */
export const suppressions = sqliteTable(
  'suppressions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    channel: text('channel').notNull(),
    address: text('address').notNull(),
    reason: text('reason').notNull(),
    /** Where it came from: 'user', 'import', 'campaign', 'webhook'. */
    source: text('source').notNull().default('user'),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('suppressions_channel_address_uq').on(t.channel, t.address)],
);
