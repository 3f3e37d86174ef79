import { getCountries, getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CostLine, RateTable, SendPlan, WhatsAppCategory } from '../contract';

/** Calling code → its only country (most codes), or null when several countries share it. */
let byCode: Map<string, string | null> | null = null;

function codes(): Map<string, string | null> {
  if (byCode) return byCode;
  byCode = new Map();
  for (const country of getCountries()) {
    const code = getCountryCallingCode(country);
    byCode.set(code, byCode.has(code) ? null : country);
  }
  return byCode;
}

/**
 * Shared calling codes: how many national digits decide the country (NANP area code; +44 7911 1x is
 * Guernsey but 7911 2x Britain; +39 06698 Vatican; +61 89162 Cocos) and libphonenumber's main country
 * for numbers that match no pattern (libphonenumber-js metadata, "max").
 */
const SHARED: Record<string, { digits: number; main: string }> = {
  '1': { digits: 3, main: 'US' },
  '7': { digits: 3, main: 'RU' },
  '39': { digits: 5, main: 'IT' },
  '44': { digits: 5, main: 'GB' },
  '47': { digits: 3, main: 'NO' },
  '61': { digits: 5, main: 'AU' },
  '212': { digits: 4, main: 'MA' },
  '262': { digits: 3, main: 'RE' },
  '290': { digits: 3, main: 'SH' },
  '358': { digits: 3, main: 'FI' },
  '590': { digits: 3, main: 'GP' },
  '599': { digits: 3, main: 'CW' },
};

/**
 * A country finder for E.164 numbers (ISO 3166-1 alpha-2, or `*` when the calling code is unknown).
 * Most calling codes belong to one country and need no parsing; numbers of a shared code are parsed
 * with libphonenumber-js once per prefix that decides the country, then cached, so 100,000 numbers
 * cost a few thousand parses at most.
 */
export function countryFinder(): (e164: string) => string {
  const cache = new Map<string, string>();
  const map = codes();
  return (e164) => {
    for (let len = 1; len <= 3; len++) {
      const code = e164.slice(1, 1 + len);
      const only = map.get(code);
      if (only === undefined) continue;
      if (only !== null) return only;
      const shared = SHARED[code];
      const key = e164.slice(0, 1 + len + (shared?.digits ?? 6));
      let country = cache.get(key);
      if (country === undefined) {
        country = parsePhoneNumberFromString(e164)?.country ?? shared?.main ?? '*';
        cache.set(key, country);
      }
      return country;
    }
    return '*';
  };
}

/** Rounds a money amount to millionths (float noise of many small products). */
const money = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * The WhatsApp cost estimate: the recipients' countries from their E.164 numbers, the rate of the
 * template's category from the country's row, else the `*` row; one line per country (most messages
 * first), the total of the priced lines, and the countries without any rate. Meta prices per delivered
 * message (whatsapp-cloud-api.md "Policy and pricing"), so this is an upper bound.
 */
export function estimateCost(
  numbers: readonly string[],
  category: WhatsAppCategory,
  table: RateTable,
): NonNullable<SendPlan['cost']> {
  const countryOf = countryFinder();
  const perCountry = new Map<string, number>();
  for (const n of numbers) {
    const c = countryOf(n);
    perCountry.set(c, (perCountry.get(c) ?? 0) + 1);
  }
  const rows = new Map(table.rows.map((r) => [r.country, r]));
  const fallback = rows.get('*')?.[category] ?? null;
  const lines: CostLine[] = [...perCountry]
    .map(([country, messages]) => {
      const rate = rows.get(country)?.[category] ?? fallback;
      return { country, category, messages, rate, cost: rate === null ? null : money(rate * messages) };
    })
    .sort((a, b) => b.messages - a.messages || a.country.localeCompare(b.country));
  return {
    currency: table.currency,
    total: money(lines.reduce((sum, l) => sum + (l.cost ?? 0), 0)),
    lines,
    missingRates: lines
      .filter((l) => l.rate === null)
      .map((l) => l.country)
      .sort(),
  };
}
