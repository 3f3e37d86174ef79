/**
 * The SQLite schema (drizzle-orm), one file per domain under schema/. Times are integer ms since epoch;
 * JSON columns hold plain objects. `npm run db:generate` writes the SQL migration after a change.
 */
export * from './schema/settings';
export * from './schema/contacts';
export * from './schema/templates';
export * from './schema/campaigns';
export * from './schema/library';
