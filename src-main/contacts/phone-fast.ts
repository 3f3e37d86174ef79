import { Metadata } from 'libphonenumber-js/max';

/**
 * A faster road to the same answer as `parsePhoneNumberFromString(cleaned, country)` followed by
 * `getType()` (libphonenumber-js 1.x, "max" metadata), for the input normalisePhone has already
 * cleaned to `+digits` or `digits`.
 *
 * Why: importing a million contacts spends most of its CPU in libphonenumber-js, and most of that in
 * its plumbing (an options object spread per call, a Metadata object per helper, a RegExp built
 * from metadata text per pattern check), not in matching. This module walks the same steps in the
 * same order over the same metadata (read through the library's own Metadata class), with each
 * country's patterns compiled once:
 *   source/parse.js → helpers/extractCountryCallingCode.js → helpers/extractNationalNumber.js →
 *   helpers/getCountryByCallingCode.js → helpers/getCountryByNationalNumber.js →
 *   helpers/getNumberType.js (with helpers/checkNumberLength.js).
 * It answers only the plain cases and returns `undefined` ("ask the library") for every branch it
 * does not reproduce: an IDD prefix on a national number (`011 44…`), a national number starting
 * with its own country calling code (`44 7911…` with GB), a national-prefix transform rule that
 * fires (Argentina's `15`, Mexico's `1`), non-geographic calling codes (+800, +882 …), and any
 * number it finds invalid, so error messages still come from the library. tests/unit/phone-fast
 * holds every answer it gives equal to the library's over numbers of every country.
 */

