import type { Contact } from '../contract';
import type { Store } from '../store/db';
import { CONTACT_COLUMNS, type ContactRecord, type ContactRow, toContact, toContactRecord } from './rows';

export type { ContactRecord } from './rows';

/** Escapes LIKE wildcards so a search for `50%` or `a_b` matches those characters literally. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** SQL condition and parameters for a contacts search; `1` (everything) when the term is blank. */
function searchClause(search: string | undefined): { sql: string; params: Record<string, string> } {
  const term = search?.trim() ?? '';
  if (term === '') return { sql: '1', params: {} };
  const like = (col: string, p: string) => `${col} LIKE @${p} ESCAPE '\\'`;
  const parts = ['first_name', 'last_name', 'email', 'phone'].map((c) => like(c, 'pattern'));
  parts.push(like("(COALESCE(first_name, '') || ' ' || COALESCE(last_name, ''))", 'pattern'));
  const params: Record<string, string> = { pattern: `%${escapeLike(term)}%` };
  // "7911 123-456" should find +447911123456: compare digits only when the term looks like a phone.
  const digits = term.replace(/\D/g, '');
  if (digits.length >= 3 && /^[\d\s+().-]+$/.test(term)) {
    parts.push(like('phone', 'digits'));
    params.digits = `%${digits}%`;
  }
  return { sql: `(${parts.join(' OR ')})`, params };
}

/**
 * One page of contacts in id order, filtered by a case-insensitive (ASCII) substring of first name,
 * last name, "first last", email or phone. `afterId` is the keyset cursor (last id of the previous page);
 * `total` counts every contact matching the search; `nextAfterId` is null on the last page.
 */
export function listContacts(
  store: Store,
  query: { search?: string; limit: number; afterId?: number },
): { rows: Contact[]; total: number; nextAfterId: number | null } {
  const { sql, params } = searchClause(query.search);
  const page = store.sqlite
    .prepare<Record<string, string | number>, ContactRow>(
      `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE id > @afterId AND ${sql} ORDER BY id LIMIT @take`,
    )
    .all({ ...params, afterId: query.afterId ?? 0, take: query.limit + 1 });
  const { total } = store.sqlite
    .prepare<Record<string, string>, { total: number }>(`SELECT COUNT(*) AS total FROM contacts WHERE ${sql}`)
    .get(params) ?? { total: 0 };
  const more = page.length > query.limit;
  const rows = (more ? page.slice(0, query.limit) : page).map(toContact);
  return { rows, total, nextAfterId: more ? (rows[rows.length - 1]?.id ?? null) : null };
}

/** Every import, newest first: id, file name, contacts it created and when it ran (ms since epoch). */
export function listImports(
  store: Store,
): { id: number; fileName: string; imported: number; createdAt: number }[] {
  return store.sqlite
    .prepare<[], { id: number; fileName: string; imported: number; createdAt: number }>(
      'SELECT id, file_name AS fileName, imported, created_at AS createdAt FROM imports ORDER BY created_at DESC, id DESC',
    )
    .all();
}

/** A campaign audience: every contact, or those created by one import. */
export interface AudienceFilter {
  importId?: number;
}

function audienceClause(filter: AudienceFilter): { sql: string; params: Record<string, number> } {
  return filter.importId === undefined
    ? { sql: '1', params: {} }
    : { sql: 'import_id = @importId', params: { importId: filter.importId } };
}

/** Up to `limit` audience contacts with id > `afterId`, in id order (keyset paging for the campaign runner). */
export function getContactsForAudience(
  store: Store,
  filter: AudienceFilter,
  afterId: number,
  limit: number,
): ContactRecord[] {
  const { sql, params } = audienceClause(filter);
  return store.sqlite
    .prepare<Record<string, number>, ContactRow>(
      `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE id > @afterId AND ${sql} ORDER BY id LIMIT @limit`,
    )
    .all({ ...params, afterId, limit })
    .map(toContactRecord);
}

/** Number of contacts in an audience. */
export function countAudience(store: Store, filter: AudienceFilter): number {
  const { sql, params } = audienceClause(filter);
  const row = store.sqlite
    .prepare<Record<string, number>, { n: number }>(`SELECT COUNT(*) AS n FROM contacts WHERE ${sql}`)
    .get(params);
  return row?.n ?? 0;
}
