import { RateTable } from '../contract';
import { readSetting, writeSetting } from '../settings/kv';
import type { Store } from '../store/db';

/** The `settings` key the rate table is kept under. */
export const RATES_KEY = 'plan.whatsappRates';

/** No prices until the user enters them: Herald does not ship Meta's price list (it changes). */
export const DEFAULT_RATES: RateTable = { currency: 'USD', rows: [] };

/**
 * The table in its stored form: one row per country (a later row replaces an earlier one of the same
 * country), `*` (the default) first, then countries in alphabetical order.
 */
export function normaliseRates(table: RateTable): RateTable {
  const rows = new Map(table.rows.map((r) => [r.country, r]));
  const sorted = [...rows.values()].sort((a, b) =>
    a.country === '*' ? -1 : b.country === '*' ? 1 : a.country.localeCompare(b.country),
  );
  return { currency: table.currency.trim(), rows: sorted };
}

/** The saved rate table, or DEFAULT_RATES when none is saved (or the saved one no longer validates). */
export function loadRates(store: Store): RateTable {
  const parsed = RateTable.safeParse(readSetting(store, RATES_KEY));
  return parsed.success ? normaliseRates(parsed.data) : DEFAULT_RATES;
}

/** Saves the table (validated by the contract's RateTable) and returns it normalised. */
export function saveRates(store: Store, table: RateTable): RateTable {
  const normal = normaliseRates(table);
  writeSetting(store, RATES_KEY, normal);
  return normal;
}
