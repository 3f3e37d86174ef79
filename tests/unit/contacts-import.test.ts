/*
 * The import pipeline end to end on a real SQLite file (normalisation inline; the worker path is
 * covered by contacts-jobs.test.ts). Expected figures for tests/fixtures/contacts.csv with country GB:
 * rows 6, valid 5, imported 5, duplicates 1, invalidPhone 1 (line 4 "12345", kept for its email),
 * line 7 a duplicate of line 2 (Alice@Example.com).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src-main/store/db';
import { importFile, recordedIssues, rejection } from '../fixtures/import-run';
import { FIXTURES_DIR, type TempStore, openTempStore } from '../fixtures/temp-store';

let t: TempStore;
beforeEach(() => {
  t = openTempStore();
});
afterEach(() => t.dispose());

const run = (content: string | Uint8Array, o = {}) => importFile(t.store, t.dir, content, o);
const all = (store: Store, sql: string) => store.sqlite.prepare(sql).all() as Record<string, unknown>[];
const count = (sql: string) => (t.store.sqlite.prepare(sql).get() as { n: number }).n;

describe('import of the fixture file', () => {
  const content = readFileSync(join(FIXTURES_DIR, 'contacts.csv'));

  it('reports the expected counts, writes the contacts and the import record', async () => {
    const { result } = await run(content, { fileName: 'contacts.csv' });
    expect(result).toMatchObject({
      rows: 6,
      valid: 5,
      imported: 5,
      updated: 0,
      existing: 0,
      duplicates: 1,
      invalidPhone: 1,
      invalidEmail: 0,
      noChannel: 0,
      encoding: 'utf-8',
      delimiter: ',',
    });
    expect(recordedIssues(t.store, result.importId).map(([line, , code]) => [line, code])).toEqual([
      [4, 'invalid_phone'],
      [7, 'duplicate'],
    ]);
    const rec = t.store.sqlite.prepare('SELECT * FROM imports WHERE id = ?').get(result.importId) as Record<
      string,
      unknown
    >;
    expect(rec).toMatchObject({
      status: 'done',
      rows: 6,
      imported: 5,
      duplicates: 1,
      issue_count: 2,
      file_name: 'contacts.csv',
    });
    expect(all(t.store, 'SELECT email, phone FROM contacts ORDER BY id').map((r) => r.email)).toEqual([
      'alice@example.com',
      'bruno@example.com',
      'chloe@example.com',
      null,
      'eve@example.com',
    ]);
  });

  it('a second import finds every contact already saved and writes nothing new', async () => {
    await run(content);
    const { result } = await run(content);
    expect(result).toMatchObject({ imported: 0, existing: 5, duplicates: 1, valid: 5 });
    expect(count('SELECT COUNT(*) AS n FROM contacts')).toBe(5);
  });

  it('a dry run reports the same counts and writes nothing', async () => {
    const dry = await run(content, { dryRun: true });
    expect(dry.result).toMatchObject({
      importId: null,
      rows: 6,
      valid: 5,
      imported: 5,
      duplicates: 1,
      invalidPhone: 1,
    });
    expect(dry.dryIssues.map((i) => [i.line, i.code])).toEqual([
      [4, 'invalid_phone'],
      [7, 'duplicate'],
    ]);
    expect(count('SELECT COUNT(*) AS n FROM contacts') + count('SELECT COUNT(*) AS n FROM imports')).toBe(0);
    await run(content);
    const again = await run(content, { dryRun: true });
    expect(again.result).toMatchObject({ imported: 0, existing: 5, duplicates: 1 });
  });
});

describe('dedupe and existing contacts', () => {
  it('merges rows sharing an email or an E.164 phone within the file, filling empty fields', async () => {
    const { result } = await run(
      [
        'Name,Email,Phone,City',
        'Ann Lee,ann@x.io,,',
        ',ANN@x.io,07911 123456,Leeds',
        'Other,,+44 7911 123456,York',
        'Bob,bob@x.io,,',
      ].join('\n'),
    );
    expect(result).toMatchObject({ imported: 2, duplicates: 2, valid: 2 });
    expect(all(t.store, 'SELECT first_name, email, phone, attributes FROM contacts ORDER BY id')).toEqual([
      { first_name: 'Ann', email: 'ann@x.io', phone: '+447911123456', attributes: '{"city":"Leeds"}' },
      { first_name: 'Bob', email: 'bob@x.io', phone: null, attributes: '{}' },
    ]);
  });

  it('applies the choice for saved contacts: fill empty fields, overwrite, or skip', async () => {
    await run('First Name,Last Name,Email,City\nAnn,,ann@x.io,Leeds\n');
    const file = 'First Name,Last Name,Email,City\nAnna,Lee,ann@x.io,York\n';
    expect((await run(file, { existing: 'skip' })).result).toMatchObject({ existing: 1, updated: 0 });
    expect(all(t.store, 'SELECT first_name, last_name FROM contacts')).toEqual([
      { first_name: 'Ann', last_name: null },
    ]);
    expect((await run(file, { existing: 'fill' })).result).toMatchObject({ existing: 1, updated: 1 });
    expect(all(t.store, 'SELECT first_name, last_name, attributes FROM contacts')).toEqual([
      { first_name: 'Ann', last_name: 'Lee', attributes: '{"city":"Leeds"}' },
    ]);
    expect((await run(file, { existing: 'overwrite' })).result).toMatchObject({ updated: 1 });
    expect(all(t.store, 'SELECT first_name, attributes FROM contacts')).toEqual([
      { first_name: 'Anna', attributes: '{"city":"York"}' },
    ]);
  });

  it('never clears an opt-out, a consent or a suppression', async () => {
    await run('Email,Newsletter\nann@x.io,no\nbob@x.io,yes\n');
    t.store.sqlite
      .prepare("INSERT INTO suppressions (channel, address, reason) VALUES ('email', 'ann@x.io', 'bounce')")
      .run();
    await run('Email,Newsletter\nann@x.io,yes\nbob@x.io,\n', { existing: 'overwrite' });
    expect(all(t.store, 'SELECT email, email_consent FROM contacts ORDER BY id')).toEqual([
      { email: 'ann@x.io', email_consent: 'denied' },
      { email: 'bob@x.io', email_consent: 'granted' },
    ]);
    expect(count('SELECT COUNT(*) AS n FROM suppressions')).toBe(1);
  });

  it('reports a row whose email and phone belong to two different saved contacts', async () => {
    await run('Email,Phone\na@x.io,\n,07911 123456\n');
    const { result } = await run('Email,Phone\na@x.io,07911 123456\n');
    expect(result.firstIssues.map((i) => i.code)).toEqual(['conflict']);
    expect(count('SELECT COUNT(*) AS n FROM contacts')).toBe(2);
  });
});

describe('lists, tags and mapping memory', () => {
  it('adds every contact of the file to the list and tags them, new and saved alike', async () => {
    await run('Email\nold@x.io\n');
    const listId = Number(
      t.store.sqlite.prepare("INSERT INTO lists (name) VALUES ('Spring')").run().lastInsertRowid,
    );
    await run('Email,Tags\nold@x.io,vip\nnew@x.io,"vip, press"\n', { listId, tags: ['Fair 2025'] });
    expect(count(`SELECT COUNT(*) AS n FROM list_members WHERE list_id = ${listId}`)).toBe(2);
    expect(
      all(
        t.store,
        'SELECT t.name, COUNT(*) AS n FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id GROUP BY t.name ORDER BY t.name',
      ),
    ).toEqual([
      { name: 'Fair 2025', n: 2 },
      { name: 'press', n: 1 },
      { name: 'vip', n: 2 },
    ]);
  });

  it('remembers the confirmed mapping per header set and uses it next time', async () => {
    await run('Col A,Col B\nann@x.io,Ann\n', { fields: ['email', 'first_name'] });
    const { result } = await run('Col A,Col B\nbob@x.io,Bob\n');
    expect(result.mapping).toEqual({ 'Col A': 'email', 'Col B': 'first_name' });
    expect(all(t.store, "SELECT first_name FROM contacts WHERE email = 'bob@x.io'")).toEqual([
      { first_name: 'Bob' },
    ]);
  });
});

describe('bad input: a clear message, never a crash', () => {
  it('refuses what cannot be imported, writing nothing', async () => {
    const cases: [string | Uint8Array, RegExp][] = [
      ['', /empty/],
      ['Name,Email\n', /header row but no contacts/],
      ['Name,City\nAnn,Leeds\n', /No column is an email or a phone number. Found columns: "Name", "City"/],
      ['ann@x.io,+447911123456\nbob@x.io,+447911123457\n', /first row looks like a contact/],
      [readFileSync(join(FIXTURES_DIR, 'not-a-csv.bin')), /not a CSV/],
    ];
    for (const [content, message] of cases) {
      const e = await rejection(run(content));
      expect(e.message).toMatch(message);
      expect(e.code).toBe('bad_file');
    }
    expect(count('SELECT COUNT(*) AS n FROM contacts') + count('SELECT COUNT(*) AS n FROM imports')).toBe(0);
  });

  it('imports the good rows around ragged rows, broken quotes, long fields and formulas', async () => {
    const long = 'z'.repeat(70 * 1024);
    const { result } = await run(
      [
        'Email,Note',
        'a@x.io,=1+2',
        'b@x.io',
        'c@x.io,"open',
        'd@x.io,@SUM(A1)',
        `e@x.io,${long}`,
        'f@x.io,+cmd',
        '',
      ].join('\n'),
    );
    expect(result).toMatchObject({ rows: 6, imported: 4 });
    expect(result.firstIssues.map((i) => [i.line, i.code])).toEqual([
      [3, 'ragged_row'],
      [4, 'bad_quotes'],
      [6, 'field_too_long'],
    ]);
    expect(all(t.store, 'SELECT email, attributes FROM contacts ORDER BY id')).toEqual([
      { email: 'a@x.io', attributes: '{"note":"=1+2"}' },
      { email: 'd@x.io', attributes: '{"note":"@SUM(A1)"}' },
      { email: 'e@x.io', attributes: '{}' },
      { email: 'f@x.io', attributes: '{"note":"+cmd"}' },
    ]);
  });

  it('reads invalid UTF-8 as Windows-1252 and says so', async () => {
    const { result } = await run(Buffer.from('Name,Email\nJ\xf6rg,j@x.de\n', 'latin1'));
    expect(result.encoding).toBe('windows-1252');
    expect(all(t.store, 'SELECT first_name FROM contacts')).toEqual([{ first_name: 'Jörg' }]);
  });
});

describe('cancel', () => {
  it('stops between batches: the record says what was written, and matches the database', async () => {
    const rows = Array.from({ length: 9000 }, (_, i) => `user${i}@x.io`);
    const ctl = new AbortController();
    const out = await run(`Email\n${rows.join('\n')}\n`, {
      signal: ctl.signal,
      onProgress: (n: number) => n >= 2000 && ctl.abort(),
    });
    expect(out.status).toBe('cancelled');
    const rec = t.store.sqlite.prepare('SELECT status, imported, rows FROM imports').get() as Record<
      string,
      number
    >;
    expect(rec.status).toBe('cancelled');
    expect(rec.imported).toBe(count('SELECT COUNT(*) AS n FROM contacts'));
    expect(rec.imported).toBeGreaterThan(0);
    expect(rec.imported).toBeLessThan(9000);
  });
});
