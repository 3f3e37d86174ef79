import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  countAudience,
  escapeLike,
  getContactsForAudience,
  listContacts,
  listImports,
} from '../../src-main/contacts/repo';
import { importFile } from '../fixtures/import-run';
import { type TempStore, openTempStore } from '../fixtures/temp-store';

let t: TempStore;
let firstImport: number;
let secondImport: number;

beforeEach(async () => {
  t = openTempStore();
  firstImport = (
    await importFile(
      t.store,
      t.dir,
      [
        'First Name,Last Name,Email,Phone,Discount,Language',
        'Alice,Archer,alice@example.com,07911 123456,50%,en',
        'Bob,Brown,bob_b@example.com,,10,de',
        'Carla,Archer,carla@example.com,,,',
      ].join('\n'),
      { fileName: 'first.csv' },
    )
  ).result.importId!;
  secondImport = (
    await importFile(
      t.store,
      t.dir,
      ['Name,Email,Phone', 'Dan Dee,dan@example.com,020 7946 0958', 'Alice Again,alice@example.com,'].join(
        '\n',
      ),
      { fileName: 'second.csv' },
    )
  ).result.importId!;
});
afterEach(() => t.dispose());

describe('listContacts', () => {
  it('pages by id with a keyset cursor', () => {
    const first = listContacts(t.store, { limit: 2 });
    expect(first.rows.map((c) => c.firstName)).toEqual(['Alice', 'Bob']);
    expect(first.total).toBe(4);
    expect(first.nextAfterId).toBe(first.rows[1]?.id);
    const second = listContacts(t.store, { limit: 2, afterId: first.nextAfterId ?? 0 });
    expect(second.rows.map((c) => c.firstName)).toEqual(['Carla', 'Dan']);
    expect(second.nextAfterId).toBeNull();
    expect(second.total).toBe(4);
  });

  it('returns contacts in the contract shape', () => {
    const [alice] = listContacts(t.store, { limit: 1 }).rows;
    expect(alice).toEqual({
      id: expect.any(Number),
      firstName: 'Alice',
      lastName: 'Archer',
      email: 'alice@example.com',
      phone: '+447911123456',
      attributes: { discount: '50%' },
      createdAt: expect.any(Number),
      updatedAt: expect.any(Number),
      phoneType: 'MOBILE',
      language: 'en',
      emailConsent: null,
      whatsappConsent: null,
      preferredChannel: null,
      suppressedEmail: false,
      suppressedWhatsApp: false,
      lists: [],
      tags: [],
    });
  });

  it.each([
    ['archer', ['Alice', 'Carla']],
    ['ALICE@EXAMPLE', ['Alice']],
    ['alice archer', ['Alice']],
    ['+44791', ['Alice']],
    ['7946 0958', ['Dan']],
    ['%', []],
    ['b_b', ['Bob']],
    ['_', ['Bob']],
    ['  ', ['Alice', 'Bob', 'Carla', 'Dan']],
  ])('searches %j', (search, names) => {
    const page = listContacts(t.store, { search, limit: 10 });
    expect(page.rows.map((c) => c.firstName)).toEqual(names);
    expect(page.total).toBe(names.length);
  });

  it('counts all matches while paging a search', () => {
    const page = listContacts(t.store, { search: 'example.com', limit: 1, afterId: 0 });
    expect(page.rows).toHaveLength(1);
    expect(page.total).toBe(4);
    expect(page.nextAfterId).toBe(page.rows[0]?.id);
  });
});

