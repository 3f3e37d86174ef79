import type { ContactFilter } from '../contract';
import type { Store } from '../store/db';
import { csvLine } from '../contract/csv';
import { listContacts } from './repo';

const FIXED = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'phone_type',
  'language',
  'email_consent',
  'whatsapp_consent',
  'preferred_channel',
  'suppressed_email',
  'suppressed_whatsapp',
  'lists',
  'tags',
];

/**
 * One page of matching contacts as CSV, keyset-paged by id (the renderer asks page after page and
 * joins them into one download). The first page starts with the header: the fixed columns, then every
 * attribute key in use (`columns`, computed on the first page and passed back for the next ones).
 * Cells are formula-safe (see csvCell).
 */
export function exportContacts(
  store: Store,
  q: { filter: ContactFilter; columns?: string[]; afterId?: number; limit: number },
): { csv: string; rows: number; nextAfterId: number | null; columns: string[] } {
  const keys =
    q.columns ??
    store.sqlite
      .prepare<[], { key: string }>(
        "SELECT DISTINCT j.key AS key FROM contacts, json_each(contacts.attributes) AS j WHERE contacts.attributes <> '{}' ORDER BY j.key",
      )
      .all()
      .map((r) => r.key);
  const page = listContacts(store, { ...q.filter, limit: q.limit, afterId: q.afterId, withTotal: false });
  let csv = q.afterId ? '' : csvLine([...FIXED, ...keys]);
  for (const c of page.rows) {
    csv += csvLine([
      c.firstName,
      c.lastName,
      c.email,
      c.phone,
      c.phoneType,
      c.language,
      c.emailConsent,
      c.whatsappConsent,
      c.preferredChannel,
      c.suppressedEmail ? 'yes' : 'no',
      c.suppressedWhatsApp ? 'yes' : 'no',
      c.lists.join('; '),
      c.tags.join('; '),
      ...keys.map((k) => c.attributes[k] ?? ''),
    ]);
  }
  return { csv, rows: page.rows.length, nextAfterId: page.nextAfterId, columns: keys };
}
