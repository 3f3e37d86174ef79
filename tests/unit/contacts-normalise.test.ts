import { describe, expect, it } from 'vitest';
import { normaliseEmail, normalisePhone } from '../../src-main/contacts/normalise';

describe('normalisePhone', () => {
  it.each([
    ['+44 7911 123456', 'GB', '+447911123456', 'MOBILE'],
    ['+44 (0)7911-123.456', 'GB', '+447911123456', 'MOBILE'],
    ['(07911) 123-456', 'GB', '+447911123456', 'MOBILE'],
    ['07911.123.456', 'GB', '+447911123456', 'MOBILE'],
    ['0049 151 23456789', 'GB', '+4915123456789', 'MOBILE'],
    ['0151/23456789', 'DE', '+4915123456789', 'MOBILE'],
    ['  +33 6 12 34 56 78 ', 'US', '+33612345678', 'MOBILE'],
    ['+34 612 34 56 78', 'GB', '+34612345678', 'MOBILE'],
    ['020 7946 0958', 'GB', '+442079460958', 'FIXED_LINE'],
    ['(415) 555-2671', 'US', '+14155552671', 'FIXED_LINE_OR_MOBILE'],
    ["'+447911123456", 'DE', '+447911123456', 'MOBILE'],
    ['+44\u00a07911\u00a0123456', 'GB', '+447911123456', 'MOBILE'],
  ])('%s with default %s → %s (%s)', (raw, country, e164, type) => {
    expect(normalisePhone(raw, country)).toEqual({ e164, type });
  });

  it('reads a national number with the default country, so the same digits differ by country', () => {
    expect(normalisePhone('01512 3456789', 'DE')).toEqual({ e164: '+4915123456789', type: 'MOBILE' });
    expect(normalisePhone('01512 3456789', 'GB')).toHaveProperty('error');
  });

  it('refuses numbers libphonenumber does not call valid, saying what to fix', () => {
    // Ofcom's drama range 07700 900xxx is not a valid number.
    expect(normalisePhone('07700 900123', 'GB')).toEqual({
      error:
        'This is not a valid phone number for United Kingdom. Check the digits, or write it with the country code (+44 for United Kingdom).',
    });
    expect(normalisePhone('12345', 'GB')).toEqual({
      error:
        'The phone number is too short for United Kingdom. Check the digits, or write it with the country code (+44 for United Kingdom).',
    });
    expect(normalisePhone('+33 6 12 34 56 78 901', 'GB')).toEqual({
      error: 'The phone number is too long for France. Check the country code and the digits.',
    });
    expect(normalisePhone('+999 1234 5678', 'GB')).toEqual({
      error: 'The phone number starts with an unknown country code. Check the digits after the +.',
    });
  });

  it('explains Excel scientific notation, letters, empty values and an unknown default country', () => {
    expect(normalisePhone('4.47912E+11', 'GB')).toMatchObject({
      error: expect.stringMatching(/scientific notation/),
    });
    expect(normalisePhone('0800-FLOWERS', 'GB')).toMatchObject({ error: expect.stringMatching(/letters/) });
    expect(normalisePhone('   ', 'GB')).toEqual({ error: 'The phone number is empty.' });
    expect(normalisePhone('07911 123456', 'XX')).toMatchObject({
      error: expect.stringMatching(/"XX" is unknown/),
    });
    // An international number does not need the default country.
    expect(normalisePhone('+447911123456', 'XX')).toEqual({ e164: '+447911123456', type: 'MOBILE' });
  });
});

describe('normaliseEmail', () => {
  it.each([
    ['  Alice@Example.COM ', 'alice@example.com'],
    ['mailto:bob@example.com', 'bob@example.com'],
    ['<carol@example.co.uk>', 'carol@example.co.uk'],
    ["o'brien+news@mail.example.org", "o'brien+news@mail.example.org"],
    ['jürgen@müller.de', 'jürgen@müller.de'],
    ['a.b.c@x-y.example', 'a.b.c@x-y.example'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseEmail(raw)).toBe(expected);
  });

  it.each([
    ['', 'The email address is empty.'],
    ['alice.example.com', 'it has no @'],
    ['a@b@example.com', 'it has more than one @'],
    ['alice @example.com', 'it contains a space'],
    ['@example.com', 'nothing comes before the @'],
    ['alice@', 'nothing comes after the @'],
    ['alice@localhost', 'the domain "localhost" has no dot'],
    ['alice@example,com', 'the domain "example,com" has no dot'],
    ['alice@-example.com', 'the domain "-example.com" is not valid'],
    ['alice@example..com', 'the domain "example..com" is not valid'],
    ['alice@1.2.3.4', 'the domain "1.2.3.4" is not valid'],
    ['.alice@example.com', 'the part before the @ is not valid'],
    ['al..ice@example.com', 'the part before the @ is not valid'],
    ['"al ice"@example.com', 'it contains a space'],
    [`${'a'.repeat(65)}@example.com`, 'the part before the @ is not valid'],
    [
      `a@${Array.from({ length: 5 }, () => 'b'.repeat(60)).join('.')}.com`,
      'it is longer than 254 characters',
    ],
  ])('refuses %j: %s', (raw, why) => {
    const result = normaliseEmail(raw);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toContain(why);
  });

  it('answers ASCII addresses at the edges of every rule the same on the fast and the full check', () => {
    const valid = [
      `${'a'.repeat(64)}@x.io`,
      `a@${'b'.repeat(63)}.io`,
      'a.b-c+d@x-y.z9',
      "o'neil@x.io",
      'a@1.2.io',
    ];
    const invalid = [
      `${'a'.repeat(65)}@x.io`,
      `a@${'b'.repeat(64)}.io`,
      'a..b@x.io',
      '.a@x.io',
      'a.@x.io',
      'a@-x.io',
      'a@x-.io',
      'a@x.123',
      'a@x',
      'a@x..io',
      'a@@x.io',
    ];
    for (const v of valid) expect(normaliseEmail(v)).toBe(v);
    for (const v of invalid) expect(normaliseEmail(v)).toHaveProperty('error');
    // Non-ASCII letters go the full way and are still accepted.
    expect(normaliseEmail('jörg@exämple.de')).toBe('jörg@exämple.de');
  });

  it('accepts an address of exactly 254 characters', () => {
    const domain = `${'d'.repeat(63)}.${'e'.repeat(63)}.${'f'.repeat(63)}.com`; // 195 characters
    const address = `${'a'.repeat(254 - 1 - domain.length)}@${domain}`;
    expect(address).toHaveLength(254);
    expect(normaliseEmail(address)).toBe(address);
  });
});