/** The number types of getNumberType.js, in the order it tries them after FIXED_LINE. */
const NON_FIXED_LINE_TYPES = [
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;

/** The part of libphonenumber-js's Metadata class (source/metadata.js) read here; its d.ts omits it. */
interface MetadataApi {
  selectNumberingPlan(country: string): unknown;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
  hasCallingCode(callingCode: string): boolean | undefined;
  hasCountry(country: string): boolean;
  countryCallingCode(): string;
  IDDPrefix(): string | undefined;
  nationalNumberPattern(): string;
  possibleLengths(): number[] | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  leadingDigits(): string | undefined;
  type(t: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
}

/** One number type of a country: its whole-match pattern and lengths (isNumberTypeEqualTo). */
interface TypeRule {
  re: RegExp;
  lengths: readonly number[] | undefined;
}

/** A country's numbering plan with every pattern compiled once. */
interface Plan {
  country: string;
  callingCode: string;
  /** The national number pattern, matched entirely (matchesEntirely.js). */
  general: RegExp;
  lengths: readonly number[] | undefined;
  /** `^(?:national prefix for parsing)`, or null when the country has none. */
  prefix: RegExp | null;
  transform: string | undefined;
  /** Leading digits (String.prototype.search semantics), or null when absent or empty. */
  leading: RegExp | null;
  idd: RegExp | null;
  fixedLine: TypeRule | null;
  /** MOBILE exists at all (`metadata.type('MOBILE')`), and whether its pattern is empty. */
  hasMobile: boolean;
  mobileEmpty: boolean;
  types: [string, TypeRule][];
}

let metadata: MetadataApi | null = null;
const plans = new Map<string, Plan>();

function meta(): MetadataApi {
  metadata ??= new Metadata() as unknown as MetadataApi;
  return metadata;
}

const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);

function compile(country: string): Plan {
  const m = meta();
  m.selectNumberingPlan(country);
  const rule = (t: string): TypeRule | null => {
    const def = m.type(t);
    // isNumberTypeEqualTo: a missing type or an empty pattern never matches.
    if (!def?.pattern()) return null;
    return { re: whole(def.pattern()), lengths: def.possibleLengths() };
  };
  const npfp = m.nationalPrefixForParsing();
  const leading = m.leadingDigits();
  const idd = m.IDDPrefix();
  const mobile = m.type('MOBILE');
  const types: [string, TypeRule][] = [];
  for (const t of NON_FIXED_LINE_TYPES) {
    const r = rule(t);
    if (r) types.push([t, r]);
  }
  return {
    country,
    callingCode: m.countryCallingCode(),
    general: whole(m.nationalNumberPattern()),
    lengths: m.possibleLengths(),
    prefix: npfp ? new RegExp(`^(?:${npfp})`) : null,
    transform: m.nationalPrefixTransformRule(),
    leading: leading ? new RegExp(leading) : null,
    idd: idd ? new RegExp(idd) : null,
    fixedLine: rule('FIXED_LINE'),
    hasMobile: mobile !== undefined,
    mobileEmpty: mobile !== undefined && mobile.pattern() === '',
    types,
  };
}

function plan(country: string): Plan {
  let p = plans.get(country);
  if (!p) plans.set(country, (p = compile(country)));
  return p;
}

function isType(nn: string, rule: TypeRule | null): boolean {
  if (!rule) return false;
  if (rule.lengths && !rule.lengths.includes(nn.length)) return false;
  return rule.re.test(nn);
}

/** helpers/getNumberType.js for a national number in a plan. */
function numberType(p: Plan, nn: string): string | undefined {
  if (!p.general.test(nn)) return undefined;
  if (isType(nn, p.fixedLine)) {
    if (!p.hasMobile || p.mobileEmpty) return 'FIXED_LINE_OR_MOBILE';
    const mobile = p.types.find(([t]) => t === 'MOBILE');
    return mobile && isType(nn, mobile[1]) ? 'FIXED_LINE_OR_MOBILE' : 'FIXED_LINE';
  }
  for (const [t, rule] of p.types) if (isType(nn, rule)) return t;
  return undefined;
}

/**
 * The last countryFor question and answer: a number whose national prefix was stripped asks the same
 * question twice (extractNationalNumber, then parse), and for a shared calling code each answer costs
 * a pattern match per country.
 */
let askedCode = '';
let askedNumber = '';
let answer: string | undefined;

/** helpers/getCountryByCallingCode.js with getCountryByNationalNumber.js. */
function countryFor(callingCode: string, nn: string): string | undefined {
  if (callingCode === askedCode && nn === askedNumber) return answer;
  askedCode = callingCode;
  askedNumber = nn;
  answer = findCountry(callingCode, nn);
  return answer;
}

function findCountry(callingCode: string, nn: string): string | undefined {
  const countries = meta().getCountryCodesForCallingCode(callingCode);
  if (!countries) return undefined;
  if (countries.length === 1) return countries[0];
  for (const c of countries) {
    const p = plan(c);
    if (p.leading) {
      if (nn && nn.search(p.leading) === 0) return c;
    } else if (numberType(p, nn)) return c;
  }
  return undefined;
}

/** helpers/checkNumberLength.js without a type: false for TOO_SHORT and INVALID_LENGTH. */
function possibleIncomplete(p: Plan, nn: string): boolean {
  const lengths = p.lengths;
  if (!lengths) return true;
  const min = lengths[0]!;
  if (min === nn.length) return true;
  if (min > nn.length) return false;
  if (lengths[lengths.length - 1]! < nn.length) return true; // TOO_LONG counts as possible here
  return lengths.indexOf(nn.length, 1) >= 0;
}

/**
 * helpers/extractNationalNumber.js: strips the national prefix when the rules allow it. Returns
 * undefined when a transform rule would rewrite the number (left to the library).
 */
function nationalNumber(number: string, p: Plan): string | undefined {
  if (!p.prefix) return number;
  const match = p.prefix.exec(number);
  if (!match) return number;
  const groups = match.length - 1;
  if (p.transform && groups > 0 && match[groups]) return undefined;
  const nn = number.slice(match[0].length);
  if (nn === number) return number;
  if (p.general.test(number) && !p.general.test(nn)) return number;
  if (p.lengths) {
    const exact = countryFor(p.callingCode, nn);
    if (!possibleIncomplete(exact ? plan(exact) : p, nn)) return number;
  }
  return nn;
}

/** MIN_LENGTH_FOR_NSN and MAX_LENGTH_FOR_NSN of source/constants.js. */
const MIN_NSN = 2;
const MAX_NSN = 17;

/**
 * The E.164 number and libphonenumber type of `cleaned` (`+` and digits, or digits read as a
 * national number of `country`, an ISO 3166-1 alpha-2 code the metadata knows) when it is valid and
 * the parse takes only the steps reproduced here; otherwise `undefined`, and the caller asks
 * libphonenumber-js. Never throws for such input.
 */
export function fastPhone(
  cleaned: string,
  country: string | undefined,
): { e164: string; type: string } | undefined {
  if (cleaned.length < 3 || cleaned.length > 250) return undefined;
  let callingCode: string;
  let nn: string | undefined;
  let fallbackCountry: string;
  const m = meta();
  if (cleaned[0] === '+') {
    if (cleaned[1] === '0') return undefined;
    // extractCountryCallingCode.js: the shortest known calling code of 1 to 3 digits.
    let found: string | undefined;
    for (let len = 1; len <= 3 && len < cleaned.length && !found; len++) {
      const cc = cleaned.slice(1, 1 + len);
      if (m.hasCallingCode(cc)) found = cc;
    }
    const countries = found ? m.getCountryCodesForCallingCode(found) : undefined;
    if (!found || !countries) return undefined; // unknown or non-geographic calling code
    callingCode = found;
    fallbackCountry = countries[0]!;
    nn = nationalNumber(cleaned.slice(1 + found.length), plan(fallbackCountry));
  } else {
    if (!country || !m.hasCountry(country)) return undefined;
    const home = plan(country);
    if (home.idd && cleaned.search(home.idd) === 0) return undefined;
    if (cleaned.startsWith(home.callingCode)) return undefined;
    callingCode = home.callingCode;
    fallbackCountry = country;
    nn = nationalNumber(cleaned, home);
  }
  if (nn === undefined || nn.length < MIN_NSN || nn.length > MAX_NSN) return undefined;
  const exact = countryFor(callingCode, nn);
  const type = numberType(plan(exact ?? fallbackCountry), nn);
  return type === undefined ? undefined : { e164: `+${callingCode}${nn}`, type };
}
