import type Database from 'better-sqlite3';
import type { FailureEntry, RecipientFilter, RecipientRow } from '../contract';
import type { Store } from '../store/db';
import { planFallbackEmail } from './outbox';

/** 131049 ("per-user marketing cap"): no resend to that number within 24 h (whatsapp-cloud-api.md). */
const NO_RESEND_MS = 24 * 60 * 60 * 1000;

interface RawRow {
  id: number;
  contact_id: number;
  channel: RecipientRow['channel'];
  address: string | null;
  state: RecipientRow['state'];
  attempts: number;
  provider_message_id: string | null;
  error_code: string | null;
  error_message: string | null;
  error_action: string | null;
  skip_reason: string | null;
  updated_at: number;
  first_name: string | null;
  last_name: string | null;
}

const FILTERED = `FROM outbox o LEFT JOIN contacts c ON c.id = o.contact_id
  WHERE o.campaign_id = @campaignId AND o.id > @afterId
    AND (@state IS NULL OR o.state = @state) AND (@channel IS NULL OR o.channel = @channel)
    AND (@like IS NULL OR o.address LIKE @like ESCAPE '\\' OR TRIM(COALESCE(c.first_name, '') || ' ' || COALESCE(c.last_name, '')) LIKE @like ESCAPE '\\')`;

