import type Database from 'better-sqlite3';
import type { ExistingPolicy } from '../contract';
import { type ContactPatch, STORED_COLUMNS, type StoredContact, mergeContact } from './merge';
import { ChunkInserter, INSERT_CHUNK, insertOneSql } from './insert-chunks';
import type { Candidate } from './prepare';
import { SeenFilter } from './seen-filter';

/** What happened to one candidate: a new contact, a match of a saved contact, or a duplicate in the file. */
export interface Outcome {
  kind: 'new' | 'existing' | 'duplicate';
  /** The contact id (null in a dry run, where nothing is written). */
  contactId: number | null;
  /** The saved contact changed (only for `existing`). */
  updated: boolean;
  /** The email matched one saved contact and the phone another. */
  conflict: boolean;
  /** Which address matched (for the duplicate message). */
  matchedBy: 'email' | 'phone' | null;
}

/** Resolves candidates against the database, writing (import) or writing nothing and only counting (dry run). */
export interface Resolver {
  resolve(c: Candidate): Outcome;
  /** Resolves candidates in order: the same outcomes as `resolve` on each in turn. */
  resolveAll(cs: readonly Candidate[]): Outcome[];
}

const UPDATE_SQL = `UPDATE contacts SET first_name = @first_name, last_name = @last_name, email = @email,
  phone = @phone, phone_type = @phone_type, language = @language, email_consent = @email_consent,
  whatsapp_consent = @whatsapp_consent, preferred_channel = @preferred_channel, attributes = @attributes,
  updated_at = @now WHERE id = @id`;

/**
 * The writing resolver. New contacts go in with one raw prepared `INSERT OR IGNORE` (the unique
 * email and phone indexes are the dedupe rule, so a new contact costs one statement). When the insert
 * is ignored, the matching contacts are read: one created by this import (`import_id`) or already
 * matched (`touched`) is a duplicate inside the file and gets its empty fields filled (unless the
 * policy is `skip` for a saved contact); another is an existing contact and gets the policy.
 * `resolveAll` inserts runs of new contacts INSERT_CHUNK at a time (see ChunkInserter) and falls back
 * to that one-row path for the candidates of a chunk that hit a constraint.
 */
export function writingResolver(db: Database.Database, importId: number, policy: ExistingPolicy): Resolver {
  const insert = db.prepare(insertOneSql(importId));
  const chunks = new ChunkInserter(db, importId);
  /** Every address this import's candidates carried: a row with one of them may be a duplicate. */
  const seen = new SeenFilter();
  const update = db.prepare(UPDATE_SQL);
  const byEmail = db.prepare<[string], StoredContact>(
    `SELECT ${STORED_COLUMNS} FROM contacts WHERE email = ?`,
  );
  const byPhone = db.prepare<[string], StoredContact>(
    `SELECT ${STORED_COLUMNS} FROM contacts WHERE phone = ?`,
  );
  const touched = new Set<number>();
  const apply = (patch: ContactPatch | null) => {
    if (patch) update.run({ ...patch, now: Date.now() });
    return patch !== null;
  };
  const resolve = (c: Candidate): Outcome => {
    const ins = insert.run(
      c.firstName,
      c.lastName,
      c.email,
      c.phone,
      c.phoneType,
      c.language,
      c.emailConsent,
      c.whatsappConsent,
      c.preferredChannel,
      c.attributes,
    );
    if (ins.changes > 0)
      return {
        kind: 'new',
        contactId: Number(ins.lastInsertRowid),
        updated: false,
        conflict: false,
        matchedBy: null,
      };
    const e = c.email ? byEmail.get(c.email) : undefined;
    const p = c.phone ? byPhone.get(c.phone) : undefined;
    const found = e ?? p;
    if (!found) throw new Error(`contacts: insert ignored for line ${c.line} without a matching contact`);
    const phoneTaken = p !== undefined && p.id !== found.id;
    const matchedBy = e ? 'email' : 'phone';
    const mine = found.import_id === importId;
    if (mine || touched.has(found.id)) {
      apply(mergeContact(found, c, mine || policy !== 'skip' ? 'fill' : 'skip', phoneTaken));
      return { kind: 'duplicate', contactId: found.id, updated: false, conflict: phoneTaken, matchedBy };
    }
    touched.add(found.id);
    const updated = apply(mergeContact(found, c, policy, phoneTaken));
    return { kind: 'existing', contactId: found.id, updated, conflict: phoneTaken, matchedBy };
  };
  return {
    resolve,
    resolveAll(cs) {
      const mayMatch = (c: Candidate) => {
        const byEmail = c.email !== null && seen.testAndAdd(c.email);
        const byPhone = c.phone !== null && seen.testAndAdd(c.phone);
        return byEmail || byPhone;
      };
      const out: Outcome[] = [];
      const one = (i: number) => {
        const o = resolve(cs[i]!);
        out.push(o);
        return o;
      };
      let i = 0;
      while (i < cs.length) {
        // The run of rows from i that match no address this import has written (as far as `seen`
        // knows), up to INSERT_CHUNK; a row that may match goes alone, on the one-row path.
        let n = 0;
        while (n < INSERT_CHUNK && i + n < cs.length && !mayMatch(cs[i + n]!)) n++;
        if (n <= 1) {
          one(i++);
          continue;
        }
        const first = chunks.tryInsert(cs, i, n);
        if (first !== null) {
          for (let k = 0; k < n; k++)
            out.push({ kind: 'new', contactId: first + k, updated: false, conflict: false, matchedBy: null });
          i += n;
          continue;
        }
        // The chunk hit a constraint (a contact saved before this import) and wrote nothing: one row
        // at a time up to the row that matched, then chunks again from the row after it.
        const end = i + n;
        while (i < end && one(i++).kind === 'new');
      }
      return out;
    },
  };
}

