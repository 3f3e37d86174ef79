import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bulkAction } from '../../src-main/contacts/bulk';
import { csvCell } from '../../src-main/contract/csv';
import { updateContact } from '../../src-main/contacts/edit';
import { exportContacts } from '../../src-main/contacts/export';
import { createGroup, deleteGroup, listGroups, renameGroup } from '../../src-main/contacts/groups';
import { listContacts } from '../../src-main/contacts/repo';
import {
  addSuppressions,
  exportSuppressions,
  importSuppressions,
  listSuppressions,
  removeSuppressions,
} from '../../src-main/contacts/suppressions';
import { importFile } from '../fixtures/import-run';
import { type TempStore, openTempStore } from '../fixtures/temp-store';

let t: TempStore;
beforeEach(async () => {
  t = openTempStore();
  await importFile(
    t.store,
    t.dir,
    [
      'Name,Email,Phone,Note',
      'Ann Lee,ann@x.io,07911 123456,=SUM(A1)',
      'Bob Ray,bob@x.io,020 7946 0958,',
      'Cy Moe,,07400 123456,-5',
      'Di Fox,di@x.io,,@home',
    ].join('\n'),
  );
});
afterEach(() => t.dispose());

const names = (filter = {}) => listContacts(t.store, { ...filter, limit: 50 }).rows.map((c) => c.firstName);

describe('lists and tags', () => {
  it('create, rename (unique ignoring case), count members, delete', () => {
    const l = createGroup(t.store, 'lists', 'Customers');
    expect(() => createGroup(t.store, 'lists', 'customers')).toThrow(/already exists/);
    bulkAction(t.store, { filter: { hasEmail: true } }, { type: 'addToList', listId: l.id });
    expect(listGroups(t.store, 'lists')).toEqual([
      { id: l.id, name: 'Customers', contacts: 3, createdAt: expect.any(Number) },
    ]);
    expect(renameGroup(t.store, 'lists', l.id, 'Clients').name).toBe('Clients');
    deleteGroup(t.store, 'lists', l.id);
    expect(listGroups(t.store, 'lists')).toEqual([]);
    expect(names()).toHaveLength(4);
    expect(() => deleteGroup(t.store, 'tags', 99)).toThrow(/no longer exists/);
  });
});

describe('bulk actions', () => {
  it('tags, untags, lists and unlists by ids or by filter', () => {
    const tag = createGroup(t.store, 'tags', 'vip');
    const [ann, bob] = listContacts(t.store, { limit: 2 }).rows;
    expect(bulkAction(t.store, { ids: [ann!.id, bob!.id] }, { type: 'tag', tagId: tag.id })).toEqual({
      affected: 2,
    });
    expect(names({ tagId: tag.id })).toEqual(['Ann', 'Bob']);
    expect(bulkAction(t.store, { filter: { search: 'bob' } }, { type: 'untag', tagId: tag.id })).toEqual({
      affected: 1,
    });
    expect(names({ tagId: tag.id })).toEqual(['Ann']);
    expect(() => bulkAction(t.store, { ids: [ann!.id] }, { type: 'addToList', listId: 42 })).toThrow(
      /no longer exists/,
    );
  });

  it('suppresses addresses on a channel or both; the suppressed filter finds them', () => {
    const r = bulkAction(
      t.store,
      { filter: { search: 'ann' } },
      { type: 'suppress', channel: 'both', reason: 'asked' },
    );
    expect(r.affected).toBe(2);
    expect(names({ suppressed: true })).toEqual(['Ann']);
    expect(
      bulkAction(
        t.store,
        { filter: { hasEmail: false } },
        { type: 'suppress', channel: 'email', reason: 'x' },
      ).affected,
    ).toBe(0);
  });

  it('deletes contacts with their memberships', () => {
    const tag = createGroup(t.store, 'tags', 'gone');
    bulkAction(t.store, { filter: {} }, { type: 'tag', tagId: tag.id });
    expect(bulkAction(t.store, { filter: { hasWhatsApp: true } }, { type: 'delete' })).toEqual({
      affected: 2,
    });
    expect(names()).toEqual(['Bob', 'Di']);
    expect(listGroups(t.store, 'tags')[0]?.contacts).toBe(2);
  });
});

