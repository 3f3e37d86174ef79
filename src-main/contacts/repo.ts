import type { AudienceContact, ContactFilter, ImportRecordView } from '../contract';
import type { Store } from '../store/db';
import { isImportWriting } from './activity';
import { filterClause } from './filter';
import { type AudienceInput, audienceClause } from '../sending/audience';
import { preferredChannelOf } from './preferred';
import {
  CONTACT_COLUMNS,
  type ContactRecord,
  type ContactRow,
  parseAttributes,
  toContactRecord,
} from './rows';

export type { ContactRecord } from './rows';
export { escapeLike } from './filter';

/** A `contacts` row with the audience extras selected by AUDIENCE_SELECT. */
interface AudienceRow extends ContactRow {
  email_consent: string | null;
  whatsapp_consent: string | null;
  preferred_channel: string | null;
  sup_email: number;
  sup_wa: number;
  list_names: string | null;
  tag_names: string | null;
}

const SEP = '\u001f';
/** Columns of the audience table: the contact, suppression per channel, list and tag names. */
export const AUDIENCE_SELECT = `SELECT c.id, c.first_name, c.last_name, c.email, c.phone, c.phone_type, c.language,
  c.attributes, c.import_id, c.created_at, c.updated_at, c.email_consent, c.whatsapp_consent, c.preferred_channel,
  EXISTS (SELECT 1 FROM suppressions s WHERE s.channel = 'email' AND s.address = c.email) AS sup_email,
  EXISTS (SELECT 1 FROM suppressions s WHERE s.channel = 'whatsapp' AND s.address = c.phone) AS sup_wa,
  (SELECT group_concat(l.name, char(31)) FROM list_members m JOIN lists l ON l.id = m.list_id WHERE m.contact_id = c.id) AS list_names,
  (SELECT group_concat(t.name, char(31)) FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = c.id) AS tag_names
  FROM contacts c`;

/** Maps an AUDIENCE_SELECT row to the contract's AudienceContact. */
export function toAudienceContact(r: AudienceRow): AudienceContact {
  return {
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    phone: r.phone,
    attributes: parseAttributes(r.attributes),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    phoneType: r.phone_type,
    language: r.language,
    emailConsent: r.email_consent,
    whatsappConsent: r.whatsapp_consent,
    preferredChannel: preferredChannelOf(r.preferred_channel),
    suppressedEmail: r.sup_email === 1,
    suppressedWhatsApp: r.sup_wa === 1,
    lists: r.list_names ? r.list_names.split(SEP).sort() : [],
    tags: r.tag_names ? r.tag_names.split(SEP).sort() : [],
  };
}

/** One audience contact by id, or undefined. */
export function getAudienceContact(store: Store, id: number): AudienceContact | undefined {
  const row = store.sqlite.prepare<[number], AudienceRow>(`${AUDIENCE_SELECT} WHERE c.id = ?`).get(id);
  return row ? toAudienceContact(row) : undefined;
}

/** How long a count may be reused while ANOTHER connection (an import job) keeps committing (ms). */
export const COUNT_REUSE_MS = 1000;
const counts = new WeakMap<
  Store,
  Map<string, { total: number; at: number; version: number; changes: number }>
>();

/**
 * COUNT(*) of the contacts matching a condition. Counting a million rows costs tens of ms, so while an
 * import in another thread commits a batch every few ms the count is reused for COUNT_REUSE_MS (the
 * shown total lags by at most that); it is recounted at once after this connection's own writes
 * (`total_changes()`) or when nothing else changed (`PRAGMA data_version`).
 */
function countMatching(store: Store, sql: string, params: Record<string, string | number>): number {
  const db = store.sqlite;
  const version = db.pragma('data_version', { simple: true }) as number;
  const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  let cache = counts.get(store);
  if (!cache) counts.set(store, (cache = new Map()));
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  const hit = cache.get(key);
  const now = Date.now();
  if (
    hit &&
    hit.changes === changes &&
    (hit.version === version || (isImportWriting() && now - hit.at < COUNT_REUSE_MS))
  )
    return hit.total;
  const row = db
    .prepare<Record<string, string | number>, { total: number }>(
      `SELECT COUNT(*) AS total FROM contacts c WHERE ${sql}`,
    )
    .get(params);
  if (cache.size > 100) cache.clear();
  cache.set(key, { total: row?.total ?? 0, at: now, version, changes });
  return row?.total ?? 0;
}

/**
 * One page of contacts in id order matching `query` (see filterClause). `afterId` is the keyset
 * cursor (last id of the previous page); `offset` instead starts at the n-th match (for a jump in the
 * virtualised table: SQLite walks the id index up to it). `total` counts every match (-1 when
 * `withTotal` is false; see countMatching for how it may lag during an import); `nextAfterId` is null
 * on the last page.
 */
export function listContacts(
  store: Store,
  query: ContactFilter & { limit: number; afterId?: number; offset?: number; withTotal?: boolean },
): { rows: AudienceContact[]; total: number; nextAfterId: number | null } {
  const { sql, params } = filterClause(query);
  const keyset = query.offset === undefined;
  const page = store.sqlite
    .prepare<Record<string, string | number>, AudienceRow>(
      `${AUDIENCE_SELECT} WHERE ${keyset ? 'c.id > @afterId AND ' : ''}${sql} ORDER BY c.id LIMIT @take${keyset ? '' : ' OFFSET @offset'}`,
    )
    .all({
      ...params,
      take: query.limit + 1,
      ...(keyset ? { afterId: query.afterId ?? 0 } : { offset: query.offset ?? 0 }),
    });
  const total = query.withTotal === false ? -1 : countMatching(store, sql, params);
  const more = page.length > query.limit;
  const rows = (more ? page.slice(0, query.limit) : page).map(toAudienceContact);
  return { rows, total, nextAfterId: more ? (rows[rows.length - 1]?.id ?? null) : null };
}

/** Every import, newest first, with its counts and status. */
export function listImports(store: Store): ImportRecordView[] {
  return store.sqlite
    .prepare<[], ImportRecordView>(
      `SELECT id, file_name AS fileName, imported, updated, rows, status, issue_count AS issueCount,
         created_at AS createdAt FROM imports ORDER BY created_at DESC, id DESC`,
    )
    .all();
}

/**
 * A campaign audience (the contract's `Audience`; omitted groups match everyone): `{}` is every
 * contact, `{ importId }` those created by one import. The condition is `audienceClause`'s.
 */
export type AudienceFilter = AudienceInput;

/** Up to `limit` audience contacts with id > `afterId`, in id order (keyset paging for the campaign runner). */
export function getContactsForAudience(
  store: Store,
  filter: AudienceFilter,
  afterId: number,
  limit: number,
): ContactRecord[] {
  const { sql, params } = audienceClause(filter);
  return store.sqlite
    .prepare<Record<string, string | number>, ContactRow>(
      `SELECT ${CONTACT_COLUMNS} FROM contacts c WHERE c.id > @afterId AND ${sql} ORDER BY c.id LIMIT @limit`,
    )
    .all({ ...params, afterId, limit })
    .map(toContactRecord);
}

/** Number of contacts in an audience (one COUNT with the audience clause). */
export function countAudience(store: Store, filter: AudienceFilter): number {
  const { sql, params } = audienceClause(filter);
  const row = store.sqlite
    .prepare<Record<string, string | number>, { n: number }>(
      `SELECT COUNT(*) AS n FROM contacts c WHERE ${sql}`,
    )
    .get(params);
  return row?.n ?? 0;
}
