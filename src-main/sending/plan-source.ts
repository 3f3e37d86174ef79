import type { Channel, ChannelMode } from '../contract';
import type { Store } from '../store/db';
import { type AudienceInput, audienceClause } from './audience';
import { type AudienceRow, type PlannedRow, SUPPRESSION_REASONS, planContact } from './outbox';

/** Contacts read per page while planning (bounded memory; the outbox writes one page at a time). */
export const PLAN_PAGE = 5000;

/** One audience contact and what it gets on each channel. */
export interface PlannedContact {
  contact: AudienceRow;
  rows: PlannedRow[];
}

/**
 * The audience's contacts, in id order, a page at a time, with the columns planning reads: addresses,
 * consent, preferred channel and the suppression reason per channel (null = not suppressed).
 * Read-only. The audience condition runs ONCE for the matching ids (with SQLite's best plan: driven by a
 * list's members when the audience is a list), then each page is read by id; re-running the condition
 * per page would re-sort every match for each page. Pages are read with `.all()` so a caller may write
 * between pages (the outbox does, inside its transaction, so ids and rows agree).
 */
export function* audiencePages(
  store: Store,
  audience: AudienceInput,
  pageSize = PLAN_PAGE,
): Generator<AudienceRow[]> {
  const { sql, params } = audienceClause(audience);
  const ids = store.sqlite
    .prepare<Record<string, string | number>, number>(
      `SELECT c.id FROM contacts c WHERE ${sql} ORDER BY c.id`,
    )
    .pluck()
    .all(params);
  const page = store.sqlite.prepare<[string], AudienceRow>(
    `SELECT c.id, c.email, c.phone, c.email_consent, c.whatsapp_consent, c.preferred_channel,
            ${SUPPRESSION_REASONS}
     FROM json_each(?) j CROSS JOIN contacts c ON c.id = j.value`,
  );
  for (let i = 0; i < ids.length; i += pageSize) {
    const rows = page.all(JSON.stringify(ids.slice(i, i + pageSize)));
    if (rows.length > 0) yield rows;
  }
}

/**
 * Every audience contact with its planned rows under `mode` (planContact, with one duplicate set per
 * channel across the whole audience). The single source of the outbox (materialiseOutbox), the
 * qualification counts and the pre-send plan, so what the plan says is what the outbox will hold.
 */
export function* planAudience(
  store: Store,
  mode: ChannelMode,
  audience: AudienceInput,
  pageSize = PLAN_PAGE,
): Generator<PlannedContact[]> {
  const seen: Record<Channel, Set<string>> = { email: new Set(), whatsapp: new Set() };
  for (const rows of audiencePages(store, audience, pageSize))
    yield rows.map((contact) => ({ contact, rows: planContact(mode, contact, seen) }));
}
