import type { Store } from '../store/db';

/**
 * The value stored under `key` in the `settings` table (one JSON value per key), parsed; undefined
 * when there is none or it is not valid JSON (callers validate the shape).
 */
export function readSetting(store: Store, key: string): unknown {
  const row = store.sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
    { value: string } | undefined;
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return undefined;
  }
}

/** Stores `value` (JSON) under `key`, replacing what was there; `at`: ms since epoch. */
export function writeSetting(store: Store, key: string, value: unknown, at = Date.now()): void {
  store.sqlite
    .prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(key, JSON.stringify(value), at);
}