interface ScratchRow {
  id: number;
  email: string | null;
  phone: string | null;
  main_id: number | null;
}

/**
 * The dry-run resolver: the same decisions as `writingResolver` with nothing written to the contacts.
 * This import's contacts live in a private temporary database (`ATTACH ''`, on disk, dropped on close)
 * holding their addresses, and saved contacts are read from the real table; a saved contact already
 * matched is shadowed by its scratch copy. Call `close` to detach it.
 */
export function dryRunResolver(db: Database.Database, policy: ExistingPolicy): Resolver & { close(): void } {
  db.exec(`ATTACH DATABASE '' AS scratch;
    CREATE TABLE scratch.c (id INTEGER PRIMARY KEY, email TEXT UNIQUE, phone TEXT UNIQUE, main_id INTEGER UNIQUE);`);
  const sEmail = db.prepare<[string], ScratchRow>('SELECT * FROM scratch.c WHERE email = ?');
  const sPhone = db.prepare<[string], ScratchRow>('SELECT * FROM scratch.c WHERE phone = ?');
  const sMain = db.prepare<[number], ScratchRow>('SELECT * FROM scratch.c WHERE main_id = ?');
  const sInsert = db.prepare('INSERT OR IGNORE INTO scratch.c (email, phone, main_id) VALUES (?, ?, ?)');
  const sFill = db.prepare(
    'UPDATE scratch.c SET email = COALESCE(email, ?), phone = COALESCE(phone, ?) WHERE id = ?',
  );
  const mEmail = db.prepare<[string], StoredContact>(
    `SELECT ${STORED_COLUMNS} FROM main.contacts WHERE email = ?`,
  );
  const mPhone = db.prepare<[string], StoredContact>(
    `SELECT ${STORED_COLUMNS} FROM main.contacts WHERE phone = ?`,
  );
  type Hit = { scratch: ScratchRow } | { main: StoredContact };
  const hit = (
    addr: string | null,
    s: typeof sEmail,
    m: typeof mEmail,
    key: 'email' | 'phone',
  ): Hit | undefined => {
    if (!addr) return undefined;
    const own = s.get(addr);
    if (own) return { scratch: own };
    const saved = m.get(addr);
    if (!saved) return undefined;
    const copy = sMain.get(saved.id);
    if (!copy) return { main: saved };
    return copy[key] === addr ? { scratch: copy } : undefined;
  };
  const same = (a: Hit, b: Hit) =>
    'scratch' in a && 'scratch' in b
      ? a.scratch.id === b.scratch.id
      : 'main' in a && 'main' in b && a.main.id === b.main.id;
  const resolve = (c: Candidate): Outcome => {
    const e = hit(c.email, sEmail, mEmail, 'email');
    const p = hit(c.phone, sPhone, mPhone, 'phone');
    const found = e ?? p;
    const matchedBy = e ? 'email' : p ? 'phone' : null;
    if (!found) {
      sInsert.run(c.email, c.phone, null);
      return { kind: 'new', contactId: null, updated: false, conflict: false, matchedBy };
    }
    const phoneTaken = p !== undefined && !same(p, found);
    if ('scratch' in found) {
      const row = found.scratch;
      if (row.main_id === null || policy !== 'skip')
        sFill.run(row.email ? null : c.email, row.phone || phoneTaken ? null : c.phone, row.id);
      return { kind: 'duplicate', contactId: null, updated: false, conflict: phoneTaken, matchedBy };
    }
    const patch = mergeContact(found.main, c, policy, phoneTaken);
    sInsert.run(patch?.email ?? found.main.email, patch?.phone ?? found.main.phone, found.main.id);
    return { kind: 'existing', contactId: null, updated: patch !== null, conflict: phoneTaken, matchedBy };
  };
  return {
    resolve,
    resolveAll: (cs) => cs.map(resolve),
    close() {
      db.exec('DETACH DATABASE scratch');
    },
  };
}