describe('edit', () => {
  it('normalises the email and phone, refuses a taken address or no channel at all', () => {
    const [ann, bob] = listContacts(t.store, { limit: 2 }).rows;
    const edited = updateContact(
      t.store,
      ann!.id,
      { email: 'ANN@New.io', phone: '+44 7400 654321', emailConsent: 'granted' },
      'GB',
    );
    expect(edited).toMatchObject({ email: 'ann@new.io', phone: '+447400654321', emailConsent: 'granted' });
    expect(() => updateContact(t.store, bob!.id, { email: 'ann@new.io' }, 'GB')).toThrow(/Another contact/);
    expect(() => updateContact(t.store, bob!.id, { email: null, phone: null }, 'GB')).toThrow(
      /needs an email/,
    );
    expect(() => updateContact(t.store, bob!.id, { phone: '12' }, 'GB')).toThrow(/too short/);
  });
});

describe('suppression list', () => {
  it('adds, lists, searches, removes and exports per channel', async () => {
    const r = addSuppressions(t.store, 'email', ['A@X.io', 'a@x.io', 'bad', ''], 'bounce', 'user', 'GB');
    expect(r).toMatchObject({ added: 1, already: 1, invalid: [{ value: 'bad' }] });
    addSuppressions(t.store, 'whatsapp', ['07911 123456'], 'STOP', 'user', 'GB');
    expect(listSuppressions(t.store, { channel: 'whatsapp', limit: 10 }).rows.map((s) => s.address)).toEqual([
      '+447911123456',
    ]);
    expect(listSuppressions(t.store, { search: 'x.io', limit: 10 }).total).toBe(1);
    const csv = exportSuppressions(t.store, { limit: 10 }).csv;
    expect(csv.split('\r\n')[0]).toBe('channel,address,reason,source,added');
    expect(csv).toContain("whatsapp,'+447911123456,STOP,user,");
    const file = `${t.dir}/supp.csv`;
    (await import('node:fs')).writeFileSync(file, 'Email Address,Reason\nc@x.io,x\nnot-an-email,y\n');
    expect(await importSuppressions(t.store, file, 'email', 'import', 'GB')).toMatchObject({
      added: 1,
      invalid: [{ value: 'not-an-email' }],
    });
    const ids = listSuppressions(t.store, { channel: 'email', limit: 10 }).rows.map((s) => s.id);
    expect(removeSuppressions(t.store, ids)).toEqual({ removed: 2 });
  });
});

describe('export', () => {
  it('writes formula-safe CSV with every attribute column, page by page', () => {
    expect(['=1', '+1', '-1', '@a', 'plain', 'a,b', 'say "hi"'].map(csvCell)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@a",
      'plain',
      '"a,b"',
      '"say ""hi"""',
    ]);
    const first = exportContacts(t.store, { filter: {}, limit: 2 });
    expect(first.columns).toEqual(['note']);
    const next = exportContacts(t.store, {
      filter: {},
      limit: 2,
      afterId: first.nextAfterId!,
      columns: first.columns,
    });
    const lines = (first.csv + next.csv).trim().split('\r\n');
    expect(lines[0]).toBe(
      'first_name,last_name,email,phone,phone_type,language,email_consent,whatsapp_consent,preferred_channel,suppressed_email,suppressed_whatsapp,lists,tags,note',
    );
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe("Ann,Lee,ann@x.io,'+447911123456,MOBILE,,,,,no,no,,,'=SUM(A1)");
    expect(lines[3]).toContain(",'-5");
    expect(lines[4]).toContain(",'@home");
  });
});
