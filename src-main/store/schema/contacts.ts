import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
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
    /** The channel the contact asked for ('email' | 'whatsapp'); null = no preference (`preferred` mode). */
    preferredChannel: text('preferred_channel'),
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

/**
 * One row per import run: what was read, what was written, and the problems found. The counts are
 * committed in the same transaction as the contacts they count, so after a cancel or a failure they
 * say exactly what was written. `status`: running, done, cancelled, failed. `issues` (JSON) keeps the
 * first problems for the old one-shot path; every problem is a row of `import_issues`.
 */
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
  status: text('status').notNull().default('done'),
  encoding: text('encoding'),
  delimiter: text('delimiter'),
  valid: integer('valid').notNull().default(0),
  issueCount: integer('issue_count').notNull().default(0),
  listId: integer('list_id'),
  error: text('error'),
  finishedAt: integer('finished_at'),
});

/** Every problem an import found, by 1-based physical line of the file (the downloadable report). */
export const importIssues = sqliteTable(
  'import_issues',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    field: text('field').notNull(),
    code: text('code').notNull(),
    message: text('message').notNull(),
    value: text('value'),
  },
  (t) => [index('import_issues_import_idx').on(t.importId)],
);

/** The column mapping the user confirmed, per header set (`headerKey`: sha256 of the JSON header list). */
export const importMappings = sqliteTable('import_mappings', {
  headerKey: text('header_key').primaryKey(),
  mapping: text('mapping', { mode: 'json' }).notNull(),
  updatedAt: integer('updated_at').notNull().default(now),
});

/** Named contact lists (a campaign audience); names are unique ignoring case. */
export const lists = sqliteTable(
  'lists',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('lists_name_uq').on(sql`lower(${t.name})`)],
);

/** List membership; removed with the contact or the list. */
export const listMembers = sqliteTable(
  'list_members',
  {
    listId: integer('list_id')
      .notNull()
      .references(() => lists.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    addedAt: integer('added_at').notNull().default(now),
  },
  (t) => [
    primaryKey({ columns: [t.listId, t.contactId] }),
    index('list_members_contact_idx').on(t.contactId),
  ],
);

/** Tags (free labels on contacts); names are unique ignoring case. */
export const tags = sqliteTable(
  'tags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    createdAt: integer('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('tags_name_uq').on(sql`lower(${t.name})`)],
);

/** Tag assignments; removed with the contact or the tag. */
export const contactTags = sqliteTable(
  'contact_tags',
  {
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.tagId, t.contactId] }), index('contact_tags_contact_idx').on(t.contactId)],
);

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