function params(f: RecipientFilter, afterId: number) {
  const search = f.search?.trim();
  return {
    campaignId: f.campaignId,
    afterId,
    state: f.state ?? null,
    channel: f.channel ?? null,
    like: search ? `%${search.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null,
  };
}

function toRow(r: RawRow): RecipientRow {
  return {
    id: r.id,
    contactId: r.contact_id,
    name: [r.first_name, r.last_name].filter(Boolean).join(' ') || String(r.address ?? ''),
    channel: r.channel,
    address: String(r.address ?? ''),
    state: r.state,
    attempts: r.attempts,
    providerMessageId: r.provider_message_id,
    errorCode: r.error_code,
    errorMessage: r.error_message,
    errorAction: r.error_action,
    skipReason: r.skip_reason,
    updatedAt: r.updated_at,
  };
}

/** One keyset page of the per-recipient report (outbox order). */
export function queryRecipients(
  store: Store,
  filter: RecipientFilter,
  afterId: number,
  limit: number,
): { rows: RecipientRow[]; nextAfterId: number | null } {
  const rows = (
    store.sqlite
      .prepare(
        `SELECT o.id, o.contact_id, o.channel, o.address, o.state, o.attempts, o.provider_message_id, o.error_code,
                o.error_message, o.error_action, o.skip_reason, o.updated_at, c.first_name, c.last_name
         ${FILTERED} ORDER BY o.id LIMIT @limit`,
      )
      .all({ ...params(filter, afterId), limit }) as RawRow[]
  ).map(toRow);
  return { rows, nextAfterId: rows.length === limit ? rows[rows.length - 1]!.id : null };
}

/** Every row matching the filter, in outbox order (for CSV export). */
export function* iterateRecipients(store: Store, filter: RecipientFilter): Generator<RecipientRow> {
  const stmt = store.sqlite.prepare(
    `SELECT o.id, o.contact_id, o.channel, o.address, o.state, o.attempts, o.provider_message_id, o.error_code,
            o.error_message, o.error_action, o.skip_reason, o.updated_at, c.first_name, c.last_name
     ${FILTERED} ORDER BY o.id`,
  );
  for (const r of stmt.iterate(params(filter, 0)) as Iterable<RawRow>) yield toRow(r);
}

/** The latest failures of a campaign, newest first. */
export function latestFailures(db: Database.Database, campaignId: number, limit = 10): FailureEntry[] {
  const rows = db
    .prepare(
      `SELECT id, channel, address, error_code, error_message, updated_at FROM outbox
       WHERE campaign_id = ? AND state = 'failed' ORDER BY updated_at DESC, id DESC LIMIT ?`,
    )
    .all(campaignId, limit) as {
    id: number;
    channel: FailureEntry['channel'];
    address: string | null;
    error_code: string | null;
    error_message: string | null;
    updated_at: number;
  }[];
  return rows.map((r) => ({
    rowId: r.id,
    channel: r.channel,
    address: r.address ?? '',
    code: r.error_code,
    message: r.error_message ?? '',
    at: r.updated_at,
  }));
}

/** `AND id IN (…)` over a JSON array parameter, or nothing when no ids are given. */
const chosen = (ids: number[] | undefined) => (ids ? 'AND o.id IN (SELECT value FROM json_each(@ids))' : '');

/**
 * Queues failed rows again: without `rowIds` those whose retries ran out (error class RETRY); with
 * `rowIds` exactly those (when failed). Rows whose address is now suppressed, and 131049 rows within
 * 24 h, are left failed. Returns rows changed and rows left.
 */
export function retryFailed(
  store: Store,
  campaignId: number,
  rowIds?: number[],
): { changed: number; skipped: number } {
  const db = store.sqlite;
  const scope = `FROM outbox o WHERE o.campaign_id = @campaignId AND o.state = 'failed'
    ${rowIds ? chosen(rowIds) : "AND o.error_action = 'RETRY'"}`;
  const p = {
    campaignId,
    ids: JSON.stringify(rowIds ?? []),
    now: Date.now(),
    since: Date.now() - NO_RESEND_MS,
  };
  return db.transaction(() => {
    const total = (db.prepare(`SELECT COUNT(*) AS n ${scope}`).get(p) as { n: number }).n;
    const changed = db
      .prepare(
        `UPDATE outbox SET state = 'queued', attempts = 0, next_attempt_at = 0, updated_at = @now
         WHERE id IN (SELECT o.id ${scope}
           AND NOT EXISTS (SELECT 1 FROM suppressions s WHERE s.channel = o.channel AND s.address = o.address)
           AND NOT (o.error_code = '131049' AND o.updated_at > @since))`,
      )
      .run(p).changes;
    return { changed, skipped: total - changed };
  })();
}

/**
 * Rows left `unknown` (all, or `rowIds`): `resend` queues them again; `mark_sent` records them as sent.
 * Returns rows changed and rows left.
 */
export function resolveUnknown(
  store: Store,
  campaignId: number,
  action: 'resend' | 'mark_sent',
  rowIds?: number[],
): { changed: number; skipped: number } {
  const db = store.sqlite;
  const p = {
    campaignId,
    ids: JSON.stringify(rowIds ?? []),
    now: Date.now(),
    note: 'Marked as sent by you.',
  };
  const where = `WHERE id IN (SELECT o.id FROM outbox o WHERE o.campaign_id = @campaignId AND o.state = 'unknown' ${chosen(rowIds)})`;
  const set =
    action === 'resend'
      ? `state = 'queued', next_attempt_at = 0, updated_at = @now`
      : `state = 'sent', error_message = @note, updated_at = @now`;
  const changed = db.prepare(`UPDATE outbox SET ${set} ${where}`).run(p).changes;
  const asked = rowIds ? rowIds.length : changed;
  return { changed, skipped: Math.max(0, asked - changed) };
}

/**
 * Queues an email for the contacts whose WhatsApp row failed (all, or `rowIds`), checked against
 * email consent and the suppression list like any row; contacts that already have an email row in
 * this campaign keep it. Returns emails queued and contacts left out.
 */
export function emailInstead(
  store: Store,
  campaignId: number,
  rowIds?: number[],
): { changed: number; skipped: number } {
  const db = store.sqlite;
  const candidates = db
    .prepare(
      `SELECT o.contact_id AS id, c.email, c.email_consent AS consent,
              (SELECT reason FROM suppressions s WHERE s.channel = 'email' AND s.address = c.email) AS suppressed
       FROM outbox o JOIN contacts c ON c.id = o.contact_id
       WHERE o.campaign_id = @campaignId AND o.channel = 'whatsapp' AND o.state = 'failed' ${chosen(rowIds)}`,
    )
    .all({ campaignId, ids: JSON.stringify(rowIds ?? []) }) as {
    id: number;
    email: string | null;
    consent: string | null;
    suppressed: string | null;
  }[];
  const insert = db.prepare(
    `INSERT OR IGNORE INTO outbox (campaign_id, contact_id, channel, address, state, updated_at) VALUES (?, ?, 'email', ?, 'queued', ?)`,
  );
  return db.transaction(() => {
    let changed = 0;
    const now = Date.now();
    for (const c of candidates) {
      const planned = planFallbackEmail(c.email, c.consent, c.suppressed);
      if (planned.state === 'queued') changed += insert.run(campaignId, c.id, planned.address, now).changes;
    }
    return { changed, skipped: candidates.length - changed };
  })();
}
