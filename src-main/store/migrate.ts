import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Store } from './db';

/** Thrown when the database was written by a newer Herald than this one. */
export class DatabaseTooNewError extends Error {
  constructor(
    public readonly databaseMigration: number,
    public readonly knownMigration: number,
  ) {
    super(
      'This data folder was written by a newer version of Herald. Install the latest Herald, ' +
        'or start this version with another data folder (--data-dir).',
    );
    this.name = 'DatabaseTooNewError';
  }
}

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

/**
 * Applies the SQL migrations in `migrationsDir` (drizzle-kit's output, `meta/_journal.json`) that the
 * database lacks. Refuses, before touching anything, a database whose newest applied migration is newer
 * than the newest this build knows (the Actual Budget rule): throws DatabaseTooNewError.
 */
export function runMigrations(store: Store, migrationsDir: string): void {
  const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as Journal;
  const known = Math.max(0, ...journal.entries.map((e) => e.when));
  const hasTable = store.sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (hasTable) {
    const row = store.sqlite.prepare('SELECT MAX(created_at) AS latest FROM __drizzle_migrations').get() as {
      latest: number | null;
    };
    if (row.latest !== null && Number(row.latest) > known)
      throw new DatabaseTooNewError(Number(row.latest), known);
  }
  migrate(store.db, { migrationsFolder: migrationsDir });
}
