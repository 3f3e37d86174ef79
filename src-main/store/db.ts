import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';

/** The drizzle database over one SQLite file, plus the raw handle for hot-path prepared statements. */
export interface Store {
  sqlite: Database.Database;
  db: BetterSQLite3Database<typeof schema>;
  close(): void;
}

/**
 * Adds Herald's SQL functions to a connection. `unicode_lower(x)`: lower case for every script
 * (SQLite's own `lower()` folds A–Z only, so "Île" would never equal "île"); NULL stays NULL.
 */
export function registerSqlFunctions(sqlite: Database.Database): void {
  sqlite.function('unicode_lower', { deterministic: true }, (x: unknown) =>
    x === null || x === undefined ? null : String(x).toLowerCase(),
  );
}

/**
 * Opens (creating if needed) the SQLite file at `file` with WAL journaling, foreign keys on, a 5 s
 * busy timeout and Herald's SQL functions. Throws better-sqlite3's SqliteError when the file is not a
 * database.
 */
export function openStore(file: string): Store {
  const sqlite = new Database(file, { timeout: 5000 });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  registerSqlFunctions(sqlite);
  const db = drizzle(sqlite, { schema });
  return { sqlite, db, close: () => sqlite.close() };
}
