import type Database from 'better-sqlite3';
import type { Candidate } from './prepare';

/** Candidates per multi-row INSERT on an import's hot path. */
export const INSERT_CHUNK = 16;

/** Values bound per contact, in the column order of the INSERT. */
const PER_ROW = 10;

/**
 * Columns an import inserts. Every bound value costs (~0.3 µs each through better-sqlite3), so the
 * import id is written into the statement (an integer this code got from SQLite) and the times come
 * from the columns' default, SQLite's clock in ms (schema/common.ts `now`).
 */
const COLUMNS = `contacts (first_name, last_name, email, phone, phone_type, language,
  email_consent, whatsapp_consent, preferred_channel, attributes, import_id)`;

function tuple(importId: number): string {
  if (!Number.isSafeInteger(importId)) throw new Error(`contacts: bad import id ${importId}`);
  return `(?,?,?,?,?,?,?,?,?,?,${importId})`;
}

/** The one-row `INSERT OR IGNORE` of a contact (the slow path: a conflict is then looked up). */
export function insertOneSql(importId: number): string {
  return `INSERT OR IGNORE INTO ${COLUMNS} VALUES ${tuple(importId)}`;
}

/** Writes `c`'s bound values at `out[at…at+PER_ROW)` (the order of COLUMNS). */
export function bindValues(c: Candidate, out: unknown[], at: number): void {
  out[at] = c.firstName;
  out[at + 1] = c.lastName;
  out[at + 2] = c.email;
  out[at + 3] = c.phone;
  out[at + 4] = c.phoneType;
  out[at + 5] = c.language;
  out[at + 6] = c.emailConsent;
  out[at + 7] = c.whatsappConsent;
  out[at + 8] = c.preferredChannel;
  out[at + 9] = c.attributes;
}

function isConstraintError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT');
}

/**
 * Multi-row INSERTs of new contacts: one statement for several candidates costs ~5.7 µs a row instead
 * of ~8.5 µs for one statement per row (SQLite parses, plans and steps once per statement).
 *
 * The statement has no `OR IGNORE`: it uses SQLite's default ABORT conflict resolution, so when any of
 * its rows hits a unique (or other) constraint SQLite backs out every change of that one statement and
 * keeps the transaction and the changes of earlier statements (https://www.sqlite.org/lang_conflict.html,
 * "ABORT"): `tryInsert` then returns null and nothing was written, and the caller resolves those
 * candidates on the row-at-a-time path. A statement that succeeds inserted its rows in order, exactly
 * as the same one-row INSERTs one after the other would have, with consecutive ids (the table's
 * AUTOINCREMENT key takes the next integer for each row, and the import's transaction holds the write
 * lock so nothing else inserts between them).
 */
export class ChunkInserter {
  private readonly statements = new Map<number, Database.Statement>();
  private readonly values: unknown[] = [];

  constructor(
    private readonly db: Database.Database,
    private readonly importId: number,
  ) {}

  private statement(rows: number): Database.Statement {
    let st = this.statements.get(rows);
    if (!st) {
      const tuples = new Array<string>(rows).fill(tuple(this.importId)).join(',');
      st = this.db.prepare(`INSERT INTO ${COLUMNS} VALUES ${tuples}`);
      this.statements.set(rows, st);
    }
    return st;
  }

  /**
   * Inserts `cs[from…from+n)` in one statement.
   * Returns the id of the first (the others follow one by one), or null when a constraint stopped the
   * statement and nothing was written. Throws other SQLite errors.
   */
  tryInsert(cs: readonly Candidate[], from: number, n: number): number | null {
    const values = this.values;
    values.length = n * PER_ROW;
    for (let k = 0; k < n; k++) bindValues(cs[from + k]!, values, k * PER_ROW);
    try {
      const info = this.statement(n).run(values);
      if (info.changes !== n) throw new Error(`contacts: a chunk insert wrote ${info.changes} of ${n} rows`);
      return Number(info.lastInsertRowid) - n + 1;
    } catch (e) {
      if (isConstraintError(e)) return null;
      throw e;
    }
  }
}
