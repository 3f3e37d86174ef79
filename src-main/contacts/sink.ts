import type Database from 'better-sqlite3';
import type { ExistingPolicy, ImportCounts, ImportIssue } from '../contract';
import type { Candidate, PreparedRow } from './prepare';
import { type Outcome, type Resolver, dryRunResolver, writingResolver } from './resolve';

/** Problems kept in memory for the result (the wizard shows them; the rest is in `import_issues`). */
export const FIRST_ISSUES = 200;
/** Most problems recorded per import (in `import_issues`, or in memory for a dry run); counts stay exact. */
export const MAX_RECORDED_ISSUES = 100_000;
/** Read problems that stand for a data record the reader dropped (counted in `rows`). */
const DROPPED_ROW_CODES = new Set(['ragged_row', 'bad_quotes']);

/** How an import writes. `tagNames` tag every contact; `listId` adds every contact to a list. */
export interface SinkOptions {
  fileName: string;
  encoding: string | null;
  delimiter: string | null;
  existing: ExistingPolicy;
  listId: number | null;
  tagNames: string[];
  dryRun: boolean;
}

/** Zeroed counts. */
export function emptyCounts(): ImportCounts {
  return {
    rows: 0,
    valid: 0,
    imported: 0,
    updated: 0,
    existing: 0,
    duplicates: 0,
    invalidPhone: 0,
    invalidEmail: 0,
    noChannel: 0,
    issues: 0,
  };
}

function duplicateIssue(c: Candidate, o: Outcome): ImportIssue {
  const what = o.matchedBy === 'email' ? 'email address' : 'phone number';
  return {
    line: c.line,
    field: o.matchedBy === 'email' ? 'email' : 'phone',
    code: 'duplicate',
    message:
      `Duplicate: an earlier row of this file has the same ${what}. This row only filled that contact's ` +
      'empty fields. If they are different people, give each its own email and phone.',
    value: (o.matchedBy === 'email' ? c.email : c.phone) ?? undefined,
  };
}

function conflictIssue(c: Candidate): ImportIssue {
  return {
    line: c.line,
    field: '(row)',
    code: 'conflict',
    message:
      `The email ${c.email} belongs to one saved contact and the phone number ${c.phone} to another. ` +
      'Only the contact with this email was updated. Check which of the two is right.',
    value: `${c.email} / ${c.phone}`,
  };
}

/**
 * Writes prepared rows batch by batch. In an import each `writeBatch` is ONE transaction holding the
 * batch's contacts, list and tag memberships, problems and the updated counts on the `imports` row,
 * so whatever stops the import (cancel, error, crash) the record says exactly what was written and no
 * row is half-written. A dry run resolves the same way against a scratch table and writes nothing.
 */
export class ImportSink {
  readonly counts = emptyCounts();
  readonly firstIssues: ImportIssue[] = [];
  /** Every problem of a dry run (up to MAX_RECORDED_ISSUES); empty for an import. */
  readonly dryIssues: ImportIssue[] = [];
  importId: number | null = null;
  private pending: ImportIssue[] = [];
  private resolver: (Resolver & { close?: () => void }) | null = null;
  private tagIds = new Map<string, number>();
  private readonly st;

  constructor(
    private readonly db: Database.Database,
    private readonly opts: SinkOptions,
  ) {
    this.st = {
      insertImport: db.prepare(
        "INSERT INTO imports (file_name, status, encoding, delimiter, list_id) VALUES (?, 'running', ?, ?, ?)",
      ),
      counts:
        db.prepare(`UPDATE imports SET rows = @rows, valid = @valid, imported = @imported, updated = @updated,
        duplicates = @duplicates, invalid_phone = @invalidPhone, invalid_email = @invalidEmail,
        no_channel = @noChannel, issue_count = @issues WHERE id = @id`),
      finish: db.prepare(
        'UPDATE imports SET status = ?, error = ?, issues = ?, finished_at = ? WHERE id = ?',
      ),
      issue: db.prepare(
        'INSERT INTO import_issues (import_id, line, field, code, message, value) VALUES (?,?,?,?,?,?)',
      ),
      // The import's list and tags go to every contact of a batch in one statement each (a JSON array
      // of ids): one statement per contact cost ~2 µs a row.
      members: db.prepare(
        'INSERT OR IGNORE INTO list_members (list_id, contact_id, added_at) SELECT ?, value, ? FROM json_each(?)',
      ),
      taggedAll: db.prepare(
        'INSERT OR IGNORE INTO contact_tags (tag_id, contact_id) SELECT ?, value FROM json_each(?)',
      ),
      tagged: db.prepare('INSERT OR IGNORE INTO contact_tags (tag_id, contact_id) VALUES (?, ?)'),
      newTag: db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT DO NOTHING'),
      tagId: db.prepare<[string], { id: number }>('SELECT id FROM tags WHERE lower(name) = lower(?)'),
    };
  }

