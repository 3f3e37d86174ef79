import {
  type CountryCode as PhoneCountry,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import { fastPhone } from './phone-fast';

/** A phone number in E.164 (`+4915123456789`) and libphonenumber's type (MOBILE, FIXED_LINE, …) or null. */
export interface NormalisedPhone {
  e164: string;
  type: string | null;
}

/** A value that could not be normalised; `error` says what is wrong and how to fix it, in the user's words. */
export interface NormaliseError {
  error: string;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

function countryName(country: string): string {
  try {
    return regionNames.of(country) ?? country;
  } catch {
    return country;
  }
}

/** Formatting people put in phone numbers: whitespace, dots, dashes (incl. Unicode dashes), brackets, slashes. */
const PHONE_PUNCTUATION = /[\s.\-‐-―−()[\]/]/g;
/** Excel turns long digit strings into `4.47911E+11` when the column is not formatted as Text. */
const SCIENTIFIC = /^\+?\d+(?:[.,]\d+)?e\+?\d+$/i;

/**
 * Normalises a phone number to E.164 with Google's libphonenumber metadata (libphonenumber-js "max").
 * Accepts `+` or `00` international prefixes; other numbers are read as national numbers of
 * `defaultCountry` (ISO 3166-1 alpha-2). Only numbers libphonenumber calls valid are accepted.
 * Never throws: returns `{ error }` with a message saying what to fix.
 */
export function normalisePhone(raw: string, defaultCountry: string): NormalisedPhone | NormaliseError {
  const trimmed = raw
    .trim()
    .replace(/^'/, '') // Excel's "store as text" prefix
    .replace(/^tel:/i, '');
  if (trimmed === '') return { error: 'The phone number is empty.' };
  if (SCIENTIFIC.test(trimmed)) {
    return {
      error:
        'Excel turned this phone number into scientific notation, so digits are lost. Format the column ' +
        'as Text in Excel, type the numbers again and export the file again.',
    };
  }
  let cleaned = trimmed.replace(PHONE_PUNCTUATION, '');
  if (cleaned.startsWith('00')) cleaned = `+${cleaned.slice(2)}`;
  if (!/^\+?\d+$/.test(cleaned)) {
    return {
      error: 'The phone number contains letters or symbols. Keep only digits, spaces and a leading +.',
    };
  }
  const international = cleaned.startsWith('+');
  const country = defaultCountry.toUpperCase();
  if (!international && !isSupportedCountry(country)) {
    return {
      error: `The phone number has no country code and the default country "${defaultCountry}" is unknown. Write it with + and the country code, such as +44 7911 123456.`,
    };
  }
  // The fast path answers valid numbers exactly as the library would; everything else goes on below.
  const fast = fastPhone(cleaned, international ? undefined : country);
  if (fast) return fast;
  const asCountry = international ? undefined : (country as PhoneCountry);
  const parsed = parsePhoneNumberFromString(cleaned, asCountry);
  // With the "max" metadata every valid number has a type, and isValid() is getType() !== undefined
  // (libphonenumber-js es6/isValid.js): asking for the type first halves the cost of a valid number.
  const type = parsed?.getType();
  if (parsed && (type !== undefined || parsed.isValid())) return { e164: parsed.number, type: type ?? null };

  const where = international
    ? parsed?.country
      ? `for ${countryName(parsed.country)}`
      : 'for any country'
    : `for ${countryName(country)}`;
  const hint = international
    ? 'Check the country code and the digits.'
    : `Check the digits, or write it with the country code (+${getCountryCallingCode(country as PhoneCountry)} for ${countryName(country)}).`;
  switch (validatePhoneNumberLength(cleaned, asCountry)) {
    case 'TOO_SHORT':
      return { error: `The phone number is too short ${where}. ${hint}` };
    case 'TOO_LONG':
      return { error: `The phone number is too long ${where}. ${hint}` };
    case 'INVALID_COUNTRY':
      return { error: 'The phone number starts with an unknown country code. Check the digits after the +.' };
    default:
      return { error: `This is not a valid phone number ${where}. ${hint}` };
  }
}

/**
 * The common shape of an address in ASCII: a dot-atom local part and dot-separated labels of letters,
 * digits and inner hyphens. Everything it accepts, the full check below accepts too (its classes are
 * subsets of \p{L}\p{N}); lengths and an all-digit last label are still checked. A fast first test.
 */
const ASCII_ADDRESS =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const LAST_LABEL_DIGITS = /\.\d+$/;
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;

/**
 * Normalises an email address: trims, drops a `mailto:` prefix or `<…>` brackets and lower-cases it.
 * Checks the RFC 5321/5322 shape people actually use (dot-atom local part of ≤ 64 characters, exactly
 * one @, a dotted domain of valid labels, ≤ 254 characters in all, no whitespace); quoted local parts and
 * IP-literal domains are refused. Never throws: returns `{ error }` with a message saying what to fix.
 */
export function normaliseEmail(raw: string): string | NormaliseError {
  let value = raw
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  if (value.startsWith('<') && value.endsWith('>')) value = value.slice(1, -1).trim();
  if (
    value.length <= 254 &&
    ASCII_ADDRESS.test(value) &&
    value.indexOf('@') <= 64 &&
    !LAST_LABEL_DIGITS.test(value)
  )
    return value;
  const fail = (why: string): NormaliseError => ({
    error: `This is not a valid email address: ${why}. Correct it in the file, like name@example.com.`,
  });
  if (value === '') return { error: 'The email address is empty.' };
  if (value.length > 254) return fail('it is longer than 254 characters');
  if (/\s/.test(value)) return fail('it contains a space');
  const parts = value.split('@');
  if (parts.length !== 2) return fail(parts.length === 1 ? 'it has no @' : 'it has more than one @');
  const [local = '', domain = ''] = parts;
  if (local === '') return fail('nothing comes before the @');
  if (local.length > 64 || !LOCAL_PART.test(local)) return fail('the part before the @ is not valid');
  const labels = domain.split('.');
  if (domain === '') return fail('nothing comes after the @');
  if (labels.length < 2) return fail(`the domain "${domain}" has no dot`);
  if (labels.some((l) => l.length > 63 || !DOMAIN_LABEL.test(l)))
    return fail(`the domain "${domain}" is not valid`);
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return fail(`the domain "${domain}" is not valid`);
  return value;
}

/** Narrows a normalisation result to its error. */
export function isNormaliseError(v: unknown): v is NormaliseError {
  return typeof v === 'object' && v !== null && 'error' in v;
}
