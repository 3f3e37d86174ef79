import type { Channel, Suppression, SuppressionAddResult } from '../contract';
import type { Store } from '../store/db';
import { csvLine } from '../contract/csv';
import { escapeLike } from './filter';
import { headerToken } from './mapping';
import { fieldOfHeader } from './header-words';
import { isNormaliseError, normaliseEmail, normalisePhone } from './normalise';
import { openSource } from './source';

/** The stored form of an address on a channel: lower-cased email, or E.164 phone; or why it is not valid. */
export function suppressionAddress(
  channel: Channel,
  raw: string,
  defaultCountry: string,
): { address: string } | { error: string } {
  if (channel === 'email') {
    const e = normaliseEmail(raw);
    return isNormaliseError(e) ? e : { address: e };
  }
  const p = normalisePhone(raw, defaultCountry);
  return isNormaliseError(p) ? p : { address: p.e164 };
}

/**
 * Adds addresses to a channel's suppression list in one transaction (the `suppressions` table the
 * send engine checks before every message). Existing entries keep their reason and source; invalid
 * values are returned with why (at most 1,000 listed).
 */
export function addSuppressions(
  store: Store,
  channel: Channel,
  values: readonly string[],
  reason: string,
  source: 'user' | 'import',
  defaultCountry: string,
): SuppressionAddResult {
  const insert = store.sqlite.prepare(
    'INSERT OR IGNORE INTO suppressions (channel, address, reason, source) VALUES (?, ?, ?, ?)',
  );
  const out: SuppressionAddResult = { added: 0, already: 0, invalid: [] };
  store.sqlite.transaction(() => {
    for (const raw of values) {
      if (raw.trim() === '') continue;
      const a = suppressionAddress(channel, raw, defaultCountry);
      if ('error' in a) {
        if (out.invalid.length < 1000) out.invalid.push({ value: raw.slice(0, 320), message: a.error });
        continue;
      }
      if (insert.run(channel, a.address, reason, source).changes > 0) out.added++;
      else out.already++;
    }
  })();
  return out;
}

/**
 * Reads an uploaded CSV or workbook of addresses to suppress: the column the header names as email
 * (email channel) or phone (WhatsApp), else the first column; a header cell that is itself a valid
 * address counts too (a plain list without a header).
 */
export async function importSuppressions(
  store: Store,
  path: string,
  channel: Channel,
  reason: string,
  defaultCountry: string,
): Promise<SuppressionAddResult> {
  const source = await openSource(path, {}, () => {});
  const want = channel === 'email' ? 'email' : 'phone';
  const col = Math.max(
    0,
    source.headers.findIndex((h) => fieldOfHeader(headerToken(h)) === want),
  );
  const values: string[] = [];
  const header = source.headers[col] ?? '';
  if (!('error' in suppressionAddress(channel, header, defaultCountry))) values.push(header);
  const total: SuppressionAddResult = { added: 0, already: 0, invalid: [] };
  const flush = () => {
    const r = addSuppressions(store, channel, values.splice(0), reason, 'import', defaultCountry);
    total.added += r.added;
    total.already += r.already;
    total.invalid.push(...r.invalid.slice(0, 1000 - total.invalid.length));
  };
  for await (const batch of source.batches) {
    for (const r of batch) values.push(r.fields[col] ?? '');
    if (values.length >= 10_000) flush();
  }
  flush();
  return total;
}

/** A page of suppressions in id order, filtered by channel and a substring of the address; `total` counts all matches. */
export function listSuppressions(
  store: Store,
  q: { channel?: Channel; search?: string; afterId?: number; limit: number },
): { rows: Suppression[]; total: number; nextAfterId: number | null } {
  const where = ['(@channel IS NULL OR channel = @channel)'];
  const params: Record<string, string | number | null> = { channel: q.channel ?? null };
  if (q.search?.trim()) {
    where.push("address LIKE @pattern ESCAPE '\\'");
    params.pattern = `%${escapeLike(q.search.trim().toLowerCase())}%`;
  }
  const sql = where.join(' AND ');
  const rows = store.sqlite
    .prepare<Record<string, string | number | null>, Suppression>(
      `SELECT id, channel, address, reason, source, created_at AS createdAt FROM suppressions
       WHERE id > @afterId AND ${sql} ORDER BY id LIMIT @take`,
    )
    .all({ ...params, afterId: q.afterId ?? 0, take: q.limit + 1 });
  const { n } = store.sqlite
    .prepare<Record<string, string | number | null>, { n: number }>(
      `SELECT COUNT(*) AS n FROM suppressions WHERE ${sql}`,
    )
    .get(params) ?? { n: 0 };
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  return { rows: page, total: n, nextAfterId: more ? (page[page.length - 1]?.id ?? null) : null };
}

/** Removes suppressions by id (the user's decision; imports never remove one). */
export function removeSuppressions(store: Store, ids: readonly number[]): { removed: number } {
  const del = store.sqlite.prepare('DELETE FROM suppressions WHERE id = ?');
  let removed = 0;
  store.sqlite.transaction(() => {
    for (const id of ids) removed += del.run(id).changes;
  })();
  return { removed };
}

/** One page of the suppression list as formula-safe CSV (header on the first page). */
export function exportSuppressions(
  store: Store,
  q: { channel?: Channel; afterId?: number; limit: number },
): { csv: string; rows: number; nextAfterId: number | null } {
  const page = listSuppressions(store, q);
  let csv = q.afterId ? '' : csvLine(['channel', 'address', 'reason', 'source', 'added']);
  for (const s of page.rows)
    csv += csvLine([s.channel, s.address, s.reason, s.source, new Date(s.createdAt).toISOString()]);
  return { csv, rows: page.rows.length, nextAfterId: page.nextAfterId };
}
