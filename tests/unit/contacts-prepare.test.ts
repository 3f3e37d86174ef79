import { describe, expect, it } from 'vitest';
import { consentFromCell, mergeConsent, parseYesNo } from '../../src-main/contacts/consent';
import { planColumns, planFromFields } from '../../src-main/contacts/mapping';
import { prepareRecord, tagNames } from '../../src-main/contacts/prepare';

function prep(headers: string[], fields: string[], country = 'GB') {
  return prepareRecord({ line: 2, fields }, planColumns(headers), country);
}

describe('prepareRecord', () => {
  it('takes the first valid value of a Google " ::: " cell', () => {
    const r = prep(
      ['E-mail 1 - Value', 'Phone 1 - Value'],
      ['not-an-email ::: Ana@Example.com ::: b@example.com', '12 ::: +44 7911 123456'],
    );
    expect(r.candidate).toMatchObject({
      email: 'ana@example.com',
      phone: '+447911123456',
      phoneType: 'MOBILE',
    });
    expect(r.issues).toEqual([]);
    expect([r.badEmail, r.badPhone]).toEqual([false, false]);
  });

  it('prefers the WhatsApp column, falls back to the mobile, then other phones', () => {
    const headers = ['Business Phone', 'Mobile Phone', 'WhatsApp'];
    expect(prep(headers, ['020 7946 0958', '07911 123456', '07400 123456']).candidate?.phone).toBe(
      '+447400123456',
    );
    expect(prep(headers, ['020 7946 0958', '07911 123456', 'nope']).candidate?.phone).toBe('+447911123456');
    const fixed = prep(headers, ['020 7946 0958', '', '']).candidate;
    expect(fixed).toMatchObject({ phone: '+442079460958', phoneType: 'FIXED_LINE' });
  });

  it('keeps a row with bad phones and a good email, reporting once (the best-ranked column)', () => {
    const r = prep(['Email', 'Phone', 'Mobile'], ['a@example.com', '123', '456']);
    expect(r.candidate?.email).toBe('a@example.com');
    expect(r.issues.map((i) => [i.field, i.code, i.value])).toEqual([['Mobile', 'invalid_phone', '456']]);
    expect(r.badPhone).toBe(true);
  });

  it('drops a row without any valid channel, saying why', () => {
    const bad = prep(['Email', 'Phone'], ['a@', '']);
    expect(bad.candidate).toBeNull();
    expect(bad.issues[0]?.message).toMatch(/not imported/);
    const empty = prep(['Email', 'Phone', 'Name'], ['', '', 'Ann']);
    expect(empty.issues.map((i) => i.code)).toEqual(['no_channel']);
  });

  it('splits a full name, keeps formula-like values as plain text attributes', () => {
    const r = prep(['Name', 'Email', 'Note'], ['Ana María López', 'a@x.io', '=HYPERLINK("http://x")']);
    expect(r.candidate).toMatchObject({
      firstName: 'Ana',
      lastName: 'María López',
      attributes: JSON.stringify({ note: '=HYPERLINK("http://x")' }),
    });
  });

  it('reads consent and opt-out columns, a denial winning', () => {
    const headers = ['Email', 'Newsletter', 'WhatsApp opt-in', 'Unsubscribed from all email'];
    expect(prep(headers, ['a@x.io', 'ja', 'sí', 'false']).candidate).toMatchObject({
      emailConsent: 'granted',
      whatsappConsent: 'granted',
    });
    expect(prep(headers, ['a@x.io', 'oui', 'não', 'TRUE']).candidate).toMatchObject({
      emailConsent: 'denied',
      whatsappConsent: 'denied',
    });
    const unclear = prep(headers, ['a@x.io', 'maybe', '', '']);
    expect(unclear.candidate?.emailConsent).toBeNull();
    expect(unclear.issues.map((i) => i.code)).toEqual(['invalid_consent']);
  });

  it('reads tags and keeps company as the attribute "company"; ignored columns vanish', () => {
    const plan = planFromFields(['Email', 'Labels', 'Org', 'Secret'], ['email', 'tags', 'company', 'ignore']);
    const r = prepareRecord(
      { line: 5, fields: ['a@x.io', '* myContacts ::: VIP ::: Friends', 'Acme', 'x'] },
      plan,
      'GB',
    );
    expect(r.candidate).toMatchObject({ tags: ['VIP', 'Friends'], attributes: '{"company":"Acme"}' });
    expect(tagNames('a, b;c')).toEqual(['a', 'b', 'c']);
  });
});

describe('consent words', () => {
  it.each(['yes', 'Y', 'true', '1', 'x', 'ja', 'sí', 'si', 'sim', 'oui', 'Subscribed', 'opted in'])(
    '%s is yes',
    (v) => expect(parseYesNo(v)).toBe(true),
  );
  it.each(['no', 'N', 'false', '0', 'nein', 'non', 'não', 'unsubscribed', 'Opted-out'])('%s is no', (v) =>
    expect(parseYesNo(v)).toBe(false),
  );
  it('an opt-out "no" records nothing; a denial is never turned into consent and never cleared', () => {
    expect(consentFromCell('no', true)).toBeNull();
    expect(consentFromCell('yes', true)).toBe('denied');
    expect(mergeConsent('denied', 'granted')).toBe('denied');
    expect(mergeConsent('granted', null)).toBe('granted');
    expect(mergeConsent('granted', 'denied')).toBe('denied');
    expect(mergeConsent(null, 'granted')).toBe('granted');
  });
});
