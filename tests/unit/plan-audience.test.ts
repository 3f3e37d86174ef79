import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countAudience, getContactsForAudience } from '../../src-main/contacts/repo';
import { type AudienceInput, audienceClause } from '../../src-main/sending/audience';
import { type TempStore, openTempStore } from '../fixtures/temp-store';
import { addContact, addGroup } from '../support/plan-fixture';

let t: TempStore;
let ids: Record<string, number>;
let g: Record<string, number>;

beforeEach(() => {
  t = openTempStore();
  const s = t.store;
  g = {
    vip: addGroup(s, 'lists', 'VIP'),
    club: addGroup(s, 'lists', 'Club'),
    staff: addGroup(s, 'lists', 'Staff'),
    hot: addGroup(s, 'tags', 'hot'),
    cold: addGroup(s, 'tags', 'cold'),
  };
  ids = {
    ann: addContact(s, {
      first_name: 'Ann',
      email: 'ann@example.com',
      language: 'en',
      lists: [g.vip!],
      tags: [g.hot!],
      attributes: { city: 'Paris', plan: 'Gold', region: 'île-de-france' },
    }),
    ben: addContact(s, {
      first_name: 'Ben',
      phone: '+447700900001',
      phone_type: 'MOBILE',
      language: 'en-GB',
      lists: [g.club!],
      attributes: { city: 'paris' },
    }),
    cat: addContact(s, {
      first_name: 'Cat',
      email: 'cat@example.com',
      language: 'EN_us',
      lists: [g.vip!, g.staff!],
      tags: [g.cold!],
      email_consent: 'denied',
    }),
    dan: addContact(s, {
      first_name: 'Dan',
      phone: '+442079460958',
      phone_type: 'FIXED_LINE',
      language: 'eng',
      tags: [g.hot!, g.cold!],
      attributes: { city: 'Berlin', plan: '' },
    }),
    eve: addContact(s, {
      first_name: 'Eve',
      email: 'eve@example.com',
      language: 'fr',
      attributes: { city: 'Lyon', region: 'ÎLE-DE-FRANCE' },
    }),
  };
});
afterEach(() => t.dispose());

/** Names of the contacts an audience matches, via the same clause plan:count and the outbox use. */
function names(a: AudienceInput): string[] {
  const rows = getContactsForAudience(t.store, a, 0, 100).map((c) => c.firstName ?? '');
  expect(countAudience(t.store, a)).toBe(rows.length);
  return rows;
}

describe('audienceClause', () => {
  it('matches everyone when empty, and is the constant 1', () => {
    expect(audienceClause({}).sql).toBe('1');
    expect(names({})).toEqual(['Ann', 'Ben', 'Cat', 'Dan', 'Eve']);
  });

  it('lists and tags match any of the chosen ones; lists AND tags must both hold', () => {
    expect(names({ listIds: [g.vip!] })).toEqual(['Ann', 'Cat']);
    expect(names({ listIds: [g.vip!, g.club!] })).toEqual(['Ann', 'Ben', 'Cat']);
    expect(names({ tagIds: [g.hot!, g.cold!] })).toEqual(['Ann', 'Cat', 'Dan']);
    expect(names({ listIds: [g.vip!, g.club!], tagIds: [g.hot!] })).toEqual(['Ann']);
  });

  it('languages: any of, ignoring case, a language also matching its regional tags', () => {
    expect(names({ languages: ['en'] })).toEqual(['Ann', 'Ben', 'Cat']);
    expect(names({ languages: ['EN-us'] })).toEqual(['Cat']);
    expect(names({ languages: ['en_GB', 'fr'] })).toEqual(['Ben', 'Eve']);
    expect(names({ languages: ['eng'] })).toEqual(['Dan']);
    // LIKE wildcards in the choice are literal.
    expect(names({ languages: ['e%'] })).toEqual([]);
    expect(names({ languages: ['_n'] })).toEqual([]);
  });

  it('attribute conditions ignore case; missing attributes count as empty', () => {
    const cond = (
      key: string,
      op: 'equals' | 'not_equals' | 'contains' | 'is_empty' | 'is_not_empty',
      value = '',
    ) => names({ attributes: [{ key, op, value }] });
    expect(cond('city', 'equals', 'PARIS')).toEqual(['Ann', 'Ben']);
    expect(cond('city', 'not_equals', 'paris')).toEqual(['Cat', 'Dan', 'Eve']);
    expect(cond('city', 'contains', 'ly')).toEqual(['Eve']);
    expect(cond('plan', 'is_empty')).toEqual(['Ben', 'Cat', 'Dan', 'Eve']);
    expect(cond('plan', 'is_not_empty')).toEqual(['Ann']);
    expect(cond('first_name', 'contains', 'a')).toEqual(['Ann', 'Cat', 'Dan']);
    expect(cond('language', 'equals', 'fr')).toEqual(['Eve']);
    // Every condition must hold.
    expect(
      names({
        attributes: [
          { key: 'city', op: 'equals', value: 'paris' },
          { key: 'plan', op: 'is_empty', value: '' },
        ],
      }),
    ).toEqual(['Ben']);
    // A key with quotes cannot break out of the JSON path.
    expect(cond('ci"ty', 'equals', 'paris')).toEqual(['Ann', 'Ben']);
    // Case is ignored in every script, not only A–Z (SQLite's lower() folds ASCII only).
    expect(cond('region', 'equals', 'Île-de-France')).toEqual(['Ann', 'Eve']);
    expect(cond('region', 'not_equals', 'Île-de-France')).toEqual(['Ben', 'Cat', 'Dan']);
    expect(cond('region', 'contains', 'ÎLE')).toEqual(['Ann', 'Eve']);
    // A key named like an Object.prototype member is an imported attribute like any other.
    expect(cond('constructor', 'is_empty')).toEqual(['Ann', 'Ben', 'Cat', 'Dan', 'Eve']);
  });

  it('channel filters: consent, has email, has a WhatsApp-capable phone (not a fixed line)', () => {
    expect(names({ emailConsent: 'denied' })).toEqual(['Cat']);
    expect(names({ hasEmail: false })).toEqual(['Ben', 'Dan']);
    expect(names({ hasWhatsApp: true })).toEqual(['Ben']);
  });

  it('exclusions remove contacts in other lists, with tags, or chosen one by one', () => {
    expect(names({ listIds: [g.vip!], excludeListIds: [g.staff!] })).toEqual(['Ann']);
    expect(names({ excludeTagIds: [g.cold!] })).toEqual(['Ann', 'Ben', 'Eve']);
    expect(names({ excludeContactIds: [ids.ann!, ids.eve!] })).toEqual(['Ben', 'Cat', 'Dan']);
    expect(names({ tagIds: [g.hot!], excludeTagIds: [g.cold!], excludeContactIds: [ids.ann!] })).toEqual([]);
  });

  it('keeps the import filter', () => {
    const imp = Number(
      t.store.sqlite.prepare("INSERT INTO imports (file_name) VALUES ('a.csv')").run().lastInsertRowid,
    );
    addContact(t.store, { first_name: 'Imp', email: 'imp@example.com', import_id: imp });
    expect(names({ importId: imp })).toEqual(['Imp']);
  });
});
