import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateContact } from '../../src-main/contacts/edit';
import { guessFields } from '../../src-main/contacts/mapping';
import { parsePreferredChannel } from '../../src-main/contacts/preferred';
import { getAudienceContact, listContacts } from '../../src-main/contacts/repo';
import { importFile, recordedIssues } from '../fixtures/import-run';
import { type TempStore, openTempStore } from '../fixtures/temp-store';

let t: TempStore;
beforeEach(() => {
  t = openTempStore();
});
afterEach(() => t.dispose());

describe('preferred channel', () => {
  it('reads the usual words for each channel, and nothing else', () => {
    for (const v of ['email', 'E-mail', 'mail', 'Correo', 'courriel', 'EMAIL'])
      expect(parsePreferredChannel(v)).toBe('email');
    for (const v of ['whatsapp', 'WhatsApp', 'wa', 'Whats App', 'whats-app'])
      expect(parsePreferredChannel(v)).toBe('whatsapp');
    expect(parsePreferredChannel('  ')).toBeNull();
    expect(parsePreferredChannel('fax')).toBeUndefined();
    expect(parsePreferredChannel('sms')).toBeUndefined();
  });

  it('guesses the column from its header', () => {
    expect(guessFields(['Email', 'Preferred channel', 'Channel', 'Contact preference'])).toEqual([
      'email',
      'preferred_channel',
      'preferred_channel',
      'preferred_channel',
    ]);
  });

  it('imports it; an unknown value is a row issue and the contact is still kept', async () => {
    const out = await importFile(
      t.store,
      t.dir,
      [
        'Email,Phone,Contact preference',
        'a@example.com,07911 123456,E-mail',
        'b@example.com,07911 123457,whats app',
        'c@example.com,,pigeon',
        'd@example.com,,',
      ].join('\n'),
    );
    const byEmail = Object.fromEntries(
      listContacts(t.store, { limit: 10 }).rows.map((c) => [c.email, c.preferredChannel]),
    );
    expect(byEmail).toEqual({
      'a@example.com': 'email',
      'b@example.com': 'whatsapp',
      'c@example.com': null,
      'd@example.com': null,
    });
    expect(recordedIssues(t.store, out.result.importId)).toEqual([
      [4, 'Contact preference', 'invalid_preferred_channel', 'pigeon'],
    ]);
  });

  it('a later import fills an empty preference and keeps a set one (unless overwriting)', async () => {
    await importFile(t.store, t.dir, 'Email,Channel\na@example.com,\nb@example.com,email');
    await importFile(t.store, t.dir, 'Email,Channel\na@example.com,whatsapp\nb@example.com,whatsapp');
    const pref = () => listContacts(t.store, { limit: 10 }).rows.map((c) => [c.email, c.preferredChannel]);
    expect(pref()).toEqual([
      ['a@example.com', 'whatsapp'],
      ['b@example.com', 'email'],
    ]);
    await importFile(t.store, t.dir, 'Email,Channel\nb@example.com,whatsapp', { existing: 'overwrite' });
    expect(pref()[1]).toEqual(['b@example.com', 'whatsapp']);
  });

  it('is editable on a contact (null clears it)', () => {
    const id = Number(
      t.store.sqlite.prepare("INSERT INTO contacts (email) VALUES ('x@example.com')").run().lastInsertRowid,
    );
    expect(getAudienceContact(t.store, id)?.preferredChannel).toBeNull();
    expect(updateContact(t.store, id, { preferredChannel: 'whatsapp' }, 'GB').preferredChannel).toBe(
      'whatsapp',
    );
    expect(updateContact(t.store, id, { firstName: 'X' }, 'GB').preferredChannel).toBe('whatsapp');
    expect(updateContact(t.store, id, { preferredChannel: null }, 'GB').preferredChannel).toBeNull();
  });
});