  /** Records a problem; read problems for dropped records also count as rows. */
  addIssue(issue: ImportIssue): void {
    this.counts.issues++;
    if (DROPPED_ROW_CODES.has(issue.code)) this.counts.rows++;
    if (this.firstIssues.length < FIRST_ISSUES) this.firstIssues.push(issue);
    if (this.counts.issues > MAX_RECORDED_ISSUES) return;
    if (this.opts.dryRun) this.dryIssues.push(issue);
    else this.pending.push(issue);
  }

  private start(): Resolver {
    if (this.resolver) return this.resolver;
    if (this.opts.dryRun) {
      this.resolver = dryRunResolver(this.db, this.opts.existing);
    } else {
      const { fileName, encoding, delimiter, listId } = this.opts;
      this.importId = Number(this.st.insertImport.run(fileName, encoding, delimiter, listId).lastInsertRowid);
      this.resolver = writingResolver(this.db, this.importId, this.opts.existing);
    }
    return this.resolver;
  }

  private tagId(name: string): number {
    const key = name.toLowerCase();
    let id = this.tagIds.get(key);
    if (id === undefined) {
      this.st.newTag.run(name);
      id = this.st.tagId.get(name)!.id;
      this.tagIds.set(key, id);
    }
    return id;
  }

  /** Adds `ids` to the import's list and tags. */
  private memberships(ids: number[], now: number): void {
    if (ids.length === 0) return;
    const json = JSON.stringify(ids);
    if (this.opts.listId !== null) this.st.members.run(this.opts.listId, now, json);
    for (const name of this.opts.tagNames) this.st.taggedAll.run(this.tagId(name), json);
  }

  private apply(rows: readonly PreparedRow[], readIssues: readonly ImportIssue[]): void {
    const resolver = this.start();
    const k = this.counts;
    const now = Date.now();
    const candidates: Candidate[] = [];
    for (const row of rows) if (row.candidate) candidates.push(row.candidate);
    const outcomes = resolver.resolveAll(candidates);
    const members: number[] = [];
    let next = 0;
    let read = 0;
    for (const row of rows) {
      // Read problems (dropped rows, long fields…) in line order among the rows' own problems.
      const line = row.candidate?.line ?? row.issues[0]?.line ?? 0;
      while (read < readIssues.length && readIssues[read]!.line <= line) this.addIssue(readIssues[read++]!);
      k.rows++;
      if (row.badEmail) k.invalidEmail++;
      if (row.badPhone) k.invalidPhone++;
      for (const issue of row.issues) this.addIssue(issue);
      const c = row.candidate;
      if (!c) {
        k.noChannel++;
        continue;
      }
      const o = outcomes[next++]!;
      if (o.kind === 'new') k.imported++;
      else if (o.kind === 'existing') k.existing++;
      else {
        k.duplicates++;
        this.addIssue(duplicateIssue(c, o));
      }
      if (o.updated) k.updated++;
      if (o.conflict) this.addIssue(conflictIssue(c));
      if (o.contactId === null) continue;
      members.push(o.contactId);
      for (const name of c.tags) this.st.tagged.run(this.tagId(name), o.contactId);
    }
    while (read < readIssues.length) this.addIssue(readIssues[read++]!);
    this.memberships(members, now);
    k.valid = k.imported + k.existing;
    if (this.importId === null) return;
    for (const i of this.pending)
      this.st.issue.run(this.importId, i.line, i.field, i.code, i.message, i.value ?? null);
    this.pending = [];
    this.st.counts.run({ ...k, id: this.importId });
  }

  /**
   * Resolves and (unless a dry run) writes one batch in one transaction, with the problems met reading
   * its records (`readIssues`, in line order), merged by line with the rows' own. Throws SqliteError on
   * I/O failure.
   */
  writeBatch(rows: readonly PreparedRow[], readIssues: readonly ImportIssue[] = []): void {
    const apply = this.db.transaction(() => this.apply(rows, readIssues));
    // A dry run writes only its private scratch database: a DEFERRED transaction takes no write lock
    // on the contacts (an import may be writing them), and one commit a batch instead of one a
    // statement made it ~7× faster.
    if (this.opts.dryRun) apply.deferred();
    else apply.immediate();
  }

  /** Writes what is pending and closes the import record with its final status. */
  finish(status: 'done' | 'cancelled' | 'failed', error: string | null): void {
    if (this.opts.dryRun) {
      (this.resolver as { close?: () => void } | null)?.close?.();
      return;
    }
    if (status === 'done' || this.importId !== null) this.writeBatch([]);
    this.st.finish.run(status, error, JSON.stringify(this.firstIssues), Date.now(), this.importId);
  }
}
