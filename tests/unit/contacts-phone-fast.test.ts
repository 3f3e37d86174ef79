import { describe, expect, it } from 'vitest';
import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';
import { fastPhone } from '../../src-main/contacts/phone-fast';
import { normalisePhone } from '../../src-main/contacts/normalise';
import { prng } from '../support/prng';

const random = prng(20261121);
const digit = () => String(Math.floor(random() * 10));
const digits = (n: number) => Array.from({ length: n }, digit).join('');

/** Variants of a national significant number: changed tail, a digit more or less, random digits. */
function variants(nsn: string): string[] {
  const out = [nsn];
  for (let k = 1; k <= 4; k++) out.push(nsn.slice(0, -k) + digits(k), nsn.slice(0, -k) + digits(k));
  out.push(nsn + digit(), nsn.slice(0, -1), nsn.slice(0, 2) + digits(nsn.length - 2));
  out.push(digits(nsn.length), digit() + nsn.slice(1));
  return out;
}

/** Every way people write a number of `country`, cleaned as normalisePhone cleans it. */
function inputs(country: CountryCode, nsn: string): [string, CountryCode][] {
  const cc = getCountryCallingCode(country);
  const out: [string, CountryCode][] = [];
  for (const v of variants(nsn)) {
    out.push([`+${cc}${v}`, country], [`+${cc}0${v}`, country]);
    for (const home of [country, 'GB', 'US', 'DE', 'IT'] as CountryCode[]) {
      out.push(
        [v, home],
        [`0${v}`, home],
        [`${cc}${v}`, home],
        [`00${cc}${v}`, home],
        [`011${cc}${v}`, home],
      );
    }
  }
  return out;
}

/** What normalisePhone asked the library before the fast path: the E.164 number and type, or null. */
function library(cleaned: string, country: CountryCode): { e164: string; type: string } | null {
  const parsed = parsePhoneNumberFromString(cleaned, cleaned.startsWith('+') ? undefined : country);
  const type = parsed?.getType();
  return parsed && type ? { e164: parsed.number, type } : null;
}

describe('fastPhone', () => {
  it('gives the same E.164 number and type as libphonenumber-js for numbers of every country', () => {
    let answered = 0;
    let checked = 0;
    const mismatches: string[] = [];
    for (const country of getCountries()) {
      const example = (examples as Record<string, string>)[country];
      const seeds = example ? [example] : [];
      // Random national numbers of 6 to 12 digits find the fixed-line and other types as well.
      for (let n = 6; n <= 12; n += 2) seeds.push(digits(n));
      for (const nsn of seeds) {
        for (const [cleaned, home] of inputs(country, nsn)) {
          checked++;
          const fast = fastPhone(cleaned, home);
          if (fast === undefined) continue;
          answered++;
          const lib = library(cleaned, home);
          if (JSON.stringify(lib) !== JSON.stringify(fast))
            mismatches.push(
              `${cleaned} (${home}): fast ${JSON.stringify(fast)}, library ${JSON.stringify(lib)}`,
            );
        }
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    // The fast path must actually carry most valid numbers, or it is not worth having.
    expect(checked).toBeGreaterThan(100_000);
    expect(answered).toBeGreaterThan(checked / 10);
  });

  it('answers the common ways of writing mobile numbers, and leaves the unusual ones to the library', () => {
    expect(fastPhone('+447400123456', undefined)).toEqual({ e164: '+447400123456', type: 'MOBILE' });
    expect(fastPhone('07400123456', 'GB')).toEqual({ e164: '+447400123456', type: 'MOBILE' });
    expect(fastPhone('+4915112345678', 'GB')).toEqual({ e164: '+4915112345678', type: 'MOBILE' });
    expect(fastPhone('+33612345678', undefined)?.e164).toBe('+33612345678');
    expect(fastPhone('2015550123', 'US')).toEqual({ e164: '+12015550123', type: 'FIXED_LINE_OR_MOBILE' });
    // Jersey's numbers share +44 and are told apart by their digits, as the library does.
    expect(fastPhone('07797123456', 'GB')).toEqual(library('07797123456', 'GB'));
    // IDD prefix, own calling code without +, transform rules and non-geographic codes: the library.
    expect(fastPhone('01144740012345', 'US')).toBeUndefined();
    expect(fastPhone('447400123456', 'GB')).toBeUndefined();
    expect(fastPhone('+80012345678', undefined)).toBeUndefined();
    expect(fastPhone('0111512345678', 'AR')).toEqual(
      fastPhone('0111512345678', 'AR') && library('0111512345678', 'AR'),
    );
    // Invalid numbers: the library explains them.
    expect(fastPhone('+44123', undefined)).toBeUndefined();
    expect(fastPhone('+999123456789', undefined)).toBeUndefined();
  });

  it('leaves normalisePhone answering what it answered with the library alone', () => {
    for (const [raw, country] of [
      ['+44 7400 123456', 'GB'],
      ['07400 123456', 'GB'],
      ['0049 151 12345678', 'GB'],
      ['(201) 555-0123', 'US'],
      ['+1 201 555 0123', 'FR'],
      ['011 44 7400 123456', 'US'],
      ['44 7400 123456', 'GB'],
    ] as const) {
      const cleaned = raw.replace(/[\s()-]/g, '').replace(/^00/, '+');
      expect(normalisePhone(raw, country)).toEqual(library(cleaned, country as CountryCode));
    }
  });
});
