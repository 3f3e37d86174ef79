import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCsv } from '../../src-main/contacts/import';
import {
  countAudience,
  escapeLike,
  getContactsForAudience,
  listContacts,
  listImports,
} from '../../src-main/contacts/repo';
import { type TempStore, openTempStore } from '../fixtures/temp-store';

let t: TempStore;
let firstImport: number;
let secondImport: number;

beforeEach(() => {
  t = openTempStore();
  firstImport = importCsv(t.store, {
    fileName: 'first.csv',
    defaultCountry: 'GB',
    content: [
      'First Name,Last Name,Email,Phone,Discount,Language',
      'Alice,Archer,alice@example.com,07911 123456,50%,en',
      'Bob,Brown,bob_b@example.com,,10,de',
      'Carla,Archer,carla@example.com,,,',
    ].join('\n'),
  }).importId;
  secondImport = importCsv(t.store, {
    fileName: 'second.csv',
    defaultCountry: 'GB',
    content: [
      'Name,Email,Phone',
      'Dan Dee,dan@example.com,020 7946 0958',
      'Alice Again,alice@example.com,',
    ].join('\n'),
  }).importId;
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

describe('escapeLike', () => {
  it('escapes the LIKE wildcards and the escape character', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});

describe('listImports', () => {
  it('lists imports newest first with the contacts each created', () => {
    expect(listImports(t.store)).toEqual([
      { id: secondImport, fileName: 'second.csv', imported: 1, createdAt: expect.any(Number) },
      { id: firstImport, fileName: 'first.csv', imported: 3, createdAt: expect.any(Number) },
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
