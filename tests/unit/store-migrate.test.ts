import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store/db';
import { DatabaseTooNewError, runMigrations } from '../../src-main/store/migrate';
import { MIGRATIONS_DIR, type TempStore, openTempStore } from '../fixtures/temp-store';

const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as {
  entries: { when: number; tag: string }[];
};
const lastWhen = Math.max(...journal.entries.map((e) => e.when));

function tables(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

describe('store migrations on a database file', () => {
  let t: TempStore;
  afterEach(() => t.dispose());

  it('creates every table of the schema', () => {
    t = openTempStore();
    expect(tables(t.store.sqlite)).toEqual(
      expect.arrayContaining(['campaigns', 'contacts', 'imports', 'outbox', 'settings', 'wa_templates']),
    );
    const applied = t.store.sqlite.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get() as {
      n: number;
    };
    expect(applied.n).toBe(journal.entries.length);
  });

  it('opens the file in WAL mode with foreign keys on', () => {
    t = openTempStore();
    expect(t.store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(t.store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    // WAL is a property of the file: a plain connection sees it too.
    const raw = new Database(t.file, { readonly: true });
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  it('is idempotent: running again, and after reopening, changes nothing', () => {
    t = openTempStore();
    t.store.sqlite.prepare("INSERT INTO imports (file_name) VALUES ('kept.csv')").run();
    runMigrations(t.store, MIGRATIONS_DIR);
    t.store.close();
    const again = openStore(t.file);
    t.store = again;
    runMigrations(again, MIGRATIONS_DIR);
    const applied = again.sqlite.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get() as {
      n: number;
    };
    expect(applied.n).toBe(journal.entries.length);
    expect(again.sqlite.prepare('SELECT file_name FROM imports').all()).toEqual([{ file_name: 'kept.csv' }]);
  });

  it('refuses a database written by a newer Herald', () => {
    t = openTempStore();
    t.store.sqlite
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('from-the-future', lastWhen + 1);
    t.store.close();
    t.store = openStore(t.file);

    let caught: unknown;
    try {
      runMigrations(t.store, MIGRATIONS_DIR);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DatabaseTooNewError);
    const e = caught as DatabaseTooNewError;
    expect(e.databaseMigration).toBe(lastWhen + 1);
    expect(e.knownMigration).toBe(lastWhen);
    expect(e.message).toBe(
      'This data folder was written by a newer version of Herald. Install the latest Herald, ' +
        'or start this version with another data folder (--data-dir).',
    );
  });

  it('accepts a database whose newest migration is exactly the newest known one', () => {
    t = openTempStore();
    const latest = t.store.sqlite.prepare('SELECT MAX(created_at) AS w FROM __drizzle_migrations').get() as {
      w: number;
    };
    expect(Number(latest.w)).toBe(lastWhen);
    expect(() => runMigrations(t.store, MIGRATIONS_DIR)).not.toThrow();
  });

  it('cascades: deleting a campaign deletes its outbox rows; deleting an import keeps its contacts', () => {
    t = openTempStore();
    const db = t.store.sqlite;
    const campaign = (name: string) =>
      Number(
        db.prepare("INSERT INTO campaigns (name, channel_mode, draft) VALUES (?, 'email', '{}')").run(name)
          .lastInsertRowid,
      );
    const doomed = campaign('doomed');
    const kept = campaign('kept');
    const outbox = db.prepare(
      "INSERT INTO outbox (campaign_id, contact_id, channel, address, state) VALUES (?, ?, 'email', ?, 'queued')",
    );
    for (const id of [1, 2, 3]) outbox.run(doomed, id, `c${id}@example.com`);
    outbox.run(kept, 1, 'c1@example.com');

    db.prepare('DELETE FROM campaigns WHERE id = ?').run(doomed);
    expect(db.prepare('SELECT campaign_id FROM outbox').all()).toEqual([{ campaign_id: kept }]);

    const importId = Number(
      db.prepare("INSERT INTO imports (file_name) VALUES ('a.csv')").run().lastInsertRowid,
    );
    db.prepare("INSERT INTO contacts (email, import_id) VALUES ('x@example.com', ?)").run(importId);
    db.prepare('DELETE FROM imports WHERE id = ?').run(importId);
    expect(db.prepare('SELECT email, import_id FROM contacts').all()).toEqual([
      { email: 'x@example.com', import_id: null },
    ]);
  });

  it('rejects an outbox row for a campaign that does not exist', () => {
    t = openTempStore();
    expect(() =>
      t.store.sqlite
        .prepare(
          "INSERT INTO outbox (campaign_id, contact_id, channel, state) VALUES (999, 1, 'email', 'queued')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
  });
});