describe('listContacts filters', () => {
  const names = (filter: Parameters<typeof listContacts>[1]) =>
    listContacts(t.store, filter).rows.map((c) => c.firstName);
  it('filters by list, tag, consent, channel and suppression, and jumps by offset', () => {
    const db = t.store.sqlite;
    const listId = Number(db.prepare("INSERT INTO lists (name) VALUES ('L')").run().lastInsertRowid);
    const tagId = Number(db.prepare("INSERT INTO tags (name) VALUES ('T')").run().lastInsertRowid);
    db.prepare(
      "INSERT INTO list_members (list_id, contact_id) SELECT ?, id FROM contacts WHERE first_name IN ('Bob', 'Dan')",
    ).run(listId);
    db.prepare(
      "INSERT INTO contact_tags (tag_id, contact_id) SELECT ?, id FROM contacts WHERE first_name = 'Carla'",
    ).run(tagId);
    db.prepare("UPDATE contacts SET email_consent = 'granted' WHERE first_name = 'Alice'").run();
    db.prepare("UPDATE contacts SET whatsapp_consent = 'denied' WHERE first_name = 'Dan'").run();
    db.prepare(
      "INSERT INTO suppressions (channel, address, reason) VALUES ('email', 'bob_b@example.com', 'bounce')",
    ).run();
    expect(names({ limit: 10, listId })).toEqual(['Bob', 'Dan']);
    expect(names({ limit: 10, tagId })).toEqual(['Carla']);
    expect(names({ limit: 10, emailConsent: 'granted' })).toEqual(['Alice']);
    expect(names({ limit: 10, emailConsent: 'unknown' })).toEqual(['Bob', 'Carla', 'Dan']);
    expect(names({ limit: 10, whatsappConsent: 'denied' })).toEqual(['Dan']);
    expect(names({ limit: 10, hasWhatsApp: true })).toEqual(['Alice']);
    expect(names({ limit: 10, hasEmail: false })).toEqual([]);
    expect(names({ limit: 10, suppressed: true })).toEqual(['Bob']);
    expect(names({ limit: 10, suppressed: false, listId })).toEqual(['Dan']);
    expect(names({ limit: 2, offset: 2 })).toEqual(['Carla', 'Dan']);
    const bob = listContacts(t.store, { limit: 1, listId }).rows[0];
    expect(bob).toMatchObject({ lists: ['L'], suppressedEmail: true });
  });
});

describe('escapeLike', () => {
  it('escapes the LIKE wildcards and the escape character', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});

describe('listImports', () => {
  it('lists imports newest first with the contacts each created', () => {
    const extra = { createdAt: expect.any(Number), status: 'done', issueCount: 0 };
    expect(listImports(t.store)).toEqual([
      { id: secondImport, fileName: 'second.csv', imported: 1, updated: 0, rows: 2, ...extra },
      { id: firstImport, fileName: 'first.csv', imported: 3, updated: 0, rows: 3, ...extra },
    ]);
  });
});

describe('audience', () => {
  it('pages every contact, or those created by one import, with language and phone type', () => {
    expect(countAudience(t.store, {})).toBe(4);
    expect(countAudience(t.store, { importId: firstImport })).toBe(3);
    expect(countAudience(t.store, { importId: secondImport })).toBe(1);
    expect(countAudience(t.store, { importId: 999 })).toBe(0);

    const page1 = getContactsForAudience(t.store, { importId: firstImport }, 0, 2);
    expect(page1.map((c) => [c.firstName, c.language, c.phoneType])).toEqual([
      ['Alice', 'en', 'MOBILE'],
      ['Bob', 'de', null],
    ]);
    const page2 = getContactsForAudience(t.store, { importId: firstImport }, page1[1]?.id ?? 0, 2);
    expect(page2.map((c) => c.firstName)).toEqual(['Carla']);
    expect(getContactsForAudience(t.store, { importId: firstImport }, page2[0]?.id ?? 0, 2)).toEqual([]);

    const all = getContactsForAudience(t.store, {}, 0, 10);
    expect(all.map((c) => c.firstName)).toEqual(['Alice', 'Bob', 'Carla', 'Dan']);
    expect(all[3]).toMatchObject({
      lastName: 'Dee',
      phone: '+442079460958',
      phoneType: 'FIXED_LINE',
      language: null,
    });
  });
});
