/*
 * Expected figures for tests/fixtures/contacts.csv imported into an empty database with default country GB:
 *   rows 6, valid 5, imported 5, updated 0, duplicates 1, invalidPhone 1, invalidEmail 0, noChannel 0;
 *   issues: line 4 invalid_phone ("12345", kept for its email), line 7 duplicate (Alice@Example.com = line 2).
 *   Diego García (line 5) has only a phone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/contract';
import { importCsv } from '../../src-main/contacts/import';
import { MAX_ISSUES } from '../../src-main/contacts/write';
import type { Store } from '../../src-main/store/db';
import { FIXTURES_DIR, type TempStore, openTempStore } from '../fixtures/temp-store';

const FIXTURE_SUMMARY = {
  rows: 6,
  valid: 5,
  imported: 5,
  updated: 0,
  duplicates: 1,
  invalidPhone: 1,
  invalidEmail: 0,
  noChannel: 0,
};

interface Row {
  id: number;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  phone_type: string | null;
  language: string | null;
  attributes: string;
  import_id: number | null;
}

function contacts(store: Store): Row[] {
  return store.sqlite
    .prepare(
      'SELECT id, first_name, last_name, email, phone, phone_type, language, attributes, import_id FROM contacts ORDER BY id',
    )
    .all() as Row[];
}

function run(store: Store, content: string, defaultCountry = 'GB', onProgress?: (n: number) => void) {
  return importCsv(store, { fileName: 'test.csv', content, defaultCountry }, onProgress);
}

function rejection(store: Store, content: string): AppError {
  try {
    run(store, content);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('the import was not rejected');
}

let t: TempStore;
beforeEach(() => {
  t = openTempStore();
});
afterEach(() => t.dispose());

describe('importCsv with the fixture file', () => {
  const content = readFileSync(join(FIXTURES_DIR, 'contacts.csv'), 'utf8');

  it('reports the expected summary and writes the contacts', () => {
    const summary = importCsv(t.store, { fileName: 'contacts.csv', content, defaultCountry: 'GB' });
    expect(summary).toMatchObject({ ...FIXTURE_SUMMARY, fileName: 'contacts.csv' });
    expect(summary.mapping).toEqual({
      'First Name': 'first_name',
      'Last Name': 'last_name',
      Email: 'email',
      'Mobile Phone': 'phone',
      Company: 'attribute',
    });
    expect(summary.issues.map((i) => [i.line, i.field, i.code, i.value])).toEqual([
      [4, 'Mobile Phone', 'invalid_phone', '12345'],
      [7, 'Email', 'duplicate', 'alice@example.com'],
    ]);
    expect(summary.issues[0]?.message).toMatch(/too short for United Kingdom/);
    expect(summary.issues[1]?.message).toMatch(/same email as line 2/);

    const rows = contacts(t.store);
    expect(
      rows.map((r) => [r.first_name, r.last_name, r.email, r.phone, r.phone_type, JSON.parse(r.attributes)]),
    ).toEqual([
      ['Alice', 'Archer', 'alice@example.com', '+447911123456', 'MOBILE', { company: 'Acme, Inc.' }],
      ['Bruno', 'Becker', 'bruno@example.com', '+4915123456789', 'MOBILE', { company: 'Becker GmbH' }],
      ['Chloé', 'Dubois', 'chloe@example.com', null, null, { company: 'Dubois SARL' }],
      ['Diego', 'García', null, '+34612345678', 'MOBILE', { company: 'García y Hijos' }],
      ['Eve', 'Evans', 'eve@example.com', '+447400123456', 'MOBILE', { company: 'Evans Ltd' }],
    ]);
    expect(new Set(rows.map((r) => r.import_id))).toEqual(new Set([summary.importId]));

    const stored = t.store.sqlite
      .prepare('SELECT * FROM imports WHERE id = ?')
      .get(summary.importId) as Record<string, unknown>;
    expect(stored).toMatchObject({
      file_name: 'contacts.csv',
      rows: 6,
      imported: 5,
      updated: 0,
      duplicates: 1,
      invalid_phone: 1,
      invalid_email: 0,
      no_channel: 0,
    });
    expect(JSON.parse(stored.issues as string)).toEqual(summary.issues);
  });

  it('imports nothing new the second time', () => {
    const first = run(t.store, content);
    const second = run(t.store, content);
    expect(second).toMatchObject({ ...FIXTURE_SUMMARY, imported: 0, updated: 0 });
    expect(second.importId).toBeGreaterThan(first.importId);
    expect(contacts(t.store)).toHaveLength(5);
  });
});

describe('importCsv line numbers and parsing', () => {
  it('counts physical lines across CRLF, blank lines and quoted multi-line fields', () => {
    const csv = [
      'First Name,Email,Notes', // 1
      'Ann,ann@example.com,"one', // 2
      'two', // 3
      'three"', // 4
      ' , ,', // 5: blank fields only
      'Bob,not-an-email,plain', // 6
      'Cy,cy@example.com,"a ""quoted"" word, with comma"', // 7
      'Dee,,x', // 8
      '"Eve', // 9
      'Marie",eve@,note', // 10
      '',
    ].join('\r\n');
    const summary = run(t.store, csv);
    expect(summary).toMatchObject({ rows: 5, valid: 2, imported: 2, invalidEmail: 2, noChannel: 3 });
    expect(summary.issues.map((i) => [i.line, i.code, i.field])).toEqual([
      [6, 'invalid_email', 'Email'],
      [8, 'no_channel', '(row)'],
      [9, 'invalid_email', 'Email'],
    ]);
    expect(summary.issues[0]?.message).toMatch(
      /no @\. .* The row has no other email or phone, so it was not imported\.$/,
    );
    const rows = contacts(t.store);
    expect(rows.map((r) => JSON.parse(r.attributes))).toEqual([
      { notes: 'one\ntwo\nthree' },
      { notes: 'a "quoted" word, with comma' },
    ]);
  });

  it('detects semicolon and tab delimiters and drops a UTF-8 BOM', () => {
    const semi = run(
      t.store,
      '\uFEFFVorname;Nachname;E-Mail;Telefon\nJürgen;Groß;jg@example.com;0151 23456789\n',
      'DE',
    );
    expect(semi).toMatchObject({ rows: 1, imported: 1 });
    expect(Object.keys(semi.mapping)).toEqual(['Vorname', 'Nachname', 'E-Mail', 'Telefon']);
    const tab = run(t.store, 'Prénom\tNom\tCourriel\nZoé\tMartin\tzoe@example.com\n');
    expect(tab).toMatchObject({ rows: 1, imported: 1 });
    expect(contacts(t.store).map((r) => [r.first_name, r.last_name, r.email, r.phone])).toEqual([
      ['Jürgen', 'Groß', 'jg@example.com', '+4915123456789'],
      ['Zoé', 'Martin', 'zoe@example.com', null],
    ]);
  });

  it('reports ragged rows and broken quotes, and accepts trailing empty fields', () => {
    const csv = [
      'Email,Name,Company', // 1
      'a@example.com,Ann', // 2: too few
      'b@example.com,Bob,B Ltd,extra', // 3: too many
      'c@example.com,Cy,C Ltd,,', // 4: trailing separators are fine
      'd@example.com,"Dee"x,D Ltd', // 5: text after a closing quote
      'e@example.com,Eve,E Ltd', // 6: swallowed by the quote on line 5
    ].join('\n');
    const summary = run(t.store, csv);
    expect(summary.issues.map((i) => [i.line, i.code])).toEqual([
      [2, 'ragged_row'],
      [3, 'ragged_row'],
      [5, 'bad_quotes'],
    ]);
    expect(summary.issues[0]?.message).toBe(
      'This row has 2 fields but the header has 3, so the row was not imported. ' +
        'Look for a missing or extra separator, or put a value that contains one in double quotes.',
    );
    expect(summary).toMatchObject({ rows: 4, valid: 1, imported: 1 });
    expect(contacts(t.store).map((r) => [r.email, r.first_name, JSON.parse(r.attributes)])).toEqual([
      ['c@example.com', 'Cy', { company: 'C Ltd' }],
    ]);
  });

  it('splits a single name column and stores language and phone type', () => {
    run(t.store, 'Name,Phone,Sprache\nAna María López,020 7946 0958,es\nPrince,+1 415 555 2671,\n');
    expect(
      contacts(t.store).map((r) => [r.first_name, r.last_name, r.phone, r.phone_type, r.language]),
    ).toEqual([
      ['Ana', 'María López', '+442079460958', 'FIXED_LINE', 'es'],
      ['Prince', null, '+14155552671', 'FIXED_LINE_OR_MOBILE', null],
    ]);
  });

  it('reports progress every 1000 rows and at the end', () => {
    const lines = ['Email'];
    for (let i = 0; i < 2500; i++) lines.push(`p${i}@example.com`);
    const seen: number[] = [];
    const summary = run(t.store, lines.join('\n'), 'GB', (n) => seen.push(n));
    expect(seen).toEqual([1000, 2000, 2500]);
    expect(summary).toMatchObject({ rows: 2500, imported: 2500 });
  });

  it(`keeps at most ${MAX_ISSUES} issues while the counts stay exact`, () => {
    const lines = ['Email,Name', 'ok@example.com,Ok'];
    for (let i = 0; i < MAX_ISSUES + 5; i++) lines.push(`,Nobody ${i}`);
    const summary = run(t.store, lines.join('\n'));
    expect(summary.noChannel).toBe(MAX_ISSUES + 5);
    expect(summary.issues).toHaveLength(MAX_ISSUES);
    expect(summary.issues[0]).toMatchObject({ line: 3, code: 'no_channel' });
  });
});

describe('importCsv dedupe', () => {
  it('merges rows with the same email or E.164 phone within the file, filling empty fields', () => {
    const csv = [
      'First Name,Last Name,Email,Mobile,City', // 1
      'Ann,,ann@example.com,,Leeds', // 2
      ',Archer,ANN@example.com,07911 123456,York', // 3: same email: fills last name and phone, keeps Leeds
      'Bob,,,+44 7400 123456,', // 4
      'Robert,Brown,bob@example.com,0044 7400 123456,Hull', // 5: same phone: fills email, last name, city
      'Cy,,bob@example.com,+447911123456,', // 6: email of line 4's contact, phone of line 2's contact
    ].join('\n');
    const summary = run(t.store, csv);
    expect(summary).toMatchObject({ rows: 5, valid: 2, imported: 2, duplicates: 3 });
    expect(summary.issues.map((i) => [i.line, i.code, i.field, i.value])).toEqual([
      [3, 'duplicate', 'Email', 'ann@example.com'],
      [5, 'duplicate', 'Mobile', '+447400123456'],
      [6, 'duplicate', 'Email', 'bob@example.com'],
    ]);
    expect(summary.issues[2]?.message).toMatch(/same email as line 4 and the same phone number as line 2/);
    expect(
      contacts(t.store).map((r) => [r.first_name, r.last_name, r.email, r.phone, JSON.parse(r.attributes)]),
    ).toEqual([
      ['Ann', 'Archer', 'ann@example.com', '+447911123456', { city: 'Leeds' }],
      ['Bob', 'Brown', 'bob@example.com', '+447400123456', { city: 'Hull' }],
    ]);
  });

  it('updates stored contacts by filling empty fields only, never clearing or overwriting', () => {
    const first = run(
      t.store,
      'First Name,Last Name,Email,Phone,Plan\nAnn,Archer,ann@example.com,,gold\nBob,,,07400 123456,\n',
    );
    const second = run(
      t.store,
      [
        'First Name,Last Name,Email,Phone,Plan,Team',
        'Annie,,ann@example.com,07911 123456,silver,red', // fills phone and team; keeps Ann, Archer, gold
        'Bobby,Brown,bob@example.com,+447400123456,,', // matched by phone: fills last name and email, keeps Bob
        'Ann,Archer,ann@example.com,,gold,', // nothing new for line 2's contact: a duplicate in this file
        'Cy,,cy@example.com,,,', // new
      ].join('\n'),
    );
    expect(second).toMatchObject({ rows: 4, valid: 3, imported: 1, updated: 2, duplicates: 1 });
    const rows = contacts(t.store);
    expect(
      rows.map((r) => [r.first_name, r.last_name, r.email, r.phone, r.phone_type, JSON.parse(r.attributes)]),
    ).toEqual([
      ['Ann', 'Archer', 'ann@example.com', '+447911123456', 'MOBILE', { plan: 'gold', team: 'red' }],
      ['Bob', 'Brown', 'bob@example.com', '+447400123456', 'MOBILE', {}],
      ['Cy', null, 'cy@example.com', null, null, {}],
    ]);
    expect(rows.map((r) => r.import_id)).toEqual([first.importId, first.importId, second.importId]);

    const third = run(t.store, 'Email,First Name\nann@example.com,\nbob@example.com,Someone Else\n');
    expect(third).toMatchObject({ rows: 2, valid: 2, imported: 0, updated: 0 });
    expect(contacts(t.store)).toEqual(rows);
  });

  it('reports a row whose email and phone belong to two different stored contacts', () => {
    run(t.store, 'Email,Phone\nann@example.com,\n,07911 123456\n');
    const summary = run(t.store, 'Email,Phone,Name\nann@example.com,+447911123456,Ann\n');
    expect(summary).toMatchObject({ imported: 0, updated: 1 });
    expect(summary.issues).toEqual([
      {
        line: 2,
        field: '(row)',
        code: 'conflict',
        message:
          'The email ann@example.com belongs to one saved contact and the phone number +447911123456 to another. ' +
          'Only the contact with this email was updated. Check which of the two is right.',
        value: 'ann@example.com / +447911123456',
      },
    ]);
    expect(contacts(t.store).map((r) => [r.email, r.phone, r.first_name])).toEqual([
      ['ann@example.com', null, 'Ann'],
      [null, '+447911123456', null],
    ]);
  });
});

describe('importCsv rejections', () => {
  const expectNothingWritten = () => {
    expect(t.store.sqlite.prepare('SELECT COUNT(*) AS n FROM imports').get()).toEqual({ n: 0 });
    expect(contacts(t.store)).toEqual([]);
  };

  it.each(['', '\uFEFF', ' \r\n\n\t'])('refuses an empty file (%j)', (content) => {
    const e = rejection(t.store, content);
    expect(e.code).toBe('bad_file');
    expect(e.message).toBe('The file is empty. Choose a CSV file with a header row and one contact per row.');
    expectNothingWritten();
  });

  it('refuses a header without contacts', () => {
    for (const content of ['Email,Phone', 'Email,Phone\r\n', 'Email,Phone\n\n,\n']) {
      const e = rejection(t.store, content);
      expect([e.code, e.message]).toEqual(['bad_file', 'The file has a header row but no contacts.']);
    }
    expectNothingWritten();
  });

  it('refuses a binary file', () => {
    const content = readFileSync(join(FIXTURES_DIR, 'not-a-csv.bin')).toString('utf8');
    const e = rejection(t.store, content);
    expect(e.code).toBe('bad_file');
    expect(e.message).toMatch(/^This file is not a CSV text file .*export|CSV UTF-8/);
    expect(e.message).toContain('"CSV UTF-8 (Comma delimited)"');
    expectNothingWritten();
  });

  it('refuses text that is not UTF-8, naming the line', () => {
    const latin1 = Buffer.from('Email,Name\nann@example.com,Ann\nzoe@example.com,Zo\xe9\n', 'latin1');
    const e = rejection(t.store, latin1.toString('utf8'));
    expect(e.code).toBe('bad_file');
    expect(e.message).toMatch(/^This file is not UTF-8 text: line 3 has characters that could not be read/);
    expectNothingWritten();
  });

  it('refuses a file without an email or phone column, listing the columns found', () => {
    const e = rejection(t.store, 'First Name,Last Name,Company\nAnn,Archer,Acme\n');
    expect(e.code).toBe('bad_file');
    expect(e.message).toBe(
      'No column looks like an email or a phone number. Found columns: "First Name", "Last Name", "Company". ' +
        'Name the email column "Email" or the phone column "Phone" and import again.',
    );
    expectNothingWritten();
  });

  it('says so when the first row is a contact rather than column names', () => {
    const e = rejection(t.store, 'Ann,Archer,ann@example.com\nBob,Brown,bob@example.com\n');
    expect(e.message).toMatch(/^The first row looks like a contact, not column names/);
    expectNothingWritten();
  });

  it('refuses a header row with an unclosed quote', () => {
    const e = rejection(t.store, '"Email,Phone\nann@example.com,\n');
    expect(e.message).toMatch(/^The header row \(line 1\) has a quote that is not closed\./);
    expectNothingWritten();
  });
});
